#pragma once

#include <nlohmann/json.hpp>

#include "core/whoiswho/service.hpp"
#include "http/language.hpp"

namespace aantafel::http {

/// JSON shapes of Wie is wie (one place per resource).
nlohmann::json MunicipalityView(const core::whoiswho::Municipality& m);
/// A municipality with its districts, predecessors and successors.
nlohmann::json MunicipalityDetailView(const core::whoiswho::MunicipalityDetail& d);
nlohmann::json OrganisationView(const core::whoiswho::Organisation& org);
nlohmann::json PositionView(const core::whoiswho::Position& p, core::CivilDate today);
nlohmann::json AssessmentView(const core::whoiswho::Assessment& a);
/// A person with personal fields (detail page, export).
nlohmann::json PersonView(const core::whoiswho::Person& p);
/// A person in a list: public-role data, current positions, latest assessment and quadrant.
nlohmann::json PersonSummaryView(const core::whoiswho::PersonSummary& s, core::CivilDate today);
nlohmann::json SeatsView(const std::vector<core::whoiswho::SeatCount>& seats);
nlohmann::json CouncilTermView(const core::whoiswho::CouncilTerm& term);
/// An import report; issue messages in `language`.
nlohmann::json ImportReportView(const core::whoiswho::ImportReport& report, Language language);
nlohmann::json DossierView(const core::whoiswho::PersonDossier& d, core::CivilDate today);

}  // namespace aantafel::http

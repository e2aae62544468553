#include "http/handlers/whoiswho_views.hpp"

#include "http/errors.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using namespace core::whoiswho;

namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json MunicipalityView(const Municipality& m) {
  return {
      {"code", m.code},
      {"name", m.name},
      {"province", OrNull(m.province)},
      {"population", OrNull(m.population)},
      {"care_office_region", OrNull(m.care_office_region)},
      {"youth_region", OrNull(m.youth_region)},
      {"source", m.source},
      {"reference_date",
       m.reference_date ? nlohmann::json(m.reference_date->ToString()) : nlohmann::json(nullptr)},
      {"ended_on", m.ended_on ? nlohmann::json(m.ended_on->ToString()) : nlohmann::json(nullptr)}};
}

nlohmann::json MunicipalityDetailView(const MunicipalityDetail& d) {
  nlohmann::json out = MunicipalityView(d.municipality);
  auto links = [](const std::vector<MunicipalityLink>& list) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& l : list) {
      items.push_back(
          {{"code", l.code}, {"name", l.name}, {"effective_on", l.effective_on.ToString()}});
    }
    return items;
  };
  nlohmann::json districts = nlohmann::json::array();
  for (const auto& w : d.districts) {
    districts.push_back(
        {{"code", w.code}, {"name", w.name}, {"municipality_code", w.municipality_code}});
  }
  out["districts"] = std::move(districts);
  out["predecessors"] = links(d.predecessors);
  out["successors"] = links(d.successors);
  return out;
}

nlohmann::json OrganisationView(const Organisation& org) {
  nlohmann::json out = {{"id", org.id},
                        {"kind", ToString(org.kind)},
                        {"name", org.name},
                        {"municipality_code", OrNull(org.municipality_code)}};
  if (org.municipality_code) {
    auto text = [](const std::string& s) {
      return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    out["facts"] = {{"inhabitants", OrNull(org.facts.inhabitants)},
                    {"total_seats", OrNull(org.facts.total_seats)},
                    {"website", text(org.facts.website)},
                    {"province", text(org.facts.province)}};
  }
  return out;
}

nlohmann::json PositionView(const Position& p, core::CivilDate today) {
  return {
      {"id", p.id},
      {"person_id", p.person_id},
      {"organisation_id", p.organisation_id},
      {"kind", ToString(p.kind)},
      {"title", p.title},
      {"party", p.party},
      {"portfolios", p.portfolios},
      {"domains", p.domains},
      {"committees", p.committees},
      {"started_on", p.started_on.ToString()},
      {"ended_on", p.ended_on ? nlohmann::json(p.ended_on->ToString()) : nlohmann::json(nullptr)},
      {"current", IsCurrent(p, today)}};
}

nlohmann::json AssessmentView(const Assessment& a) {
  return {{"id", a.id},
          {"assessed_on", a.assessed_on.ToString()},
          {"power", a.scores.power},
          {"interest", a.scores.interest},
          {"attitude", a.scores.attitude},
          {"note", a.note},
          {"quadrant", ToString(Classify(a.scores.power, a.scores.interest))}};
}

nlohmann::json PersonView(const Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"email", OrNull(p.email)},
          {"phone", OrNull(p.phone)},
          {"notes", OrNull(p.notes)},
          {"fictional", p.fictional},
          {"created_at", FormatTimestamp(p.created_at)},
          {"updated_at", FormatTimestamp(p.updated_at)}};
}

nlohmann::json PersonSummaryView(const PersonSummary& s, core::CivilDate today) {
  nlohmann::json positions = nlohmann::json::array();
  for (const auto& p : s.current_positions) positions.push_back(PositionView(p, today));
  return {
      {"id", s.person.id},
      {"name", s.person.name},
      {"fictional", s.person.fictional},
      {"current_positions", positions},
      {"latest_assessment",
       s.latest_assessment ? AssessmentView(*s.latest_assessment) : nlohmann::json(nullptr)},
      {"quadrant", s.quadrant ? nlohmann::json(ToString(*s.quadrant)) : nlohmann::json(nullptr)}};
}

nlohmann::json DossierView(const PersonDossier& d, core::CivilDate today) {
  nlohmann::json positions = nlohmann::json::array();
  for (const auto& p : d.positions) positions.push_back(PositionView(p, today));
  nlohmann::json assessments = nlohmann::json::array();
  for (const auto& a : d.assessments) assessments.push_back(AssessmentView(a));
  return {{"person", PersonView(d.person)}, {"positions", positions}, {"assessments", assessments}};
}

nlohmann::json SeatsView(const std::vector<SeatCount>& seats) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : seats) out.push_back({{"party", s.party}, {"seats", s.seats}});
  return out;
}

nlohmann::json CouncilTermView(const CouncilTerm& term) {
  return {{"id", term.id},
          {"organisation_id", term.organisation_id},
          {"election_date", term.election_date ? nlohmann::json(term.election_date->ToString())
                                               : nlohmann::json(nullptr)},
          {"installation_date", term.installation_date.ToString()},
          {"seats", SeatsView(term.seats)}};
}

nlohmann::json ImportReportView(const ImportReport& report, Language language) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& issue : report.rejected) {
    rejected.push_back({{"line", issue.line},
                        {"field", issue.field},
                        {"code", core::ToString(issue.issue)},
                        {"message", FieldMessage({.issue = issue.issue}, language)}});
  }
  return {{"kind", report.kind},
          {"dry_run", report.dry_run},
          {"applied", report.applied},
          {"rows", report.rows},
          {"municipalities", report.municipalities},
          {"municipalities_added", report.municipalities_added},
          {"municipalities_updated", report.municipalities_updated},
          {"organisations_added", report.organisations_added},
          {"people_added", report.people_added},
          {"people_matched", report.people_matched},
          {"positions_added", report.positions_added},
          {"positions_updated", report.positions_updated},
          {"positions_unchanged", report.positions_unchanged},
          {"positions_skipped", report.positions_skipped},
          {"seats_updated", report.seats_updated},
          {"facts_updated", report.facts_updated},
          {"rejected", std::move(rejected)}};
}

}  // namespace aantafel::http

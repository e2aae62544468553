#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/whoiswho/import.hpp"
#include "core/whoiswho/model.hpp"
#include "core/whoiswho/ports.hpp"

namespace aantafel::core::whoiswho {

/// A person as typed by a user. Empty optional fields are cleared.
struct PersonInput {
  std::string name;
  std::string email;
  std::string phone;
  std::string notes;
  bool fictional = false;
};

/// A partial change of a person: absent fields keep their value, empty strings clear them.
struct PersonPatch {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> notes;
  std::optional<bool> fictional;
};

/// A position as typed by a user; dates as "YYYY-MM-DD".
struct PositionInput {
  std::int64_t organisation_id = 0;
  std::string kind;
  std::string title;
  std::string party;
  std::vector<std::string> portfolios;
  std::vector<std::string> domains;
  std::vector<std::string> committees;
  std::string started_on;
  std::string ended_on;  ///< empty while the position lasts
};

/// An assessment as typed by a user; `assessed_on` empty means today (Dutch date).
struct AssessmentInput {
  std::string assessed_on;
  int power = 0;
  int interest = 0;
  int attitude = 0;
  std::string note;
};

/// A person in a list: current positions and where they stand now.
struct PersonSummary {
  Person person;
  std::vector<Position> current_positions;
  std::optional<Assessment> latest_assessment;
  std::optional<Quadrant> quadrant;
};

/// Everything we hold on a person (the AVG access request and the detail page).
struct PersonDossier {
  Person person;
  std::vector<Position> positions;  ///< all, including ended ones
  std::vector<Assessment> assessments;
};

/// A municipality of the register with what surrounds it.
struct MunicipalityDetail {
  Municipality municipality;
  std::vector<District> districts;
  std::vector<MunicipalityLink> predecessors;  ///< went into this one
  std::vector<MunicipalityLink> successors;    ///< this one went into
};

/// Filters of the people list.
struct PeopleFilter {
  std::string text;  ///< part of the name
  std::optional<std::int64_t> organisation_id;
  std::optional<PositionKind> kind;  ///< with a current position of this kind
  std::string party;
  std::string domain;
  std::optional<Quadrant> quadrant;
  std::size_t limit = 100;
  std::size_t offset = 0;
};

/// One page of the people list.
struct PeoplePage {
  std::vector<PersonSummary> items;
  bool has_more = false;
};

/// A new council as typed by a user.
struct ElectionInput {
  std::string installation_date;
  std::string election_date;  ///< optional
  std::vector<SeatCount> seats;
};

/// What an election transition did.
struct ElectionResult {
  CouncilTerm term;
  std::vector<PositionEnding> ended;
  std::vector<Person> not_yet_met;
};

/// Council terms and the current seats of one municipality.
struct CouncilOverview {
  std::vector<CouncilTerm> terms;
  std::vector<SeatCount> seats;
  /// Onboarding: people who started in the newest term and have not been met since its
  /// election (or installation) — an interaction with them clears them from the list.
  std::vector<Person> not_yet_met;
};

/// Use cases of Wie is wie. Every call acts inside one workspace.
class WhoIsWhoService {
 public:
  /// `register_editors`: e-mail addresses (lower case) of the accounts that may change the
  /// shared municipal register through the API.
  WhoIsWhoService(WhoIsWhoRepository& repository, const Clock& clock,
                  std::set<std::string> register_editors = {});

  std::vector<Municipality> SearchMunicipalities(std::string_view text);
  /// Every municipality of the register (shared by every workspace), for search.
  std::vector<Municipality> AllMunicipalities();
  /// The id and name of every person of the workspace, for search.
  std::vector<std::pair<std::int64_t, std::string>> PersonNames(
      const accounts::WorkspaceAccess& access);
  /// The title of each person's first current position, for the people given.
  std::map<std::int64_t, std::string> CurrentRoles(const accounts::WorkspaceAccess& access,
                                                   const std::vector<std::int64_t>& person_ids);
  /// The CBS reference data of one municipality (shared by every workspace).
  std::optional<Municipality> FindMunicipality(std::string_view code);
  /// Brings the municipalities this workspace works with up to date from an Almanak export the
  /// server fetched: like ImportPeople, but rows and facts of other municipalities are left out
  /// (a national file must not add 342 municipalities to every workspace).
  Result<ImportReport> RefreshFromAlmanak(const accounts::WorkspaceAccess& access,
                                          const ParsedPeople& parsed);
  /// A municipality with its districts and the reorganisations it took part in; kInvalidInput
  /// on "code" for a malformed code, kNotFound when the register does not know it.
  Result<MunicipalityDetail> GetMunicipality(std::string_view code);
  Status UpsertMunicipality(const Municipality& municipality);

  Result<Organisation> AddOrganisation(const accounts::WorkspaceAccess& access,
                                       std::string_view kind, std::string_view name,
                                       std::string_view municipality_code);
  std::vector<Organisation> ListOrganisations(const accounts::WorkspaceAccess& access);

  Result<Person> AddPerson(const accounts::WorkspaceAccess& access, const PersonInput& input);
  Result<Person> UpdatePerson(const accounts::WorkspaceAccess& access, std::int64_t id,
                              const PersonPatch& patch);
  Result<PersonDossier> GetPerson(const accounts::WorkspaceAccess& access, std::int64_t id);
  PeoplePage ListPeople(const accounts::WorkspaceAccess& access, const PeopleFilter& filter);
  /// Erases a person and everything about them (AVG); the erasure is written to the audit log.
  Status ErasePerson(const accounts::WorkspaceAccess& access, std::int64_t id);

  Result<Position> AddPosition(const accounts::WorkspaceAccess& access, std::int64_t person_id,
                               const PositionInput& input);
  Result<Position> EndPosition(const accounts::WorkspaceAccess& access, std::int64_t position_id,
                               std::string_view ended_on);
  Status DeletePosition(const accounts::WorkspaceAccess& access, std::int64_t position_id);

  Result<Assessment> AddAssessment(const accounts::WorkspaceAccess& access, std::int64_t person_id,
                                   const AssessmentInput& input);

  /// A new council is installed on `installation`: ends the old council-term positions at this
  /// municipality and lists the new people nobody has met yet.
  Result<ElectionResult> ApplyElection(const accounts::WorkspaceAccess& access,
                                       std::int64_t organisation_id, const ElectionInput& input);
  Result<CouncilOverview> Council(const accounts::WorkspaceAccess& access,
                                  std::int64_t organisation_id);

  /// Loads CBS municipalities into the shared reference data (operator action: CLI only).
  /// Nothing is written when any row is rejected or when `dry_run`.
  ImportReport ImportMunicipalities(const ParsedMunicipalities& parsed, bool dry_run);
  /// The same for someone signed in: a dry run for anyone, the import itself only for a
  /// register editor (kForbidden otherwise).
  Result<ImportReport> ImportMunicipalitiesAs(const accounts::Principal& who,
                                              const ParsedMunicipalities& parsed, bool dry_run);
  /// Imports people, positions and seats into the workspace. Matches people by name and
  /// positions by organisation, kind and start date, so a second run changes nothing; never
  /// touches notes. Nothing is written when any row is rejected or when `dry_run`.
  Result<ImportReport> ImportPeople(const accounts::WorkspaceAccess& access,
                                    const ParsedPeople& parsed, bool dry_run);

  /// Current positions with their people, for the CSV/XLSX export (recorded in the audit log).
  std::vector<ExportLine> ExportLines(const accounts::WorkspaceAccess& access,
                                      std::optional<std::int64_t> organisation_id);

  /// Today in the Netherlands.
  [[nodiscard]] CivilDate Today() const;

 private:
  Result<Person> CheckedPerson(const PersonInput& input);
  /// `known_only`: leave out what concerns municipalities the workspace does not work with.
  ImportPlan PlanImport(std::int64_t ws, const ParsedPeople& parsed, ImportReport& report,
                        bool known_only = false);

  WhoIsWhoRepository& repository_;
  const Clock& clock_;
  std::set<std::string> register_editors_;
};

}  // namespace aantafel::core::whoiswho

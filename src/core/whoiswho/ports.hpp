#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/whoiswho/model.hpp"
#include "core/whoiswho/register.hpp"

namespace aantafel::core::whoiswho {

/// Which people to list. Position filters (organisation, kind, party, domain) must all hold
/// for one position that is current on `today`; `quadrant` looks at the latest assessment.
struct PeopleQuery {
  std::string name_contains;  ///< NameKey form; empty = all
  std::optional<std::int64_t> organisation_id;
  std::optional<PositionKind> kind;
  std::string party;   ///< lower-case ASCII; empty = any
  std::string domain;  ///< lower-case ASCII; empty = any
  std::optional<Quadrant> quadrant;
  CivilDate today;
  std::size_t limit = 200;
  std::size_t offset = 0;
};

/// A reference to an organisation or person: an existing id, or the index of one created by the
/// same import plan.
struct PlanRef {
  std::int64_t id = 0;
  int new_index = -1;
};

/// Everything an import writes, applied in one transaction.
struct ImportPlan {
  struct NewPosition {
    PlanRef person;
    PlanRef organisation;
    Position position;
  };
  struct MunicipalityUpdate {
    PlanRef organisation;
    std::optional<std::vector<SeatCount>> seats;  ///< absent: keep
    std::optional<MunicipalityFacts> facts;       ///< absent: keep
  };
  std::vector<Organisation> new_organisations;
  std::vector<Person> new_people;
  std::vector<Person> contact_updates;  ///< existing people: only email and phone are written
  std::vector<NewPosition> new_positions;
  std::vector<PositionEnding> position_endings;
  std::vector<MunicipalityUpdate> municipality_updates;
};

/// One line of the people export: a current position with its person and organisation.
struct ExportLine {
  Organisation organisation;
  Person person;  ///< with email and phone; notes are never exported in lists
  Position position;
};

/// Port: Wie is wie storage. Every call names the workspace; nothing crosses workspaces.
/// Implementations encrypt Person email/phone/notes and Assessment notes at rest.
class WhoIsWhoRepository {
 public:
  virtual ~WhoIsWhoRepository() = default;

  // Shared reference data.
  virtual void UpsertMunicipality(const Municipality& municipality, Instant now) = 0;
  /// Inserts or updates all, atomically.
  virtual void UpsertMunicipalities(std::span<const Municipality> municipalities, Instant now) = 0;
  virtual std::optional<Municipality> FindMunicipality(std::string_view code) = 0;
  /// All municipalities (reference data is small: about 350 rows).
  virtual std::vector<Municipality> AllMunicipalities() = 0;
  /// Municipalities whose name or code contains `text` (case and accents folded), current ones
  /// first, by name.
  virtual std::vector<Municipality> SearchMunicipalities(std::string_view text,
                                                         std::size_t limit) = 0;
  /// The register's districts (wijken) of a municipality, by code.
  virtual std::vector<District> DistrictsOf(std::string_view municipality_code) = 0;
  /// Municipalities that went into `code` in a reorganisation, oldest first.
  virtual std::vector<MunicipalityLink> Predecessors(std::string_view code) = 0;
  /// Municipalities that `code` went into.
  virtual std::vector<MunicipalityLink> Successors(std::string_view code) = 0;

  // Organisations.
  /// kConflict on "municipality_code" when the workspace already has that municipality.
  virtual Result<Organisation> AddOrganisation(std::int64_t ws, const Organisation& org,
                                               Instant now) = 0;
  virtual std::optional<Organisation> FindOrganisation(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<Organisation> ListOrganisations(std::int64_t ws) = 0;
  /// Council terms of an organisation, newest first.
  virtual std::vector<CouncilTerm> CouncilTerms(std::int64_t ws, std::int64_t organisation_id) = 0;
  /// Records a term (replacing one with the same installation date), sets the organisation's
  /// current seats when given, and ends positions — all in one transaction.
  virtual CouncilTerm RecordElection(std::int64_t ws, const CouncilTerm& term,
                                     std::span<const PositionEnding> endings, Instant now) = 0;

  // People.
  virtual Person AddPerson(std::int64_t ws, const Person& person) = 0;
  virtual bool UpdatePerson(std::int64_t ws, const Person& person) = 0;
  virtual std::optional<Person> FindPerson(std::int64_t ws, std::int64_t id) = 0;
  /// People by name; email, phone and notes are not loaded (lists never show them).
  virtual std::vector<Person> ListPeople(std::int64_t ws, const PeopleQuery& query) = 0;
  /// The id and name of every person of the workspace, by id (one query; for search).
  virtual std::vector<std::pair<std::int64_t, std::string>> PersonNames(std::int64_t ws) = 0;
  /// People whose NameKey is one of `keys` (with email and phone, without notes).
  virtual std::vector<Person> PeopleNamed(std::int64_t ws, std::span<const std::string> keys) = 0;
  /// Deletes the person with all positions and assessments; false when there was none.
  virtual bool DeletePerson(std::int64_t ws, std::int64_t id) = 0;

  // Positions.
  virtual Position AddPosition(std::int64_t ws, const Position& position, Instant now) = 0;
  virtual std::optional<Position> FindPosition(std::int64_t ws, std::int64_t id) = 0;
  virtual bool SetPositionEnd(std::int64_t ws, std::int64_t id, std::optional<CivilDate> ended_on,
                              Instant now) = 0;
  virtual bool DeletePosition(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<Position> PositionsOfPeople(std::int64_t ws,
                                                  std::span<const std::int64_t> person_ids) = 0;
  virtual std::vector<Position> PositionsAt(std::int64_t ws, std::int64_t organisation_id) = 0;
  /// Current positions (on `today`) with person and organisation, by organisation and name.
  virtual std::vector<ExportLine> CurrentLines(std::int64_t ws, CivilDate today,
                                               std::optional<std::int64_t> organisation_id) = 0;

  /// Writes an import plan in one transaction.
  virtual void ApplyImport(std::int64_t ws, const ImportPlan& plan, Instant now) = 0;

  // Assessments.
  virtual Assessment AddAssessment(std::int64_t ws, const Assessment& assessment,
                                   std::int64_t user_id) = 0;
  /// All assessments of a person, oldest first.
  virtual std::vector<Assessment> AssessmentsOf(std::int64_t ws, std::int64_t person_id) = 0;
  /// The newest assessment of each of these people.
  virtual std::vector<Assessment> LatestAssessments(std::int64_t ws,
                                                    std::span<const std::int64_t> person_ids) = 0;

  /// People who took part in an interaction at or after `since` (Contacten en afspraken).
  virtual std::set<std::int64_t> PeopleMetSince(std::int64_t ws, Instant since) = 0;

  /// Records that something happened to personal data (no personal data in `subject`).
  virtual void RecordAudit(std::int64_t ws, std::int64_t user_id, std::string_view action,
                           std::string_view subject, Instant now) = 0;
};

}  // namespace aantafel::core::whoiswho

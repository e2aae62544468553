#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/whoiswho/model.hpp"

namespace aantafel::core::whoiswho {

/// Which people to list.
struct PeopleQuery {
  std::string name_contains;                    ///< lower-case; empty = all
  std::optional<std::int64_t> organisation_id;  ///< only people with a position there
  std::size_t limit = 200;
};

/// Port: Wie is wie storage. Every call names the workspace; nothing crosses workspaces.
/// Implementations encrypt Person email/phone/notes and Assessment notes at rest.
class WhoIsWhoRepository {
 public:
  virtual ~WhoIsWhoRepository() = default;

  // Shared reference data.
  virtual void UpsertMunicipality(const Municipality& municipality, Instant now) = 0;
  virtual std::optional<Municipality> FindMunicipality(std::string_view code) = 0;
  /// Municipalities whose name or code contains `text` (case-insensitive), by name.
  virtual std::vector<Municipality> SearchMunicipalities(std::string_view text,
                                                         std::size_t limit) = 0;

  // Organisations.
  /// kConflict on "municipality_code" when the workspace already has that municipality.
  virtual Result<Organisation> AddOrganisation(std::int64_t ws, const Organisation& org,
                                               Instant now) = 0;
  virtual std::optional<Organisation> FindOrganisation(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<Organisation> ListOrganisations(std::int64_t ws) = 0;

  // People.
  virtual Person AddPerson(std::int64_t ws, const Person& person) = 0;
  virtual bool UpdatePerson(std::int64_t ws, const Person& person) = 0;
  virtual std::optional<Person> FindPerson(std::int64_t ws, std::int64_t id) = 0;
  virtual std::vector<Person> ListPeople(std::int64_t ws, const PeopleQuery& query) = 0;
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
  /// Applies all endings atomically.
  virtual void EndPositions(std::int64_t ws, std::span<const PositionEnding> endings,
                            Instant now) = 0;

  // Assessments.
  virtual Assessment AddAssessment(std::int64_t ws, const Assessment& assessment,
                                   std::int64_t user_id) = 0;
  /// All assessments of a person, oldest first.
  virtual std::vector<Assessment> AssessmentsOf(std::int64_t ws, std::int64_t person_id) = 0;
  /// The newest assessment of each of these people.
  virtual std::vector<Assessment> LatestAssessments(std::int64_t ws,
                                                    std::span<const std::int64_t> person_ids) = 0;

  /// Records that something happened to personal data (no personal data in `subject`).
  virtual void RecordAudit(std::int64_t ws, std::int64_t user_id, std::string_view action,
                           std::string_view subject, Instant now) = 0;
};

}  // namespace aantafel::core::whoiswho

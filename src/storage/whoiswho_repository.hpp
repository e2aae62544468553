#pragma once

#include "core/field_cipher.hpp"
#include "core/whoiswho/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// WhoIsWhoRepository on SQL (both dialects). Personal fields are sealed with `cipher` under a
/// context that names the column and the workspace.
class SqlWhoIsWhoRepository final : public core::whoiswho::WhoIsWhoRepository {
 public:
  SqlWhoIsWhoRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  void UpsertMunicipality(const core::whoiswho::Municipality& m, core::Instant now) override;
  void UpsertMunicipalities(std::span<const core::whoiswho::Municipality> municipalities,
                            core::Instant now) override;
  std::optional<core::whoiswho::Municipality> FindMunicipality(std::string_view code) override;
  std::vector<core::whoiswho::Municipality> AllMunicipalities() override;
  std::vector<core::whoiswho::Municipality> SearchMunicipalities(std::string_view text,
                                                                 std::size_t limit) override;
  std::vector<core::whoiswho::District> DistrictsOf(std::string_view municipality_code) override;
  std::vector<core::whoiswho::MunicipalityLink> Predecessors(std::string_view code) override;
  std::vector<core::whoiswho::MunicipalityLink> Successors(std::string_view code) override;

  core::Result<core::whoiswho::Organisation> AddOrganisation(
      std::int64_t ws, const core::whoiswho::Organisation& org, core::Instant now) override;
  std::optional<core::whoiswho::Organisation> FindOrganisation(std::int64_t ws,
                                                               std::int64_t id) override;
  std::vector<core::whoiswho::Organisation> ListOrganisations(std::int64_t ws) override;
  std::vector<core::whoiswho::CouncilTerm> CouncilTerms(std::int64_t ws,
                                                        std::int64_t organisation_id) override;
  core::whoiswho::CouncilTerm RecordElection(
      std::int64_t ws, const core::whoiswho::CouncilTerm& term,
      std::span<const core::whoiswho::PositionEnding> endings, core::Instant now) override;

  core::whoiswho::Person AddPerson(std::int64_t ws, const core::whoiswho::Person& person) override;
  bool UpdatePerson(std::int64_t ws, const core::whoiswho::Person& person) override;
  std::optional<core::whoiswho::Person> FindPerson(std::int64_t ws, std::int64_t id) override;
  std::vector<core::whoiswho::Person> ListPeople(std::int64_t ws,
                                                 const core::whoiswho::PeopleQuery& query) override;
  std::vector<std::pair<std::int64_t, std::string>> PersonNames(std::int64_t ws) override;
  std::vector<core::whoiswho::Person> PeopleNamed(std::int64_t ws,
                                                  std::span<const std::string> keys) override;
  bool DeletePerson(std::int64_t ws, std::int64_t id) override;

  core::whoiswho::Position AddPosition(std::int64_t ws, const core::whoiswho::Position& position,
                                       core::Instant now) override;
  std::optional<core::whoiswho::Position> FindPosition(std::int64_t ws, std::int64_t id) override;
  bool SetPositionEnd(std::int64_t ws, std::int64_t id, std::optional<core::CivilDate> ended_on,
                      core::Instant now) override;
  bool DeletePosition(std::int64_t ws, std::int64_t id) override;
  std::vector<core::whoiswho::Position> PositionsOfPeople(
      std::int64_t ws, std::span<const std::int64_t> person_ids) override;
  std::vector<core::whoiswho::Position> PositionsAt(std::int64_t ws,
                                                    std::int64_t organisation_id) override;
  std::vector<core::whoiswho::ExportLine> CurrentLines(
      std::int64_t ws, core::CivilDate today, std::optional<std::int64_t> organisation_id) override;
  void ApplyImport(std::int64_t ws, const core::whoiswho::ImportPlan& plan,
                   core::Instant now) override;

  core::whoiswho::Assessment AddAssessment(std::int64_t ws,
                                           const core::whoiswho::Assessment& assessment,
                                           std::int64_t user_id) override;
  std::vector<core::whoiswho::Assessment> AssessmentsOf(std::int64_t ws,
                                                        std::int64_t person_id) override;
  std::vector<core::whoiswho::Assessment> LatestAssessments(
      std::int64_t ws, std::span<const std::int64_t> person_ids) override;

  std::set<std::int64_t> PeopleMetSince(std::int64_t ws, core::Instant since) override;
  void RecordAudit(std::int64_t ws, std::int64_t user_id, std::string_view action,
                   std::string_view subject, core::Instant now) override;

  /// Every person of the workspace that has an e-mail address: id, name and the address opened
  /// (for matching e-mail messages by address).
  std::vector<core::whoiswho::Person> PeopleWithEmail(std::int64_t ws);

 private:
  Value Seal(const std::optional<std::string>& plain, std::string_view column, std::int64_t ws);
  std::optional<std::string> Open(const std::optional<std::string>& sealed, std::string_view column,
                                  std::int64_t ws);
  core::whoiswho::Person PersonFrom(const Row& row, std::int64_t ws);
  core::whoiswho::Assessment AssessmentFrom(const Row& row, std::int64_t ws);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage

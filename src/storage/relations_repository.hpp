#pragma once

#include "core/field_cipher.hpp"
#include "core/relations/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// RelationsRepository on SQL (both dialects); interaction notes are sealed per workspace.
class SqlRelationsRepository final : public core::relations::RelationsRepository {
 public:
  SqlRelationsRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  core::relations::Interaction AddInteraction(std::int64_t ws,
                                              const core::relations::Interaction& i) override;
  bool UpdateInteraction(std::int64_t ws, const core::relations::Interaction& i) override;
  std::optional<core::relations::Interaction> FindInteraction(std::int64_t ws,
                                                              std::int64_t id) override;
  std::vector<core::relations::Interaction> ListInteractions(
      std::int64_t ws, const core::relations::InteractionQuery& query) override;
  std::vector<core::relations::Interaction> NewestInteractions(std::int64_t ws,
                                                               std::int64_t limit) override;
  bool DeleteInteraction(std::int64_t ws, std::int64_t id) override;

  core::relations::FollowUp AddFollowUp(std::int64_t ws,
                                        const core::relations::FollowUp& f) override;
  bool UpdateFollowUp(std::int64_t ws, const core::relations::FollowUp& f) override;
  std::optional<core::relations::FollowUp> FindFollowUp(std::int64_t ws, std::int64_t id) override;
  std::vector<core::relations::FollowUp> ListFollowUps(std::int64_t ws, bool open_only) override;
  bool DeleteFollowUp(std::int64_t ws, std::int64_t id) override;

  core::relations::Agreement AddAgreement(std::int64_t ws,
                                          const core::relations::Agreement& a) override;
  bool UpdateAgreement(std::int64_t ws, const core::relations::Agreement& a,
                       bool status_changed) override;
  std::optional<core::relations::Agreement> FindAgreement(std::int64_t ws,
                                                          std::int64_t id) override;
  std::vector<core::relations::Agreement> ListAgreements(
      std::int64_t ws, std::optional<std::int64_t> organisation_id) override;
  bool DeleteAgreement(std::int64_t ws, std::int64_t id) override;

  bool PlanExists(std::int64_t ws, std::int64_t plan_id) override;
  bool IsMember(std::int64_t ws, std::int64_t user_id) override;
  std::map<std::int64_t, core::relations::ContactStats> PersonStats(
      std::int64_t ws, std::span<const std::int64_t> people, core::Instant since,
      core::Instant until) override;
  core::relations::ContactStats OrganisationStats(std::int64_t ws, std::int64_t organisation_id,
                                                  core::Instant since,
                                                  core::Instant until) override;

  /// Inserts a contact with its people and colleagues inside a transaction the caller holds
  /// (AddInteraction, and filing an e-mail message with its files).
  core::relations::Interaction InsertInteraction(Connection& c, std::int64_t ws,
                                                 const core::relations::Interaction& i);

 private:
  void WriteLinks(Connection& c, std::int64_t ws, const core::relations::Interaction& i);
  void WriteParties(Connection& c, std::int64_t ws, const core::relations::Agreement& a);
  void LoadLinks(Connection& c, std::int64_t ws, std::vector<core::relations::Interaction>& items);
  void LoadAgreementParts(Connection& c, std::int64_t ws, core::relations::Agreement& a);
  std::string Seal(const std::string& notes, std::int64_t ws);
  std::string Open(const std::string& sealed, std::int64_t ws);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage

#pragma once

#include "core/council/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// CouncilRepository on SQL (both dialects). Council data is public and shared by the
/// instance; what a workspace reads is limited to the councils it follows.
class SqlCouncilRepository final : public core::council::CouncilRepository,
                                   public core::council::WebhookRepository {
 public:
  explicit SqlCouncilRepository(Database& db) : db_(db) {}

  void SaveStatus(const core::council::StatusList& status, core::Instant checked_at) override;
  std::optional<core::Instant> StatusCheckedAt() override;
  std::vector<core::council::CouncilSource> SourcesByCbsCode(
      const std::vector<std::string>& codes) override;
  std::optional<core::council::CouncilSource> FindSource(const std::string& key) override;

  std::optional<core::council::SyncState> FindSyncState(const std::string& key) override;
  void SaveSyncState(const core::council::SyncState& state) override;
  core::council::ApplyReport ApplyPage(const std::vector<core::council::ExportRecord>& records,
                                       const core::council::SyncState& state) override;
  void ForgetSource(const std::string& key) override;

  bool AddFollow(std::int64_t ws, const std::string& key, const std::string& municipality_code,
                 core::Instant now) override;
  bool RemoveFollow(std::int64_t ws, const std::string& key) override;
  std::vector<core::council::Follow> Follows(std::int64_t ws) override;
  std::vector<std::string> FollowedKeys() override;
  std::vector<std::string> UnfollowedKeys() override;
  std::vector<std::string> WorkspaceMunicipalities(std::int64_t ws) override;

  std::vector<core::council::MeetingView> Meetings(
      std::int64_t ws, const core::council::MeetingQuery& query) override;
  std::optional<core::council::MeetingDetail> FindMeeting(std::int64_t ws,
                                                          std::int64_t id) override;

  std::vector<core::council::SearchHit> Search(std::int64_t ws,
                                               const core::council::SearchQuery& query) override;

  std::vector<core::council::PendingText> PendingTexts(int limit) override;
  void SaveDocumentText(const core::council::PendingText& document,
                        const std::optional<std::string>& text, core::Instant checked_at) override;
  void NoteTextFailure(std::int64_t id, core::Instant at) override;

  std::vector<core::council::Topic> Topics(std::int64_t ws) override;
  std::optional<std::int64_t> AddTopic(std::int64_t ws, const core::council::Topic& topic) override;
  std::optional<bool> UpdateTopic(std::int64_t ws, const core::council::Topic& topic) override;
  bool DeleteTopic(std::int64_t ws, std::int64_t id) override;
  std::vector<core::council::NameUse> NamesInCouncil(const std::string& key) override;
  std::vector<core::council::LinkDecision> LinkDecisions(std::int64_t ws,
                                                         const std::string& key) override;
  void SaveLinkDecision(std::int64_t ws, const std::string& key,
                        const core::council::LinkDecision& decision, std::int64_t user_id,
                        core::Instant at) override;
  bool DeleteLinkDecision(std::int64_t ws, const std::string& key, const std::string& name_key,
                          std::int64_t person_id) override;
  std::vector<core::council::NameRecord> RecordsOfNames(const std::string& key,
                                                        const std::vector<std::string>& names,
                                                        int limit) override;

  std::optional<core::council::Webhook> FindWebhook(std::int64_t ws) override;
  std::int64_t SaveWebhook(std::int64_t ws, const core::council::Webhook& webhook) override;
  bool DeleteWebhook(std::int64_t ws) override;
  void SaveWebhookState(std::int64_t id, const core::council::Webhook& state) override;
  std::vector<core::council::DueWebhook> DueWebhooks(core::Instant now) override;
  std::vector<core::council::WebhookDelivery> WebhookDeliveries(std::int64_t webhook_id) override;
  void SaveWebhookDelivery(std::int64_t webhook_id, std::int64_t ws,
                           const core::council::WebhookDelivery& delivery,
                           core::Instant at) override;
  void ForgetWebhookDelivery(std::int64_t webhook_id, std::int64_t topic_id,
                             std::int64_t meeting_id) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

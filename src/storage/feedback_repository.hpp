#pragma once

#include <span>

#include "core/feedback/ports.hpp"
#include "storage/database.hpp"
#include "storage/group_commit.hpp"

namespace aantafel::storage {

/// FeedbackRepository on SQL (both dialects).
class SqlFeedbackRepository final : public core::feedback::FeedbackRepository {
 public:
  explicit SqlFeedbackRepository(Database& db) : db_(db) {}

  std::vector<core::feedback::Survey> ListSurveys(std::int64_t ws) override;
  std::optional<core::feedback::Survey> GetSurvey(std::int64_t ws, std::int64_t id) override;
  core::feedback::Survey AddSurvey(std::int64_t ws, const core::feedback::Survey& survey) override;
  void UpdateSurvey(std::int64_t ws, const core::feedback::Survey& survey) override;
  bool MunicipalityExists(const std::string& code) override;

  std::optional<core::feedback::PublicTarget> FindSurveyByToken(const std::string& token) override;
  std::optional<core::feedback::PublicTarget> FindInvitation(
      const std::string& token_hash) override;
  bool InvitedSince(std::int64_t ws, const std::string& client_key, core::Instant since) override;
  core::feedback::Invitation AddInvitation(std::int64_t ws,
                                           const core::feedback::Invitation& invitation,
                                           const std::string& token_hash,
                                           const std::optional<std::string>& client_key,
                                           core::Instant now) override;

  std::optional<core::feedback::StoredResponse> Submit(
      std::int64_t ws, const core::feedback::NewResponse& response) override;

  /// One answer waiting for the group commit.
  struct Submission {
    std::int64_t ws = 0;
    const core::feedback::NewResponse* response = nullptr;
  };
  using SubmitGroup = GroupCommit<Submission, std::optional<core::feedback::StoredResponse>>;
  /// Stores answers that arrived together in one transaction (see Submit). When one of them
  /// fails before the commit, each is stored on its own so the others are not lost with it.
  /// Public so tests can hand it a batch directly.
  void StoreBatch(std::span<SubmitGroup::Entry* const> batch);
  /// Batches and answers written by the group commit so far.
  [[nodiscard]] SubmitGroup::Counts submit_counts() const { return submissions_.counts(); }

  std::vector<core::feedback::Response> ListResponses(
      std::int64_t ws, const core::feedback::ResponseFilter& filter) override;
  std::optional<core::feedback::Response> GetResponse(std::int64_t ws, std::int64_t id) override;
  bool ErasePersonalData(std::int64_t ws, std::int64_t response_id) override;
  std::int64_t PurgePhones(core::Instant cutoff) override;
  std::vector<core::feedback::StoredAnswers> StoredAnswersAfter(std::int64_t after_id,
                                                                int limit) override;
  void ReplaceAnswers(const std::vector<core::feedback::StoredAnswers>& answers) override;
  bool AnswersSealed() override;
  void MarkAnswersSealed(core::Instant now) override;

  std::vector<core::feedback::DailyGroup> Daily(std::int64_t ws, core::feedback::GroupColumn column,
                                                long from_day, long to_day,
                                                std::optional<std::int64_t> survey_id) override;

  core::feedback::InvitationCounts Invitations(std::int64_t ws, core::Instant from,
                                               core::Instant until,
                                               std::optional<std::int64_t> survey_id) override;
  std::vector<core::feedback::Callback> ListCallbacks(
      std::int64_t ws, const std::vector<core::feedback::CallbackStatus>& statuses) override;
  std::optional<core::feedback::Callback> GetCallback(std::int64_t ws, std::int64_t id) override;
  void UpdateCallback(std::int64_t ws, const core::feedback::Callback& callback) override;
  std::optional<std::string> CallbackPhoneSealed(std::int64_t ws, std::int64_t id) override;
  bool IsMember(std::int64_t ws, std::int64_t user_id) override;

 private:
  void WriteAnswers(Connection& c, std::span<SubmitGroup::Entry* const> batch);
  void InsertResponses(Connection& c, std::span<SubmitGroup::Entry* const> rows);

  Database& db_;
  SubmitGroup submissions_{[this](std::span<SubmitGroup::Entry* const> b) { StoreBatch(b); }};
};

}  // namespace aantafel::storage

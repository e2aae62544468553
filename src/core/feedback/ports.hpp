#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/feedback/model.hpp"

namespace aantafel::core::feedback {

/// What the public survey page was opened with: a survey's own token or a personal invitation.
struct PublicTarget {
  std::int64_t workspace_id = 0;
  Survey survey;
  std::optional<Invitation> invitation;
};

/// A checked answer, ready to store.
struct NewResponse {
  std::int64_t survey_id = 0;
  std::optional<std::int64_t> invitation_id;
  int score = 0;
  std::string why;     ///< sealed (FeedbackService::SealAnswers); empty stays empty
  std::string better;  ///< sealed, like why
  bool callback = false;
  std::optional<std::string> phone_sealed;
  Channel channel = Channel::kLink;
  std::string language = "nl";
  std::vector<std::string> themes;
  long day = 0;  ///< LocalDay(received_at)
  Instant received_at{};
  std::optional<Instant> callback_due;  ///< set: create a callback task due then
};

/// The open answers of one stored response, as the database holds them.
struct StoredAnswers {
  std::int64_t workspace_id = 0;
  std::int64_t id = 0;
  std::string why;
  std::string better;
};

/// What Submit stored.
struct StoredResponse {
  std::int64_t id = 0;
  std::optional<std::int64_t> callback_id;
};

/// Filter of the response list and export.
struct ResponseFilter {
  std::optional<std::int64_t> survey_id;
  std::optional<Category> category;
  std::optional<Instant> from;   ///< received at or after
  std::optional<Instant> until;  ///< received before
  bool with_better_only = false;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

/// What NPS is grouped by in storage; month and week are folded from kDay in core.
enum class GroupColumn { kNone, kTeam, kService, kMunicipality, kLaw, kChannel, kSurvey, kDay };

/// One group's counts from the daily roll-up.
struct DailyGroup {
  std::string key;    ///< the group's value ("" for kNone; the day number for kDay)
  std::string label;  ///< e.g. the municipality's or survey's name
  NpsCounts counts;
};

/// Personal links sent in a period and how many of them were answered.
struct InvitationCounts {
  std::int64_t sent = 0;
  std::int64_t answered = 0;
};

/// Port: Cliëntfeedback storage. Every workspace call names the workspace.
class FeedbackRepository {
 public:
  virtual ~FeedbackRepository() = default;

  virtual std::vector<Survey> ListSurveys(std::int64_t ws) = 0;
  virtual std::optional<Survey> GetSurvey(std::int64_t ws, std::int64_t id) = 0;
  /// Stores a new survey (its token set by the caller); returns it with its id.
  virtual Survey AddSurvey(std::int64_t ws, const Survey& survey) = 0;
  virtual void UpdateSurvey(std::int64_t ws, const Survey& survey) = 0;
  /// Whether a municipality code is in the reference data.
  virtual bool MunicipalityExists(const std::string& code) = 0;

  virtual std::optional<PublicTarget> FindSurveyByToken(const std::string& token) = 0;
  virtual std::optional<PublicTarget> FindInvitation(const std::string& token_hash) = 0;
  /// Whether the client (pseudonym) was invited after `since` in any survey of the workspace.
  virtual bool InvitedSince(std::int64_t ws, const std::string& client_key, Instant since) = 0;
  virtual Invitation AddInvitation(std::int64_t ws, const Invitation& invitation,
                                   const std::string& token_hash,
                                   const std::optional<std::string>& client_key, Instant now) = 0;

  /// In one transaction: marks the invitation used (nullopt when it already was), stores the
  /// response, adds it to the daily roll-up and creates the callback task. Durable on return.
  virtual std::optional<StoredResponse> Submit(std::int64_t ws, const NewResponse& response) = 0;

  virtual std::vector<Response> ListResponses(std::int64_t ws, const ResponseFilter& filter) = 0;
  virtual std::optional<Response> GetResponse(std::int64_t ws, std::int64_t id) = 0;
  /// Clears phone number and open answers of a response; false when there is no such response.
  virtual bool ErasePersonalData(std::int64_t ws, std::int64_t response_id) = 0;
  /// Deletes every phone number received before `cutoff` (all workspaces); returns how many.
  virtual std::int64_t PurgePhones(Instant cutoff) = 0;

  // Open answers stored in plaintext by releases before they were sealed (decision 36).
  /// Up to `limit` responses with an open answer and an id above `after_id`, by id, with the
  /// answers as stored; empty when the one-time sealing is done.
  virtual std::vector<StoredAnswers> StoredAnswersAfter(std::int64_t after_id, int limit) = 0;
  /// Replaces the stored answers of these responses, in one transaction.
  virtual void ReplaceAnswers(const std::vector<StoredAnswers>& answers) = 0;
  /// Whether the one-time sealing finished; MarkAnswersSealed records that it did.
  virtual bool AnswersSealed() = 0;
  virtual void MarkAnswersSealed(Instant now) = 0;

  /// NPS counts from the roll-up for local days [from_day, to_day], grouped by `column`.
  virtual std::vector<DailyGroup> Daily(std::int64_t ws, GroupColumn column, long from_day,
                                        long to_day, std::optional<std::int64_t> survey_id) = 0;

  /// Invitations created in [from, until) (optionally of one survey) and how many were used.
  virtual InvitationCounts Invitations(std::int64_t ws, Instant from, Instant until,
                                       std::optional<std::int64_t> survey_id) = 0;

  virtual std::vector<Callback> ListCallbacks(std::int64_t ws,
                                              const std::vector<CallbackStatus>& statuses) = 0;
  /// The callback; `notes` still sealed.
  virtual std::optional<Callback> GetCallback(std::int64_t ws, std::int64_t id) = 0;
  /// Stores status, assignee, sealed notes, outcome and updated_at.
  virtual void UpdateCallback(std::int64_t ws, const Callback& callback) = 0;
  virtual std::optional<std::string> CallbackPhoneSealed(std::int64_t ws, std::int64_t id) = 0;
  virtual bool IsMember(std::int64_t ws, std::int64_t user_id) = 0;
};

/// A change the live feed must show: a new response or a changed callback.
struct LiveEvent {
  enum class Kind { kResponse, kCallback };
  std::int64_t workspace_id = 0;
  Kind kind = Kind::kResponse;
  std::int64_t id = 0;
};

/// Port: tells every instance's live feed about a change (in-process on SQLite, LISTEN/NOTIFY on
/// PostgreSQL). Called after the change is committed; must not throw.
class LiveNotifier {
 public:
  virtual ~LiveNotifier() = default;
  virtual void Notify(const LiveEvent& event) = 0;
};

}  // namespace aantafel::core::feedback

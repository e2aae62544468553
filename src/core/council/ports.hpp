#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/council/model.hpp"
#include "core/council/people.hpp"

namespace aantafel::core::council {

/// A document whose text is still to be fetched.
struct PendingText {
  std::int64_t id = 0;
  std::string entity_id;
  std::int64_t seq = 0;  ///< the feed position it was stored at (a newer one wins)
};

/// After this many failed requests a document's text is given up (it counts as asked).
inline constexpr int kMostTextAttempts = 5;

/// What one page of the export feed brought.
struct ApplyReport {
  std::int64_t applied = 0;  ///< upserts and deletions written
  std::int64_t stale = 0;    ///< records older than what is stored (a replay), left alone
};

/// A motion that a name submitted or voted on.
struct NameRecord {
  std::int64_t motion_id = 0;
  std::string title;
  std::string result;  ///< aangenomen, verworpen, … or ""
  std::optional<Instant> date;
  std::optional<std::int64_t> meeting_id;  ///< absent when the meeting is not stored
  std::string name;                        ///< the spelling that matched
  enum class Role { kSubmitted, kFor, kAgainst } role = Role::kSubmitted;
};

/// Port: council data (shared by the instance) and which workspace follows which council.
class CouncilRepository {
 public:
  virtual ~CouncilRepository() = default;

  /// Replaces the stored status list (all in one transaction).
  virtual void SaveStatus(const StatusList& status, Instant checked_at) = 0;
  /// When the status list was last stored; nullopt before the first time.
  virtual std::optional<Instant> StatusCheckedAt() = 0;
  virtual std::vector<CouncilSource> SourcesByCbsCode(const std::vector<std::string>& codes) = 0;
  virtual std::optional<CouncilSource> FindSource(const std::string& key) = 0;

  virtual std::optional<SyncState> FindSyncState(const std::string& key) = 0;
  /// Stores the state alone (a failure, a wait).
  virtual void SaveSyncState(const SyncState& state) = 0;
  /// Writes a page's records (each only when its seq is newer than the stored one, so a
  /// replayed page changes nothing) and the new state in one transaction: a crash keeps both
  /// or neither.
  virtual ApplyReport ApplyPage(const std::vector<ExportRecord>& records,
                                const SyncState& state) = 0;
  /// Removes everything stored of a council and its sync state (nobody follows it any more).
  virtual void ForgetSource(const std::string& key) = 0;

  /// Adds the follow; false when the workspace already follows that council.
  virtual bool AddFollow(std::int64_t ws, const std::string& key,
                         const std::string& municipality_code, Instant now) = 0;
  virtual bool RemoveFollow(std::int64_t ws, const std::string& key) = 0;
  virtual std::vector<Follow> Follows(std::int64_t ws) = 0;
  /// Councils followed by at least one workspace.
  virtual std::vector<std::string> FollowedKeys() = 0;
  /// Councils stored but followed by nobody.
  virtual std::vector<std::string> UnfollowedKeys() = 0;
  /// The municipalities the workspace works with (its organisations' CBS codes).
  virtual std::vector<std::string> WorkspaceMunicipalities(std::int64_t ws) = 0;

  /// Meetings of the councils the workspace follows, by start time.
  virtual std::vector<MeetingView> Meetings(std::int64_t ws, const MeetingQuery& query) = 0;
  /// A meeting of a council the workspace follows.
  virtual std::optional<MeetingDetail> FindMeeting(std::int64_t ws, std::int64_t id) = 0;

  /// By name.
  virtual std::vector<Topic> Topics(std::int64_t ws) = 0;
  /// Records of the councils the workspace follows that hold every phrase; at most
  /// query.limit + 1 (so the caller knows there is more), best match first.
  virtual std::vector<SearchHit> Search(std::int64_t ws, const SearchQuery& query) = 0;

  /// Documents of followed councils whose text was not asked for yet: fewest failed attempts
  /// first, then newest.
  virtual std::vector<PendingText> PendingTexts(int limit) = 0;
  /// Stores what the document's text is (nullopt: it has none) and indexes it for search,
  /// unless the document changed in the feed since it was listed (another seq) or its text was
  /// stored meanwhile.
  virtual void SaveDocumentText(const PendingText& document, const std::optional<std::string>& text,
                                Instant checked_at) = 0;
  /// A request for the document's text failed: it goes behind the others, and after
  /// kMostTextAttempts it counts as asked without a text.
  virtual void NoteTextFailure(std::int64_t id, Instant at) = 0;

  /// The new topic's id; nullopt when the workspace has a topic of that name already (compared
  /// by TopicNameKey).
  virtual std::optional<std::int64_t> AddTopic(std::int64_t ws, const Topic& topic) = 0;
  /// False when there is no such topic; nullopt when the new name is taken.
  virtual std::optional<bool> UpdateTopic(std::int64_t ws, const Topic& topic) = 0;
  virtual bool DeleteTopic(std::int64_t ws, std::int64_t id) = 0;

  // ---- council members in Wie is wie (per workspace) ----
  /// Every name in a council's votes (with party) and motion submitters (party ""), counted.
  virtual std::vector<NameUse> NamesInCouncil(const std::string& key) = 0;
  virtual std::vector<LinkDecision> LinkDecisions(std::int64_t ws, const std::string& key) = 0;
  /// Stores a decision; a confirmation replaces an earlier confirmation of the same name.
  virtual void SaveLinkDecision(std::int64_t ws, const std::string& key,
                                const LinkDecision& decision, std::int64_t user_id, Instant at) = 0;
  /// False when there was no such decision.
  virtual bool DeleteLinkDecision(std::int64_t ws, const std::string& key,
                                  const std::string& name_key, std::int64_t person_id) = 0;
  /// The motions of a council that one of `names` (as published) submitted or voted on, newest
  /// first, at most `limit`.
  virtual std::vector<NameRecord> RecordsOfNames(const std::string& key,
                                                 const std::vector<std::string>& names,
                                                 int limit) = 0;
};

/// Port: the webhook for topic hits, one per workspace, and what was delivered to it.
class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;
  virtual std::optional<Webhook> FindWebhook(std::int64_t ws) = 0;
  /// Replaces the workspace's webhook, forgetting what was delivered to the old one (one
  /// transaction); returns the new id.
  virtual std::int64_t SaveWebhook(std::int64_t ws, const Webhook& webhook) = 0;
  /// False when there was none.
  virtual bool DeleteWebhook(std::int64_t ws) = 0;
  /// Stores the delivery state (last_*, failures, failing_since, retry_at) of webhook `id`;
  /// nothing when it was replaced or removed meanwhile.
  virtual void SaveWebhookState(std::int64_t id, const Webhook& state) = 0;
  /// Webhooks without retry_at or with retry_at not after `now`.
  virtual std::vector<DueWebhook> DueWebhooks(Instant now) = 0;
  virtual std::vector<WebhookDelivery> WebhookDeliveries(std::int64_t webhook_id) = 0;
  /// Notes what was delivered (replacing an older fingerprint); nothing when the webhook was
  /// replaced or removed meanwhile.
  virtual void SaveWebhookDelivery(std::int64_t webhook_id, std::int64_t ws,
                                   const WebhookDelivery& delivery, Instant at) = 0;
  virtual void ForgetWebhookDelivery(std::int64_t webhook_id, std::int64_t topic_id,
                                     std::int64_t meeting_id) = 0;
};

/// One signed POST to a webhook.
struct WebhookPost {
  std::string url;
  std::vector<std::string> headers;  ///< "Name: value" lines
  std::string body;                  ///< JSON
};

/// What the receiver answered.
struct WebhookAnswer {
  int status = 0;     ///< 0: no answer (refused address, timeout, network failure)
  std::string error;  ///< why there was no answer
};

/// Port: posts webhook events over HTTPS, refusing internal addresses (unless the installation
/// allows them), without following redirects, within 10 seconds.
class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  virtual WebhookAnswer Post(const WebhookPost& post) = 0;
};

/// One page read from the export feed.
struct FeedPage {
  enum class Outcome {
    kOk,
    kRateLimited,    ///< 429: wait `retry_after_seconds`, then ask again
    kUnavailable,    ///< network failure, 5xx, or a body that is not a feed
    kUnknownSource,  ///< the council cannot be exported (unknown or no longer imported)
    kBadCursor,      ///< the stored cursor is refused: start again from the snapshot
  };
  Outcome outcome = Outcome::kOk;
  int retry_after_seconds = 0;
  std::string error;  ///< for kUnavailable and the others: what went wrong, for owners
  std::vector<ExportRecord> records;
  std::vector<SkippedLine> skipped;
  std::string next_cursor;
  bool has_more = false;
  std::optional<std::string> changes_cursor;  ///< snapshot pages: where the change feed starts
};

/// Port: Open Besluitvorming (or a mirror) over HTTP.
class CouncilFeed {
 public:
  virtual ~CouncilFeed() = default;
  /// The status list; kUnavailable/kRateLimited in `outcome` when it could not be read.
  struct StatusPage {
    FeedPage::Outcome outcome = FeedPage::Outcome::kOk;
    int retry_after_seconds = 0;
    std::string error;
    StatusList status;
  };
  virtual StatusPage Status() = 0;
  /// `cursor` empty: the first page.
  virtual FeedPage Snapshot(const std::string& key, const std::string& cursor) = 0;
  virtual FeedPage Changes(const std::string& key, const std::string& cursor) = 0;
  /// A document's text as plain text (GET /api/entities/{id}).
  struct TextPage {
    FeedPage::Outcome outcome = FeedPage::Outcome::kOk;
    int retry_after_seconds = 0;
    std::string error;
    std::optional<std::string> text;  ///< nullopt: the entity has no text, or is gone
    /// kOk only: this document could not be read (an error with a code of the API's table, or
    /// a body that is not an entity); the others may well be.
    bool document_failed = false;
  };
  virtual TextPage DocumentText(const std::string& entity_id) = 0;
};

}  // namespace aantafel::core::council

#pragma once
// Raadsinformatie (issue #26): what municipal councils publish through Open Besluitvorming —
// meetings with their agenda, documents, motions with votes — stored once per instance (public
// data) and read by every workspace that follows that council. See docs/council.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.hpp"

namespace aantafel::core::council {

/// One council as Open Besluitvorming's status list describes it (`/api/status` → sources[]).
/// `key` (e.g. "soest") is the stable handle; the CBS code is only how we find it.
struct CouncilSource {
  std::string key;
  std::string label;
  std::string supplier;                 ///< the publishing system: notubiz, ibabs, …
  std::string organization_type;        ///< "gemeente", "provincie", …
  std::optional<std::string> cbs_code;  ///< GMnnnn; absent for some sources
  /// ok, stale, failing, never_imported, not_implemented, discontinued (or a newer word).
  std::string state;
  std::string supplier_state;  ///< the publishing system as a whole: ok, degraded, down, idle
  std::optional<Instant> last_success_at;
  std::optional<std::string> discontinued_on;  ///< YYYY-MM-DD of the merger
  std::optional<std::string> successor_key;    ///< absent when the successor is not imported
  std::optional<std::string> successor_label;
  std::optional<std::string> successor_cbs_code;
};

/// The whole status list at one moment.
struct StatusList {
  std::optional<Instant> generated_at;
  std::vector<CouncilSource> sources;
};

/// A document linked from an agenda item.
struct AgendaDocument {
  std::string ref;  ///< Open Besluitvorming's document id
  std::string name;
  std::string url;
};

/// One item of a meeting's agenda, in reading order; `depth` 0 is a top-level item.
struct AgendaItem {
  std::string ref;
  int depth = 0;
  std::string number;
  std::string title;
  std::string description;
  bool heading = false;
  std::vector<AgendaDocument> documents;
};

struct Meeting {
  std::string name;
  std::string classification;
  std::string committee_ref;  ///< a Committee entity's id, when the source names one
  std::string location;
  bool cancelled = false;
  std::optional<Instant> starts_at;
  bool time_known = false;  ///< false: only the date is known (published as midnight UTC)
  std::optional<Instant> ends_at;
  std::vector<AgendaItem> agenda;
};

struct Document {
  std::string name;
  std::string classification;
  std::string url;
  std::string content_type;
  std::optional<Instant> modified_at;
  std::string meeting_ref;  ///< the meeting where it was discussed
};

/// A member's vote. Only "voor" and "tegen" are published (abstaining and absent look alike).
struct Vote {
  bool in_favour = false;
  std::string voter_ref;
  std::string voter_name;
  std::string party_ref;
  std::string party_name;
};

struct Motion {
  std::string name;
  std::string motion_type;  ///< the source's word, e.g. "Moties", "Amendement"
  std::string status;       ///< the source's own words, e.g. "Motie aangenomen"
  std::string result;       ///< aangenomen, verworpen, ingetrokken, aangehouden, overig or ""
  std::optional<Instant> date;
  std::string meeting_ref;
  std::string agenda_item_ref;
  std::optional<int> in_favour;  ///< the tally, when published
  std::optional<int> against;
  std::vector<std::string> proposers;
  std::vector<Vote> votes;
};

struct Committee {
  std::string name;
};

/// One line of the export feed: an upsert of an entity or its deletion (a tombstone).
struct ExportRecord {
  std::int64_t seq = 0;
  bool deleted = false;
  std::string entity_id;
  std::string entity_type;  ///< Meeting, Document, Motion, Committee, … (an open list)
  std::string source_key;
  /// The payload of an upsert of a type we keep; monostate for tombstones and other types.
  std::variant<std::monostate, Meeting, Document, Motion, Committee> payload;
};

/// A line of a page that could not be read; it is skipped and counted.
struct SkippedLine {
  int line = 0;
  std::string reason;
};

/// Where the sync of one council stands. In the snapshot phase `cursor` is the snapshot's
/// page cursor and `changes_cursor` the change feed position taken from the first page; in the
/// changes phase `changes_cursor` is the next position to read.
struct SyncState {
  std::string source_key;
  bool snapshot_done = false;
  std::optional<std::string> cursor;
  std::optional<std::string> changes_cursor;
  std::int64_t records = 0;             ///< records applied since following began
  std::int64_t skipped_lines = 0;       ///< unreadable lines skipped
  std::optional<Instant> synced_at;     ///< last time the council was caught up
  std::optional<Instant> attempted_at;  ///< last request
  std::optional<Instant> retry_at;      ///< not before (after a 429 or a failure)
  int failures = 0;                     ///< failures in a row
  std::string error;                    ///< the last failure, "" when the last call worked
};

/// A council a workspace follows, with what the instance knows of it.
struct Follow {
  std::string source_key;
  std::string municipality_code;
  Instant followed_at{};
  std::optional<CouncilSource> source;
  std::optional<SyncState> sync;
};

/// A meeting as the app shows it.
struct MeetingView {
  std::int64_t id = 0;  ///< our own id, for links
  std::string entity_id;
  std::string source_key;
  std::string source_label;
  std::string municipality_code;  ///< the municipality the workspace follows the council for
  std::string municipality_name;  ///< its name in the municipal register, or ""
  std::string committee_name;     ///< the Committee entity's name, or ""
  Meeting meeting;
  int agenda_items = 0;
};

struct MotionView {
  std::int64_t id = 0;
  std::string entity_id;
  Motion motion;
};

struct DocumentView {
  std::int64_t id = 0;
  std::string entity_id;
  Document document;
};

/// A meeting with everything discussed in it.
struct MeetingDetail {
  MeetingView meeting;
  std::vector<DocumentView> documents;  ///< documents discussed at the meeting
  std::vector<MotionView> motions;
};

/// What a workspace watches for in its councils: words and short phrases, matched by Dutch stem
/// (the term "jeugdhulp" also finds "Jeugdhulp", a phrase matches its words in a row), unless an
/// exclusion matches the same text.
struct Topic {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> terms;
  std::vector<std::string> exclusions;
  Instant created_at{};
};

/// A topic found in a meeting: where (an agenda item, a document, a motion) and its title.
struct TopicHit {
  std::string kind;  ///< "agenda_item", "document" or "motion"
  std::string title;
};
struct TopicMatch {
  std::int64_t topic_id = 0;
  std::string topic_name;
  MeetingView meeting;
  std::vector<TopicHit> hits;  ///< in agenda order, then documents, then motions
};

/// A workspace's webhook for topic hits and how its deliveries go.
struct Webhook {
  std::int64_t id = 0;  ///< a new id each time the address is set
  std::string url;
  std::string sealed_secret;  ///< sealed with the data key; opened only to sign
  Instant created_at{};
  std::optional<Instant> last_attempt_at;
  std::optional<int> last_status;  ///< the receiver's HTTP status; none: no answer (or no attempt)
  std::string last_error;          ///< "" when the last attempt worked
  std::optional<Instant> last_success_at;
  int failures = 0;                      ///< failed attempts in a row
  std::optional<Instant> failing_since;  ///< the first failure of the series
  std::optional<Instant> retry_at;       ///< deliveries wait until then
};

/// A webhook whose deliveries are due, with its workspace.
struct DueWebhook {
  std::int64_t workspace_id = 0;
  std::string slug;
  Webhook webhook;
};

/// What a webhook was told about a topic in a meeting.
struct WebhookDelivery {
  std::int64_t topic_id = 0;
  std::int64_t meeting_id = 0;
  std::string fingerprint;
};

/// What council search looks in.
enum class SearchKind { kMeeting, kAgendaItem, kDocument, kMotion };
std::string_view ToString(SearchKind kind);  ///< "meeting", "agenda_item", "document", "motion"
std::optional<SearchKind> SearchKindFrom(std::string_view text);

/// A search in the councils a workspace follows. `match` is the database's query for the
/// stems (built by the repository from the phrases).
struct SearchQuery {
  std::vector<std::vector<std::string>> phrases;  ///< stems; all must occur, each in a row
  bool prefix_last = false;
  std::optional<std::string> source_key;
  std::optional<SearchKind> kind;
  std::optional<Instant> from;  ///< on the meeting's start, else the record's own date
  std::optional<Instant> to;    ///< exclusive
  int limit = 20;
  int offset = 0;
};

/// A record found, best first.
struct SearchHit {
  SearchKind kind = SearchKind::kDocument;
  std::int64_t entity = 0;  ///< our id of the meeting, document or motion
  int position = -1;        ///< an agenda item's place in its meeting
  std::string source_key;
  std::string source_label;
  std::string title;
  std::string body;                        ///< agenda item description, motion submitters, …
  std::optional<Instant> at;               ///< the meeting's start, else the record's own date
  std::optional<std::int64_t> meeting_id;  ///< our id of the meeting, when stored
  std::string meeting_name;
  std::string url;  ///< a document's original, else ""
};

/// Meetings of followed councils in [from, to), or of one council.
struct MeetingQuery {
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<std::string> source_key;
  std::optional<std::string> municipality_code;  ///< councils followed for this municipality
  int limit = 200;
};

}  // namespace aantafel::core::council

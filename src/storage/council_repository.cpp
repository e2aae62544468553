#include "storage/council_repository.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/council/search.hpp"

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::council;

namespace {

namespace sql {

#define SOURCE_COLUMNS                                                                           \
  "s.source_key, s.label, s.supplier, s.organization_type, s.cbs_code, s.state, "                \
  "s.supplier_state, s.last_success_at, s.discontinued_on, s.successor_key, s.successor_label, " \
  "s.successor_cbs_code"
constexpr std::string_view kDeleteSources = "DELETE FROM council_sources";
constexpr std::string_view kInsertSource =
    "INSERT INTO council_sources (source_key, label, supplier, organization_type, cbs_code, "
    "state, supplier_state, last_success_at, discontinued_on, successor_key, successor_label, "
    "successor_cbs_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "ON CONFLICT (source_key) DO NOTHING";
constexpr std::string_view kSaveCheckedAt =
    "INSERT INTO reference_versions (name, version, applied_at) VALUES ('council_status', $1, "
    "$2) ON CONFLICT (name) DO UPDATE SET version = excluded.version, applied_at = "
    "excluded.applied_at";
constexpr std::string_view kCheckedAt =
    "SELECT applied_at FROM reference_versions WHERE name = 'council_status'";
constexpr std::string_view kSource =
    "SELECT " SOURCE_COLUMNS " FROM council_sources s WHERE s.source_key = $1";
constexpr std::string_view kSourcesOfCode =
    "SELECT " SOURCE_COLUMNS
    " FROM council_sources s WHERE s.cbs_code = $1 ORDER BY s.label, "
    "s.source_key";

#define SYNC_COLUMNS                                                                        \
  "y.source_key, y.snapshot_done, y.cursor, y.changes_cursor, y.records, y.skipped_lines, " \
  "y.synced_at, y.attempted_at, y.retry_at, y.failures, y.error"
constexpr std::string_view kSync =
    "SELECT " SYNC_COLUMNS " FROM council_syncs y WHERE y.source_key = $1";
constexpr std::string_view kSaveSync =
    "INSERT INTO council_syncs (source_key, snapshot_done, cursor, changes_cursor, records, "
    "skipped_lines, synced_at, attempted_at, retry_at, failures, error) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11) ON CONFLICT (source_key) DO UPDATE SET snapshot_done = "
    "excluded.snapshot_done, cursor = excluded.cursor, changes_cursor = excluded.changes_cursor, "
    "records = excluded.records, skipped_lines = excluded.skipped_lines, synced_at = "
    "excluded.synced_at, attempted_at = excluded.attempted_at, retry_at = excluded.retry_at, "
    "failures = excluded.failures, error = excluded.error";

/// How many entities one look-up asks for; a shorter batch repeats its first id, so there is one
/// statement text (and one prepared statement) for every page.
constexpr std::size_t kEntityBatch = 100;
/// "SELECT entity_id, id, seq FROM council_entities WHERE entity_id IN ($1, …, $100)".
const std::string& EntitiesIn() {
  static const std::string kText = [] {
    std::string out = "SELECT entity_id, id, seq FROM council_entities WHERE entity_id IN (";
    for (std::size_t i = 1; i <= kEntityBatch; ++i) {
      out += (i > 1 ? ", $" : "$") + std::to_string(i);
    }
    return out + ")";
  }();
  return kText;
}
constexpr std::string_view kInsertEntity =
    "INSERT INTO council_entities (entity_id, source_key, entity_type, seq, deleted) VALUES ($1, "
    "$2, $3, $4, $5) RETURNING id";
constexpr std::string_view kUpdateEntity =
    "UPDATE council_entities SET source_key = $2, entity_type = $3, seq = $4, deleted = $5 "
    "WHERE id = $1";
constexpr std::array<std::string_view, 5> kDeleteTyped = {
    "DELETE FROM council_meetings WHERE id = $1", "DELETE FROM council_documents WHERE id = $1",
    "DELETE FROM council_motions WHERE id = $1", "DELETE FROM council_committees WHERE id = $1",
    "DELETE FROM council_search WHERE entity_id = $1"};
// Search rows: SQLite keeps the stems in an FTS5 table under the row's id (a trigger removes
// them with the row); PostgreSQL in a weighted tsvector column.
// PostgreSQL: title (weight A) and body (B) in one tsvector, with one position left free
// between them (a word put there, then deleted), so a phrase never runs from the title into the
// body, as in FTS5's separate columns.
#define SEARCH_WORDS(title, body)                         \
  "ts_delete(setweight(to_tsvector('simple', CAST(" title \
  " AS TEXT) || ' aantafelgrens'), "                      \
  "'A') || setweight(to_tsvector('simple', CAST(" body " AS TEXT)), 'B'), 'aantafelgrens')"
constexpr std::string_view kInsertSearchSqlite =
    "INSERT INTO council_search (entity_id, position, kind, source_key, meeting_ref, at, title, "
    "body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kInsertSearchWords =
    "INSERT INTO council_search_words (rowid, title, body) VALUES ($1, $2, $3)";
constexpr std::string_view kInsertSearchPostgres =
    "INSERT INTO council_search (entity_id, position, kind, source_key, meeting_ref, at, title, "
    "body, words) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, " SEARCH_WORDS("$9", "$10") ")";
// Search: the best rows first from the index and council_search alone (the workspace's councils,
// the filters, the order), then the details of only those rows. `at` on a row is the meeting's
// start once the meeting is stored (kSetMeetingDay), so the period filter needs no join.
#define SEARCH_FILTERS                                                                         \
  "AND s.source_key IN (SELECT source_key FROM council_follows WHERE workspace_id = $1) AND "  \
  "(CAST($3 AS TEXT) IS NULL OR s.source_key = $3) AND (CAST($4 AS TEXT) IS NULL OR s.kind = " \
  "$4) AND (CAST($5 AS BIGINT) IS NULL OR s.at >= $5) AND (CAST($6 AS BIGINT) IS NULL OR "     \
  "s.at < $6) "
#define SEARCH_DETAILS                                                                        \
  "SELECT s.kind, s.entity_id, s.position, s.source_key, COALESCE(src.label, s.source_key), " \
  "s.title, s.body, s.at, mm.id, COALESCE(mm.name, ''), COALESCE(d.url, '') FROM top JOIN "   \
  "council_search s ON s.id = top.id LEFT JOIN council_sources src ON src.source_key = "      \
  "s.source_key LEFT JOIN council_entities me ON me.entity_id = s.meeting_ref LEFT JOIN "     \
  "council_meetings mm ON mm.id = me.id LEFT JOIN council_documents d ON d.id = s.entity_id " \
  "AND s.kind = 'document'"
constexpr std::string_view kSearchSqlite =
    "WITH top AS (SELECT s.id, bm25(council_search_words, 10.0, 1.0) AS score, s.at AS at FROM "
    "council_search_words w JOIN council_search s ON s.id = w.rowid WHERE council_search_words "
    "MATCH $2 " SEARCH_FILTERS
    "ORDER BY score, s.at DESC NULLS LAST, s.id LIMIT $7 OFFSET $8) " SEARCH_DETAILS
    " ORDER BY top.score, top.at DESC NULLS LAST, top.id";
constexpr std::string_view kSearchPostgres =
    "WITH top AS (SELECT s.id, ts_rank(s.words, q) AS score, s.at AS at FROM council_search s "
    "CROSS JOIN to_tsquery('simple', $2) q WHERE s.words @@ q " SEARCH_FILTERS
    "ORDER BY score DESC, s.at DESC NULLS LAST, s.id LIMIT $7 OFFSET $8) " SEARCH_DETAILS
    " ORDER BY top.score DESC, top.at DESC NULLS LAST, top.id";
constexpr std::string_view kMeetingDayOf =
    "SELECT m.starts_at FROM council_entities e JOIN council_meetings m ON m.id = e.id WHERE "
    "e.entity_id = $1";
constexpr std::string_view kSetMeetingDay =
    "UPDATE council_search SET at = $2 WHERE meeting_ref = $1 AND kind IN ('document', 'motion')";
constexpr std::string_view kPendingTexts =
    "SELECT d.id, e.entity_id, e.seq FROM council_documents d JOIN council_entities e ON e.id = "
    "d.id WHERE d.text_checked_at IS NULL AND d.source_key IN (SELECT source_key FROM "
    "council_follows) ORDER BY d.text_attempts, d.modified_at DESC NULLS LAST, d.id DESC LIMIT $1";
constexpr std::string_view kSaveText =
    "UPDATE council_documents SET text = $2, text_checked_at = $3 WHERE id = $1 AND "
    "text_checked_at IS NULL AND EXISTS (SELECT 1 FROM council_entities e WHERE e.id = $1 AND "
    "e.seq = $4)";
constexpr std::string_view kTextFailed =
    "UPDATE council_documents SET text_attempts = text_attempts + 1, text_checked_at = CASE WHEN "
    "text_attempts + 1 >= $3 THEN CAST($2 AS BIGINT) ELSE NULL END WHERE id = $1 AND "
    "text_checked_at IS NULL";
constexpr std::string_view kSearchRowOf =
    "SELECT id, title FROM council_search WHERE entity_id = $1 AND kind = 'document'";
constexpr std::string_view kSetSearchBody = "UPDATE council_search SET body = $2 WHERE id = $1";
constexpr std::string_view kSetSearchWordsBody =
    "UPDATE council_search_words SET body = $2 WHERE rowid = $1";
constexpr std::string_view kSetSearchBodyPostgres =
    "UPDATE council_search SET body = $2, words = " SEARCH_WORDS("$3", "$4") " WHERE id = $1";
#undef SEARCH_FILTERS
#undef SEARCH_WORDS
#undef SEARCH_DETAILS
constexpr std::string_view kInsertMeeting =
    "INSERT INTO council_meetings (id, source_key, name, classification, committee_ref, "
    "location, cancelled, starts_at, time_known, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9, $10)";
constexpr std::string_view kInsertAgendaItem =
    "INSERT INTO council_agenda_items (meeting_id, position, depth, item_ref, number, title, "
    "description, heading, documents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kInsertDocument =
    "INSERT INTO council_documents (id, source_key, name, classification, url, content_type, "
    "modified_at, meeting_ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kInsertMotion =
    "INSERT INTO council_motions (id, source_key, name, motion_type, status, result, "
    "decided_at, meeting_ref, agenda_item_ref, in_favour, against, proposers) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
constexpr std::string_view kInsertVote =
    "INSERT INTO council_votes (motion_id, position, in_favour, voter_ref, voter_name, "
    "party_ref, party_name) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kInsertCommittee =
    "INSERT INTO council_committees (id, source_key, name) VALUES ($1, $2, $3)";
constexpr std::string_view kForgetEntities = "DELETE FROM council_entities WHERE source_key = $1";
constexpr std::string_view kForgetSync = "DELETE FROM council_syncs WHERE source_key = $1";

constexpr std::string_view kFollow =
    "INSERT INTO council_follows (workspace_id, source_key, municipality_code, followed_at) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, source_key) DO NOTHING";
constexpr std::string_view kUnfollow =
    "DELETE FROM council_follows WHERE workspace_id = $1 AND source_key = $2";
constexpr std::string_view kFollows =
    "SELECT f.source_key, f.municipality_code, f.followed_at, s.source_key, " SOURCE_COLUMNS
    ", y.source_key, " SYNC_COLUMNS
    " FROM council_follows f LEFT JOIN council_sources s ON s.source_key = f.source_key "
    "LEFT JOIN council_syncs y ON y.source_key = f.source_key WHERE f.workspace_id = $1 "
    "ORDER BY COALESCE(s.label, f.source_key), f.source_key";
constexpr std::string_view kFollowedKeys =
    "SELECT DISTINCT source_key FROM council_follows ORDER BY source_key";
// Councils with stored data or a sync position that no workspace follows.
constexpr std::string_view kUnfollowedKeys =
    "SELECT source_key FROM council_syncs y WHERE NOT EXISTS (SELECT 1 FROM council_follows f "
    "WHERE f.source_key = y.source_key) ORDER BY source_key";
constexpr std::string_view kMunicipalities =
    "SELECT DISTINCT municipality_code FROM organisations WHERE workspace_id = $1 AND "
    "municipality_code IS NOT NULL ORDER BY municipality_code";

#define MEETING_SELECT                                                                         \
  "SELECT m.id, e.entity_id, m.source_key, COALESCE(s.label, m.source_key), "                  \
  "COALESCE(c.name, ''), m.name, m.classification, m.committee_ref, m.location, m.cancelled, " \
  "m.starts_at, m.time_known, m.ends_at, (SELECT COUNT(*) FROM council_agenda_items a WHERE "  \
  "a.meeting_id = m.id AND a.heading = 0), f.municipality_code, COALESCE(mu.name, '') "        \
  "FROM council_meetings m "                                                                   \
  "JOIN council_entities e ON "                                                                \
  "e.id = m.id JOIN council_follows f ON f.source_key = m.source_key AND f.workspace_id = $1 " \
  "LEFT JOIN council_sources s ON s.source_key = m.source_key LEFT JOIN council_entities ce "  \
  "ON ce.entity_id = m.committee_ref LEFT JOIN council_committees c ON c.id = ce.id "          \
  "LEFT JOIN municipalities mu ON mu.code = f.municipality_code "
constexpr std::string_view kMeetings = MEETING_SELECT
    "WHERE (CAST($2 AS BIGINT) IS NULL OR m.starts_at >= $2) AND (CAST($3 AS BIGINT) IS NULL "
    "OR m.starts_at < $3) AND (CAST($4 AS TEXT) IS NULL OR m.source_key = $4) AND (CAST($6 AS "
    "TEXT) IS NULL OR f.municipality_code = $6) ORDER BY m.starts_at, m.id LIMIT $5";
constexpr std::string_view kMeeting = MEETING_SELECT "WHERE m.id = $2";
constexpr std::string_view kAgenda =
    "SELECT depth, item_ref, number, title, description, heading, documents FROM "
    "council_agenda_items WHERE meeting_id = $1 ORDER BY position";
constexpr std::string_view kDocumentsOfMeeting =
    "SELECT d.id, e.entity_id, d.name, d.classification, d.url, d.content_type, d.modified_at, "
    "d.meeting_ref FROM council_documents d JOIN council_entities e ON e.id = d.id WHERE "
    "d.meeting_ref = $1 ORDER BY d.name, d.id LIMIT 1000";
constexpr std::string_view kMotionsOfMeeting =
    "SELECT o.id, e.entity_id, o.name, o.motion_type, o.status, o.result, o.decided_at, "
    "o.meeting_ref, o.agenda_item_ref, o.in_favour, o.against, o.proposers FROM council_motions "
    "o JOIN council_entities e ON e.id = o.id WHERE o.meeting_ref = $1 ORDER BY o.name, o.id "
    "LIMIT 1000";
constexpr std::string_view kVotes =
    "SELECT in_favour, voter_ref, voter_name, party_ref, party_name FROM council_votes WHERE "
    "motion_id = $1 ORDER BY position";
constexpr std::string_view kTopics =
    "SELECT id, name, terms, exclusions, created_at FROM council_topics WHERE workspace_id = $1 "
    "ORDER BY name, id";
constexpr std::string_view kTopicNamed =
    "SELECT id FROM council_topics WHERE workspace_id = $1 AND name_key = $2";
constexpr std::string_view kInsertTopic =
    "INSERT INTO council_topics (workspace_id, name, terms, exclusions, created_at, name_key) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kUpdateTopic =
    "UPDATE council_topics SET name = $3, terms = $4, exclusions = $5, name_key = $6 WHERE "
    "workspace_id = $1 AND id = $2";
constexpr std::string_view kDeleteTopic =
    "DELETE FROM council_topics WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kVoterNames =
    "SELECT v.voter_name, v.party_name, COUNT(*) FROM council_votes v JOIN council_motions o ON "
    "o.id = v.motion_id WHERE o.source_key = $1 GROUP BY v.voter_name, v.party_name";
constexpr std::string_view kProposersOfCouncil =
    "SELECT proposers FROM council_motions WHERE source_key = $1";
constexpr std::string_view kLinkDecisions =
    "SELECT name_key, person_id, confirmed FROM council_person_links WHERE workspace_id = $1 AND "
    "source_key = $2 ORDER BY name_key, person_id";
constexpr std::string_view kClearConfirmation =
    "DELETE FROM council_person_links WHERE workspace_id = $1 AND source_key = $2 AND "
    "name_key = $3 AND confirmed = 1";
constexpr std::string_view kInsertLinkDecision =
    "INSERT INTO council_person_links (workspace_id, source_key, name_key, person_id, confirmed, "
    "decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kDeleteLinkDecision =
    "DELETE FROM council_person_links WHERE workspace_id = $1 AND source_key = $2 AND "
    "name_key = $3 AND person_id = $4";
constexpr std::string_view kVotesOfName =
    "SELECT o.id, o.name, o.result, o.decided_at, me.id, v.in_favour FROM council_votes v JOIN "
    "council_motions o ON o.id = v.motion_id LEFT JOIN council_entities me ON me.entity_id = "
    "o.meeting_ref AND me.deleted = 0 WHERE o.source_key = $1 AND v.voter_name = $2";
constexpr std::string_view kMotionsOfCouncil =
    "SELECT o.id, o.name, o.result, o.decided_at, me.id, o.proposers FROM council_motions o "
    "LEFT JOIN council_entities me ON me.entity_id = o.meeting_ref AND me.deleted = 0 WHERE "
    "o.source_key = $1";
#define WEBHOOK_COLUMNS                                                                          \
  "w.id, w.url, w.secret_sealed, w.created_at, w.last_attempt_at, w.last_status, w.last_error, " \
  "w.last_success_at, w.failures, w.failing_since, w.retry_at"
constexpr std::string_view kWebhook =
    "SELECT " WEBHOOK_COLUMNS " FROM council_webhooks w WHERE w.workspace_id = $1";
constexpr std::string_view kDeleteWebhook = "DELETE FROM council_webhooks WHERE workspace_id = $1";
constexpr std::string_view kInsertWebhook =
    "INSERT INTO council_webhooks (workspace_id, url, secret_sealed, created_at) VALUES ($1, $2, "
    "$3, $4) RETURNING id";
constexpr std::string_view kSaveWebhookState =
    "UPDATE council_webhooks SET last_attempt_at = $2, last_status = $3, last_error = $4, "
    "last_success_at = $5, failures = $6, failing_since = $7, retry_at = $8 WHERE id = $1";
constexpr std::string_view kDueWebhooks =
    "SELECT w.workspace_id, ws.slug, " WEBHOOK_COLUMNS
    " FROM council_webhooks w JOIN workspaces ws ON ws.id = w.workspace_id WHERE w.retry_at IS "
    "NULL OR w.retry_at <= $1 ORDER BY w.workspace_id";
constexpr std::string_view kWebhookDeliveries =
    "SELECT topic_id, meeting_id, fingerprint FROM council_webhook_deliveries WHERE webhook_id = "
    "$1";
// Only while the webhook (this id) still exists: a delivery that was under way when the owner
// replaced or removed it is not written for the new one.
constexpr std::string_view kSaveWebhookDelivery =
    "INSERT INTO council_webhook_deliveries (webhook_id, workspace_id, topic_id, meeting_id, "
    "fingerprint, delivered_at) SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS "
    "BIGINT), CAST($4 AS BIGINT), CAST($5 AS TEXT), CAST($6 AS BIGINT) WHERE EXISTS (SELECT 1 FROM "
    "council_webhooks WHERE id = $1) AND EXISTS (SELECT 1 FROM council_topics WHERE id = $3) ON "
    "CONFLICT (webhook_id, topic_id, meeting_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
    "delivered_at = excluded.delivered_at";
constexpr std::string_view kForgetWebhookDelivery =
    "DELETE FROM council_webhook_deliveries WHERE webhook_id = $1 AND topic_id = $2 AND "
    "meeting_id = $3";
#undef WEBHOOK_COLUMNS
#undef MEETING_SELECT
#undef SYNC_COLUMNS
#undef SOURCE_COLUMNS

}  // namespace sql

constexpr std::size_t kSourceColumns = 12;

Value OptionalMillis(const std::optional<core::Instant>& at) {
  return at ? Value(ToMillis(*at)) : Value(nullptr);
}
std::optional<core::Instant> MillisAt(const Row& r, std::size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional(FromMillis(r.Int(i)));
}

Webhook WebhookFrom(const Row& r, std::size_t at) {
  return Webhook{.id = r.Int(at),
                 .url = r.Text(at + 1),
                 .sealed_secret = r.Text(at + 2),
                 .created_at = FromMillis(r.Int(at + 3)),
                 .last_attempt_at = MillisAt(r, at + 4),
                 .last_status = r.IsNull(at + 5) ? std::nullopt
                                                 : std::optional(static_cast<int>(r.Int(at + 5))),
                 .last_error = r.Text(at + 6),
                 .last_success_at = MillisAt(r, at + 7),
                 .failures = static_cast<int>(r.Int(at + 8)),
                 .failing_since = MillisAt(r, at + 9),
                 .retry_at = MillisAt(r, at + 10)};
}

CouncilSource SourceFrom(const Row& r, std::size_t at) {
  return CouncilSource{.key = r.Text(at),
                       .label = r.Text(at + 1),
                       .supplier = r.Text(at + 2),
                       .organization_type = r.Text(at + 3),
                       .cbs_code = r.OptionalText(at + 4),
                       .state = r.Text(at + 5),
                       .supplier_state = r.Text(at + 6),
                       .last_success_at = MillisAt(r, at + 7),
                       .discontinued_on = r.OptionalText(at + 8),
                       .successor_key = r.OptionalText(at + 9),
                       .successor_label = r.OptionalText(at + 10),
                       .successor_cbs_code = r.OptionalText(at + 11)};
}

SyncState SyncFrom(const Row& r, std::size_t at) {
  return SyncState{.source_key = r.Text(at),
                   .snapshot_done = r.Int(at + 1) != 0,
                   .cursor = r.OptionalText(at + 2),
                   .changes_cursor = r.OptionalText(at + 3),
                   .records = r.Int(at + 4),
                   .skipped_lines = r.Int(at + 5),
                   .synced_at = MillisAt(r, at + 6),
                   .attempted_at = MillisAt(r, at + 7),
                   .retry_at = MillisAt(r, at + 8),
                   .failures = static_cast<int>(r.Int(at + 9)),
                   .error = r.Text(at + 10)};
}

void WriteSync(Connection& c, const SyncState& s) {
  c.Execute(sql::kSaveSync,
            {s.source_key, std::int64_t{s.snapshot_done ? 1 : 0}, OptionalText(s.cursor),
             OptionalText(s.changes_cursor), s.records, s.skipped_lines,
             OptionalMillis(s.synced_at), OptionalMillis(s.attempted_at),
             OptionalMillis(s.retry_at), std::int64_t{s.failures}, s.error});
}

MeetingView MeetingFrom(const Row& r) {
  MeetingView v;
  v.id = r.Int(0);
  v.entity_id = r.Text(1);
  v.source_key = r.Text(2);
  v.source_label = r.Text(3);
  v.committee_name = r.Text(4);
  v.meeting.name = r.Text(5);
  v.meeting.classification = r.Text(6);
  v.meeting.committee_ref = r.Text(7);
  v.meeting.location = r.Text(8);
  v.meeting.cancelled = r.Int(9) != 0;
  v.meeting.starts_at = MillisAt(r, 10);
  v.meeting.time_known = r.Int(11) != 0;
  v.meeting.ends_at = MillisAt(r, 12);
  v.agenda_items = static_cast<int>(r.Int(13));
  v.municipality_code = r.Text(14);
  v.municipality_name = r.Text(15);
  return v;
}

std::string DocumentsJson(const std::vector<AgendaDocument>& documents) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : documents) out.push_back({{"ref", d.ref}, {"name", d.name}, {"url", d.url}});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<AgendaDocument> DocumentsFrom(const std::string& text) {
  std::vector<AgendaDocument> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& d : j) {
    out.push_back(
        {.ref = d.value("ref", ""), .name = d.value("name", ""), .url = d.value("url", "")});
  }
  return out;
}

std::string NamesJson(const std::vector<std::string>& names) {
  return nlohmann::json(names).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> NamesFrom(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

/// One text of a record for council search.
struct SearchText {
  SearchKind kind{};
  int position = -1;
  const std::string& meeting_ref;
  std::optional<core::Instant> at;
  const std::string& title;
  const std::string& body;
};

void InsertSearch(Connection& c, std::int64_t id, const std::string& source_key,
                  const SearchText& t) {
  const std::string kind(ToString(t.kind));
  const std::string title_stems = SearchStems(t.title);
  const std::string body_stems = SearchStems(t.body);
  if (c.dialect() == Dialect::kSqlite) {
    const std::int64_t row =
        c.QueryOne(sql::kInsertSearchSqlite, {id, std::int64_t{t.position}, kind, source_key,
                                              t.meeting_ref, OptionalMillis(t.at), t.title, t.body})
            ->Int(0);
    c.Execute(sql::kInsertSearchWords, {row, title_stems, body_stems});
  } else {
    c.Execute(sql::kInsertSearchPostgres,
              {id, std::int64_t{t.position}, kind, source_key, t.meeting_ref, OptionalMillis(t.at),
               t.title, t.body, title_stems, body_stems});
  }
}

/// A document's or motion's day in search: its meeting's start once that meeting is stored (as Open
/// Besluitvorming dates them), else `own`.
std::optional<core::Instant> MeetingDayOr(Connection& c, const std::string& ref,
                                          std::optional<core::Instant> own) {
  if (ref.empty()) return own;
  const auto row = c.QueryOne(sql::kMeetingDayOf, {ref});
  if (!row || row->IsNull(0)) return own;
  return FromMillis(row->Int(0));
}

/// The text the index holds for a motion: its submitters and the supplier's status wording.
std::string MotionBody(const Motion& o) {
  std::string body;
  for (const auto& name : o.proposers) body += (body.empty() ? "" : ", ") + name;
  if (!o.status.empty()) body += (body.empty() ? "" : " · ") + o.status;
  return body;
}

void InsertPayload(Connection& c, std::int64_t id, const ExportRecord& r) {
  static const std::string kEmpty;
  if (const auto* m = std::get_if<Meeting>(&r.payload)) {
    c.Execute(sql::kInsertMeeting,
              {id, r.source_key, m->name, m->classification, m->committee_ref, m->location,
               std::int64_t{m->cancelled ? 1 : 0}, OptionalMillis(m->starts_at),
               std::int64_t{m->time_known ? 1 : 0}, OptionalMillis(m->ends_at)});
    for (std::size_t i = 0; i < m->agenda.size(); ++i) {
      const auto& a = m->agenda[i];
      c.Execute(sql::kInsertAgendaItem,
                {id, static_cast<std::int64_t>(i), std::int64_t{a.depth}, a.ref, a.number, a.title,
                 a.description, std::int64_t{a.heading ? 1 : 0}, DocumentsJson(a.documents)});
      if (!a.title.empty() || !a.description.empty()) {
        InsertSearch(c, id, r.source_key,
                     {.kind = SearchKind::kAgendaItem,
                      .position = static_cast<int>(i),
                      .meeting_ref = r.entity_id,
                      .at = m->starts_at,
                      .title = a.title,
                      .body = a.description});
      }
    }
    InsertSearch(c, id, r.source_key,
                 {.kind = SearchKind::kMeeting,
                  .meeting_ref = r.entity_id,
                  .at = m->starts_at,
                  .title = m->name,
                  .body = m->location});
    // Documents and motions stored before their meeting take its day now.
    if (m->starts_at) c.Execute(sql::kSetMeetingDay, {r.entity_id, ToMillis(*m->starts_at)});
  } else if (const auto* d = std::get_if<Document>(&r.payload)) {
    c.Execute(sql::kInsertDocument,
              {id, r.source_key, d->name, d->classification, d->url, d->content_type,
               OptionalMillis(d->modified_at), d->meeting_ref});
    InsertSearch(c, id, r.source_key,
                 {.kind = SearchKind::kDocument,
                  .meeting_ref = d->meeting_ref,
                  .at = MeetingDayOr(c, d->meeting_ref, d->modified_at),
                  .title = d->name,
                  .body = kEmpty});
  } else if (const auto* o = std::get_if<Motion>(&r.payload)) {
    c.Execute(
        sql::kInsertMotion,
        {id, r.source_key, o->name, o->motion_type, o->status, o->result, OptionalMillis(o->date),
         o->meeting_ref, o->agenda_item_ref,
         o->in_favour ? Value(std::int64_t{*o->in_favour}) : Value(nullptr),
         o->against ? Value(std::int64_t{*o->against}) : Value(nullptr), NamesJson(o->proposers)});
    for (std::size_t i = 0; i < o->votes.size(); ++i) {
      const auto& v = o->votes[i];
      c.Execute(sql::kInsertVote,
                {id, static_cast<std::int64_t>(i), std::int64_t{v.in_favour ? 1 : 0}, v.voter_ref,
                 v.voter_name, v.party_ref, v.party_name});
    }
    const std::string body = MotionBody(*o);
    InsertSearch(c, id, r.source_key,
                 {.kind = SearchKind::kMotion,
                  .meeting_ref = o->meeting_ref,
                  .at = MeetingDayOr(c, o->meeting_ref, o->date),
                  .title = o->name,
                  .body = body});
  } else if (const auto* k = std::get_if<Committee>(&r.payload)) {
    c.Execute(sql::kInsertCommittee, {id, r.source_key, k->name});
  }
}

}  // namespace

void SqlCouncilRepository::SaveStatus(const StatusList& status, core::Instant checked_at) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kDeleteSources);
    for (const auto& s : status.sources) {
      c.Execute(sql::kInsertSource,
                {s.key, s.label, s.supplier, s.organization_type, OptionalText(s.cbs_code), s.state,
                 s.supplier_state, OptionalMillis(s.last_success_at),
                 OptionalText(s.discontinued_on), OptionalText(s.successor_key),
                 OptionalText(s.successor_label), OptionalText(s.successor_cbs_code)});
    }
    const std::string generated =
        status.generated_at ? std::to_string(ToMillis(*status.generated_at)) : "";
    c.Execute(sql::kSaveCheckedAt, {generated, ToMillis(checked_at)});
  });
}

std::optional<core::Instant> SqlCouncilRepository::StatusCheckedAt() {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kCheckedAt);
  if (!row) return std::nullopt;
  return FromMillis(row->Int(0));
}

std::vector<CouncilSource> SqlCouncilRepository::SourcesByCbsCode(
    const std::vector<std::string>& codes) {
  std::vector<CouncilSource> out;
  auto lease = db_.Acquire();
  for (const auto& code : codes) {
    for (const Row& r : lease->Query(sql::kSourcesOfCode, {code})) {
      out.push_back(SourceFrom(r, 0));
    }
  }
  return out;
}

std::optional<CouncilSource> SqlCouncilRepository::FindSource(const std::string& key) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kSource, {key});
  if (!row) return std::nullopt;
  return SourceFrom(*row, 0);
}

std::optional<SyncState> SqlCouncilRepository::FindSyncState(const std::string& key) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kSync, {key});
  if (!row) return std::nullopt;
  return SyncFrom(*row, 0);
}

void SqlCouncilRepository::SaveSyncState(const SyncState& state) {
  db_.Transaction([&](Connection& c) { WriteSync(c, state); });
}

ApplyReport SqlCouncilRepository::ApplyPage(const std::vector<ExportRecord>& records,
                                            const SyncState& state) {
  return db_.Transaction([&](Connection& c) {
    ApplyReport report;
    // The page's entities already stored (id and seq), looked up in batches rather than one
    // round trip per record.
    struct Known {
      std::int64_t id = 0;
      std::int64_t seq = 0;
    };
    std::map<std::string, Known, std::less<>> known;
    for (std::size_t at = 0; at < records.size(); at += sql::kEntityBatch) {
      std::vector<Value> ids;
      ids.reserve(sql::kEntityBatch);
      for (std::size_t i = at; i < std::min(records.size(), at + sql::kEntityBatch); ++i) {
        ids.emplace_back(records[i].entity_id);
      }
      while (ids.size() < sql::kEntityBatch) ids.push_back(ids.front());
      for (const Row& row : c.Query(sql::EntitiesIn(), ids)) {
        known[row.Text(0)] = {.id = row.Int(1), .seq = row.Int(2)};
      }
    }
    for (const auto& r : records) {
      const auto it = known.find(r.entity_id);
      if (it != known.end() && it->second.seq >= r.seq) {
        ++report.stale;
        continue;
      }
      const std::int64_t deleted = r.deleted ? 1 : 0;
      std::int64_t id = 0;
      if (it != known.end()) {
        id = it->second.id;
        c.Execute(sql::kUpdateEntity, {id, r.source_key, r.entity_type, r.seq, deleted});
        for (const auto statement : sql::kDeleteTyped) c.Execute(statement, {id});
      } else {
        id = c.QueryOne(sql::kInsertEntity,
                        {r.entity_id, r.source_key, r.entity_type, r.seq, deleted})
                 ->Int(0);
      }
      // A later record of the same entity in this page sees this one.
      known[r.entity_id] = {.id = id, .seq = r.seq};
      if (!r.deleted) InsertPayload(c, id, r);
      ++report.applied;
    }
    WriteSync(c, state);
    return report;
  });
}

void SqlCouncilRepository::ForgetSource(const std::string& key) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kForgetEntities, {key});
    c.Execute(sql::kForgetSync, {key});
  });
}

bool SqlCouncilRepository::AddFollow(std::int64_t ws, const std::string& key,
                                     const std::string& municipality_code, core::Instant now) {
  return db_.Transaction([&](Connection& c) {
    return c.Execute(sql::kFollow, {ws, key, municipality_code, ToMillis(now)}) > 0;
  });
}

bool SqlCouncilRepository::RemoveFollow(std::int64_t ws, const std::string& key) {
  return db_.Transaction([&](Connection& c) { return c.Execute(sql::kUnfollow, {ws, key}) > 0; });
}

std::vector<Follow> SqlCouncilRepository::Follows(std::int64_t ws) {
  std::vector<Follow> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kFollows, {ws})) {
    Follow f{.source_key = r.Text(0),
             .municipality_code = r.Text(1),
             .followed_at = FromMillis(r.Int(2))};
    if (!r.IsNull(3)) f.source = SourceFrom(r, 4);
    if (!r.IsNull(4 + kSourceColumns)) f.sync = SyncFrom(r, 5 + kSourceColumns);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> SqlCouncilRepository::FollowedKeys() {
  std::vector<std::string> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kFollowedKeys)) out.push_back(r.Text(0));
  return out;
}

std::vector<std::string> SqlCouncilRepository::UnfollowedKeys() {
  std::vector<std::string> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kUnfollowedKeys)) out.push_back(r.Text(0));
  return out;
}

std::vector<std::string> SqlCouncilRepository::WorkspaceMunicipalities(std::int64_t ws) {
  std::vector<std::string> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kMunicipalities, {ws})) out.push_back(r.Text(0));
  return out;
}

std::vector<MeetingView> SqlCouncilRepository::Meetings(std::int64_t ws,
                                                        const MeetingQuery& query) {
  std::vector<MeetingView> out;
  auto lease = db_.Acquire();
  for (const Row& r :
       lease->Query(sql::kMeetings, {ws, OptionalMillis(query.from), OptionalMillis(query.to),
                                     OptionalText(query.source_key), std::int64_t{query.limit},
                                     OptionalText(query.municipality_code)})) {
    out.push_back(MeetingFrom(r));
  }
  return out;
}

std::optional<MeetingDetail> SqlCouncilRepository::FindMeeting(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kMeeting, {ws, id});
  if (!row) return std::nullopt;
  MeetingDetail detail{.meeting = MeetingFrom(*row)};
  for (const Row& r : lease->Query(sql::kAgenda, {id})) {
    detail.meeting.meeting.agenda.push_back(AgendaItem{.ref = r.Text(1),
                                                       .depth = static_cast<int>(r.Int(0)),
                                                       .number = r.Text(2),
                                                       .title = r.Text(3),
                                                       .description = r.Text(4),
                                                       .heading = r.Int(5) != 0,
                                                       .documents = DocumentsFrom(r.Text(6))});
  }
  const std::string& ref = detail.meeting.entity_id;
  for (const Row& r : lease->Query(sql::kDocumentsOfMeeting, {ref})) {
    detail.documents.push_back(DocumentView{.id = r.Int(0),
                                            .entity_id = r.Text(1),
                                            .document = Document{.name = r.Text(2),
                                                                 .classification = r.Text(3),
                                                                 .url = r.Text(4),
                                                                 .content_type = r.Text(5),
                                                                 .modified_at = MillisAt(r, 6),
                                                                 .meeting_ref = r.Text(7)}});
  }
  for (const Row& r : lease->Query(sql::kMotionsOfMeeting, {ref})) {
    MotionView v{.id = r.Int(0), .entity_id = r.Text(1)};
    v.motion.name = r.Text(2);
    v.motion.motion_type = r.Text(3);
    v.motion.status = r.Text(4);
    v.motion.result = r.Text(5);
    v.motion.date = MillisAt(r, 6);
    v.motion.meeting_ref = r.Text(7);
    v.motion.agenda_item_ref = r.Text(8);
    if (!r.IsNull(9)) v.motion.in_favour = static_cast<int>(r.Int(9));
    if (!r.IsNull(10)) v.motion.against = static_cast<int>(r.Int(10));
    v.motion.proposers = NamesFrom(r.Text(11));
    for (const Row& vote : lease->Query(sql::kVotes, {v.id})) {
      v.motion.votes.push_back(Vote{.in_favour = vote.Int(0) != 0,
                                    .voter_ref = vote.Text(1),
                                    .voter_name = vote.Text(2),
                                    .party_ref = vote.Text(3),
                                    .party_name = vote.Text(4)});
    }
    detail.motions.push_back(std::move(v));
  }
  return detail;
}

std::vector<Topic> SqlCouncilRepository::Topics(std::int64_t ws) {
  std::vector<Topic> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kTopics, {ws})) {
    out.push_back(Topic{.id = r.Int(0),
                        .name = r.Text(1),
                        .terms = NamesFrom(r.Text(2)),
                        .exclusions = NamesFrom(r.Text(3)),
                        .created_at = FromMillis(r.Int(4))});
  }
  return out;
}

// The name (folded: TopicNameKey) is checked inside the transaction, and the unique index on
// (workspace_id, name_key) keeps two requests at once from both taking it.
std::optional<std::int64_t> SqlCouncilRepository::AddTopic(std::int64_t ws, const Topic& topic) {
  const std::string key = TopicNameKey(topic.name);
  return db_.Transaction([&](Connection& c) -> std::optional<std::int64_t> {
    if (c.QueryOne(sql::kTopicNamed, {ws, key})) return std::nullopt;
    return c
        .QueryOne(sql::kInsertTopic, {ws, topic.name, NamesJson(topic.terms),
                                      NamesJson(topic.exclusions), ToMillis(topic.created_at), key})
        ->Int(0);
  });
}

std::optional<bool> SqlCouncilRepository::UpdateTopic(std::int64_t ws, const Topic& topic) {
  const std::string key = TopicNameKey(topic.name);
  return db_.Transaction([&](Connection& c) -> std::optional<bool> {
    if (const auto other = c.QueryOne(sql::kTopicNamed, {ws, key});
        other && other->Int(0) != topic.id) {
      return std::nullopt;
    }
    return c.Execute(sql::kUpdateTopic, {ws, topic.id, topic.name, NamesJson(topic.terms),
                                         NamesJson(topic.exclusions), key}) > 0;
  });
}

bool SqlCouncilRepository::DeleteTopic(std::int64_t ws, std::int64_t id) {
  return db_.Transaction([&](Connection& c) { return c.Execute(sql::kDeleteTopic, {ws, id}) > 0; });
}

}  // namespace aantafel::storage

namespace aantafel::storage {

namespace {

/// SQLite FTS5: every phrase in double quotes (AND between them), "*" after the last for a
/// prefix. Stems hold no double quotes (they are runs of letters and digits).
std::string Fts5Match(const SearchQuery& q) {
  std::string out;
  for (const auto& phrase : q.phrases) {
    if (!out.empty()) out += ' ';
    out += '"';
    for (std::size_t i = 0; i < phrase.size(); ++i) out += (i ? " " : "") + phrase[i];
    out += '"';
  }
  if (q.prefix_last) out += '*';
  return out;
}

/// PostgreSQL: 'a' <-> 'b' for a phrase, & between phrases, :* for a prefix.
std::string TsQuery(const SearchQuery& q) {
  std::string out;
  for (const auto& phrase : q.phrases) {
    if (!out.empty()) out += " & ";
    out += '(';
    for (std::size_t i = 0; i < phrase.size(); ++i) {
      if (i) out += " <-> ";
      out += '\'';
      for (const char ch : phrase[i]) out += ch == '\'' ? std::string("''") : std::string(1, ch);
      out += '\'';
    }
    out += ')';
  }
  if (q.prefix_last && !out.empty()) out.insert(out.size() - 1, ":*");
  return out;
}

}  // namespace

std::vector<SearchHit> SqlCouncilRepository::Search(std::int64_t ws, const SearchQuery& query) {
  std::vector<SearchHit> out;
  if (query.phrases.empty()) return out;
  auto lease = db_.Acquire();
  const bool sqlite = lease->dialect() == Dialect::kSqlite;
  const std::vector<Value> params = {
      ws,
      sqlite ? Fts5Match(query) : TsQuery(query),
      OptionalText(query.source_key),
      query.kind ? Value(std::string(ToString(*query.kind))) : Value(nullptr),
      OptionalMillis(query.from),
      OptionalMillis(query.to),
      std::int64_t{query.limit} + 1,
      std::int64_t{query.offset}};
  for (const Row& r : lease->Query(sqlite ? sql::kSearchSqlite : sql::kSearchPostgres, params)) {
    SearchHit h;
    h.kind = SearchKindFrom(r.Text(0)).value_or(SearchKind::kDocument);
    h.entity = r.Int(1);
    h.position = static_cast<int>(r.Int(2));
    h.source_key = r.Text(3);
    h.source_label = r.Text(4);
    h.title = r.Text(5);
    h.body = r.Text(6);
    h.at = MillisAt(r, 7);
    if (!r.IsNull(8)) h.meeting_id = r.Int(8);
    h.meeting_name = r.Text(9);
    h.url = r.Text(10);
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<PendingText> SqlCouncilRepository::PendingTexts(int limit) {
  std::vector<PendingText> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kPendingTexts, {std::int64_t{limit}})) {
    out.push_back({.id = r.Int(0), .entity_id = r.Text(1), .seq = r.Int(2)});
  }
  return out;
}

void SqlCouncilRepository::SaveDocumentText(const PendingText& document,
                                            const std::optional<std::string>& text,
                                            core::Instant checked_at) {
  const std::int64_t id = document.id;
  db_.Transaction([&](Connection& c) {
    if (c.Execute(sql::kSaveText, {id, OptionalText(text), ToMillis(checked_at), document.seq}) ==
            0 ||
        !text) {
      return;
    }
    const auto row = c.QueryOne(sql::kSearchRowOf, {id});
    if (!row) return;
    const std::int64_t search_id = row->Int(0);
    if (c.dialect() == Dialect::kSqlite) {
      c.Execute(sql::kSetSearchBody, {search_id, *text});
      c.Execute(sql::kSetSearchWordsBody, {search_id, SearchStems(*text)});
    } else {
      c.Execute(sql::kSetSearchBodyPostgres,
                {search_id, *text, SearchStems(row->Text(1)), SearchStems(*text)});
    }
  });
}

void SqlCouncilRepository::NoteTextFailure(std::int64_t id, core::Instant at) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kTextFailed, {id, ToMillis(at), std::int64_t{kMostTextAttempts}});
  });
}

}  // namespace aantafel::storage

namespace aantafel::storage {

using core::council::LinkDecision;
using core::council::NameRecord;
using core::council::NameUse;

std::vector<NameUse> SqlCouncilRepository::NamesInCouncil(const std::string& key) {
  std::vector<NameUse> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kVoterNames, {key})) {
    out.push_back({.name = r.Text(0), .party = r.Text(1), .votes = static_cast<int>(r.Int(2))});
  }
  std::map<std::string, int> submitted;
  for (const Row& r : lease->Query(sql::kProposersOfCouncil, {key})) {
    for (auto& name : NamesFrom(r.Text(0))) ++submitted[std::move(name)];
  }
  for (auto& [name, count] : submitted) out.push_back({.name = name, .motions = count});
  return out;
}

std::vector<LinkDecision> SqlCouncilRepository::LinkDecisions(std::int64_t ws,
                                                              const std::string& key) {
  std::vector<LinkDecision> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kLinkDecisions, {ws, key})) {
    out.push_back({.name_key = r.Text(0), .person_id = r.Int(1), .confirmed = r.Int(2) != 0});
  }
  return out;
}

void SqlCouncilRepository::SaveLinkDecision(std::int64_t ws, const std::string& key,
                                            const LinkDecision& decision, std::int64_t user_id,
                                            core::Instant at) {
  const std::int64_t confirmed = decision.confirmed ? 1 : 0;
  db_.Transaction([&](Connection& c) {
    // A confirmation replaces an earlier one of the name; any decision one about the person.
    if (decision.confirmed) c.Execute(sql::kClearConfirmation, {ws, key, decision.name_key});
    c.Execute(sql::kDeleteLinkDecision, {ws, key, decision.name_key, decision.person_id});
    c.Execute(sql::kInsertLinkDecision,
              {ws, key, decision.name_key, decision.person_id, confirmed, user_id, ToMillis(at)});
  });
}

bool SqlCouncilRepository::DeleteLinkDecision(std::int64_t ws, const std::string& key,
                                              const std::string& name_key, std::int64_t person_id) {
  return db_.Transaction([&](Connection& c) {
    return c.Execute(sql::kDeleteLinkDecision, {ws, key, name_key, person_id}) > 0;
  });
}

std::vector<NameRecord> SqlCouncilRepository::RecordsOfNames(const std::string& key,
                                                             const std::vector<std::string>& names,
                                                             int limit) {
  std::vector<NameRecord> out;
  if (names.empty()) return out;
  auto lease = db_.Acquire();
  auto record = [](const Row& r, const std::string& name, NameRecord::Role role) {
    return NameRecord{.motion_id = r.Int(0),
                      .title = r.Text(1),
                      .result = r.Text(2),
                      .date = MillisAt(r, 3),
                      .meeting_id = r.IsNull(4) ? std::nullopt : std::optional(r.Int(4)),
                      .name = name,
                      .role = role};
  };
  for (const auto& name : names) {
    for (const Row& r : lease->Query(sql::kVotesOfName, {key, name})) {
      out.push_back(
          record(r, name, r.Int(5) != 0 ? NameRecord::Role::kFor : NameRecord::Role::kAgainst));
    }
  }
  // Submitters are a JSON list per motion: read the council's motions once.
  for (const Row& r : lease->Query(sql::kMotionsOfCouncil, {key})) {
    for (const auto& proposer : NamesFrom(r.Text(5))) {
      if (std::find(names.begin(), names.end(), proposer) != names.end()) {
        out.push_back(record(r, proposer, NameRecord::Role::kSubmitted));
        break;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const NameRecord& a, const NameRecord& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date > *b.date;
    return a.motion_id > b.motion_id;
  });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

std::optional<Webhook> SqlCouncilRepository::FindWebhook(std::int64_t ws) {
  auto lease = db_.Acquire();
  const auto row = lease->QueryOne(sql::kWebhook, {ws});
  if (!row) return std::nullopt;
  return WebhookFrom(*row, 0);
}

std::int64_t SqlCouncilRepository::SaveWebhook(std::int64_t ws, const Webhook& webhook) {
  return db_.Transaction([&](Connection& c) {
    // A new row, so a delivery still under way for the old one cannot write for this one; the
    // old one's deliveries go with it (ON DELETE CASCADE).
    c.Execute(sql::kDeleteWebhook, {ws});
    return c
        .QueryOne(sql::kInsertWebhook,
                  {ws, webhook.url, webhook.sealed_secret, ToMillis(webhook.created_at)})
        ->Int(0);
  });
}

bool SqlCouncilRepository::DeleteWebhook(std::int64_t ws) {
  return db_.Transaction([&](Connection& c) { return c.Execute(sql::kDeleteWebhook, {ws}) > 0; });
}

void SqlCouncilRepository::SaveWebhookState(std::int64_t id, const Webhook& s) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kSaveWebhookState,
              {id, OptionalMillis(s.last_attempt_at),
               s.last_status ? Value(std::int64_t{*s.last_status}) : Value(nullptr), s.last_error,
               OptionalMillis(s.last_success_at), std::int64_t{s.failures},
               OptionalMillis(s.failing_since), OptionalMillis(s.retry_at)});
  });
}

std::vector<DueWebhook> SqlCouncilRepository::DueWebhooks(core::Instant now) {
  std::vector<DueWebhook> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kDueWebhooks, {ToMillis(now)})) {
    out.push_back({.workspace_id = r.Int(0), .slug = r.Text(1), .webhook = WebhookFrom(r, 2)});
  }
  return out;
}

std::vector<WebhookDelivery> SqlCouncilRepository::WebhookDeliveries(std::int64_t webhook_id) {
  std::vector<WebhookDelivery> out;
  auto lease = db_.Acquire();
  for (const Row& r : lease->Query(sql::kWebhookDeliveries, {webhook_id})) {
    out.push_back({.topic_id = r.Int(0), .meeting_id = r.Int(1), .fingerprint = r.Text(2)});
  }
  return out;
}

void SqlCouncilRepository::SaveWebhookDelivery(std::int64_t webhook_id, std::int64_t ws,
                                               const WebhookDelivery& d, core::Instant at) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kSaveWebhookDelivery,
              {webhook_id, ws, d.topic_id, d.meeting_id, d.fingerprint, ToMillis(at)});
  });
}

void SqlCouncilRepository::ForgetWebhookDelivery(std::int64_t webhook_id, std::int64_t topic_id,
                                                 std::int64_t meeting_id) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kForgetWebhookDelivery, {webhook_id, topic_id, meeting_id});
  });
}

}  // namespace aantafel::storage

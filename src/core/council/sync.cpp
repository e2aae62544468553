#include "core/council/sync.hpp"

#include <algorithm>

namespace aantafel::core::council {

namespace {

using Outcome = FeedPage::Outcome;

/// 1, 2, 4 … minutes after failures in a row, at most an hour.
std::chrono::minutes Backoff(int failures) {
  const int doubling = std::clamp(failures - 1, 0, 6);
  return std::min(std::chrono::minutes(1 << doubling), std::chrono::minutes(60));
}

}  // namespace

std::string CouncilSync::RefreshStatus(bool force) {
  const Instant now = clock_.Now();
  const auto checked = repository_.StatusCheckedAt();
  if (!force && checked && now - *checked < options_.status_interval) return "";
  auto page = feed_.Status();
  if (page.outcome != Outcome::kOk) {
    return page.error.empty() ? std::string("status list not read") : page.error;
  }
  repository_.SaveStatus(page.status, now);
  return "";
}

bool CouncilSync::Due(const std::optional<SyncState>& state, Instant now, bool force) const {
  if (!state) return true;
  if (state->retry_at && *state->retry_at > now) return false;
  if (state->retry_at || !state->synced_at || force) return true;
  // Caught up before: due again after the poll interval, unless a round stopped mid-way.
  if (!state->snapshot_done) return true;
  return now - *state->synced_at >= options_.poll_interval;
}

std::optional<Instant> CouncilSync::NextDue() {
  std::optional<Instant> next;
  for (const auto& key : repository_.FollowedKeys()) {
    const auto state = repository_.FindSyncState(key);
    Instant due = clock_.Now();
    if (state && state->retry_at) {
      due = *state->retry_at;
    } else if (state && state->snapshot_done && state->synced_at) {
      due = *state->synced_at + options_.poll_interval;
    }
    if (!next || due < *next) next = due;
  }
  return next;
}

SyncRound CouncilSync::Run(bool force) {
  SyncRound round;
  for (const auto& key : repository_.UnfollowedKeys()) {
    repository_.ForgetSource(key);
    ++round.forgotten;
  }
  const Instant now = clock_.Now();
  for (const auto& key : repository_.FollowedKeys()) {
    const auto before = repository_.FindSyncState(key);
    if (!Due(before, now, force)) continue;
    ++round.councils;
    const auto after = SyncCouncil(key);
    if (!after.error.empty() && after.failures > 0) ++round.failed;
    round.records += after.records - (before ? before->records : 0);
  }
  round.texts = FetchTexts(options_.texts_per_round);
  return round;
}

int CouncilSync::FetchTexts(int limit) {
  if (limit <= 0) return 0;
  if (texts_retry_at_ && clock_.Now() < *texts_retry_at_) return 0;
  int done = 0;
  int failed_in_a_row = 0;
  for (const auto& pending : repository_.PendingTexts(limit)) {
    auto page = feed_.DocumentText(pending.entity_id);
    const Instant now = clock_.Now();
    if (page.outcome == Outcome::kRateLimited) {
      texts_retry_at_ = now + std::chrono::seconds(std::max(1, page.retry_after_seconds));
      break;
    }
    // One document that cannot be read goes behind the others; several in a row, or no answer
    // at all, is an outage: the feed's own back-off rule.
    const bool outage = page.outcome != Outcome::kOk;
    if (outage || page.document_failed) {
      repository_.NoteTextFailure(pending.id, now);
      if (outage || ++failed_in_a_row >= kMostTextAttempts) {
        texts_retry_at_ = now + Backoff(++text_failures_);
        break;
      }
      continue;
    }
    failed_in_a_row = 0;
    text_failures_ = 0;
    texts_retry_at_.reset();
    repository_.SaveDocumentText(pending, page.text, now);
    ++done;
  }
  return done;
}

SyncState CouncilSync::SyncCouncil(const std::string& key) {
  SyncState state = repository_.FindSyncState(key).value_or(SyncState{.source_key = key});
  for (int page_number = 0; page_number < options_.max_pages; ++page_number) {
    const Instant now = clock_.Now();
    const bool snapshot = !state.snapshot_done;
    const std::string cursor =
        snapshot ? state.cursor.value_or("") : state.changes_cursor.value_or("");
    FeedPage page = snapshot ? feed_.Snapshot(key, cursor) : feed_.Changes(key, cursor);
    state.attempted_at = now;
    switch (page.outcome) {
      case Outcome::kRateLimited:
        // Not a failure: the service asks us to slow down. The same page is asked again later.
        state.retry_at = now + std::chrono::seconds(std::max(1, page.retry_after_seconds));
        repository_.SaveSyncState(state);
        return state;
      case Outcome::kUnavailable:
        ++state.failures;
        state.error = page.error;
        state.retry_at = now + Backoff(state.failures);
        repository_.SaveSyncState(state);
        return state;
      case Outcome::kUnknownSource:
        // The council is not exported (any more); look again tomorrow.
        ++state.failures;
        state.error = page.error.empty() ? "unknown_export_source" : page.error;
        state.retry_at = now + std::chrono::hours(24);
        repository_.SaveSyncState(state);
        return state;
      case Outcome::kBadCursor:
        // The stored position is refused: read the snapshot again (replays are harmless).
        state.snapshot_done = false;
        state.cursor.reset();
        state.changes_cursor.reset();
        state.error = page.error.empty() ? "invalid_export_cursor" : page.error;
        state.retry_at.reset();
        repository_.SaveSyncState(state);
        continue;
      case Outcome::kOk: break;
    }
    SyncState next = state;
    next.failures = 0;
    next.error.clear();
    next.retry_at.reset();
    next.records += static_cast<std::int64_t>(page.records.size());
    next.skipped_lines += static_cast<std::int64_t>(page.skipped.size());
    bool caught_up = false;
    if (snapshot) {
      // The change feed starts where the FIRST snapshot page said: read before its rows, so
      // nothing written while we page through is missed.
      if (!state.cursor && page.changes_cursor) next.changes_cursor = page.changes_cursor;
      if (page.has_more) {
        if (page.next_cursor.empty() || page.next_cursor == cursor) {
          ++state.failures;
          state.error = "the snapshot did not move on from cursor \"" + cursor + "\"";
          state.retry_at = now + Backoff(state.failures);
          repository_.SaveSyncState(state);
          return state;
        }
        next.cursor = page.next_cursor;
      } else {
        next.snapshot_done = true;
        next.cursor.reset();
      }
    } else {
      if (!page.next_cursor.empty()) next.changes_cursor = page.next_cursor;
      caught_up = !page.has_more;
      if (page.has_more && next.changes_cursor == state.changes_cursor) {
        ++state.failures;
        state.error = "the change feed did not move on from cursor \"" + cursor + "\"";
        state.retry_at = now + Backoff(state.failures);
        repository_.SaveSyncState(state);
        return state;
      }
    }
    if (caught_up) next.synced_at = now;
    repository_.ApplyPage(page.records, next);
    state = std::move(next);
    if (caught_up) break;
  }
  return state;
}

}  // namespace aantafel::core::council

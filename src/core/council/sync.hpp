#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/council/ports.hpp"

namespace aantafel::core::council {

struct SyncOptions {
  std::chrono::minutes poll_interval{30};  ///< how often a caught-up council is asked again
  std::chrono::minutes status_interval{60};
  int max_pages = 50;        ///< per council per round, so one large council does not starve others
  int texts_per_round = 20;  ///< document texts fetched per round (one request each)
};

/// What one round did.
struct SyncRound {
  int councils = 0;  ///< councils asked
  int failed = 0;    ///< councils whose feed failed (see their SyncState::error)
  std::int64_t records = 0;
  int forgotten = 0;  ///< councils nobody follows any more, removed
  int texts = 0;      ///< document texts asked for (with or without a text)
};

/// Keeps the stored copy of every followed council up to date: first the snapshot, page by
/// page, then the change feed from the position the snapshot's first page gave. Each page and
/// the new position are stored together, so a crash resumes where it stopped and a replayed
/// page changes nothing. Honours 429 (Retry-After) and backs off after failures.
class CouncilSync {
 public:
  CouncilSync(CouncilRepository& repository, CouncilFeed& feed, const Clock& clock,
              SyncOptions options)
      : repository_(repository), feed_(feed), clock_(clock), options_(options) {}

  /// Reads the status list again when it is older than status_interval (or always, `force`).
  /// Returns "" on success or when nothing was due, else what went wrong.
  std::string RefreshStatus(bool force);
  /// Syncs every followed council that is due (`force`: also those caught up recently, but
  /// never before a Retry-After has passed), and forgets councils nobody follows.
  SyncRound Run(bool force);
  /// One council, up to max_pages pages; returns its state afterwards.
  SyncState SyncCouncil(const std::string& key);
  /// Fetches the text of up to `limit` documents of followed councils, newest first; stops at a
  /// 429 (until its Retry-After) or when the service cannot be reached. Returns how many were
  /// asked for and stored.
  int FetchTexts(int limit);

  /// When the next council is due (for the scheduler); nullopt: nothing followed.
  std::optional<Instant> NextDue();

 private:
  [[nodiscard]] bool Due(const std::optional<SyncState>& state, Instant now, bool force) const;

  CouncilRepository& repository_;
  CouncilFeed& feed_;
  const Clock& clock_;
  SyncOptions options_;
  std::optional<Instant> texts_retry_at_;  ///< after a 429 or an outage of the text requests
  int text_failures_ = 0;
};

}  // namespace aantafel::core::council

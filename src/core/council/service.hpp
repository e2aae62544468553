#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/civil_date.hpp"
#include "core/council/ports.hpp"
#include "core/result.hpp"

namespace aantafel::core::council {

/// What the Raad page shows: the councils the workspace follows and the ones it could follow
/// (those of the municipalities it works with), with when the status list was last read.
struct Councils {
  bool enabled = false;  ///< false when this installation does not read council information
  std::optional<Instant> status_checked_at;
  std::vector<Follow> follows;
  std::vector<CouncilSource> available;  ///< not yet followed
};

/// Meetings asked for by days (Dutch calendar days, both included).
struct MeetingRequest {
  std::optional<CivilDate> from;  ///< default: today, or 60 days before `to`
  std::optional<CivilDate> to;    ///< default: 60 days after `from`
  std::optional<std::string> source_key;
  int limit = 200;
};

/// A topic as typed.
struct TopicInput {
  std::string name;
  std::vector<std::string> terms;
  std::vector<std::string> exclusions;
};

/// The use cases of a workspace: follow councils and read what they discuss.
class CouncilService {
 public:
  /// `wake` (may be empty) is called when the sync has work: a new follow, or a list asked for
  /// while the status list is missing or older than an hour.
  /// `enabled`: whether this installation reads council information ([council] url).
  CouncilService(CouncilRepository& repository, const Clock& clock, bool enabled,
                 std::function<void()> wake)
      : repository_(repository), clock_(clock), enabled_(enabled), wake_(std::move(wake)) {}

  Councils List(const accounts::WorkspaceAccess& access);
  /// Editors and owners; the council must be one of a municipality the workspace works with.
  /// Errors name "source_key".
  Result<Follow> FollowCouncil(const accounts::WorkspaceAccess& access, const std::string& key);
  Status UnfollowCouncil(const accounts::WorkspaceAccess& access, const std::string& key);
  /// At most 366 days and 500 meetings; errors name "to" and "limit".
  Result<std::vector<MeetingView>> Meetings(const accounts::WorkspaceAccess& access,
                                            const MeetingRequest& request);
  Result<MeetingDetail> MeetingOf(const accounts::WorkspaceAccess& access, std::int64_t id);

  std::vector<Topic> Topics(const accounts::WorkspaceAccess& access);
  /// Editors and owners. Name 1–100 characters, unique in the workspace; 1–30 terms and 0–30
  /// exclusions of 2–100 characters with at least one word each. Errors name "name",
  /// "terms[i]", "exclusions[i]".
  Result<Topic> AddTopic(const accounts::WorkspaceAccess& access, const TopicInput& input);
  Result<Topic> ReplaceTopic(const accounts::WorkspaceAccess& access, std::int64_t id,
                             const TopicInput& input);
  Status DeleteTopic(const accounts::WorkspaceAccess& access, std::int64_t id);
  /// The workspace's topics in the meetings of `request` (same days and limits as Meetings):
  /// per meeting and topic, the agenda items, documents and motions whose title (and an agenda
  /// item's description) contains a term and no exclusion. Cancelled meetings are included
  /// (marked), so calendars can show the cancellation.
  Result<std::vector<TopicMatch>> TopicMatches(const accounts::WorkspaceAccess& access,
                                               const MeetingRequest& request);

 private:
  CouncilRepository& repository_;
  const Clock& clock_;
  bool enabled_;
  std::function<void()> wake_;
};

}  // namespace aantafel::core::council

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
#include "core/council/search.hpp"
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
  std::optional<std::string> municipality_code;  ///< only the councils of this municipality
  int limit = 200;
};

/// A search as asked: q as global search takes it, the rest optional filters.
struct SearchRequest {
  std::string q;
  bool as_you_type = false;  ///< the last word also matches longer words
  std::optional<std::string> source_key;
  std::optional<SearchKind> kind;
  std::optional<CivilDate> from;  ///< Dutch days, both included
  std::optional<CivilDate> to;
  int limit = 20;
  int offset = 0;
};

/// The rules of a search request (q, to after from, limit 1–100, offset 0–1000), added to
/// `errors`, so a handler that found other problems names them all at once.
void CheckSearchRequest(const SearchRequest& request, FieldErrors& errors);

/// A hit ready to show: where in the title and the excerpt the words are.
struct FoundItem {
  SearchHit hit;
  std::string excerpt;  ///< part of the body around the first match, or its start
  std::vector<search::Span> title_spans;
  std::vector<search::Span> excerpt_spans;
};

struct SearchPage {
  std::vector<FoundItem> items;
  bool has_more = false;
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

  /// Zoeken in de raad: the records of the followed councils that hold the words of q (Dutch
  /// stems; "quoted words" in a row). Errors under "q", "to" (before from), "limit" (1–100),
  /// "offset" (0–1000).
  Result<SearchPage> Search(const accounts::WorkspaceAccess& access, const SearchRequest& request);

 private:
  CouncilRepository& repository_;
  const Clock& clock_;
  bool enabled_;
  std::function<void()> wake_;
};

}  // namespace aantafel::core::council

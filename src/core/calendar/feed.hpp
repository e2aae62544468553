#pragma once
// Agenda-abonnement: what a member's calendar feed (the secret /ical/{token} address) shows. The
// Beleidskalender adds the municipalities' cycle events and the plans' windows; every other
// module adds its own events through one port (FeedEventSource), so a new module adds a source
// instead of editing the feed's handler. Texts are Dutch: a calendar app sends no language.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace aantafel::core::relations {
class RelationsService;
}
namespace aantafel::core::council {
class CouncilService;
}

namespace aantafel::core::calendar {

/// One event in a feed: whole days, or at a time when `starts_at` is set.
struct FeedEvent {
  std::string uid;  ///< stable across refreshes, so calendars update instead of duplicating
  CivilDate first_day;
  CivilDate last_day;  ///< inclusive
  std::string summary;
  std::string description;
  /// Where the event is handled in the app, inside the workspace ("/relations/agreements/7");
  /// the feed writer puts the server's public address and the workspace before it. May be empty.
  std::string page;
  std::optional<Instant> starts_at;  ///< a timed event (UTC) instead of whole days
  std::optional<Instant> ends_at;    ///< default: two hours after the start
  std::string location;
  bool cancelled = false;  ///< STATUS:CANCELLED, so subscribed calendars strike it through
};

/// Whose feed is being read: the owner as a reader of the feed's workspace, and today's date.
struct FeedOwner {
  accounts::WorkspaceAccess reader;
  CivilDate today;
};

/// A feed as read: its workspace (for the links) and every module's events.
struct MemberFeed {
  std::string workspace_slug;
  std::vector<FeedEvent> events;
};

/// Port: one module's events in a member's feed.
class FeedEventSource {
 public:
  virtual ~FeedEventSource() = default;
  virtual void Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) = 0;
};

/// Contacten en afspraken: the owner's own open follow-ups and agreements with a due date.
class RelationsFeedEvents final : public FeedEventSource {
 public:
  explicit RelationsFeedEvents(relations::RelationsService& relations) : relations_(relations) {}
  void Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) override;

 private:
  relations::RelationsService& relations_;
};

/// Raadsinformatie: meetings of followed councils from two weeks ago to half a year ahead that
/// discuss one of the workspace's topics, one event per meeting at its time (on its day when the
/// time is not published), struck through when the council cancels it.
class CouncilFeedEvents final : public FeedEventSource {
 public:
  explicit CouncilFeedEvents(council::CouncilService& council) : council_(council) {}
  void Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) override;

 private:
  council::CouncilService& council_;
};

}  // namespace aantafel::core::calendar

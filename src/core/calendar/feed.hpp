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
#include "core/calendar/ports.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace aantafel::core::relations {
class RelationsService;
}
namespace aantafel::core::council {
class CouncilService;
}

namespace aantafel::core::calendar {

/// A feed as read: its workspace (for the links) and every module's events.
struct MemberFeed {
  std::string workspace_slug;
  std::vector<FeedEvent> events;
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

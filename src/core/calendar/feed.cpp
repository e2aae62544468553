#include "core/calendar/feed.hpp"

#include <map>

#include "core/council/service.hpp"
#include "core/relations/service.hpp"

namespace aantafel::core::calendar {

void RelationsFeedEvents::Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) {
  const auto mine = relations_.Reminders(owner.reader.workspace.id, owner.reader.user_id);
  for (const auto& f : mine.follow_ups) {
    out.push_back({.uid = "follow-up-" + std::to_string(f.id) + "@aantafel",
                   .first_day = f.due_on,
                   .last_day = f.due_on,
                   .summary = "Vervolgactie: " + f.title,
                   .description = "Vervolgactie uit aantafel (Contacten en afspraken).",
                   .page = "/relations"});
  }
  for (const auto& a : mine.agreements) {
    if (!a.due_on) continue;
    out.push_back({.uid = "agreement-" + std::to_string(a.id) + "@aantafel",
                   .first_day = *a.due_on,
                   .last_day = *a.due_on,
                   .summary = "Afspraak: " + a.title,
                   .description = a.description,
                   .page = "/relations/agreements/" + std::to_string(a.id)});
  }
}

void CouncilFeedEvents::Gather(const FeedOwner& owner, std::vector<FeedEvent>& out) {
  auto matches = council_.TopicMatches(
      owner.reader,
      {.from = owner.today.AddDays(-14), .to = owner.today.AddDays(180), .limit = 500});
  if (!matches) return;
  std::map<std::int64_t, std::size_t> at;  // meeting id → index in out
  for (const auto& m : *matches) {
    const auto& meeting = m.meeting;
    if (!meeting.meeting.starts_at) continue;
    std::string topic = "Onderwerp \"" + m.topic_name + "\": ";
    for (std::size_t i = 0; i < m.hits.size(); ++i) {
      topic += (i > 0 ? "; " : "") + m.hits[i].title;
    }
    if (const auto it = at.find(meeting.id); it != at.end()) {
      out[it->second].description += "\n" + topic;
      continue;
    }
    const std::string body =
        !meeting.committee_name.empty() ? meeting.committee_name : meeting.meeting.name;
    const CivilDate day = DutchDate(*meeting.meeting.starts_at);
    at[meeting.id] = out.size();
    out.push_back(
        {.uid = "council-meeting-" + std::to_string(meeting.id) + "@aantafel",
         .first_day = day,
         .last_day = day,
         .summary = "Raad " + meeting.source_label + ": " + body,
         .description = topic,
         .page = "/council/meetings/" + std::to_string(meeting.id),
         // A meeting whose time is not published is shown on its day.
         .starts_at = meeting.meeting.time_known ? meeting.meeting.starts_at : std::nullopt,
         .ends_at = meeting.meeting.time_known ? meeting.meeting.ends_at : std::nullopt,
         .location = meeting.meeting.location,
         .cancelled = meeting.meeting.cancelled});
  }
}

}  // namespace aantafel::core::calendar

#include "core/overview/act_now.hpp"

#include "core/calendar/service.hpp"
#include "core/council/service.hpp"
#include "core/feedback/service.hpp"
#include "core/overview/key_figures.hpp"
#include "core/relations/service.hpp"
#include "core/scans/service.hpp"

namespace aantafel::core::overview {

namespace {

std::string Days(long days, bool en) {
  const long n = days < 0 ? -days : days;
  return std::to_string(n) + (en ? (n == 1 ? " day" : " days") : (n == 1 ? " dag" : " dagen"));
}

}  // namespace

void RelationsActItems::Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                               std::vector<ActItem>& out) {
  const bool en = context.english;
  const auto week = relations_.Week(access);
  for (const auto& f : week.follow_ups) {
    out.push_back({.key = "follow_up:" + std::to_string(f.id),
                   .module = "relations",
                   .reason = f.due_on < context.today ? Reason::kOverdue : Reason::kDueSoon,
                   .title = (en ? "Follow-up: " : "Vervolgactie: ") + f.title,
                   .due = f.due_on,
                   .link = "interactions",
                   .mine = f.owner_id == access.user_id,
                   .record_id = f.id});
  }
  for (const auto& a : week.agreements) {
    if (!a.due_on) continue;
    out.push_back({.key = "agreement:" + std::to_string(a.id),
                   .module = "relations",
                   .reason = *a.due_on < context.today ? Reason::kOverdue : Reason::kDueSoon,
                   .title = (en ? "Agreement: " : "Afspraak: ") + a.title,
                   .due = a.due_on,
                   .link = "interactions/agreements/" + std::to_string(a.id),
                   .mine = a.owner_id == access.user_id,
                   .record_id = a.id});
  }
}

void CallbackActItems::Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                              std::vector<ActItem>& out) {
  auto callbacks = feedback_.ListCallbacks(access, "open");
  if (!callbacks) return;
  const bool en = context.english;
  for (const auto& c : *callbacks) {
    out.push_back(
        {.key = "callback:" + std::to_string(c.id),
         .module = "feedback",
         .reason = c.due_at < context.now ? Reason::kCallbackOverdue : Reason::kCallbackOpen,
         .title = (en ? "Call back: score " : "Terugbellen: cijfer ") + std::to_string(c.score) +
                  (c.team.empty() ? "" : " · " + c.team),
         .due = DutchDate(c.due_at),
         .link = "feedback",
         .mine = c.assignee_id == access.user_id,
         .record_id = c.id});
  }
}

void CalendarActItems::Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                              std::vector<ActItem>& out) {
  const bool en = context.english;
  const CivilDate today = context.today;
  const auto& rules = calendar_.rules();
  for (const auto& plan : calendar_.ListPlans(access)) {
    auto schedules = calendar_.Schedule(access, plan.id);
    if (!schedules) continue;
    for (const auto& s : *schedules) {
      for (const auto& w : s.schedule.windows) {
        const bool open = w.from <= today && today <= w.to;
        const bool soon = today < w.from && w.from <= today.AddDays(kWindowLookAheadDays);
        if (!open && !soon) continue;
        std::string label = w.id;
        if (auto it = rules.windows.find(w.id); it != rules.windows.end()) {
          label = en ? it->second.label.en : it->second.label.nl;
        }
        out.push_back({.key = "window:" + std::to_string(plan.id) + ":" +
                              std::to_string(s.organisation.id) + ":" + w.id,
                       .module = "calendar",
                       .reason = open ? Reason::kWindowOpen : Reason::kWindowOpensSoon,
                       .title = plan.title + " — " + s.organisation.name + ": " + label,
                       .due = open ? w.to : w.from,
                       .link = "policy-calendar/plans/" + std::to_string(plan.id),
                       .mine = plan.owner_id == access.user_id,
                       .record_id = plan.id,
                       .about = plan.title,
                       .municipality_code = s.organisation.municipality_code.value_or("")});
      }
    }
  }
  // The municipalities' own cycle events (budget votes, kadernota, …), not the user's own ones.
  auto upcoming = calendar_.Upcoming(access, kDeadlineLookAheadDays);
  if (!upcoming) return;
  for (const auto& u : *upcoming) {
    if (!u.event || u.event->basis == calendar::Basis::kOwn) continue;
    const auto* rule = rules.Find(u.event->id);
    if (rule == nullptr) continue;
    out.push_back({.key = "event:" + std::to_string(u.organisation.id) + ":" + u.event->id + ":" +
                          u.date.ToString(),
                   .module = "calendar",
                   .reason = Reason::kDeadlineSoon,
                   .title = u.organisation.name + ": " + (en ? rule->label.en : rule->label.nl),
                   .due = u.date,
                   .link = "policy-calendar/municipalities/" + std::to_string(u.organisation.id),
                   .mine = false,
                   .record_id = std::nullopt});
  }
}

void ScanActItems::Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                          std::vector<ActItem>& out) {
  for (const auto& s : scans_.ListScans(access)) {
    if (s.scan.status != scans::ScanStatus::kOpen || s.invited == 0 || s.answered >= s.invited) {
      continue;
    }
    out.push_back({.key = "scan:" + std::to_string(s.scan.id),
                   .module = "scans",
                   .reason = Reason::kScanWaiting,
                   .title = s.scan.title + " (" + std::to_string(s.answered) +
                            (context.english ? " of " : " van ") + std::to_string(s.invited) + ")",
                   .due = std::nullopt,
                   .link = "scan/" + std::to_string(s.scan.id),
                   .mine = s.scan.created_by == access.user_id,
                   .record_id = s.scan.id});
  }
}

void CouncilActItems::Gather(const accounts::WorkspaceAccess& access, const ActContext& context,
                             std::vector<ActItem>& out) {
  auto matches = council_.TopicMatches(
      access, {.from = context.today, .to = context.today.AddDays(kDeadlineLookAheadDays)});
  if (!matches) return;
  for (const auto& m : *matches) {
    const auto& meeting = m.meeting;
    if (meeting.meeting.cancelled) continue;
    const std::string body =
        !meeting.committee_name.empty() ? meeting.committee_name : meeting.meeting.name;
    out.push_back(
        {.key = "council:" + std::to_string(meeting.id) + ":" + std::to_string(m.topic_id),
         .module = "council",
         .reason = Reason::kCouncilTopic,
         .title = body + " (" + meeting.source_label + "): " + m.hits.front().title,
         .due = meeting.meeting.starts_at ? std::optional(DutchDate(*meeting.meeting.starts_at))
                                          : std::nullopt,
         .link = "council/meetings/" + std::to_string(meeting.id),
         .mine = false,
         .record_id = meeting.id,
         .about = m.topic_name,
         .municipality_code = meeting.municipality_code});
  }
}

std::string Explain(const ActItem& item, CivilDate today, bool en) {
  const long days = item.due ? item.due->DaysSinceEpoch() - today.DaysSinceEpoch() : 0;
  switch (item.reason) {
    case Reason::kCallbackOverdue:
      return en ? "A client asked to be called back; the agreed time has passed."
                : "Een cliënt wil teruggebeld worden; de afgesproken termijn is voorbij.";
    case Reason::kCallbackOpen:
      return en ? "A client asked to be called back." : "Een cliënt wil teruggebeld worden.";
    case Reason::kOverdue:
      return en ? Days(days, en) + " overdue." : Days(days, en) + " over de datum.";
    case Reason::kDueSoon:
      return days == 0 ? (en ? "Due today." : "Vandaag.")
                       : (en ? "Due in " + Days(days, en) + "." : "Over " + Days(days, en) + ".");
    case Reason::kWindowOpen:
      return en ? "The right moment to talk is now: this window is open."
                : "Het goede moment om te praten is nu: dit venster is open.";
    case Reason::kWindowOpensSoon:
      return en ? "Opens in " + Days(days, en) + ": prepare your conversation."
                : "Gaat over " + Days(days, en) + " open: bereid je gesprek voor.";
    case Reason::kDeadlineSoon:
      return en ? "In " + Days(days, en) + " in the municipal cycle."
                : "Over " + Days(days, en) + " in de cyclus van de gemeente.";
    case Reason::kScanWaiting:
      return en ? "Not everyone has answered yet." : "Nog niet iedereen heeft geantwoord.";
    case Reason::kCouncilTopic: {
      const std::string when = days == 0   ? (en ? "today" : "vandaag")
                               : days == 1 ? (en ? "tomorrow" : "morgen")
                                           : (en ? "in " : "over ") + Days(days, en);
      std::string text =
          en ? "Your topic \"" + item.about + "\" is on the council's agenda " + when + "."
             : "Jullie onderwerp \"" + item.about + "\" staat " + when +
                   " op de agenda van de raad.";
      if (!item.open_window.empty()) {
        text += en ? " The window of your plan \"" + item.open_window +
                         "\" is open: a good moment to bring it in."
                   : " Het venster van jullie plan \"" + item.open_window +
                         "\" is nu open: een goed moment om het in te brengen.";
      }
      return text;
    }
  }
  return "";
}

KeyFigures CountKeyFigures(relations::RelationsService& relations,
                           feedback::FeedbackService& feedback,
                           calendar::PolicyCalendarService& calendar,
                           const accounts::WorkspaceAccess& access, const ActContext& context) {
  KeyFigures figures;
  const CivilDate today = context.today;
  auto nps = [&](CivilDate from, CivilDate to) -> std::optional<feedback::NpsGroup> {
    auto report = feedback.Nps(
        access,
        {.group_by = "", .from = from.ToString(), .to = to.ToString(), .survey_id = std::nullopt});
    if (!report) return std::nullopt;
    return report->total;
  };
  figures.nps_last_30_days = nps(today.AddDays(-29), today);
  figures.nps_previous_30_days = nps(today.AddDays(-59), today.AddDays(-30));
  if (auto callbacks = feedback.ListCallbacks(access, "open")) {
    for (const auto& c : *callbacks) {
      ++figures.open_callbacks;
      if (c.due_at < context.now) ++figures.overdue_callbacks;
    }
  }
  for (const auto& a : relations.ListAgreements(access, std::nullopt)) {
    using relations::AgreementStatus;
    if (a.status != AgreementStatus::kAgreed && a.status != AgreementStatus::kInProgress) continue;
    ++figures.open_agreements;
    if (a.due_on && *a.due_on < today) ++figures.overdue_agreements;
  }
  if (auto upcoming = calendar.Upcoming(access, 30)) {
    for (const auto& u : *upcoming) figures.cycle_events_next_30_days += u.event ? 1 : 0;
  }
  return figures;
}

}  // namespace aantafel::core::overview

#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

namespace aantafel::core::overview {

// Overzicht (glossary: overview): what needs this user now, from every module, ranked by
// urgency with the reason shown. Each module offers its items through an ActItemSource
// (act_now.hpp); ranking, hiding and the reasons' order are decided here.

/// Why an item is on the list. Order matters nowhere; urgency comes from UrgencyOf.
enum class Reason {
  kCallbackOverdue,  ///< a client asked to be called back and the SLA has passed
  kCallbackOpen,     ///< a callback request within its SLA
  kOverdue,          ///< an agreement or follow-up past its due date
  kDueSoon,          ///< an agreement or follow-up due within seven days
  kWindowOpen,       ///< a plan's window in the municipal cycle is open now
  kWindowOpensSoon,  ///< a plan's window opens within three weeks
  kDeadlineSoon,     ///< a municipal cycle event (e.g. a budget vote) within two weeks
  kScanWaiting,      ///< a partnership scan still waits for respondents
  kCouncilTopic,     ///< a followed council discusses one of the workspace's topics soon
};
/// "callback_overdue", "callback_open", "overdue", "due_soon", "window_open",
/// "window_opens_soon", "deadline_soon", "scan_waiting", "council_topic".
std::string_view ToString(Reason reason);

/// One thing to act on.
struct ActItem {
  std::string key;     ///< stable per thing, e.g. "agreement:12" (for dismiss and snooze)
  std::string module;  ///< "relations", "feedback", "calendar", "scans"
  Reason reason = Reason::kDueSoon;
  std::string title;
  std::optional<CivilDate> due;           ///< the date that makes it urgent
  std::string link;                       ///< where it is handled in the app
  bool mine = false;                      ///< assigned to or owned by this user
  std::optional<std::int64_t> record_id;  ///< the callback, agreement, plan… it is about
  std::string about;                      ///< what the reason is about (a council topic's name,
                                          ///< a window's plan)
  std::string municipality_code;          ///< the municipality it concerns, when one does
  std::string open_window;  ///< a council topic: the plan whose window is open in that
                            ///< municipality now (filled in by Rank)
  int urgency = 0;          ///< filled in by Rank
};

/// How urgent an item is on `today`, 0–200: overdue callbacks first, then overdue agreements
/// (more days overdue, more urgent), things due soon by days left, then windows and deadlines,
/// then waiting scans; the user's own items a little higher. A council topic inside an open window
/// of a plan for the same municipality ranks with the open windows: now is the moment to use it.
int UrgencyOf(const ActItem& item, CivilDate today);

/// A user's choice to hide an item: for good (`until` empty) or until a day (snoozed).
struct Hidden {
  std::optional<CivilDate> until;
};

/// Drops hidden items (dismissed, or snoozed until after `today`), scores the rest and sorts them
/// most urgent first (ties: earlier due date, then key), at most `limit`.
std::vector<ActItem> Rank(std::vector<ActItem> items, const std::map<std::string, Hidden>& hidden,
                          CivilDate today, std::size_t limit);

}  // namespace aantafel::core::overview

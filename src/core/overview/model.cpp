#include "core/overview/model.hpp"

#include <algorithm>
#include <map>

namespace aantafel::core::overview {

std::string_view ToString(Reason reason) {
  switch (reason) {
    case Reason::kCallbackOverdue: return "callback_overdue";
    case Reason::kCallbackOpen: return "callback_open";
    case Reason::kOverdue: return "overdue";
    case Reason::kDueSoon: return "due_soon";
    case Reason::kWindowOpen: return "window_open";
    case Reason::kWindowOpensSoon: return "window_opens_soon";
    case Reason::kDeadlineSoon: return "deadline_soon";
    case Reason::kScanWaiting: return "scan_waiting";
    case Reason::kCouncilTopic: return "council_topic";
  }
  return "due_soon";
}

int UrgencyOf(const ActItem& item, CivilDate today) {
  const int days = item.due ? static_cast<int>(item.due->DaysSinceEpoch() - today.DaysSinceEpoch())
                            : 0;  // negative: overdue
  int score = 0;
  switch (item.reason) {
    case Reason::kCallbackOverdue: score = 170 + std::min(20, -days); break;
    case Reason::kCallbackOpen: score = 130; break;
    case Reason::kOverdue: score = 140 + std::min(25, -days); break;
    case Reason::kDueSoon: score = 110 - std::clamp(days, 0, 7); break;
    case Reason::kWindowOpen: score = 100; break;
    case Reason::kDeadlineSoon: score = 95 - 2 * std::clamp(days, 0, 14); break;
    case Reason::kWindowOpensSoon: score = 70 - std::clamp(days, 0, 21); break;
    case Reason::kScanWaiting: score = 40; break;
    case Reason::kCouncilTopic:
      score = (item.open_window.empty() ? 90 : 112) - 2 * std::clamp(days, 0, 14);
      break;
  }
  if (item.mine) score += 5;
  return std::clamp(score, 0, 200);
}

std::vector<ActItem> Rank(std::vector<ActItem> items, const std::map<std::string, Hidden>& hidden,
                          CivilDate today, std::size_t limit) {
  std::erase_if(items, [&](const ActItem& item) {
    const auto it = hidden.find(item.key);
    if (it == hidden.end()) return false;
    return !it->second.until || today < *it->second.until;
  });
  // A plan's window that is open in a municipality until (at least) the council's meeting makes
  // that meeting the moment to act; of several, the one open longest.
  std::multimap<std::string, const ActItem*> open_windows;
  for (const ActItem& item : items) {
    if (item.reason == Reason::kWindowOpen && !item.municipality_code.empty()) {
      open_windows.emplace(item.municipality_code, &item);
    }
  }
  for (ActItem& item : items) {
    if (item.reason == Reason::kCouncilTopic && item.due) {
      const ActItem* best = nullptr;
      const auto [from, to] = open_windows.equal_range(item.municipality_code);
      for (auto it = from; it != to; ++it) {
        const ActItem& window = *it->second;
        if (!window.due || *window.due < *item.due) continue;
        if (best == nullptr || *best->due < *window.due) best = &window;
      }
      item.open_window = best == nullptr ? "" : best->about;
    }
  }
  for (ActItem& item : items) item.urgency = UrgencyOf(item, today);
  std::stable_sort(items.begin(), items.end(), [](const ActItem& a, const ActItem& b) {
    if (a.urgency != b.urgency) return a.urgency > b.urgency;
    if (a.due != b.due) {
      if (!a.due) return false;
      if (!b.due) return true;
      return *a.due < *b.due;
    }
    return a.key < b.key;
  });
  if (items.size() > limit) items.resize(limit);
  return items;
}

}  // namespace aantafel::core::overview

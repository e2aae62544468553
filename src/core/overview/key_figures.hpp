#pragma once

#include <optional>

#include "core/accounts/model.hpp"
#include "core/feedback/service.hpp"
#include "core/overview/act_now.hpp"

namespace aantafel::core::overview {

/// The figures at the top of the overview.
struct KeyFigures {
  std::optional<feedback::NpsGroup> nps_last_30_days;      ///< today and the 29 days before
  std::optional<feedback::NpsGroup> nps_previous_30_days;  ///< the 30 days before those
  int open_callbacks = 0;
  int overdue_callbacks = 0;  ///< open and past their due time
  int open_agreements = 0;    ///< agreed or in progress
  int overdue_agreements = 0;
  int cycle_events_next_30_days = 0;
};

/// Counts the key figures for one workspace (what the user may read).
KeyFigures CountKeyFigures(relations::RelationsService& relations,
                           feedback::FeedbackService& feedback,
                           calendar::PolicyCalendarService& calendar,
                           const accounts::WorkspaceAccess& access, const ActContext& context);

}  // namespace aantafel::core::overview

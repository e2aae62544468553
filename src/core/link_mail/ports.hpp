#pragma once

#include <cstdint>
#include <vector>

#include "core/link_mail/model.hpp"

namespace aantafel::core::link_mail {

/// Port: the mailed links (table link_mails). A row goes with its respondent or invitation.
class LinkMailRepository {
 public:
  virtual ~LinkMailRepository() = default;
  virtual void Add(const NewLinkMail& mail) = 0;
  /// Up to `limit` mails whose reminder is due at `now`, oldest first.
  virtual std::vector<DueReminder> DueReminders(Instant now, int limit) = 0;
  /// The reminder is done: sent at `reminded_at`, or not needed (nullopt). The sealed address
  /// and secret are wiped either way.
  virtual void FinishReminder(std::int64_t id, std::optional<Instant> reminded_at) = 0;
};

}  // namespace aantafel::core::link_mail

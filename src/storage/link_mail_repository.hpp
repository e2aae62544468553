#pragma once

#include "core/link_mail/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// Mailed links and their reminders, on SQL (both dialects).
class SqlLinkMailRepository final : public core::link_mail::LinkMailRepository {
 public:
  explicit SqlLinkMailRepository(Database& db) : db_(db) {}

  void Add(const core::link_mail::NewLinkMail& mail) override;
  std::vector<core::link_mail::DueReminder> DueReminders(core::Instant now, int limit) override;
  void FinishReminder(std::int64_t id, std::optional<core::Instant> reminded_at) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

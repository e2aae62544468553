#pragma once

#include "core/linkmail/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// Mailed links and their reminders, on SQL (both dialects).
class SqlLinkMailRepository final : public core::linkmail::LinkMailRepository {
 public:
  explicit SqlLinkMailRepository(Database& db) : db_(db) {}

  void Add(const core::linkmail::NewLinkMail& mail) override;
  std::vector<core::linkmail::DueReminder> DueReminders(core::Instant now, int limit) override;
  void FinishReminder(std::int64_t id, std::optional<core::Instant> reminded_at) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

#pragma once

#include "core/clock.hpp"
#include "core/overview/digest.hpp"
#include "core/overview/model.hpp"
#include "core/overview/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// What each user has hidden from their overview, on SQL (both dialects).
class SqlHiddenItemRepository final : public core::overview::HiddenItemRepository {
 public:
  SqlHiddenItemRepository(Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  std::map<std::string, core::overview::Hidden> HiddenFor(std::int64_t ws,
                                                          std::int64_t user_id) override;
  void Hide(std::int64_t ws, std::int64_t user_id, const std::string& key,
            const core::overview::Hidden& hidden) override;
  bool Unhide(std::int64_t ws, std::int64_t user_id, const std::string& key) override;

 private:
  Database& db_;
  const core::Clock& clock_;
};

}  // namespace aantafel::storage

namespace aantafel::storage {

/// Who wants an e-mail digest, on SQL (both dialects).
class SqlDigestRepository final : public core::overview::DigestRepository {
 public:
  explicit SqlDigestRepository(Database& db) : db_(db) {}

  core::overview::DigestFrequency FrequencyOf(std::int64_t ws, std::int64_t user_id) override;
  void SetFrequency(std::int64_t ws, std::int64_t user_id,
                    core::overview::DigestFrequency frequency) override;
  std::vector<core::overview::DigestSubscriber> Subscribers() override;
  void MarkSent(std::int64_t ws, std::int64_t user_id, core::CivilDate day) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

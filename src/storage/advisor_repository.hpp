#pragma once

#include "core/advisor/ports.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// AdvisorRepository on SQL (both dialects).
class SqlAdvisorRepository final : public core::advisor::AdvisorRepository {
 public:
  explicit SqlAdvisorRepository(Database& db) : db_(db) {}

  std::vector<core::advisor::KnowledgeSetting> Settings(std::int64_t ws) override;
  void SetSetting(std::int64_t ws, const core::advisor::KnowledgeSetting& setting,
                  core::Instant now) override;
  std::vector<core::advisor::OwnItem> OwnItems(std::int64_t ws) override;
  core::advisor::OwnItem AddOwnItem(std::int64_t ws, const core::advisor::OwnItem& item) override;
  bool DeleteOwnItem(std::int64_t ws, std::int64_t id) override;
  core::advisor::SavedAdvice SaveAdvice(std::int64_t ws,
                                        const core::advisor::SavedAdvice& advice) override;
  std::vector<core::advisor::SavedAdvice> SavedAdviceList(
      std::int64_t ws, std::optional<std::int64_t> plan_id,
      std::optional<std::int64_t> organisation_id) override;
  bool DeleteSavedAdvice(std::int64_t ws, std::int64_t id) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

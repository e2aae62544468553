#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/advisor/advisor.hpp"
#include "core/clock.hpp"

namespace aantafel::core::advisor {

/// How a workspace treats one built-in knowledge item: hidden, and/or with its own note. The
/// built-in text itself is never changed.
struct KnowledgeSetting {
  std::string item_key;  ///< "strategy:<id>", "general:<id>" or "collection:<id>/<item id>"
  bool hidden = false;
  std::string note;
};

/// A knowledge item a workspace wrote itself.
struct OwnItem {
  std::int64_t id = 0;
  std::string title;
  std::string text;
  std::string source;  ///< free text: where it comes from
  Instant created_at{};
};

/// Advice saved for a plan or a municipality: the situation and the order of the strategies.
struct SavedAdvice {
  std::int64_t id = 0;
  std::optional<std::int64_t> plan_id;
  std::optional<std::int64_t> organisation_id;
  Situation situation;
  std::vector<std::string> ranking;  ///< strategy ids, best first
  std::string note;
  std::optional<std::int64_t> created_by;
  Instant created_at{};
};

/// Port: a workspace's own side of the knowledge base. Every call names the workspace.
class AdvisorRepository {
 public:
  virtual ~AdvisorRepository() = default;
  virtual std::vector<KnowledgeSetting> Settings(std::int64_t ws) = 0;
  /// Stores the setting; a setting that is not hidden and has no note is removed.
  virtual void SetSetting(std::int64_t ws, const KnowledgeSetting& setting, Instant now) = 0;
  virtual std::vector<OwnItem> OwnItems(std::int64_t ws) = 0;
  virtual OwnItem AddOwnItem(std::int64_t ws, const OwnItem& item) = 0;
  virtual bool DeleteOwnItem(std::int64_t ws, std::int64_t id) = 0;
  virtual SavedAdvice SaveAdvice(std::int64_t ws, const SavedAdvice& advice) = 0;
  /// Saved advice, newest first, optionally only for one plan or one organisation.
  virtual std::vector<SavedAdvice> SavedAdviceList(std::int64_t ws,
                                                   std::optional<std::int64_t> plan_id,
                                                   std::optional<std::int64_t> organisation_id) = 0;
  virtual bool DeleteSavedAdvice(std::int64_t ws, std::int64_t id) = 0;
};

}  // namespace aantafel::core::advisor

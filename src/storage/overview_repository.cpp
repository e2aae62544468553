#include "storage/overview_repository.hpp"

namespace aantafel::storage {

namespace {

constexpr std::string_view kHidden =
    "SELECT item_key, until FROM overview_hidden WHERE workspace_id = $1 AND user_id = $2 "
    "LIMIT 10000";
constexpr std::string_view kHide =
    "INSERT INTO overview_hidden (workspace_id, user_id, item_key, until, created_at) VALUES "
    "($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, user_id, item_key) DO UPDATE SET "
    "until = excluded.until, created_at = excluded.created_at";
constexpr std::string_view kUnhide =
    "DELETE FROM overview_hidden WHERE workspace_id = $1 AND user_id = $2 AND item_key = $3";

}  // namespace

std::map<std::string, core::overview::Hidden> SqlHiddenItemRepository::HiddenFor(
    std::int64_t ws, std::int64_t user_id) {
  auto lease = db_.Acquire();
  std::map<std::string, core::overview::Hidden> out;
  for (const Row& r : lease->Query(kHidden, {ws, user_id})) {
    core::overview::Hidden h;
    if (auto until = r.OptionalText(1)) h.until = core::CivilDate::Parse(*until);
    out.emplace(r.Text(0), h);
  }
  return out;
}

void SqlHiddenItemRepository::Hide(std::int64_t ws, std::int64_t user_id, const std::string& key,
                                   const core::overview::Hidden& hidden) {
  auto lease = db_.Acquire();
  lease->Execute(kHide,
                 {ws, user_id, key, hidden.until ? Value(hidden.until->ToString()) : Value(nullptr),
                  core::ToMillis(clock_.Now())});
}

bool SqlHiddenItemRepository::Unhide(std::int64_t ws, std::int64_t user_id,
                                     const std::string& key) {
  auto lease = db_.Acquire();
  return lease->Execute(kUnhide, {ws, user_id, key}) > 0;
}

}  // namespace aantafel::storage

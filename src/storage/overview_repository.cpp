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

namespace aantafel::storage {

namespace {

constexpr std::string_view kFrequency =
    "SELECT digest FROM notification_settings WHERE workspace_id = $1 AND user_id = $2";
constexpr std::string_view kSetFrequency =
    "INSERT INTO notification_settings (workspace_id, user_id, digest) VALUES ($1, $2, $3) "
    "ON CONFLICT (workspace_id, user_id) DO UPDATE SET digest = excluded.digest";
// Only people who are still members; the order keeps sending deterministic.
constexpr std::string_view kSubscribers =
    "SELECT n.workspace_id, w.slug, w.name, n.user_id, u.email, u.name, n.digest, n.last_sent_on, "
    "u.language "
    "FROM notification_settings n JOIN workspaces w ON w.id = n.workspace_id "
    "JOIN users u ON u.id = n.user_id JOIN memberships m ON m.workspace_id = n.workspace_id AND "
    "m.user_id = n.user_id WHERE n.digest <> 'none' ORDER BY n.workspace_id, n.user_id";
constexpr std::string_view kMarkSent =
    "UPDATE notification_settings SET last_sent_on = $3 WHERE workspace_id = $1 AND user_id = $2";

}  // namespace

core::overview::DigestFrequency SqlDigestRepository::FrequencyOf(std::int64_t ws,
                                                                 std::int64_t user_id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(kFrequency, {ws, user_id});
  if (!row) return core::overview::DigestFrequency::kNone;
  return core::overview::ParseDigestFrequency(row->Text(0))
      .value_or(core::overview::DigestFrequency::kNone);
}

void SqlDigestRepository::SetFrequency(std::int64_t ws, std::int64_t user_id,
                                       core::overview::DigestFrequency frequency) {
  auto lease = db_.Acquire();
  lease->Execute(kSetFrequency, {ws, user_id, std::string(core::overview::ToString(frequency))});
}

std::vector<core::overview::DigestSubscriber> SqlDigestRepository::Subscribers() {
  auto lease = db_.Acquire();
  std::vector<core::overview::DigestSubscriber> out;
  for (const Row& r : lease->Query(kSubscribers, {})) {
    core::overview::DigestSubscriber s;
    s.workspace_id = r.Int(0);
    s.workspace_slug = r.Text(1);
    s.workspace_name = r.Text(2);
    s.user_id = r.Int(3);
    s.email = r.Text(4);
    s.name = r.Text(5);
    s.frequency = core::overview::ParseDigestFrequency(r.Text(6)).value_or(
        core::overview::DigestFrequency::kNone);
    if (auto day = r.OptionalText(7)) s.last_sent_on = core::CivilDate::Parse(*day);
    s.language = core::ParseLanguageTag(r.Text(8)).value_or(core::Language::kDutch);
    out.push_back(std::move(s));
  }
  return out;
}

void SqlDigestRepository::MarkSent(std::int64_t ws, std::int64_t user_id, core::CivilDate day) {
  auto lease = db_.Acquire();
  lease->Execute(kMarkSent, {ws, user_id, day.ToString()});
}

}  // namespace aantafel::storage

#include "storage/advisor_repository.hpp"

#include <nlohmann/json.hpp>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::advisor;

namespace {

namespace sql {
constexpr std::string_view kSettings =
    "SELECT item_key, hidden, note FROM knowledge_settings WHERE workspace_id = $1 "
    "ORDER BY item_key";
constexpr std::string_view kUpsertSetting =
    "INSERT INTO knowledge_settings (workspace_id, item_key, hidden, note, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, item_key) DO UPDATE SET "
    "hidden = excluded.hidden, note = excluded.note, updated_at = excluded.updated_at";
constexpr std::string_view kDeleteSetting =
    "DELETE FROM knowledge_settings WHERE workspace_id = $1 AND item_key = $2";
constexpr std::string_view kOwnItems =
    "SELECT id, title, text, source, created_at FROM knowledge_own_items WHERE workspace_id = $1 "
    "ORDER BY id";
constexpr std::string_view kInsertOwnItem =
    "INSERT INTO knowledge_own_items (workspace_id, title, text, source, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
constexpr std::string_view kDeleteOwnItem =
    "DELETE FROM knowledge_own_items WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kInsertAdvice =
    "INSERT INTO saved_advice (workspace_id, plan_id, organisation_id, situation, ranking, note, "
    "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kAdviceList =
    "SELECT id, plan_id, organisation_id, situation, ranking, note, created_by, created_at "
    "FROM saved_advice WHERE workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR plan_id = $2) "
    "AND (CAST($3 AS BIGINT) IS NULL OR organisation_id = $3) ORDER BY created_at DESC, id DESC";
constexpr std::string_view kDeleteAdvice =
    "DELETE FROM saved_advice WHERE workspace_id = $1 AND id = $2";
}  // namespace sql

std::optional<std::int64_t> IntOrNull(const Row& r, std::size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional(r.Int(i));
}

std::string SituationJson(const Situation& s) {
  return nlohmann::json{{"size", s.size},
                        {"phase", s.phase},
                        {"level", s.level},
                        {"goal", s.goal},
                        {"assets", std::vector<std::string>(s.assets.begin(), s.assets.end())}}
      .dump();
}

Situation SituationFrom(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  Situation s;
  if (!j.is_object()) return s;
  s.size = j.value("size", "");
  s.phase = j.value("phase", "");
  s.level = j.value("level", "");
  s.goal = j.value("goal", "");
  if (auto it = j.find("assets"); it != j.end() && it->is_array()) {
    for (const auto& a : *it) {
      if (a.is_string()) s.assets.insert(a.get<std::string>());
    }
  }
  return s;
}

std::vector<std::string> RankingFrom(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& id : j) {
    if (id.is_string()) out.push_back(id.get<std::string>());
  }
  return out;
}

}  // namespace

std::vector<KnowledgeSetting> SqlAdvisorRepository::Settings(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<KnowledgeSetting> out;
  for (const Row& r : lease->Query(sql::kSettings, {ws})) {
    out.push_back({.item_key = r.Text(0), .hidden = r.Int(1) != 0, .note = r.Text(2)});
  }
  return out;
}

void SqlAdvisorRepository::SetSetting(std::int64_t ws, const KnowledgeSetting& s,
                                      core::Instant now) {
  auto lease = db_.Acquire();
  if (!s.hidden && s.note.empty()) {
    lease->Execute(sql::kDeleteSetting, {ws, s.item_key});
    return;
  }
  lease->Execute(sql::kUpsertSetting,
                 {ws, s.item_key, std::int64_t{s.hidden ? 1 : 0}, s.note, ToMillis(now)});
}

std::vector<OwnItem> SqlAdvisorRepository::OwnItems(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<OwnItem> out;
  for (const Row& r : lease->Query(sql::kOwnItems, {ws})) {
    out.push_back({.id = r.Int(0),
                   .title = r.Text(1),
                   .text = r.Text(2),
                   .source = r.Text(3),
                   .created_at = FromMillis(r.Int(4))});
  }
  return out;
}

OwnItem SqlAdvisorRepository::AddOwnItem(std::int64_t ws, const OwnItem& item) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kInsertOwnItem,
                             {ws, item.title, item.text, item.source, ToMillis(item.created_at)});
  OwnItem stored = item;
  stored.id = row->Int(0);
  return stored;
}

bool SqlAdvisorRepository::DeleteOwnItem(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteOwnItem, {ws, id}) > 0;
}

SavedAdvice SqlAdvisorRepository::SaveAdvice(std::int64_t ws, const SavedAdvice& advice) {
  auto lease = db_.Acquire();
  auto row =
      lease->QueryOne(sql::kInsertAdvice,
                      {ws, OptionalInt(advice.plan_id), OptionalInt(advice.organisation_id),
                       SituationJson(advice.situation), nlohmann::json(advice.ranking).dump(),
                       advice.note, OptionalInt(advice.created_by), ToMillis(advice.created_at)});
  SavedAdvice stored = advice;
  stored.id = row->Int(0);
  return stored;
}

std::vector<SavedAdvice> SqlAdvisorRepository::SavedAdviceList(
    std::int64_t ws, std::optional<std::int64_t> plan_id,
    std::optional<std::int64_t> organisation_id) {
  auto lease = db_.Acquire();
  std::vector<SavedAdvice> out;
  for (const Row& r :
       lease->Query(sql::kAdviceList, {ws, OptionalInt(plan_id), OptionalInt(organisation_id)})) {
    out.push_back({.id = r.Int(0),
                   .plan_id = IntOrNull(r, 1),
                   .organisation_id = IntOrNull(r, 2),
                   .situation = SituationFrom(r.Text(3)),
                   .ranking = RankingFrom(r.Text(4)),
                   .note = r.Text(5),
                   .created_by = IntOrNull(r, 6),
                   .created_at = FromMillis(r.Int(7))});
  }
  return out;
}

bool SqlAdvisorRepository::DeleteSavedAdvice(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteAdvice, {ws, id}) > 0;
}

}  // namespace aantafel::storage

#include "storage/calendar_repository.hpp"

#include <map>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::calendar;

namespace {

namespace sql {
constexpr std::string_view kInsertPlan =
    "INSERT INTO plans (workspace_id, title, description, core_message, domain, budget_year, "
    "budget_needed, status, phase, owner_id, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
constexpr std::string_view kUpdatePlan =
    "UPDATE plans SET title = $3, description = $4, core_message = $5, domain = $6, "
    "budget_year = $7, budget_needed = $8, status = $9, phase = $10, updated_at = $11 "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kPlanColumns =
    "SELECT id, title, description, core_message, domain, budget_year, budget_needed, status, "
    "phase, owner_id, created_at, updated_at FROM plans ";
constexpr std::string_view kDeletePlan = "DELETE FROM plans WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kInsertPlanOrganisation =
    "INSERT INTO plan_organisations (workspace_id, plan_id, organisation_id) VALUES ($1, $2, $3)";
constexpr std::string_view kDeletePlanOrganisations =
    "DELETE FROM plan_organisations WHERE workspace_id = $1 AND plan_id = $2";
constexpr std::string_view kPlanOrganisations =
    "SELECT po.plan_id, po.organisation_id FROM plan_organisations po "
    "JOIN organisations o ON o.workspace_id = po.workspace_id AND o.id = po.organisation_id "
    "WHERE po.workspace_id = $1 ORDER BY o.name, o.id";

constexpr std::string_view kMergedOn =
    "SELECT merged_on FROM organisations WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kSetMergedOn =
    "UPDATE organisations SET merged_on = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kCycleDates =
    "SELECT event_id, year, date FROM cycle_dates WHERE workspace_id = $1 AND organisation_id = $2";
constexpr std::string_view kUpsertCycleDate =
    "INSERT INTO cycle_dates (workspace_id, organisation_id, event_id, year, date, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, organisation_id, event_id, year) "
    "DO UPDATE SET date = excluded.date, updated_at = excluded.updated_at";
constexpr std::string_view kDeleteCycleDate =
    "DELETE FROM cycle_dates WHERE workspace_id = $1 AND organisation_id = $2 AND event_id = $3 "
    "AND year = $4";

constexpr std::string_view kInsertCustom =
    "INSERT INTO cycle_custom_events (workspace_id, organisation_id, date, title, note, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kCustomEvents =
    "SELECT id, date, title, note FROM cycle_custom_events WHERE workspace_id = $1 AND "
    "organisation_id = $2 ORDER BY date, id";
constexpr std::string_view kDeleteCustom =
    "DELETE FROM cycle_custom_events WHERE workspace_id = $1 AND organisation_id = $2 AND id = $3";

constexpr std::string_view kInsertFeed =
    "INSERT INTO calendar_feeds (workspace_id, user_id, token_hash, label, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kFeedColumns =
    "SELECT id, workspace_id, user_id, label, created_at FROM calendar_feeds ";
constexpr std::string_view kDeleteFeed =
    "DELETE FROM calendar_feeds WHERE workspace_id = $1 AND user_id = $2 AND id = $3";
}  // namespace sql

Plan PlanFrom(const Row& r) {
  Plan p;
  p.id = r.Int(0);
  p.title = r.Text(1);
  p.description = r.Text(2);
  p.core_message = r.Text(3);
  p.domain = r.Text(4);
  p.budget_year = static_cast<int>(r.Int(5));
  if (!r.IsNull(6)) p.budget_needed = r.Int(6);
  p.status = ParsePlanStatus(r.Text(7)).value_or(PlanStatus::kIdea);
  p.phase = ParsePolicyPhase(r.Text(8)).value_or(PolicyPhase::kAgendaSetting);
  if (!r.IsNull(9)) p.owner_id = r.Int(9);
  p.created_at = FromMillis(r.Int(10));
  p.updated_at = FromMillis(r.Int(11));
  return p;
}

CalendarFeed FeedFrom(const Row& r) {
  return {.id = r.Int(0),
          .workspace_id = r.Int(1),
          .user_id = r.Int(2),
          .label = r.Text(3),
          .created_at = FromMillis(r.Int(4))};
}

void WriteOrganisations(Connection& c, std::int64_t ws, const Plan& plan) {
  c.Execute(sql::kDeletePlanOrganisations, {ws, plan.id});
  for (std::int64_t org : plan.organisation_ids) {
    c.Execute(sql::kInsertPlanOrganisation, {ws, plan.id, org});
  }
}

}  // namespace

Plan SqlPlanRepository::AddPlan(std::int64_t ws, const Plan& plan) {
  return db_.Transaction([&](Connection& c) {
    auto row = c.QueryOne(
        sql::kInsertPlan,
        {ws, plan.title, plan.description, plan.core_message, plan.domain,
         std::int64_t{plan.budget_year}, OptionalInt(plan.budget_needed),
         std::string(ToString(plan.status)), std::string(ToString(plan.phase)),
         OptionalInt(plan.owner_id), ToMillis(plan.created_at), ToMillis(plan.updated_at)});
    Plan stored = plan;
    stored.id = row->Int(0);
    WriteOrganisations(c, ws, stored);
    return stored;
  });
}

bool SqlPlanRepository::UpdatePlan(std::int64_t ws, const Plan& plan) {
  return db_.Transaction([&](Connection& c) {
    const bool found =
        c.Execute(sql::kUpdatePlan,
                  {ws, plan.id, plan.title, plan.description, plan.core_message, plan.domain,
                   std::int64_t{plan.budget_year}, OptionalInt(plan.budget_needed),
                   std::string(ToString(plan.status)), std::string(ToString(plan.phase)),
                   ToMillis(plan.updated_at)}) > 0;
    if (found) WriteOrganisations(c, ws, plan);
    return found;
  });
}

std::vector<Plan> SqlPlanRepository::PlansWhere(std::string_view where,
                                                std::initializer_list<Value> params) {
  auto lease = db_.Acquire();
  std::vector<Plan> plans;
  std::map<std::int64_t, std::size_t> index;
  for (const Row& r : lease->Query(std::string(sql::kPlanColumns) + std::string(where), params)) {
    index[r.Int(0)] = plans.size();
    plans.push_back(PlanFrom(r));
  }
  if (plans.empty()) return plans;
  // The first parameter is always the workspace.
  for (const Row& r : lease->Query(sql::kPlanOrganisations, {*params.begin()})) {
    if (auto it = index.find(r.Int(0)); it != index.end()) {
      plans[it->second].organisation_ids.push_back(r.Int(1));
    }
  }
  return plans;
}

std::optional<Plan> SqlPlanRepository::FindPlan(std::int64_t ws, std::int64_t id) {
  auto plans = PlansWhere("WHERE workspace_id = $1 AND id = $2", {ws, id});
  if (plans.empty()) return std::nullopt;
  return std::move(plans.front());
}

std::vector<Plan> SqlPlanRepository::ListPlans(std::int64_t ws) {
  return PlansWhere("WHERE workspace_id = $1 ORDER BY budget_year, title, id", {ws});
}

bool SqlPlanRepository::DeletePlan(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeletePlan, {ws, id}) > 0;
}

MunicipalityCycle SqlPlanRepository::CycleOf(std::int64_t ws, std::int64_t organisation_id) {
  auto lease = db_.Acquire();
  MunicipalityCycle cycle;
  if (auto row = lease->QueryOne(sql::kMergedOn, {ws, organisation_id}); row && !row->IsNull(0)) {
    cycle.merged_on = core::CivilDate::Parse(row->Text(0));
  }
  for (const Row& r : lease->Query(sql::kCycleDates, {ws, organisation_id})) {
    if (auto date = core::CivilDate::Parse(r.Text(2))) {
      cycle.actual[{r.Text(0), static_cast<int>(r.Int(1))}] = *date;
    }
  }
  for (const Row& r : lease->Query(sql::kCustomEvents, {ws, organisation_id})) {
    if (auto date = core::CivilDate::Parse(r.Text(1))) {
      cycle.custom.push_back(
          {.id = r.Int(0), .date = *date, .title = r.Text(2), .note = r.Text(3)});
    }
  }
  return cycle;
}

void SqlPlanRepository::SetCycleDate(std::int64_t ws, std::int64_t organisation_id,
                                     std::string_view event, int year,
                                     std::optional<core::CivilDate> date, core::Instant now) {
  auto lease = db_.Acquire();
  if (date) {
    lease->Execute(sql::kUpsertCycleDate, {ws, organisation_id, std::string(event),
                                           std::int64_t{year}, date->ToString(), ToMillis(now)});
  } else {
    lease->Execute(sql::kDeleteCycleDate,
                   {ws, organisation_id, std::string(event), std::int64_t{year}});
  }
}

void SqlPlanRepository::SetMergedOn(std::int64_t ws, std::int64_t organisation_id,
                                    std::optional<core::CivilDate> merged_on, core::Instant now) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kSetMergedOn,
                 {ws, organisation_id, merged_on ? Value(merged_on->ToString()) : Value(nullptr),
                  ToMillis(now)});
}

CustomEvent SqlPlanRepository::AddCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                              const CustomEvent& event, core::Instant now) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kInsertCustom, {ws, organisation_id, event.date.ToString(),
                                                  event.title, event.note, ToMillis(now)});
  CustomEvent stored = event;
  stored.id = row->Int(0);
  return stored;
}

bool SqlPlanRepository::DeleteCustomEvent(std::int64_t ws, std::int64_t organisation_id,
                                          std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteCustom, {ws, organisation_id, id}) > 0;
}

CalendarFeed SqlPlanRepository::AddFeed(const CalendarFeed& feed, std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row =
      lease->QueryOne(sql::kInsertFeed, {feed.workspace_id, feed.user_id, std::string(token_hash),
                                         feed.label, ToMillis(feed.created_at)});
  CalendarFeed stored = feed;
  stored.id = row->Int(0);
  return stored;
}

std::vector<CalendarFeed> SqlPlanRepository::ListFeeds(std::int64_t ws, std::int64_t user_id) {
  auto lease = db_.Acquire();
  std::vector<CalendarFeed> out;
  for (const Row& r :
       lease->Query(std::string(sql::kFeedColumns) +
                        "WHERE workspace_id = $1 AND user_id = $2 ORDER BY created_at, id",
                    {ws, user_id})) {
    out.push_back(FeedFrom(r));
  }
  return out;
}

bool SqlPlanRepository::DeleteFeed(std::int64_t ws, std::int64_t user_id, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteFeed, {ws, user_id, id}) > 0;
}

std::optional<CalendarFeed> SqlPlanRepository::FindFeed(std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(
      "SELECT f.id, f.workspace_id, f.user_id, f.label, f.created_at, w.slug "
      "FROM calendar_feeds f JOIN workspaces w ON w.id = f.workspace_id WHERE f.token_hash = $1",
      {std::string(token_hash)});
  if (!row) return std::nullopt;
  CalendarFeed feed = FeedFrom(*row);
  feed.workspace_slug = row->Text(5);
  return feed;
}

}  // namespace aantafel::storage

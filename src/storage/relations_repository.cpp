#include "storage/relations_repository.hpp"

#include <nlohmann/json.hpp>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::relations;

namespace {

namespace sql {
#define INTERACTION_COLUMNS                                                               \
  "i.id, i.occurred_at, i.kind, i.organisation_id, i.subject, i.notes_sealed, i.stance, " \
  "i.tags, i.plan_id, i.created_by, i.created_at, i.updated_at"
constexpr std::string_view kInsertInteraction =
    "INSERT INTO interactions (workspace_id, occurred_at, kind, organisation_id, subject, "
    "notes_sealed, stance, tags, plan_id, created_by, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
constexpr std::string_view kUpdateInteraction =
    "UPDATE interactions SET occurred_at = $3, kind = $4, organisation_id = $5, subject = $6, "
    "notes_sealed = $7, stance = $8, tags = $9, plan_id = $10, updated_at = $11 "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kInteraction =
    "SELECT " INTERACTION_COLUMNS " FROM interactions i WHERE i.workspace_id = $1 AND i.id = $2";
constexpr std::string_view kInteractions =
    "SELECT " INTERACTION_COLUMNS
    " FROM interactions i WHERE i.workspace_id = $1 AND "
    "(CAST($2 AS BIGINT) IS NULL OR i.organisation_id = $2) AND "
    "(CAST($3 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM interaction_people p WHERE "
    "p.workspace_id = i.workspace_id AND p.interaction_id = i.id AND p.person_id = $3)) AND "
    "i.occurred_at >= $4 AND i.occurred_at < $5 ORDER BY i.occurred_at DESC, i.id DESC "
    "LIMIT $6 OFFSET $7";
constexpr std::string_view kNewestInteractions =
    "SELECT " INTERACTION_COLUMNS
    " FROM interactions i WHERE i.workspace_id = $1 ORDER BY i.occurred_at DESC, i.id DESC "
    "LIMIT $2";
constexpr std::string_view kDeleteInteraction =
    "DELETE FROM interactions WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kDeletePeople =
    "DELETE FROM interaction_people WHERE workspace_id = $1 AND interaction_id = $2";
constexpr std::string_view kDeleteStaff =
    "DELETE FROM interaction_staff WHERE workspace_id = $1 AND interaction_id = $2";
constexpr std::string_view kInsertPerson =
    "INSERT INTO interaction_people (workspace_id, interaction_id, person_id) VALUES ($1, $2, $3)";
constexpr std::string_view kInsertStaff =
    "INSERT INTO interaction_staff (workspace_id, interaction_id, user_id) VALUES ($1, $2, $3)";
constexpr std::string_view kPeopleOf =
    "SELECT person_id FROM interaction_people WHERE workspace_id = $1 AND interaction_id = $2 "
    "ORDER BY person_id";
constexpr std::string_view kStaffOf =
    "SELECT user_id FROM interaction_staff WHERE workspace_id = $1 AND interaction_id = $2 "
    "ORDER BY user_id";

constexpr std::string_view kInsertFollowUp =
    "INSERT INTO follow_ups (workspace_id, interaction_id, title, owner_id, due_on, done_at, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kUpdateFollowUp =
    "UPDATE follow_ups SET interaction_id = $3, title = $4, owner_id = $5, due_on = $6, "
    "done_at = $7 WHERE workspace_id = $1 AND id = $2";
#define FOLLOW_UP_COLUMNS "id, interaction_id, title, owner_id, due_on, done_at, created_at"
constexpr std::string_view kFollowUp =
    "SELECT " FOLLOW_UP_COLUMNS " FROM follow_ups WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kFollowUps =
    "SELECT " FOLLOW_UP_COLUMNS
    " FROM follow_ups WHERE workspace_id = $1 AND "
    "($2 = 0 OR done_at IS NULL) ORDER BY due_on, id LIMIT 1000";
constexpr std::string_view kDeleteFollowUp =
    "DELETE FROM follow_ups WHERE workspace_id = $1 AND id = $2";

constexpr std::string_view kInsertAgreement =
    "INSERT INTO agreements (workspace_id, title, description, owner_id, due_on, status, "
    "interaction_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
    "RETURNING id";
constexpr std::string_view kUpdateAgreement =
    "UPDATE agreements SET title = $3, description = $4, owner_id = $5, due_on = $6, status = $7, "
    "interaction_id = $8, updated_at = $9 WHERE workspace_id = $1 AND id = $2";
#define AGREEMENT_COLUMNS                                                            \
  "a.id, a.title, a.description, a.owner_id, a.due_on, a.status, a.interaction_id, " \
  "a.created_at, a.updated_at"
constexpr std::string_view kAgreement =
    "SELECT " AGREEMENT_COLUMNS " FROM agreements a WHERE a.workspace_id = $1 AND a.id = $2";
constexpr std::string_view kAgreements =
    "SELECT " AGREEMENT_COLUMNS
    " FROM agreements a WHERE a.workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR EXISTS "
    "(SELECT 1 FROM agreement_parties p WHERE p.workspace_id = a.workspace_id AND "
    "p.agreement_id = a.id AND p.organisation_id = $2)) "
    "ORDER BY CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id LIMIT 1000";
constexpr std::string_view kDeleteAgreement =
    "DELETE FROM agreements WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kDeleteParties =
    "DELETE FROM agreement_parties WHERE workspace_id = $1 AND agreement_id = $2";
constexpr std::string_view kDeleteCommitments =
    "DELETE FROM agreement_commitments WHERE workspace_id = $1 AND agreement_id = $2";
constexpr std::string_view kInsertParty =
    "INSERT INTO agreement_parties (workspace_id, agreement_id, organisation_id) VALUES "
    "($1, $2, $3)";
constexpr std::string_view kInsertCommitment =
    "INSERT INTO agreement_commitments (workspace_id, agreement_id, position, organisation_id, "
    "text) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kInsertHistory =
    "INSERT INTO agreement_history (workspace_id, agreement_id, status, changed_at, changed_by) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kParties =
    "SELECT organisation_id FROM agreement_parties WHERE workspace_id = $1 AND agreement_id = $2 "
    "ORDER BY organisation_id";
constexpr std::string_view kCommitments =
    "SELECT organisation_id, text FROM agreement_commitments WHERE workspace_id = $1 AND "
    "agreement_id = $2 ORDER BY position";
constexpr std::string_view kHistory =
    "SELECT status, changed_at, changed_by FROM agreement_history WHERE workspace_id = $1 AND "
    "agreement_id = $2 ORDER BY id";

constexpr std::string_view kPlan = "SELECT 1 FROM plans WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kMember =
    "SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2";
// Stance counts: 'both' counts as bringing and as asking.
#define STATS_COLUMNS                                                                            \
  "MAX(i.occurred_at), "                                                                         \
  "CAST(SUM(CASE WHEN i.occurred_at >= $3 THEN 1 ELSE 0 END) AS BIGINT), "                       \
  "CAST(SUM(CASE WHEN i.occurred_at >= $3 AND i.stance IN ('bring', 'both') THEN 1 ELSE 0 END) " \
  "AS BIGINT), "                                                                                 \
  "CAST(SUM(CASE WHEN i.occurred_at >= $3 AND i.stance IN ('ask', 'both') THEN 1 ELSE 0 END) "   \
  "AS BIGINT)"
constexpr std::string_view kOrganisationStats =
    "SELECT " STATS_COLUMNS
    " FROM interactions i WHERE i.workspace_id = $1 AND "
    "i.organisation_id = $2 AND i.occurred_at <= $4";
constexpr std::string_view kPersonStats =
    "SELECT p.person_id, " STATS_COLUMNS
    " FROM interaction_people p JOIN interactions i ON i.workspace_id = p.workspace_id AND "
    "i.id = p.interaction_id WHERE p.workspace_id = $1 AND p.person_id = $2 AND "
    "i.occurred_at <= $4 GROUP BY p.person_id";
}  // namespace sql

std::optional<std::int64_t> IntOrNull(const Row& r, std::size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional(r.Int(i));
}

std::vector<std::string> TagsFrom(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& t : j) {
    if (t.is_string()) out.push_back(t.get<std::string>());
  }
  return out;
}

ContactStats StatsFrom(const Row& r, std::size_t at) {
  ContactStats s;
  if (!r.IsNull(at)) s.last = FromMillis(r.Int(at));
  s.count = r.IsNull(at + 1) ? 0 : static_cast<int>(r.Int(at + 1));
  s.bring = r.IsNull(at + 2) ? 0 : static_cast<int>(r.Int(at + 2));
  s.ask = r.IsNull(at + 3) ? 0 : static_cast<int>(r.Int(at + 3));
  return s;
}

FollowUp FollowUpFrom(const Row& r) {
  FollowUp f;
  f.id = r.Int(0);
  f.interaction_id = IntOrNull(r, 1);
  f.title = r.Text(2);
  f.owner_id = IntOrNull(r, 3);
  f.due_on = core::CivilDate::Parse(r.Text(4)).value_or(core::CivilDate{});
  if (!r.IsNull(5)) f.done_at = FromMillis(r.Int(5));
  f.created_at = FromMillis(r.Int(6));
  return f;
}

Agreement AgreementFrom(const Row& r) {
  Agreement a;
  a.id = r.Int(0);
  a.title = r.Text(1);
  a.description = r.Text(2);
  a.owner_id = IntOrNull(r, 3);
  if (!r.IsNull(4)) a.due_on = core::CivilDate::Parse(r.Text(4));
  a.status = ParseAgreementStatus(r.Text(5)).value_or(AgreementStatus::kConcept);
  a.interaction_id = IntOrNull(r, 6);
  a.created_at = FromMillis(r.Int(7));
  a.updated_at = FromMillis(r.Int(8));
  return a;
}

std::string Context(std::int64_t ws) { return "interaction.notes/ws:" + std::to_string(ws); }

}  // namespace

std::string SqlRelationsRepository::Seal(const std::string& notes, std::int64_t ws) {
  return notes.empty() ? "" : cipher_.Seal(notes, Context(ws));
}

std::string SqlRelationsRepository::Open(const std::string& sealed, std::int64_t ws) {
  return sealed.empty() ? "" : cipher_.Open(sealed, Context(ws)).value_or("");
}

void SqlRelationsRepository::WriteLinks(Connection& c, std::int64_t ws, const Interaction& i) {
  c.Execute(sql::kDeletePeople, {ws, i.id});
  c.Execute(sql::kDeleteStaff, {ws, i.id});
  for (std::int64_t p : i.person_ids) c.Execute(sql::kInsertPerson, {ws, i.id, p});
  for (std::int64_t u : i.staff_ids) c.Execute(sql::kInsertStaff, {ws, i.id, u});
}

Interaction SqlRelationsRepository::AddInteraction(std::int64_t ws, const Interaction& i) {
  return db_.Transaction([&](Connection& c) { return InsertInteraction(c, ws, i); });
}

Interaction SqlRelationsRepository::InsertInteraction(Connection& c, std::int64_t ws,
                                                      const Interaction& i) {
  Interaction stored = i;
  stored.id = c.QueryOne(sql::kInsertInteraction,
                         {ws, ToMillis(i.occurred_at), std::string(ToString(i.kind)),
                          OptionalInt(i.organisation_id), i.subject, Seal(i.notes, ws),
                          std::string(ToString(i.stance)), nlohmann::json(i.tags).dump(),
                          OptionalInt(i.plan_id), OptionalInt(i.created_by), ToMillis(i.created_at),
                          ToMillis(i.updated_at)})
                  ->Int(0);
  WriteLinks(c, ws, stored);
  return stored;
}

bool SqlRelationsRepository::UpdateInteraction(std::int64_t ws, const Interaction& i) {
  const std::string sealed = Seal(i.notes, ws);
  return db_.Transaction([&](Connection& c) {
    if (c.Execute(
            sql::kUpdateInteraction,
            {ws, i.id, ToMillis(i.occurred_at), std::string(ToString(i.kind)),
             OptionalInt(i.organisation_id), i.subject, sealed, std::string(ToString(i.stance)),
             nlohmann::json(i.tags).dump(), OptionalInt(i.plan_id), ToMillis(i.updated_at)}) == 0) {
      return false;
    }
    WriteLinks(c, ws, i);
    return true;
  });
}

void SqlRelationsRepository::LoadLinks(Connection& c, std::int64_t ws,
                                       std::vector<Interaction>& items) {
  for (auto& i : items) {
    for (const Row& r : c.Query(sql::kPeopleOf, {ws, i.id})) i.person_ids.push_back(r.Int(0));
    for (const Row& r : c.Query(sql::kStaffOf, {ws, i.id})) i.staff_ids.push_back(r.Int(0));
  }
}

namespace {
Interaction InteractionFrom(const Row& r) {
  Interaction i;
  i.id = r.Int(0);
  i.occurred_at = FromMillis(r.Int(1));
  i.kind = ParseInteractionKind(r.Text(2)).value_or(InteractionKind::kOther);
  i.organisation_id = IntOrNull(r, 3);
  i.subject = r.Text(4);
  i.notes = r.Text(5);  // still sealed
  i.stance = ParseStance(r.Text(6)).value_or(Stance::kNeither);
  i.tags = TagsFrom(r.Text(7));
  i.plan_id = IntOrNull(r, 8);
  i.created_by = IntOrNull(r, 9);
  i.created_at = FromMillis(r.Int(10));
  i.updated_at = FromMillis(r.Int(11));
  return i;
}
}  // namespace

std::optional<Interaction> SqlRelationsRepository::FindInteraction(std::int64_t ws,
                                                                   std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kInteraction, {ws, id});
  if (!row) return std::nullopt;
  std::vector<Interaction> items{InteractionFrom(*row)};
  LoadLinks(*lease, ws, items);
  items[0].notes = Open(items[0].notes, ws);
  return items[0];
}

std::vector<Interaction> SqlRelationsRepository::ListInteractions(std::int64_t ws,
                                                                  const InteractionQuery& q) {
  auto lease = db_.Acquire();
  std::vector<Interaction> items;
  for (const Row& r :
       lease->Query(sql::kInteractions,
                    {ws, OptionalInt(q.organisation_id), OptionalInt(q.person_id),
                     q.from ? ToMillis(*q.from) : std::numeric_limits<std::int64_t>::min(),
                     q.until ? ToMillis(*q.until) : std::numeric_limits<std::int64_t>::max(),
                     q.limit, q.offset})) {
    items.push_back(InteractionFrom(r));
  }
  LoadLinks(*lease, ws, items);
  for (auto& i : items) i.notes = Open(i.notes, ws);
  return items;
}

std::vector<Interaction> SqlRelationsRepository::NewestInteractions(std::int64_t ws,
                                                                    std::int64_t limit) {
  auto lease = db_.Acquire();
  std::vector<Interaction> items;
  for (const Row& r : lease->Query(sql::kNewestInteractions, {ws, limit})) {
    items.push_back(InteractionFrom(r));
    items.back().notes = Open(items.back().notes, ws);
  }
  return items;
}

bool SqlRelationsRepository::DeleteInteraction(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteInteraction, {ws, id}) > 0;
}

FollowUp SqlRelationsRepository::AddFollowUp(std::int64_t ws, const FollowUp& f) {
  auto lease = db_.Acquire();
  FollowUp stored = f;
  stored.id =
      lease
          ->QueryOne(sql::kInsertFollowUp,
                     {ws, OptionalInt(f.interaction_id), f.title, OptionalInt(f.owner_id),
                      f.due_on.ToString(), f.done_at ? Value(ToMillis(*f.done_at)) : Value(nullptr),
                      ToMillis(f.created_at)})
          ->Int(0);
  return stored;
}

bool SqlRelationsRepository::UpdateFollowUp(std::int64_t ws, const FollowUp& f) {
  auto lease = db_.Acquire();
  return lease->Execute(
             sql::kUpdateFollowUp,
             {ws, f.id, OptionalInt(f.interaction_id), f.title, OptionalInt(f.owner_id),
              f.due_on.ToString(), f.done_at ? Value(ToMillis(*f.done_at)) : Value(nullptr)}) > 0;
}

std::optional<FollowUp> SqlRelationsRepository::FindFollowUp(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kFollowUp, {ws, id});
  if (!row) return std::nullopt;
  return FollowUpFrom(*row);
}

std::vector<FollowUp> SqlRelationsRepository::ListFollowUps(std::int64_t ws, bool open_only) {
  auto lease = db_.Acquire();
  std::vector<FollowUp> out;
  for (const Row& r : lease->Query(sql::kFollowUps, {ws, std::int64_t{open_only ? 1 : 0}})) {
    out.push_back(FollowUpFrom(r));
  }
  return out;
}

bool SqlRelationsRepository::DeleteFollowUp(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteFollowUp, {ws, id}) > 0;
}

void SqlRelationsRepository::WriteParties(Connection& c, std::int64_t ws, const Agreement& a) {
  c.Execute(sql::kDeleteParties, {ws, a.id});
  c.Execute(sql::kDeleteCommitments, {ws, a.id});
  for (std::int64_t org : a.organisation_ids) c.Execute(sql::kInsertParty, {ws, a.id, org});
  for (std::size_t n = 0; n < a.commitments.size(); ++n) {
    c.Execute(sql::kInsertCommitment,
              {ws, a.id, static_cast<std::int64_t>(n),
               OptionalInt(a.commitments[n].organisation_id), a.commitments[n].text});
  }
}

Agreement SqlRelationsRepository::AddAgreement(std::int64_t ws, const Agreement& a) {
  return db_.Transaction([&](Connection& c) {
    Agreement stored = a;
    stored.id =
        c.QueryOne(sql::kInsertAgreement, {ws, a.title, a.description, OptionalInt(a.owner_id),
                                           a.due_on ? Value(a.due_on->ToString()) : Value(nullptr),
                                           std::string(ToString(a.status)),
                                           OptionalInt(a.interaction_id), ToMillis(a.created_at)})
            ->Int(0);
    WriteParties(c, ws, stored);
    for (const auto& h : a.history) {
      c.Execute(sql::kInsertHistory, {ws, stored.id, std::string(ToString(h.status)),
                                      ToMillis(h.at), OptionalInt(h.by)});
    }
    return stored;
  });
}

bool SqlRelationsRepository::UpdateAgreement(std::int64_t ws, const Agreement& a,
                                             bool status_changed) {
  return db_.Transaction([&](Connection& c) {
    if (c.Execute(sql::kUpdateAgreement, {ws, a.id, a.title, a.description, OptionalInt(a.owner_id),
                                          a.due_on ? Value(a.due_on->ToString()) : Value(nullptr),
                                          std::string(ToString(a.status)),
                                          OptionalInt(a.interaction_id), ToMillis(a.updated_at)}) ==
        0) {
      return false;
    }
    WriteParties(c, ws, a);
    if (status_changed && !a.history.empty()) {
      const auto& h = a.history.back();
      c.Execute(sql::kInsertHistory,
                {ws, a.id, std::string(ToString(h.status)), ToMillis(h.at), OptionalInt(h.by)});
    }
    return true;
  });
}

void SqlRelationsRepository::LoadAgreementParts(Connection& c, std::int64_t ws, Agreement& a) {
  for (const Row& r : c.Query(sql::kParties, {ws, a.id})) a.organisation_ids.push_back(r.Int(0));
  for (const Row& r : c.Query(sql::kCommitments, {ws, a.id})) {
    a.commitments.push_back({.organisation_id = IntOrNull(r, 0), .text = r.Text(1)});
  }
  for (const Row& r : c.Query(sql::kHistory, {ws, a.id})) {
    a.history.push_back(
        {.status = ParseAgreementStatus(r.Text(0)).value_or(AgreementStatus::kConcept),
         .at = FromMillis(r.Int(1)),
         .by = IntOrNull(r, 2)});
  }
}

std::optional<Agreement> SqlRelationsRepository::FindAgreement(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kAgreement, {ws, id});
  if (!row) return std::nullopt;
  Agreement a = AgreementFrom(*row);
  LoadAgreementParts(*lease, ws, a);
  return a;
}

std::vector<Agreement> SqlRelationsRepository::ListAgreements(
    std::int64_t ws, std::optional<std::int64_t> organisation_id) {
  auto lease = db_.Acquire();
  std::vector<Agreement> out;
  for (const Row& r : lease->Query(sql::kAgreements, {ws, OptionalInt(organisation_id)})) {
    out.push_back(AgreementFrom(r));
  }
  for (auto& a : out) LoadAgreementParts(*lease, ws, a);
  return out;
}

bool SqlRelationsRepository::DeleteAgreement(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteAgreement, {ws, id}) > 0;
}

bool SqlRelationsRepository::PlanExists(std::int64_t ws, std::int64_t plan_id) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kPlan, {ws, plan_id}).has_value();
}

bool SqlRelationsRepository::IsMember(std::int64_t ws, std::int64_t user_id) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kMember, {ws, user_id}).has_value();
}

std::map<std::int64_t, ContactStats> SqlRelationsRepository::PersonStats(
    std::int64_t ws, std::span<const std::int64_t> people, core::Instant since,
    core::Instant until) {
  auto lease = db_.Acquire();
  std::map<std::int64_t, ContactStats> out;
  for (std::int64_t person : people) {
    auto row = lease->QueryOne(sql::kPersonStats, {ws, person, ToMillis(since), ToMillis(until)});
    if (row) out[person] = StatsFrom(*row, 1);
  }
  return out;
}

ContactStats SqlRelationsRepository::OrganisationStats(std::int64_t ws,
                                                       std::int64_t organisation_id,
                                                       core::Instant since, core::Instant until) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kOrganisationStats,
                             {ws, organisation_id, ToMillis(since), ToMillis(until)});
  return row ? StatsFrom(*row, 0) : ContactStats{};
}

}  // namespace aantafel::storage

#include "storage/feedback_repository.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <tuple>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::feedback;

namespace {

namespace sql {
#define SURVEY_COLUMNS                                                                          \
  "s.id, s.token, s.name, s.team, s.service, s.municipality_code, s.law, s.domain, s.channel, " \
  "s.active, s.pause_days, s.questions, s.created_at, s.updated_at"
constexpr int kSurveyColumns = 14;

constexpr std::string_view kSurveys = "SELECT " SURVEY_COLUMNS
                                      " FROM feedback_surveys s WHERE s.workspace_id = $1 "
                                      "ORDER BY s.created_at DESC, s.id DESC";
constexpr std::string_view kSurvey =
    "SELECT " SURVEY_COLUMNS " FROM feedback_surveys s WHERE s.workspace_id = $1 AND s.id = $2";
constexpr std::string_view kInsertSurvey =
    "INSERT INTO feedback_surveys (workspace_id, token, name, team, service, municipality_code, "
    "law, domain, channel, active, pause_days, questions, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
constexpr std::string_view kUpdateSurvey =
    "UPDATE feedback_surveys SET name = $3, team = $4, service = $5, municipality_code = $6, "
    "law = $7, domain = $8, channel = $9, active = $10, pause_days = $11, questions = $12, "
    "updated_at = $13 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kMunicipality = "SELECT 1 FROM municipalities WHERE code = $1";
constexpr std::string_view kSurveyByToken =
    "SELECT s.workspace_id, " SURVEY_COLUMNS " FROM feedback_surveys s WHERE s.token = $1";
constexpr std::string_view kInvitationByHash =
    "SELECT s.workspace_id, " SURVEY_COLUMNS
    ", i.id, i.reference, i.channel, i.expires_at, i.used_at FROM feedback_invitations i "
    "JOIN feedback_surveys s ON s.workspace_id = i.workspace_id AND s.id = i.survey_id "
    "WHERE i.token_hash = $1";
constexpr std::string_view kInvitedSince =
    "SELECT 1 FROM feedback_invitations WHERE workspace_id = $1 AND client_key = $2 AND "
    "created_at >= $3 LIMIT 1";
constexpr std::string_view kInsertInvitation =
    "INSERT INTO feedback_invitations (workspace_id, survey_id, token_hash, reference, "
    "client_key, channel, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "RETURNING id";
constexpr std::string_view kUseInvitation =
    "UPDATE feedback_invitations SET used_at = $3 WHERE workspace_id = $1 AND id = $2 AND "
    "used_at IS NULL";
constexpr std::string_view kInsertResponse =
    "INSERT INTO feedback_responses (workspace_id, survey_id, invitation_id, score, why, better, "
    "callback, phone_sealed, channel, language, themes, day, received_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
constexpr std::string_view kNextResponseIds =
    "SELECT nextval(pg_get_serial_sequence('feedback_responses', 'id')) "
    "FROM generate_series(1, CAST($1 AS INTEGER))";
constexpr std::string_view kInsertResponsesWithIds =
    "INSERT INTO feedback_responses (id, workspace_id, survey_id, invitation_id, score, why, "
    "better, callback, phone_sealed, channel, language, themes, day, received_at) "
    "OVERRIDING SYSTEM VALUE VALUES";
constexpr std::string_view kCountDaily =
    "INSERT INTO feedback_daily (workspace_id, survey_id, day, channel, promoters, passives, "
    "detractors) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (workspace_id, survey_id, day, channel) DO UPDATE SET "
    "promoters = feedback_daily.promoters + excluded.promoters, "
    "passives = feedback_daily.passives + excluded.passives, "
    "detractors = feedback_daily.detractors + excluded.detractors";
constexpr std::string_view kInsertCallback =
    "INSERT INTO feedback_callbacks (workspace_id, response_id, status, due_at, created_at, "
    "updated_at) VALUES ($1, $2, 'open', $3, $4, $4) RETURNING id";

#define RESPONSE_SELECT                                                                   \
  "SELECT r.id, r.survey_id, s.name, s.team, r.score, r.why, r.better, r.callback, "      \
  "CASE WHEN r.phone_sealed IS NULL THEN 0 ELSE 1 END, r.channel, r.language, r.themes, " \
  "r.received_at FROM feedback_responses r JOIN feedback_surveys s ON "                   \
  "s.workspace_id = r.workspace_id AND s.id = r.survey_id "
constexpr std::string_view kResponses = RESPONSE_SELECT
    "WHERE r.workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR r.survey_id = $2) AND "
    "r.score BETWEEN $3 AND $4 AND r.received_at >= $5 AND r.received_at < $6 AND "
    "($7 = 0 OR r.why <> '' OR r.better <> '') "
    "ORDER BY r.received_at DESC, r.id DESC LIMIT $8 OFFSET $9";
constexpr std::string_view kResponse = RESPONSE_SELECT "WHERE r.workspace_id = $1 AND r.id = $2";
constexpr std::string_view kEraseResponse =
    "UPDATE feedback_responses SET phone_sealed = NULL, why = '', better = '', themes = '' "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kEraseCallbackNotes =
    "UPDATE feedback_callbacks SET notes_sealed = '' WHERE workspace_id = $1 AND response_id = $2";
constexpr std::string_view kStoredAnswersAfter =
    "SELECT workspace_id, id, why, better FROM feedback_responses WHERE id > $1 AND (why <> '' "
    "OR better <> '') ORDER BY id LIMIT $2";
constexpr std::string_view kReplaceAnswers =
    "UPDATE feedback_responses SET why = $3, better = $4 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kAnswersSealed =
    "SELECT 1 FROM reference_versions WHERE name = 'feedback_answers_sealed'";
constexpr std::string_view kMarkAnswersSealed =
    "INSERT INTO reference_versions (name, version, applied_at) VALUES "
    "('feedback_answers_sealed', '1', $1) ON CONFLICT (name) DO NOTHING";
constexpr std::string_view kPurgePhones =
    "UPDATE feedback_responses SET phone_sealed = NULL WHERE phone_sealed IS NOT NULL AND "
    "received_at < $1";

#define CALLBACK_SELECT                                                                      \
  "SELECT c.id, c.response_id, s.name, s.team, r.score, r.why, r.better, c.status, "         \
  "c.assignee_id, u.name, u.email, c.due_at, c.notes_sealed, c.outcome, "                    \
  "CASE WHEN r.phone_sealed IS NULL THEN 0 ELSE 1 END, c.created_at, c.updated_at "          \
  "FROM feedback_callbacks c JOIN feedback_responses r ON r.workspace_id = c.workspace_id "  \
  "AND r.id = c.response_id JOIN feedback_surveys s ON s.workspace_id = r.workspace_id AND " \
  "s.id = r.survey_id LEFT JOIN users u ON u.id = c.assignee_id "
constexpr std::string_view kCallbacks = CALLBACK_SELECT
    "WHERE c.workspace_id = $1 AND c.status IN ($2, $3, $4, $5) ORDER BY c.due_at, c.id LIMIT 500";
constexpr std::string_view kCallback = CALLBACK_SELECT "WHERE c.workspace_id = $1 AND c.id = $2";
constexpr std::string_view kUpdateCallback =
    "UPDATE feedback_callbacks SET status = $3, assignee_id = $4, notes_sealed = $5, outcome = $6, "
    "updated_at = $7 WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kCallbackPhone =
    "SELECT r.phone_sealed FROM feedback_callbacks c JOIN feedback_responses r ON "
    "r.workspace_id = c.workspace_id AND r.id = c.response_id WHERE c.workspace_id = $1 AND "
    "c.id = $2";
constexpr std::string_view kInvitationCounts =
    "SELECT COUNT(*), COUNT(used_at) FROM feedback_invitations WHERE workspace_id = $1 AND "
    "created_at >= $2 AND created_at < $3 AND (CAST($4 AS BIGINT) IS NULL OR survey_id = $4)";
constexpr std::string_view kMember =
    "SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2";
}  // namespace sql

Survey SurveyFrom(const Row& r, std::size_t at) {
  Survey s;
  s.id = r.Int(at);
  s.token = r.Text(at + 1);
  s.name = r.Text(at + 2);
  s.team = r.Text(at + 3);
  s.service = r.Text(at + 4);
  s.municipality_code = r.OptionalText(at + 5);
  s.law = ParseLaw(r.Text(at + 6)).value_or(Law::kNone);
  s.domain = r.Text(at + 7);
  s.channel = ParseChannel(r.Text(at + 8)).value_or(Channel::kLink);
  s.active = r.Int(at + 9) != 0;
  s.pause_days = static_cast<int>(r.Int(at + 10));
  s.questions = DecodeQuestions(r.Text(at + 11)).value_or(StandardQuestions());
  s.created_at = FromMillis(r.Int(at + 12));
  s.updated_at = FromMillis(r.Int(at + 13));
  return s;
}

std::string JoinThemes(const std::vector<std::string>& themes) {
  std::string out;
  for (const auto& t : themes) {
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

std::vector<std::string> SplitThemes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Response ResponseFrom(const Row& r) {
  return Response{.id = r.Int(0),
                  .survey_id = r.Int(1),
                  .survey_name = r.Text(2),
                  .team = r.Text(3),
                  .score = static_cast<int>(r.Int(4)),
                  .why = r.Text(5),
                  .better = r.Text(6),
                  .callback = r.Int(7) != 0,
                  .has_phone = r.Int(8) != 0,
                  .channel = ParseChannel(r.Text(9)).value_or(Channel::kLink),
                  .language = r.Text(10),
                  .themes = SplitThemes(r.Text(11)),
                  .received_at = FromMillis(r.Int(12))};
}

Callback CallbackFrom(const Row& r) {
  Callback c;
  c.id = r.Int(0);
  c.response_id = r.Int(1);
  c.survey_name = r.Text(2);
  c.team = r.Text(3);
  c.score = static_cast<int>(r.Int(4));
  c.why = r.Text(5);
  c.better = r.Text(6);
  c.status = ParseCallbackStatus(r.Text(7)).value_or(CallbackStatus::kOpen);
  if (!r.IsNull(8)) c.assignee_id = r.Int(8);
  c.assignee_name = r.OptionalText(9).value_or("");
  c.assignee_email = r.OptionalText(10).value_or("");
  c.due_at = FromMillis(r.Int(11));
  c.notes = r.Text(12);
  c.outcome = r.Text(13);
  c.has_phone = r.Int(14) != 0;
  c.created_at = FromMillis(r.Int(15));
  c.updated_at = FromMillis(r.Int(16));
  return c;
}

std::vector<Value> SurveyValues(std::int64_t ws, const Survey& s) {
  return {ws,
          s.id,
          s.name,
          s.team,
          s.service,
          OptionalText(s.municipality_code),
          std::string(ToString(s.law)),
          s.domain,
          std::string(ToString(s.channel)),
          std::int64_t{s.active ? 1 : 0},
          std::int64_t{s.pause_days},
          EncodeQuestions(s.questions),
          ToMillis(s.updated_at)};
}

/// Key and label expressions per group; fixed texts, never built from input. `survey`: they
/// read the survey's columns (s.*), so the roll-up is joined with feedback_surveys.
struct GroupSql {
  std::string_view key;
  std::string_view label;
  bool survey = true;
};
GroupSql GroupExpressions(GroupColumn column) {
  switch (column) {
    case GroupColumn::kNone: return {"''", "''", false};
    case GroupColumn::kTeam: return {"s.team", "s.team"};
    case GroupColumn::kService: return {"s.service", "s.service"};
    case GroupColumn::kMunicipality:
      return {"COALESCE(s.municipality_code, '')", "COALESCE(m.name, s.municipality_code, '')"};
    case GroupColumn::kLaw: return {"s.law", "s.law"};
    case GroupColumn::kChannel: return {"d.channel", "d.channel", false};
    case GroupColumn::kSurvey: return {"CAST(s.id AS TEXT)", "s.name"};
    // The plain column, so the rows come grouped from feedback_daily_by_day without a sort.
    case GroupColumn::kDay: return {"d.day", "d.day", false};
  }
  return {"''", "''"};
}

}  // namespace

std::vector<Survey> SqlFeedbackRepository::ListSurveys(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<Survey> out;
  for (const Row& r : lease->Query(sql::kSurveys, {ws})) out.push_back(SurveyFrom(r, 0));
  return out;
}

std::optional<Survey> SqlFeedbackRepository::GetSurvey(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSurvey, {ws, id});
  if (!row) return std::nullopt;
  return SurveyFrom(*row, 0);
}

Survey SqlFeedbackRepository::AddSurvey(std::int64_t ws, const Survey& survey) {
  auto lease = db_.Acquire();
  std::vector<Value> values = SurveyValues(ws, survey);
  values[1] = survey.token;
  values.push_back(ToMillis(survey.updated_at));
  values[12] = ToMillis(survey.created_at);
  auto row =
      lease->QueryOne(sql::kInsertSurvey, {values[0], values[1], values[2], values[3], values[4],
                                           values[5], values[6], values[7], values[8], values[9],
                                           values[10], values[11], values[12], values[13]});
  Survey stored = survey;
  stored.id = row->Int(0);
  return stored;
}

void SqlFeedbackRepository::UpdateSurvey(std::int64_t ws, const Survey& survey) {
  auto lease = db_.Acquire();
  const std::vector<Value> v = SurveyValues(ws, survey);
  lease->Execute(sql::kUpdateSurvey, std::span<const Value>(v.data(), v.size()));
}

bool SqlFeedbackRepository::MunicipalityExists(const std::string& code) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kMunicipality, {code}).has_value();
}

std::optional<PublicTarget> SqlFeedbackRepository::FindSurveyByToken(const std::string& token) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSurveyByToken, {token});
  if (!row) return std::nullopt;
  return PublicTarget{.workspace_id = row->Int(0), .survey = SurveyFrom(*row, 1)};
}

std::optional<PublicTarget> SqlFeedbackRepository::FindInvitation(const std::string& token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kInvitationByHash, {token_hash});
  if (!row) return std::nullopt;
  PublicTarget target{.workspace_id = row->Int(0), .survey = SurveyFrom(*row, 1)};
  constexpr std::size_t at = 1 + sql::kSurveyColumns;
  Invitation inv{.id = row->Int(at),
                 .survey_id = target.survey.id,
                 .reference = row->Text(at + 1),
                 .channel = ParseChannel(row->Text(at + 2)).value_or(Channel::kLink),
                 .expires_at = FromMillis(row->Int(at + 3))};
  if (!row->IsNull(at + 4)) inv.used_at = FromMillis(row->Int(at + 4));
  target.invitation = inv;
  return target;
}

bool SqlFeedbackRepository::InvitedSince(std::int64_t ws, const std::string& client_key,
                                         core::Instant since) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kInvitedSince, {ws, client_key, ToMillis(since)}).has_value();
}

Invitation SqlFeedbackRepository::AddInvitation(std::int64_t ws, const Invitation& invitation,
                                                const std::string& token_hash,
                                                const std::optional<std::string>& client_key,
                                                core::Instant now) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(
      sql::kInsertInvitation,
      {ws, invitation.survey_id, token_hash, invitation.reference, OptionalText(client_key),
       std::string(ToString(invitation.channel)), ToMillis(invitation.expires_at), ToMillis(now)});
  Invitation stored = invitation;
  stored.id = row->Int(0);
  return stored;
}

// Answers are stored by group commit: answers that arrive while another batch is being written
// share the next transaction (decision 32).
std::optional<StoredResponse> SqlFeedbackRepository::Submit(std::int64_t ws, const NewResponse& r) {
  return submissions_.Submit({.ws = ws, .response = &r});
}

void SqlFeedbackRepository::StoreBatch(std::span<SubmitGroup::Entry* const> batch) {
  bool started = false;
  bool written = false;
  try {
    db_.Transaction([&](Connection& c) {
      started = true;
      WriteAnswers(c, batch);
      written = true;
    });
    return;
  } catch (...) {
    // No connection, or the commit itself failed: nothing of the batch is stored, and every
    // answer gets the error.
    if (!started || written || batch.size() == 1) throw;
  }
  // One answer made the batch fail (say, its survey was deleted a moment ago): store each on its
  // own, so only that answer fails.
  for (SubmitGroup::Entry* entry : batch) {
    try {
      db_.Transaction([&](Connection& c) { WriteAnswers(c, {&entry, 1}); });
    } catch (...) {
      entry->error = std::current_exception();
    }
  }
}

void SqlFeedbackRepository::WriteAnswers(Connection& c,
                                         std::span<SubmitGroup::Entry* const> batch) {
  std::vector<SubmitGroup::Entry*> rows;
  rows.reserve(batch.size());
  for (SubmitGroup::Entry* entry : batch) {
    entry->outcome.reset();
    const auto& [ws, r] = *entry->item;
    // nullopt (no row) when the personal invitation was used already, also earlier in this batch
    if (r->invitation_id &&
        c.Execute(sql::kUseInvitation, {ws, *r->invitation_id, ToMillis(r->received_at)}) == 0) {
      continue;
    }
    rows.push_back(entry);
  }
  InsertResponses(c, rows);

  // The daily roll-up gets one upsert per (workspace, survey, day, channel) of the batch.
  using DayKey = std::tuple<std::int64_t, std::int64_t, long, std::string_view>;
  std::map<DayKey, std::array<std::int64_t, 3>> daily;
  for (const SubmitGroup::Entry* entry : rows) {
    const auto& [ws, r] = *entry->item;
    auto& counts = daily[{ws, r->survey_id, r->day, ToString(r->channel)}];
    switch (CategoryOf(r->score)) {
      case Category::kPromoter: ++counts[0]; break;
      case Category::kPassive: ++counts[1]; break;
      case Category::kDetractor: ++counts[2]; break;
    }
  }
  for (const auto& [key, counts] : daily) {
    const auto& [ws, survey, day, channel] = key;
    c.Execute(sql::kCountDaily, {ws, survey, std::int64_t{day}, std::string(channel), counts[0],
                                 counts[1], counts[2]});
  }

  for (SubmitGroup::Entry* entry : rows) {
    const auto& [ws, r] = *entry->item;
    if (!r->callback_due) continue;
    entry->outcome->callback_id =
        c.QueryOne(sql::kInsertCallback,
                   {ws, entry->outcome->id, ToMillis(*r->callback_due), ToMillis(r->received_at)})
            ->Int(0);
  }
}

namespace {
constexpr std::size_t kResponseColumns = 13;
std::array<Value, kResponseColumns> ResponseValues(std::int64_t ws, const NewResponse& r) {
  return {ws,
          r.survey_id,
          OptionalInt(r.invitation_id),
          std::int64_t{r.score},
          r.why,
          r.better,
          std::int64_t{r.callback ? 1 : 0},
          OptionalText(r.phone_sealed),
          std::string(ToString(r.channel)),
          r.language,
          JoinThemes(r.themes),
          std::int64_t{r.day},
          ToMillis(r.received_at)};
}
}  // namespace

void SqlFeedbackRepository::InsertResponses(Connection& c,
                                            std::span<SubmitGroup::Entry* const> rows) {
  if (c.dialect() == Dialect::kSqlite || rows.size() == 1) {
    // In-process SQLite: a prepared statement per answer costs microseconds.
    for (SubmitGroup::Entry* entry : rows) {
      const auto values = ResponseValues(entry->item->ws, *entry->item->response);
      entry->outcome = StoredResponse{.id = c.Query(sql::kInsertResponse, values).at(0).Int(0)};
    }
    return;
  }
  // PostgreSQL: one round trip for the ids and one for all rows. The ids are taken first so each
  // answer knows its own (RETURNING promises no order).
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const Row& row : c.Query(sql::kNextResponseIds, {static_cast<std::int64_t>(rows.size())})) {
    ids.push_back(row.Int(0));
  }
  if (ids.size() != rows.size()) {
    throw StorageError(StorageError::Kind::kOther, "postgres: too few response ids");
  }
  std::sort(ids.begin(), ids.end());
  std::string statement(sql::kInsertResponsesWithIds);
  std::vector<Value> params;
  params.reserve(rows.size() * (kResponseColumns + 1));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    statement += i == 0 ? " (" : ", (";
    for (std::size_t column = 0; column <= kResponseColumns; ++column) {
      if (column > 0) statement += ", ";
      statement += "$" + std::to_string(params.size() + column + 1);
    }
    statement += ")";
    params.emplace_back(ids[i]);
    for (auto& value : ResponseValues(rows[i]->item->ws, *rows[i]->item->response)) {
      params.push_back(std::move(value));
    }
    rows[i]->outcome = StoredResponse{.id = ids[i]};
  }
  c.Execute(statement, params);
}

std::vector<Response> SqlFeedbackRepository::ListResponses(std::int64_t ws,
                                                           const ResponseFilter& f) {
  std::int64_t low = 0;
  std::int64_t high = 10;
  if (f.category == Category::kDetractor) high = 6;
  if (f.category == Category::kPassive) low = 7, high = 8;
  if (f.category == Category::kPromoter) low = 9;
  auto lease = db_.Acquire();
  std::vector<Response> out;
  for (const Row& r : lease->Query(
           sql::kResponses,
           {ws, OptionalInt(f.survey_id), low, high, f.from ? ToMillis(*f.from) : std::int64_t{0},
            f.until ? ToMillis(*f.until) : std::numeric_limits<std::int64_t>::max(),
            std::int64_t{f.with_better_only ? 1 : 0}, f.limit, f.offset})) {
    out.push_back(ResponseFrom(r));
  }
  return out;
}

std::optional<Response> SqlFeedbackRepository::GetResponse(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kResponse, {ws, id});
  if (!row) return std::nullopt;
  return ResponseFrom(*row);
}

bool SqlFeedbackRepository::ErasePersonalData(std::int64_t ws, std::int64_t response_id) {
  return db_.Transaction([&](Connection& c) {
    if (c.Execute(sql::kEraseResponse, {ws, response_id}) == 0) return false;
    c.Execute(sql::kEraseCallbackNotes, {ws, response_id});
    return true;
  });
}

std::vector<core::feedback::StoredAnswers> SqlFeedbackRepository::StoredAnswersAfter(
    std::int64_t after_id, int limit) {
  auto lease = db_.Acquire();
  std::vector<core::feedback::StoredAnswers> out;
  for (const Row& r : lease->Query(sql::kStoredAnswersAfter, {after_id, std::int64_t{limit}})) {
    out.push_back(
        {.workspace_id = r.Int(0), .id = r.Int(1), .why = r.Text(2), .better = r.Text(3)});
  }
  return out;
}

void SqlFeedbackRepository::ReplaceAnswers(
    const std::vector<core::feedback::StoredAnswers>& answers) {
  db_.Transaction([&](Connection& c) {
    for (const auto& a : answers)
      c.Execute(sql::kReplaceAnswers, {a.workspace_id, a.id, a.why, a.better});
    return 0;
  });
}

bool SqlFeedbackRepository::AnswersSealed() {
  auto lease = db_.Acquire();
  return !lease->Query(sql::kAnswersSealed).empty();
}

void SqlFeedbackRepository::MarkAnswersSealed(core::Instant now) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kMarkAnswersSealed, {ToMillis(now)});
}

std::int64_t SqlFeedbackRepository::PurgePhones(core::Instant cutoff) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kPurgePhones, {ToMillis(cutoff)});
}

std::vector<DailyGroup> SqlFeedbackRepository::Daily(std::int64_t ws, GroupColumn column,
                                                     long from_day, long to_day,
                                                     std::optional<std::int64_t> survey_id) {
  const GroupSql g = GroupExpressions(column);
  std::string text = "SELECT ";
  text += g.key;
  text += ", ";
  text += g.label;
  text +=
      ", CAST(COALESCE(SUM(d.promoters), 0) AS BIGINT), CAST(COALESCE(SUM(d.passives), 0) AS "
      "BIGINT), CAST(COALESCE(SUM(d.detractors), 0) AS BIGINT) FROM feedback_daily d ";
  if (g.survey) {
    // Every roll-up row has its survey (foreign key, deleted with it): join only for its columns.
    text += "JOIN feedback_surveys s ON s.workspace_id = d.workspace_id AND s.id = d.survey_id ";
  }
  if (column == GroupColumn::kMunicipality) {
    text += "LEFT JOIN municipalities m ON m.code = s.municipality_code ";
  }
  text +=
      "WHERE d.workspace_id = $1 AND d.day BETWEEN $2 AND $3 AND "
      "(CAST($4 AS BIGINT) IS NULL OR d.survey_id = $4)";
  if (column != GroupColumn::kNone) {
    text += " GROUP BY ";
    text += g.key;
    if (g.label != g.key) {
      text += ", ";
      text += g.label;
    }
  }
  auto lease = db_.Acquire();
  std::vector<DailyGroup> out;
  for (const Row& r : lease->Query(
           text, {ws, std::int64_t{from_day}, std::int64_t{to_day}, OptionalInt(survey_id)})) {
    DailyGroup group{.key = r.Text(0), .label = r.Text(1)};
    group.counts = {.promoters = r.Int(2), .passives = r.Int(3), .detractors = r.Int(4)};
    if (group.counts.n() > 0) out.push_back(std::move(group));
  }
  return out;
}

InvitationCounts SqlFeedbackRepository::Invitations(std::int64_t ws, core::Instant from,
                                                    core::Instant until,
                                                    std::optional<std::int64_t> survey_id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kInvitationCounts,
                             {ws, ToMillis(from), ToMillis(until), OptionalInt(survey_id)});
  return {.sent = row->Int(0), .answered = row->Int(1)};
}

std::vector<Callback> SqlFeedbackRepository::ListCallbacks(
    std::int64_t ws, const std::vector<CallbackStatus>& statuses) {
  std::vector<Value> params{ws};
  for (std::size_t i = 0; i < 4; ++i) {
    const CallbackStatus s =
        statuses.empty() ? CallbackStatus::kOpen : statuses[std::min(i, statuses.size() - 1)];
    params.emplace_back(std::string(ToString(s)));
  }
  auto lease = db_.Acquire();
  std::vector<Callback> out;
  for (const Row& r : lease->Query(sql::kCallbacks, std::span<const Value>(params))) {
    out.push_back(CallbackFrom(r));
  }
  return out;
}

std::optional<Callback> SqlFeedbackRepository::GetCallback(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kCallback, {ws, id});
  if (!row) return std::nullopt;
  return CallbackFrom(*row);
}

void SqlFeedbackRepository::UpdateCallback(std::int64_t ws, const Callback& c) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kUpdateCallback,
                 {ws, c.id, std::string(ToString(c.status)), OptionalInt(c.assignee_id), c.notes,
                  c.outcome, ToMillis(c.updated_at)});
}

std::optional<std::string> SqlFeedbackRepository::CallbackPhoneSealed(std::int64_t ws,
                                                                      std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kCallbackPhone, {ws, id});
  if (!row) return std::nullopt;
  return row->OptionalText(0);
}

bool SqlFeedbackRepository::IsMember(std::int64_t ws, std::int64_t user_id) {
  auto lease = db_.Acquire();
  return lease->QueryOne(sql::kMember, {ws, user_id}).has_value();
}

}  // namespace aantafel::storage

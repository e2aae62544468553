#include "storage/scans_repository.hpp"

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::scans;

namespace {

namespace sql {

constexpr std::string_view kInsertScan =
    "INSERT INTO scans (workspace_id, title, collaboration, template_id, status, "
    "previous_scan_id, created_by, created_at, closed_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kUpdateScan =
    "UPDATE scans SET title = $3, collaboration = $4, status = $5, closed_at = $6 "
    "WHERE workspace_id = $1 AND id = $2";
// A previous scan only counts when it is in the same workspace (the key alone is not scoped).
#define SCAN_SELECT                                                                      \
  "SELECT s.id, s.title, s.collaboration, s.template_id, s.status, p.id, s.created_by, " \
  "s.created_at, s.closed_at, "                                                          \
  "(SELECT COUNT(*) FROM scan_respondents r WHERE r.workspace_id = s.workspace_id AND "  \
  "r.scan_id = s.id), "                                                                  \
  "(SELECT COUNT(*) FROM scan_respondents r WHERE r.workspace_id = s.workspace_id AND "  \
  "r.scan_id = s.id AND r.submitted_at IS NOT NULL) FROM scans s "                       \
  "LEFT JOIN scans p ON p.id = s.previous_scan_id AND p.workspace_id = s.workspace_id "
constexpr std::string_view kScan = SCAN_SELECT "WHERE s.workspace_id = $1 AND s.id = $2";
constexpr std::string_view kScans =
    SCAN_SELECT "WHERE s.workspace_id = $1 ORDER BY s.created_at DESC, s.id DESC LIMIT 1000";
#undef SCAN_SELECT
constexpr std::string_view kDeleteScan = "DELETE FROM scans WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kInsertRespondent =
    "INSERT INTO scan_respondents (workspace_id, scan_id, organisation, label, token_hash, "
    "expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
#define RESPONDENT_COLUMNS \
  "r.id, r.scan_id, r.organisation, r.label, r.expires_at, r.submitted_at, r.updated_at"
constexpr std::string_view kRespondents =
    "SELECT " RESPONDENT_COLUMNS
    ", m.sent_at, m.remind_at, m.reminded_at FROM scan_respondents r "
    "LEFT JOIN link_mails m ON m.scan_respondent_id = r.id "
    "WHERE r.workspace_id = $1 AND r.scan_id = $2 ORDER BY r.organisation, r.id";
constexpr std::string_view kDeleteRespondent =
    "DELETE FROM scan_respondents WHERE workspace_id = $1 AND scan_id = $2 AND id = $3";
constexpr std::string_view kByToken =
    "SELECT " RESPONDENT_COLUMNS
    ", s.workspace_id, s.title, s.collaboration, s.template_id, s.status, s.created_at, "
    "s.closed_at FROM scan_respondents r JOIN scans s ON s.workspace_id = r.workspace_id AND "
    "s.id = r.scan_id WHERE r.token_hash = $1";
#undef RESPONDENT_COLUMNS
constexpr std::string_view kAnswersOf =
    "SELECT statement_id, score, comment_sealed FROM scan_answers WHERE workspace_id = $1 AND "
    "respondent_id = $2 ORDER BY statement_id";
constexpr std::string_view kDeleteAnswers =
    "DELETE FROM scan_answers WHERE workspace_id = $1 AND respondent_id = $2";
constexpr std::string_view kInsertAnswer =
    "INSERT INTO scan_answers (workspace_id, respondent_id, statement_id, score, "
    "comment_sealed) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kMarkSubmitted =
    "UPDATE scan_respondents SET submitted_at = COALESCE(submitted_at, $3), updated_at = $3 "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kScored =
    "SELECT r.id, r.organisation, a.statement_id, a.score FROM scan_answers a "
    "JOIN scan_respondents r ON r.workspace_id = a.workspace_id AND r.id = a.respondent_id "
    "WHERE r.workspace_id = $1 AND r.scan_id = $2";
// Comments in a stable order that says nothing about who wrote them.
constexpr std::string_view kComments =
    "SELECT a.statement_id, a.comment_sealed FROM scan_answers a "
    "JOIN scan_respondents r ON r.workspace_id = a.workspace_id AND r.id = a.respondent_id "
    "WHERE r.workspace_id = $1 AND r.scan_id = $2 AND a.comment_sealed <> '' "
    "ORDER BY a.statement_id, a.comment_sealed";
constexpr std::string_view kInsertValueCase =
    "INSERT INTO value_cases (workspace_id, title, document, created_by, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kUpdateValueCase =
    "UPDATE value_cases SET title = $3, document = $4, updated_at = $5 "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kValueCase =
    "SELECT id, document, created_by, created_at, updated_at FROM value_cases "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kValueCases =
    "SELECT id, document, created_by, created_at, updated_at FROM value_cases "
    "WHERE workspace_id = $1 ORDER BY updated_at DESC, id DESC LIMIT 1000";
constexpr std::string_view kDeleteValueCase =
    "DELETE FROM value_cases WHERE workspace_id = $1 AND id = $2";

}  // namespace sql

Value OptionalTime(const std::optional<core::Instant>& v) {
  return v ? Value(ToMillis(*v)) : Value(nullptr);
}
std::optional<core::Instant> TimeAt(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return FromMillis(r.Int(i));
}

std::string Context(std::int64_t ws) { return "scan.comment/ws:" + std::to_string(ws); }

ScanSummary ScanFrom(const Row& r) {
  ScanSummary s;
  s.scan.id = r.Int(0);
  s.scan.title = r.Text(1);
  s.scan.collaboration = r.Text(2);
  s.scan.template_id = r.Text(3);
  s.scan.status = r.Text(4) == "closed" ? ScanStatus::kClosed : ScanStatus::kOpen;
  if (!r.IsNull(5)) s.scan.previous_scan_id = r.Int(5);
  if (!r.IsNull(6)) s.scan.created_by = r.Int(6);
  s.scan.created_at = FromMillis(r.Int(7));
  s.scan.closed_at = TimeAt(r, 8);
  s.invited = static_cast<int>(r.Int(9));
  s.answered = static_cast<int>(r.Int(10));
  return s;
}

Respondent RespondentFrom(const Row& r) {
  Respondent out;
  out.id = r.Int(0);
  out.scan_id = r.Int(1);
  out.organisation = r.Text(2);
  out.label = r.Text(3);
  out.expires_at = FromMillis(r.Int(4));
  out.submitted_at = TimeAt(r, 5);
  out.updated_at = TimeAt(r, 6);
  return out;
}

ValueCase ValueCaseFrom(const Row& r) {
  auto parsed =
      ParseValueCase(nlohmann::json::parse(r.Text(1), nullptr, /*allow_exceptions=*/false));
  ValueCase v = parsed ? *parsed : ValueCase{.title = "?"};
  v.id = r.Int(0);
  if (!r.IsNull(2)) v.created_by = r.Int(2);
  v.created_at = FromMillis(r.Int(3));
  v.updated_at = FromMillis(r.Int(4));
  return v;
}

}  // namespace

std::string SqlScanRepository::Seal(const std::string& text, std::int64_t ws) {
  return text.empty() ? "" : cipher_.Seal(text, Context(ws));
}

std::string SqlScanRepository::Open(const std::string& sealed, std::int64_t ws) {
  return sealed.empty() ? "" : cipher_.Open(sealed, Context(ws)).value_or("");
}

Scan SqlScanRepository::AddScan(std::int64_t ws, const Scan& s) {
  auto lease = db_.Acquire();
  Scan stored = s;
  stored.id =
      lease
          ->QueryOne(sql::kInsertScan,
                     {ws, s.title, s.collaboration, s.template_id, std::string(ToString(s.status)),
                      OptionalInt(s.previous_scan_id), OptionalInt(s.created_by),
                      ToMillis(s.created_at), OptionalTime(s.closed_at)})
          ->Int(0);
  return stored;
}

bool SqlScanRepository::UpdateScan(std::int64_t ws, const Scan& s) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kUpdateScan,
                        {ws, s.id, s.title, s.collaboration, std::string(ToString(s.status)),
                         OptionalTime(s.closed_at)}) > 0;
}

std::optional<ScanSummary> SqlScanRepository::FindScan(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kScan, {ws, id});
  if (!row) return std::nullopt;
  return ScanFrom(*row);
}

std::vector<ScanSummary> SqlScanRepository::ListScans(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<ScanSummary> out;
  for (const Row& r : lease->Query(sql::kScans, {ws})) out.push_back(ScanFrom(r));
  return out;
}

bool SqlScanRepository::DeleteScan(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteScan, {ws, id}) > 0;
}

std::vector<Respondent> SqlScanRepository::AddRespondents(
    std::int64_t ws, const std::vector<Respondent>& respondents,
    const std::vector<std::string>& token_hashes) {
  return db_.Transaction([&](Connection& c) {
    std::vector<Respondent> out;
    for (std::size_t i = 0; i < respondents.size(); ++i) {
      Respondent r = respondents[i];
      r.id = c.QueryOne(sql::kInsertRespondent, {ws, r.scan_id, r.organisation, r.label,
                                                 token_hashes[i], ToMillis(r.expires_at)})
                 ->Int(0);
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::vector<Respondent> SqlScanRepository::ListRespondents(std::int64_t ws, std::int64_t scan_id) {
  auto lease = db_.Acquire();
  std::vector<Respondent> out;
  for (const Row& r : lease->Query(sql::kRespondents, {ws, scan_id})) {
    Respondent respondent = RespondentFrom(r);
    if (!r.IsNull(7)) {
      respondent.mail = core::link_mail::MailStatus{
          .sent_at = FromMillis(r.Int(7)), .remind_at = TimeAt(r, 8), .reminded_at = TimeAt(r, 9)};
    }
    out.push_back(std::move(respondent));
  }
  return out;
}

bool SqlScanRepository::DeleteRespondent(std::int64_t ws, std::int64_t scan_id,
                                         std::int64_t respondent_id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteRespondent, {ws, scan_id, respondent_id}) > 0;
}

std::optional<LinkTarget> SqlScanRepository::FindByTokenHash(const std::string& token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kByToken, {token_hash});
  if (!row) return std::nullopt;
  LinkTarget t;
  t.respondent = RespondentFrom(*row);
  t.workspace_id = row->Int(7);
  t.scan.id = t.respondent.scan_id;
  t.scan.title = row->Text(8);
  t.scan.collaboration = row->Text(9);
  t.scan.template_id = row->Text(10);
  t.scan.status = row->Text(11) == "closed" ? ScanStatus::kClosed : ScanStatus::kOpen;
  t.scan.created_at = FromMillis(row->Int(12));
  t.scan.closed_at = TimeAt(*row, 13);
  return t;
}

std::vector<Answer> SqlScanRepository::AnswersOf(std::int64_t ws, std::int64_t respondent_id) {
  auto lease = db_.Acquire();
  std::vector<Answer> out;
  for (const Row& r : lease->Query(sql::kAnswersOf, {ws, respondent_id})) {
    Answer a{.statement_id = r.Text(0), .score = std::nullopt, .comment = Open(r.Text(2), ws)};
    if (!r.IsNull(1)) a.score = static_cast<int>(r.Int(1));
    out.push_back(std::move(a));
  }
  return out;
}

void SqlScanRepository::SaveAnswers(std::int64_t ws, std::int64_t respondent_id,
                                    const std::vector<Answer>& answers, core::Instant at) {
  std::vector<std::string> sealed;
  for (const auto& a : answers) sealed.push_back(Seal(a.comment, ws));
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kDeleteAnswers, {ws, respondent_id});
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const Answer& a = answers[i];
      c.Execute(sql::kInsertAnswer,
                {ws, respondent_id, a.statement_id,
                 a.score ? Value(static_cast<std::int64_t>(*a.score)) : Value(nullptr), sealed[i]});
    }
    c.Execute(sql::kMarkSubmitted, {ws, respondent_id, ToMillis(at)});
    return 0;
  });
}

std::vector<ScoredAnswer> SqlScanRepository::ScoredAnswers(std::int64_t ws, std::int64_t scan_id) {
  auto lease = db_.Acquire();
  std::vector<ScoredAnswer> out;
  for (const Row& r : lease->Query(sql::kScored, {ws, scan_id})) {
    ScoredAnswer a{.respondent_id = r.Int(0),
                   .organisation = r.Text(1),
                   .statement_id = r.Text(2),
                   .score = std::nullopt};
    if (!r.IsNull(3)) a.score = static_cast<int>(r.Int(3));
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<StatementComment> SqlScanRepository::Comments(std::int64_t ws, std::int64_t scan_id) {
  auto lease = db_.Acquire();
  std::vector<StatementComment> out;
  for (const Row& r : lease->Query(sql::kComments, {ws, scan_id})) {
    out.push_back({r.Text(0), Open(r.Text(1), ws)});
  }
  // Sealed text is random, so its order says nothing; sort the opened text for a stable page.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.statement_id, a.text) < std::tie(b.statement_id, b.text);
  });
  return out;
}

ValueCase SqlScanRepository::AddValueCase(std::int64_t ws, const ValueCase& v) {
  auto lease = db_.Acquire();
  ValueCase stored = v;
  stored.id = lease
                  ->QueryOne(sql::kInsertValueCase,
                             {ws, v.title, ValueCaseJson(v).dump(), OptionalInt(v.created_by),
                              ToMillis(v.created_at), ToMillis(v.updated_at)})
                  ->Int(0);
  return stored;
}

bool SqlScanRepository::UpdateValueCase(std::int64_t ws, const ValueCase& v) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kUpdateValueCase,
                        {ws, v.id, v.title, ValueCaseJson(v).dump(), ToMillis(v.updated_at)}) > 0;
}

std::optional<ValueCase> SqlScanRepository::FindValueCase(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kValueCase, {ws, id});
  if (!row) return std::nullopt;
  return ValueCaseFrom(*row);
}

std::vector<ValueCase> SqlScanRepository::ListValueCases(std::int64_t ws) {
  auto lease = db_.Acquire();
  std::vector<ValueCase> out;
  for (const Row& r : lease->Query(sql::kValueCases, {ws})) out.push_back(ValueCaseFrom(r));
  return out;
}

bool SqlScanRepository::DeleteValueCase(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteValueCase, {ws, id}) > 0;
}

}  // namespace aantafel::storage

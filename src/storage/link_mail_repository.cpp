#include "storage/link_mail_repository.hpp"

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::link_mail;

namespace {

namespace sql {

constexpr std::string_view kInsert =
    "INSERT INTO link_mails (workspace_id, scan_respondent_id, feedback_invitation_id, language, "
    "sent_at, remind_at, address_sealed, token_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
// Whether the link still wants an answer is decided here, from its respondent or invitation and
// its scan or survey: not answered, and the scan open or the survey active. Expiry is checked
// by core against the same clock as everything else.
constexpr std::string_view kDue =
    "SELECT m.id, m.workspace_id, m.language, m.address_sealed, m.token_sealed, r.expires_at, "
    "CASE WHEN r.submitted_at IS NULL AND s.status = 'open' THEN 1 ELSE 0 END, 'scan', w.name, "
    "s.title, s.collaboration, '', m.remind_at "
    "FROM link_mails m JOIN scan_respondents r ON r.id = m.scan_respondent_id "
    "JOIN scans s ON s.workspace_id = r.workspace_id AND s.id = r.scan_id "
    "JOIN workspaces w ON w.id = m.workspace_id "
    "WHERE m.remind_at IS NOT NULL AND m.remind_at <= $1 "
    "UNION ALL "
    "SELECT m.id, m.workspace_id, m.language, m.address_sealed, m.token_sealed, i.expires_at, "
    "CASE WHEN i.used_at IS NULL AND f.active <> 0 THEN 1 ELSE 0 END, 'survey', w.name, f.name, "
    "f.team, f.service, m.remind_at "
    "FROM link_mails m JOIN feedback_invitations i ON i.id = m.feedback_invitation_id "
    "JOIN feedback_surveys f ON f.workspace_id = i.workspace_id AND f.id = i.survey_id "
    "JOIN workspaces w ON w.id = m.workspace_id "
    "WHERE m.remind_at IS NOT NULL AND m.remind_at <= $1 "
    "ORDER BY 13, 1 LIMIT $2";
constexpr std::string_view kFinish =
    "UPDATE link_mails SET remind_at = NULL, reminded_at = $2, address_sealed = NULL, "
    "token_sealed = NULL WHERE id = $1";

}  // namespace sql

}  // namespace

void SqlLinkMailRepository::Add(const NewLinkMail& m) {
  auto lease = db_.Acquire();
  const bool scan = m.kind == LinkKind::kScan;
  lease->Execute(sql::kInsert,
                 {m.workspace_id, scan ? Value(m.target_id) : Value(nullptr),
                  scan ? Value(nullptr) : Value(m.target_id), std::string(core::ToTag(m.language)),
                  ToMillis(m.sent_at), m.remind_at ? Value(ToMillis(*m.remind_at)) : Value(nullptr),
                  m.address_sealed ? Value(*m.address_sealed) : Value(nullptr),
                  m.token_sealed ? Value(*m.token_sealed) : Value(nullptr)});
}

std::vector<DueReminder> SqlLinkMailRepository::DueReminders(core::Instant now, int limit) {
  auto lease = db_.Acquire();
  std::vector<DueReminder> out;
  for (const Row& r : lease->Query(sql::kDue, {ToMillis(now), std::int64_t{limit}})) {
    DueReminder d;
    d.id = r.Int(0);
    d.workspace_id = r.Int(1);
    d.language = core::ParseLanguageTag(r.Text(2)).value_or(core::Language::kDutch);
    d.address_sealed = r.OptionalText(3).value_or("");
    d.token_sealed = r.OptionalText(4).value_or("");
    d.expires_at = FromMillis(r.Int(5));
    d.open = r.Int(6) != 0;
    d.subject.kind = r.Text(7) == "scan" ? LinkKind::kScan : LinkKind::kSurvey;
    d.subject.organisation = r.Text(8);
    d.subject.title = r.Text(9);
    d.subject.about = d.subject.kind == LinkKind::kScan
                          ? r.Text(10)
                          : SurveyAbout(r.Text(10), r.Text(11), d.subject.title);
    out.push_back(std::move(d));
  }
  return out;
}

void SqlLinkMailRepository::FinishReminder(std::int64_t id,
                                           std::optional<core::Instant> reminded_at) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kFinish, {id, reminded_at ? Value(ToMillis(*reminded_at)) : Value(nullptr)});
}

}  // namespace aantafel::storage

#include "core/scans/service.hpp"

#include <set>

#include "core/validation.hpp"

namespace aantafel::core::scans {

namespace {

constexpr TextRule kTitleRule{.min_chars = 1, .max_chars = 200};
constexpr TextRule kOrganisationRule{.min_chars = 1, .max_chars = 200};
constexpr TextRule kLabelRule{.min_chars = 0, .max_chars = 100};
constexpr TextRule kCommentRule{.min_chars = 0, .max_chars = 2000, .allow_newlines = true};
constexpr std::size_t kTokenBytes = 18;

std::optional<ScanStatus> ParseStatus(std::string_view text) {
  if (text == "open") return ScanStatus::kOpen;
  if (text == "closed") return ScanStatus::kClosed;
  return std::nullopt;
}

}  // namespace

ScanService::ScanService(ScanRepository& repository, const ScanKnowledge& knowledge,
                         accounts::Crypto& crypto, Random& random, const Clock& clock,
                         link_mail::LinkMailService* link_mail, ScanLimits limits)
    : repository_(repository),
      knowledge_(knowledge),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      link_mail_(link_mail),
      limits_(limits),
      views_(clock,
             {.attempts = limits.views_per_address_per_minute, .period = std::chrono::seconds(60)}),
      submits_(clock, {.attempts = limits.submits_per_address_per_minute,
                       .period = std::chrono::seconds(60)}) {}

Result<ScanSummary> ScanService::CreateScan(const accounts::WorkspaceAccess& access,
                                            const ScanInput& input) {
  FieldErrors errors;
  Scan scan;
  scan.title = CheckText("title", input.title.value_or(""), kTitleRule, errors).value_or("");
  scan.collaboration =
      CheckText("collaboration", input.collaboration.value_or(""), kTitleRule, errors).value_or("");
  if (!input.template_id) {
    errors.Add("template_id", FieldIssue::kRequired);
  } else if (knowledge_.Find(*input.template_id) == nullptr) {
    errors.Add("template_id", FieldIssue::kInvalidChoice);
  } else {
    scan.template_id = *input.template_id;
  }
  if (input.status) errors.Add("status", FieldIssue::kUnknownField);
  if (!errors.empty()) return std::move(errors).ToError();
  scan.created_by = access.user_id;
  scan.created_at = clock_.Now();
  const Scan added = repository_.AddScan(access.workspace.id, scan);
  return GetScan(access, added.id);
}

Result<ScanSummary> ScanService::UpdateScan(const accounts::WorkspaceAccess& access,
                                            std::int64_t id, const ScanInput& input) {
  auto found = repository_.FindScan(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  Scan scan = found->scan;
  FieldErrors errors;
  if (input.title) {
    scan.title = CheckText("title", *input.title, kTitleRule, errors).value_or(scan.title);
  }
  if (input.collaboration) {
    scan.collaboration = CheckText("collaboration", *input.collaboration, kTitleRule, errors)
                             .value_or(scan.collaboration);
  }
  if (input.template_id && *input.template_id != scan.template_id) {
    errors.Add("template_id", FieldIssue::kInvalidChoice);  // answers belong to the template
  }
  if (input.status) {
    if (auto status = ParseStatus(*input.status)) {
      if (*status != scan.status) {
        scan.status = *status;
        scan.closed_at =
            *status == ScanStatus::kClosed ? std::optional(clock_.Now()) : std::nullopt;
      }
    } else {
      errors.Add("status", FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  if (!repository_.UpdateScan(access.workspace.id, scan)) return Error::Of(ErrorCode::kNotFound);
  return GetScan(access, id);
}

Result<ScanSummary> ScanService::GetScan(const accounts::WorkspaceAccess& access, std::int64_t id) {
  auto found = repository_.FindScan(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

std::vector<ScanSummary> ScanService::ListScans(const accounts::WorkspaceAccess& access) {
  return repository_.ListScans(access.workspace.id);
}

Status ScanService::DeleteScan(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.DeleteScan(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<ScanSummary> ScanService::Repeat(const accounts::WorkspaceAccess& access, std::int64_t id,
                                        const std::optional<std::string>& title) {
  auto found = repository_.FindScan(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  FieldErrors errors;
  Scan scan;
  scan.title =
      title ? CheckText("title", *title, kTitleRule, errors).value_or("") : found->scan.title;
  if (!errors.empty()) return std::move(errors).ToError();
  scan.collaboration = found->scan.collaboration;
  scan.template_id = found->scan.template_id;
  scan.previous_scan_id = id;
  scan.created_by = access.user_id;
  scan.created_at = clock_.Now();
  const Scan added = repository_.AddScan(access.workspace.id, scan);
  return GetScan(access, added.id);
}

Result<std::vector<Invitation>> ScanService::Invite(const accounts::WorkspaceAccess& access,
                                                    std::int64_t scan_id,
                                                    const std::vector<Invitee>& invitees,
                                                    std::optional<int> expires_in_days,
                                                    const link_mail::MailRequest& mail) {
  const std::int64_t ws = access.workspace.id;
  auto found = repository_.FindScan(ws, scan_id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  if (found->scan.status != ScanStatus::kOpen) return Error::Of(ErrorCode::kConflict);
  FieldErrors errors;
  if (invitees.empty()) errors.Add("invitees", FieldIssue::kRequired);
  if (found->invited + static_cast<int>(invitees.size()) > limits_.max_respondents_per_scan) {
    errors.Add("invitees", FieldIssue::kTooLong, limits_.max_respondents_per_scan);
  }
  const int days = expires_in_days.value_or(limits_.default_link_days);
  if (days < 1) {
    errors.Add("expires_in_days", FieldIssue::kTooSmall, 1);
  } else if (days > 365) {
    errors.Add("expires_in_days", FieldIssue::kTooLarge, 365);
  }
  std::vector<Respondent> respondents;
  std::vector<std::string> addresses;
  for (std::size_t i = 0; i < invitees.size(); ++i) {
    const std::string prefix = "invitees[" + std::to_string(i) + "].";
    Respondent r;
    r.scan_id = scan_id;
    r.organisation =
        CheckText(prefix + "organisation", invitees[i].organisation, kOrganisationRule, errors)
            .value_or("");
    r.label = CheckText(prefix + "label", invitees[i].label, kLabelRule, errors).value_or("");
    r.expires_at = clock_.Now() + std::chrono::hours(24) * days;
    respondents.push_back(std::move(r));
    addresses.emplace_back();
    if (!invitees[i].email.empty()) {
      addresses.back() = CheckEmail(prefix + "email", invitees[i].email, errors).value_or("");
    }
  }
  link_mail::LinkMailService::Check(mail, days, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  std::vector<std::string> tokens;
  std::vector<std::string> hashes;
  for (std::size_t i = 0; i < respondents.size(); ++i) {
    tokens.push_back("s" + RandomToken(random_, kTokenBytes));
    hashes.push_back(crypto_.Sha256Hex(tokens.back()));
  }
  auto stored = repository_.AddRespondents(ws, respondents, hashes);
  std::vector<Invitation> out;
  std::vector<link_mail::LinkToMail> to_mail;
  std::vector<std::size_t> mailed_index;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    out.push_back({.respondent = stored[i], .token = tokens[i], .mailed = false});
    if (!addresses[i].empty()) {
      to_mail.push_back({.target_id = stored[i].id,
                         .address = addresses[i],
                         .token = tokens[i],
                         .expires_at = stored[i].expires_at});
      mailed_index.push_back(i);
    }
  }
  if (link_mail_ != nullptr && !to_mail.empty()) {
    const link_mail::LinkSubject subject{.kind = link_mail::LinkKind::kScan,
                                         .organisation = access.workspace.name,
                                         .title = found->scan.title,
                                         .about = found->scan.collaboration};
    const auto mailed = link_mail_->Send(ws, subject, to_mail, mail);
    const Instant now = clock_.Now();
    for (std::size_t k = 0; k < mailed.size(); ++k) {
      if (!mailed[k]) continue;
      Invitation& invitation = out[mailed_index[k]];
      invitation.mailed = true;
      invitation.respondent.mail = link_mail::MailStatus{
          .sent_at = now,
          .remind_at = mail.remind_after_days
                           ? std::optional(now + std::chrono::days(*mail.remind_after_days))
                           : std::nullopt,
          .reminded_at = std::nullopt};
    }
  }
  return out;
}

Result<std::vector<Respondent>> ScanService::ListRespondents(
    const accounts::WorkspaceAccess& access, std::int64_t scan_id) {
  if (!repository_.FindScan(access.workspace.id, scan_id)) return Error::Of(ErrorCode::kNotFound);
  return repository_.ListRespondents(access.workspace.id, scan_id);
}

Status ScanService::RevokeRespondent(const accounts::WorkspaceAccess& access, std::int64_t scan_id,
                                     std::int64_t respondent_id) {
  if (!repository_.DeleteRespondent(access.workspace.id, scan_id, respondent_id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

Result<ResultsView> ScanService::Results(const accounts::WorkspaceAccess& access,
                                         std::int64_t scan_id) {
  const std::int64_t ws = access.workspace.id;
  auto found = repository_.FindScan(ws, scan_id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  const Template* tmpl = knowledge_.Find(found->scan.template_id);
  if (tmpl == nullptr) return Error::Of(ErrorCode::kNotFound);  // template withdrawn
  ResultsView view;
  view.scan = *found;
  view.results = ComputeResults(*tmpl, repository_.ScoredAnswers(ws, scan_id));
  if (view.results.shown) view.comments = repository_.Comments(ws, scan_id);
  if (found->scan.previous_scan_id) {
    if (auto previous = repository_.FindScan(ws, *found->scan.previous_scan_id)) {
      view.previous = *previous;
      const ScanResults before =
          ComputeResults(*tmpl, repository_.ScoredAnswers(ws, previous->scan.id));
      view.changes = CompareResults(*tmpl, before, view.results);
    }
  }
  return view;
}

Result<RespondentPage> ScanService::Resolve(std::string_view token) {
  if (token.size() < 8 || token.size() > 64) return Error::Of(ErrorCode::kNotFound);
  auto target = repository_.FindByTokenHash(crypto_.Sha256Hex(token));
  if (!target) return Error::Of(ErrorCode::kNotFound);
  RespondentPage page;
  page.tmpl = knowledge_.Find(target->scan.template_id);
  if (page.tmpl == nullptr) return Error::Of(ErrorCode::kNotFound);
  page.scan = target->scan;
  page.respondent = target->respondent;
  if (target->scan.status == ScanStatus::kClosed) {
    page.state = LinkState::kClosed;
  } else if (clock_.Now() >= target->respondent.expires_at) {
    page.state = LinkState::kExpired;
  }
  if (page.state == LinkState::kOpen) {
    page.answers = repository_.AnswersOf(target->workspace_id, target->respondent.id);
  }
  page.workspace_id = target->workspace_id;
  return page;
}

Result<RespondentPage> ScanService::OpenLink(std::string_view token, const std::string& address) {
  if (auto d = views_.Consume(address); !d.allowed) {
    Error e = Error::Of(ErrorCode::kRateLimited);
    e.retry_after_seconds = d.retry_after_seconds;
    return e;
  }
  return Resolve(token);
}

Status ScanService::Submit(std::string_view token, const std::vector<Answer>& answers,
                           const std::string& address) {
  if (auto d = submits_.Consume(address); !d.allowed) {
    Error e = Error::Of(ErrorCode::kRateLimited);
    e.retry_after_seconds = d.retry_after_seconds;
    return e;
  }
  auto page = Resolve(token);
  if (!page) return page.error();
  if (page->state != LinkState::kOpen) return Error::Of(ErrorCode::kConflict);
  const std::int64_t ws = page->workspace_id;
  FieldErrors errors;
  std::vector<Answer> clean;
  std::set<std::string> given;
  for (const Answer& a : answers) {
    if (page->tmpl->FindStatement(a.statement_id) == nullptr) {
      errors.Add("answers." + a.statement_id, FieldIssue::kUnknownField);
      continue;
    }
    if (!given.insert(a.statement_id).second) {
      errors.Add("answers." + a.statement_id, FieldIssue::kDuplicate);
      continue;
    }
    if (a.score && (*a.score < 1 || *a.score > 5)) {
      errors.Add("answers." + a.statement_id, FieldIssue::kInvalidChoice);
      continue;
    }
    Answer c = a;
    c.comment =
        CheckText("comments." + a.statement_id, a.comment, kCommentRule, errors).value_or("");
    clean.push_back(std::move(c));
  }
  for (const auto& d : page->tmpl->dimensions) {
    for (const auto& s : d.statements) {
      if (!given.contains(s.id)) errors.Add("answers." + s.id, FieldIssue::kRequired);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.SaveAnswers(ws, page->respondent.id, clean, clock_.Now());
  return Ok{};
}

// ---- value cases ----

Result<ValueCase> ScanService::AddValueCase(const accounts::WorkspaceAccess& access,
                                            ValueCase value_case) {
  value_case.created_by = access.user_id;
  value_case.created_at = value_case.updated_at = clock_.Now();
  const ValueCase added = repository_.AddValueCase(access.workspace.id, value_case);
  return GetValueCase(access, added.id);
}

Result<ValueCase> ScanService::ReplaceValueCase(const accounts::WorkspaceAccess& access,
                                                std::int64_t id, ValueCase value_case) {
  auto existing = repository_.FindValueCase(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  value_case.id = id;
  value_case.created_by = existing->created_by;
  value_case.created_at = existing->created_at;
  value_case.updated_at = clock_.Now();
  if (!repository_.UpdateValueCase(access.workspace.id, value_case)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return GetValueCase(access, id);
}

Result<ValueCase> ScanService::GetValueCase(const accounts::WorkspaceAccess& access,
                                            std::int64_t id) {
  auto found = repository_.FindValueCase(access.workspace.id, id);
  if (!found) return Error::Of(ErrorCode::kNotFound);
  return *found;
}

std::vector<ValueCase> ScanService::ListValueCases(const accounts::WorkspaceAccess& access) {
  return repository_.ListValueCases(access.workspace.id);
}

Status ScanService::DeleteValueCase(const accounts::WorkspaceAccess& access, std::int64_t id) {
  if (!repository_.DeleteValueCase(access.workspace.id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

}  // namespace aantafel::core::scans

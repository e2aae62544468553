#include "core/link_mail/service.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/link_mail/mails.hpp"

namespace aantafel::core::link_mail {

namespace {

std::string AddressContext(std::int64_t ws) { return "linkmail.address/ws:" + std::to_string(ws); }
std::string TokenContext(std::int64_t ws) { return "linkmail.token/ws:" + std::to_string(ws); }

}  // namespace

LinkMailService::LinkMailService(LinkMailRepository& repository, FieldCipher& cipher,
                                 Mailer* mailer, const Clock& clock, std::string public_url)
    : repository_(repository),
      cipher_(cipher),
      mailer_(mailer),
      clock_(clock),
      public_url_(std::move(public_url)) {}

void LinkMailService::Check(const MailRequest& request, int link_days, FieldErrors& errors) {
  if (!request.remind_after_days) return;
  const int days = *request.remind_after_days;
  const int latest = std::min(kMaxRemindDays, link_days - 1);
  if (days < kMinRemindDays) {
    errors.Add("remind_after_days", FieldIssue::kTooSmall, kMinRemindDays);
  } else if (days > latest) {
    errors.Add("remind_after_days", FieldIssue::kTooLarge, std::max(latest, 0));
  }
}

std::vector<bool> LinkMailService::Send(std::int64_t workspace_id, const LinkSubject& subject,
                                        const std::vector<LinkToMail>& links,
                                        const MailRequest& request) {
  std::vector<bool> mailed(links.size(), false);
  if (mailer_ == nullptr) return mailed;
  const Instant now = clock_.Now();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkToMail& link = links[i];
    const std::string url = LinkUrl(public_url_, subject.kind, link.token);
    const Mail mail =
        ComposeLinkMail(subject, link.address, url, link.expires_at, request.language, false);
    if (!mailer_->Send(mail)) continue;
    mailed[i] = true;
    NewLinkMail row{.workspace_id = workspace_id,
                    .kind = subject.kind,
                    .target_id = link.target_id,
                    .language = request.language,
                    .sent_at = now,
                    .remind_at = std::nullopt,
                    .address_sealed = std::nullopt,
                    .token_sealed = std::nullopt};
    if (request.remind_after_days) {
      // Kept (sealed) only so that the reminder can carry the same link.
      row.remind_at = now + std::chrono::days(*request.remind_after_days);
      row.address_sealed = cipher_.Seal(link.address, AddressContext(workspace_id));
      row.token_sealed = cipher_.Seal(link.token, TokenContext(workspace_id));
    }
    repository_.Add(row);
  }
  return mailed;
}

int LinkMailService::SendDueReminders(int limit) {
  if (mailer_ == nullptr) return 0;
  const Instant now = clock_.Now();
  int sent = 0;
  for (const DueReminder& due : repository_.DueReminders(now, limit)) {
    if (!due.open || due.expires_at <= now) {
      repository_.FinishReminder(due.id, std::nullopt);
      continue;
    }
    const auto address = cipher_.Open(due.address_sealed, AddressContext(due.workspace_id));
    const auto token = cipher_.Open(due.token_sealed, TokenContext(due.workspace_id));
    if (!address || !token) {
      repository_.FinishReminder(due.id, std::nullopt);
      continue;
    }
    const std::string url = LinkUrl(public_url_, due.subject.kind, *token);
    const Mail mail =
        ComposeLinkMail(due.subject, *address, url, due.expires_at, due.language, true);
    // A refused mail stays due and is tried again at the next round.
    if (!mailer_->Send(mail)) continue;
    repository_.FinishReminder(due.id, now);
    ++sent;
  }
  return sent;
}

}  // namespace aantafel::core::link_mail

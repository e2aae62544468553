#include "core/accounts/invitations.hpp"

#include "core/accounts/mails.hpp"
#include "core/validation.hpp"

namespace aantafel::core::accounts {

InvitationService::InvitationService(InvitationRepository& invitations, UserRepository& users,
                                     WorkspaceRepository& workspaces, AccountsService& accounts,
                                     Crypto& crypto, Random& random, const Clock& clock,
                                     Mailer* mailer, std::string app_url, InvitationPolicy policy)
    : invitations_(invitations),
      users_(users),
      workspaces_(workspaces),
      accounts_(accounts),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      mailer_(mailer),
      app_url_(std::move(app_url)),
      policy_(policy),
      per_workspace_(clock, policy.per_workspace),
      per_address_(clock, policy.links_per_address) {}

std::string InvitationService::LinkFor(std::string_view token) const {
  return app_url_ + "/invitation#" + std::string(token);
}

Result<InvitationSent> InvitationService::Invite(const WorkspaceAccess& access,
                                                 std::string_view email, std::string_view role,
                                                 std::optional<std::string_view> language) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto normalised = CheckEmail("email", email, errors);
  auto parsed_role = ParseRole(role);
  if (!parsed_role) errors.Add("role", FieldIssue::kInvalidChoice);
  Language lang = Language::kDutch;
  if (language) {
    if (auto parsed = ParseLanguageTag(*language)) {
      lang = *parsed;
    } else {
      errors.Add("language", FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  // Owners see their members anyway, so saying that someone already is one reveals nothing new;
  // whether an address has an account elsewhere is never told.
  if (auto existing = users_.FindByEmail(*normalised)) {
    if (workspaces_.FindRole(access.workspace.id, existing->user.id)) {
      Error e = Error::Field("email", FieldIssue::kAlreadyMember);
      e.code = ErrorCode::kConflict;
      return e;
    }
  }
  if (auto d = per_workspace_.Consume("ws:" + std::to_string(access.workspace.id)); !d.allowed) {
    return RateLimitedError(d);
  }
  const Instant now = clock_.Now();
  const std::string token = RandomToken(random_);
  Invitation invitation{
      .workspace_id = access.workspace.id,
      .email = *normalised,
      .role = *parsed_role,
      .language = lang,
      .invited_by = access.user_id > 0 ? std::optional(access.user_id) : std::nullopt,
      .created_at = now,
      .expires_at = now + policy_.valid};
  invitation = invitations_.Save(invitation, crypto_.Sha256Hex(token));
  return Send(access.workspace, std::move(invitation), token, access.user_id);
}

Result<InvitationSent> InvitationService::Resend(const WorkspaceAccess& access, std::int64_t id) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto invitation = invitations_.Find(access.workspace.id, id);
  if (!invitation) return Error::Of(ErrorCode::kNotFound);
  if (auto d = per_workspace_.Consume("ws:" + std::to_string(access.workspace.id)); !d.allowed) {
    return RateLimitedError(d);
  }
  const Instant now = clock_.Now();
  const std::string token = RandomToken(random_);
  if (!invitations_.Renew(access.workspace.id, id, crypto_.Sha256Hex(token), now,
                          now + policy_.valid)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  invitation->created_at = now;
  invitation->expires_at = now + policy_.valid;
  invitation->sent_at.reset();
  return Send(access.workspace, std::move(*invitation), token, access.user_id);
}

Result<InvitationSent> InvitationService::Send(const Workspace& workspace, Invitation invitation,
                                               const std::string& token, std::int64_t inviter_id) {
  InvitationSent sent;
  std::string inviter_name = invitation.invited_by_name;
  if (inviter_id > 0) {
    if (auto inviter = users_.FindById(inviter_id)) inviter_name = inviter->name;
  }
  invitation.invited_by_name = inviter_name;
  const std::string link = LinkFor(token);
  if (mailer_ != nullptr) {
    const Mail mail = ComposeInvitation({.to = invitation.email,
                                         .workspace_name = workspace.name,
                                         .inviter_name = inviter_name,
                                         .role = invitation.role,
                                         .language = invitation.language,
                                         .link = link,
                                         .expires_at = invitation.expires_at});
    if (mailer_->Send(mail)) {
      const Instant now = clock_.Now();
      invitations_.MarkSent(invitation.id, now);
      invitation.sent_at = now;
      sent.mailed = true;
    }
  }
  if (!sent.mailed) sent.link = link;
  sent.invitation = std::move(invitation);
  return sent;
}

Status InvitationService::Withdraw(const WorkspaceAccess& access, std::int64_t id) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!invitations_.Delete(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

Result<std::vector<Invitation>> InvitationService::List(const WorkspaceAccess& access) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  return invitations_.List(access.workspace.id);
}

Result<Invitation> InvitationService::OpenByToken(std::string_view token,
                                                  const std::string& client_address) {
  if (auto d = per_address_.Consume("ip:" + client_address); !d.allowed) return RateLimitedError(d);
  if (token.empty()) return Error::Field("token", FieldIssue::kRequired);
  if (token.size() > kMaxTokenLength) {
    return Error::Field("token", FieldIssue::kTooLong, kMaxTokenLength);
  }
  auto invitation = invitations_.FindByToken(crypto_.Sha256Hex(token));
  if (!invitation || invitation->expires_at <= clock_.Now()) {
    return Error::Of(ErrorCode::kLinkExpired);
  }
  return std::move(*invitation);
}

Result<InvitationDetails> InvitationService::Lookup(std::string_view token,
                                                    const std::string& client_address) {
  auto invitation = OpenByToken(token, client_address);
  if (!invitation) return std::move(invitation).error();
  auto workspaces = workspaces_.FindById(invitation->workspace_id);
  if (!workspaces) return Error::Of(ErrorCode::kLinkExpired);
  return InvitationDetails{.workspace_name = workspaces->name,
                           .workspace_slug = workspaces->slug,
                           .role = invitation->role,
                           .email = invitation->email,
                           .inviter_name = invitation->invited_by_name,
                           .language = invitation->language,
                           .expires_at = invitation->expires_at,
                           .account_exists = users_.FindByEmail(invitation->email).has_value()};
}

Result<LoginResult> InvitationService::Accept(const Acceptance& input, const ClientInfo& client) {
  auto invitation = OpenByToken(input.token, client.address);
  if (!invitation) return std::move(invitation).error();
  const std::string token_hash = crypto_.Sha256Hex(input.token);
  std::optional<User> user;
  if (users_.FindByEmail(invitation->email)) {
    // The address has an account: its password proves it is the same person.
    auto checked = accounts_.CheckLogin(invitation->email, input.password, client.address);
    if (!checked) {
      if (checked.error().code == ErrorCode::kInvalidCredentials) {
        return Error::Field("password", FieldIssue::kWrongPassword);
      }
      return std::move(checked).error();
    }
    user = std::move(*checked);
  } else {
    FieldErrors errors;
    auto name = CheckText("name", input.name, kNameRule, errors);
    CheckPassword("password", input.password, errors);
    if (!errors.empty()) return std::move(errors).ToError();
    User fresh{.email = invitation->email,
               .name = *name,
               .created_at = clock_.Now(),
               .language = invitation->language};
    auto created = users_.Create(fresh, crypto_.HashPassword(input.password));
    if (!created) return std::move(created).error();
    user = std::move(*created);
  }
  if (auto accepted = invitations_.Accept(token_hash, user->id, clock_.Now()); !accepted) {
    return std::move(accepted).error();
  }
  return accounts_.StartSession(*user, client);
}

}  // namespace aantafel::core::accounts

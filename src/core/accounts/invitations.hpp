#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/accounts/service.hpp"
#include "core/mail.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"

namespace aantafel::core::accounts {

struct InvitationPolicy {
  std::chrono::hours valid{24 * 7};
  /// Invitations (new and re-sent) per workspace: enough for a team, not for spamming.
  RateLimit per_workspace{.attempts = 50, .period = std::chrono::seconds(3600)};
  /// Look-ups and acceptances of invitation links from one address.
  RateLimit links_per_address{.attempts = 30, .period = std::chrono::seconds(900)};
};

/// An invitation just stored. `link` is set only when the e-mail did not leave (no mail relay
/// configured, or it refused): the owner then passes the link on personally.
struct InvitationSent {
  Invitation invitation;
  bool mailed = false;
  std::string link;
};

/// What the person holding an invitation link sees before accepting.
struct InvitationDetails {
  std::string workspace_name;
  std::string workspace_slug;
  Role role = Role::kViewer;
  std::string email;
  std::string inviter_name;
  Language language = Language::kDutch;
  Instant expires_at{};
  bool account_exists = false;  ///< shown only to the holder of the link (the address's owner)
};

/// What the invitee sends to accept: a name and a new password for a new account, or the
/// password of the existing account of the invited address.
struct Acceptance {
  std::string token;
  std::string name;
  std::string password;
};

/// Use cases of inviting colleagues: owners invite by e-mail with a role; the invitee accepts
/// through a single-use, expiring link. Inviting never tells the owner whether the address has an
/// account, and nobody becomes a member without following the link.
class InvitationService {
 public:
  /// `mailer` may be null (no relay configured); `app_url` is the public address links start with.
  InvitationService(InvitationRepository& invitations, UserRepository& users,
                    WorkspaceRepository& workspaces, AccountsService& accounts, Crypto& crypto,
                    Random& random, const Clock& clock, Mailer* mailer, std::string app_url,
                    InvitationPolicy policy = {});

  Result<InvitationSent> Invite(const WorkspaceAccess& access, std::string_view email,
                                std::string_view role, std::optional<std::string_view> language);
  /// A new link and expiry for an open invitation, mailed again.
  Result<InvitationSent> Resend(const WorkspaceAccess& access, std::int64_t id);
  Status Withdraw(const WorkspaceAccess& access, std::int64_t id);
  Result<std::vector<Invitation>> List(const WorkspaceAccess& access);

  /// kLinkExpired for an unknown, used, withdrawn or expired link.
  Result<InvitationDetails> Lookup(std::string_view token, const std::string& client_address);
  /// Accepts and signs the invitee in; the membership and the session start together.
  Result<LoginResult> Accept(const Acceptance& input, const ClientInfo& client);

  /// The page that accepts an invitation, with its secret in the fragment (never sent to a
  /// server, so it stays out of logs and Referer headers).
  [[nodiscard]] std::string LinkFor(std::string_view token) const;
  /// The clock's time (to mark expired invitations in listings).
  [[nodiscard]] Instant Now() const { return clock_.Now(); }

 private:
  Result<InvitationSent> Send(const Workspace& workspace, Invitation invitation,
                              const std::string& token, std::int64_t inviter_id);
  Result<Invitation> OpenByToken(std::string_view token, const std::string& client_address);

  InvitationRepository& invitations_;
  UserRepository& users_;
  WorkspaceRepository& workspaces_;
  AccountsService& accounts_;
  Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  Mailer* mailer_;
  std::string app_url_;
  InvitationPolicy policy_;
  RateLimiter per_workspace_;
  RateLimiter per_address_;
};

}  // namespace aantafel::core::accounts

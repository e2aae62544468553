#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/accounts/service.hpp"
#include "core/field_cipher.hpp"
#include "core/random.hpp"
#include "core/result.hpp"

namespace aantafel::core::accounts {

// Single sign-on with OpenID Connect (decision 38). The app layer speaks to the provider
// (discovery, code exchange, signature check against its keys); core decides what a verified
// ID token means: whose it is, whether they may sign in, and their workspace roles.

/// How this instance trusts its provider ([sso] in the configuration).
struct SsoSettings {
  std::string issuer;     ///< exactly as the provider writes `iss`
  std::string client_id;  ///< the `aud` the tokens must be for
  /// E-mail domains whose people get an account on first sign-in ("zorg-west.nl"); people of
  /// other domains sign in only when an account or an invitation for their address exists.
  std::vector<std::string> allowed_domains;
  std::string roles_claim = "groups";  ///< "groups" or "roles": what the role mapping reads
  /// When set, `amr` must contain this value (e.g. "mfa"); Entra ID v2 tokens carry no `amr`:
  /// use Conditional Access there (docs/operations.md).
  std::string required_amr;
  std::chrono::seconds clock_skew{120};
};

/// What a verified, valid ID token says about the person.
struct SsoIdentity {
  std::string issuer;
  std::string subject;
  std::string email;  ///< normalised
  std::string name;
  std::vector<std::string> groups;  ///< from SsoSettings::roles_claim
  std::vector<std::string> amr;
};

/// Checks an ID token's claims (its signature was checked before): issuer, audience (and `azp`
/// when there are several), expiry, not-before and issued-at with the allowed skew, nonce, a
/// subject and an e-mail address (`email`, else an address-like `preferred_username` or `upn`, as
/// Entra ID sends). `email_verified: false` and a group "overage" (Entra ID's `_claim_names`
/// instead of the list) are refused, as is a missing `required_amr`. Errors: kSsoRefused with
/// `detail` naming the reason (for logs and the page that explains it).
Result<SsoIdentity> ValidateIdToken(std::string_view payload_json, const SsoSettings& settings,
                                    std::string_view expected_nonce, Instant now);

/// The outcome of a single sign-on.
struct SsoSignIn {
  LoginResult login;
  bool account_created = false;
  std::string return_to;  ///< the page to open next (a path on this server)
};

/// The start of a sign-in: the browser goes to `redirect_url`, with `cookie` (sealed, short-
/// lived) holding state, nonce, PKCE verifier, return page and invitation until it comes back.
struct SsoStart {
  std::string redirect_url;
  std::string cookie;
};

class SsoService {
 public:
  /// `provider` may be null: single sign-on is not configured on this instance.
  SsoService(SsoRepository& repository, UserRepository& users, WorkspaceRepository& workspaces,
             AccountsService& accounts, InvitationRepository& invitations, Crypto& crypto,
             FieldCipher& cipher, Random& random, const Clock& clock, OidcProvider* provider,
             SsoSettings settings);

  [[nodiscard]] const SsoSettings& settings() const { return settings_; }
  [[nodiscard]] bool enabled() const { return provider_ != nullptr; }

  /// Begins a sign-in. `return_to` must be a path on this server ("/w/…"; anything else becomes
  /// "/"); `invitation_token` is accepted after signing in when given.
  Result<SsoStart> Start(std::string_view return_to, std::string_view invitation_token);
  /// Completes a sign-in when the provider sends the browser back. `cookie` is SsoStart's,
  /// `iss` the callback's issuer parameter (RFC 9207; may be empty), `error` the provider's
  /// error parameter. Errors: kSsoRefused (detail says why), kUnavailable, kLinkExpired.
  Result<SsoSignIn> Finish(std::string_view cookie, std::string_view state, std::string_view code,
                           std::string_view iss, std::string_view error, const ClientInfo& client);

  /// Signs in the person behind a valid identity: the linked account, else the account with
  /// the same address (linked from now on), else a new account when the address's domain is
  /// allowed or an invitation for it is presented. Workspace roles follow the mappings; an
  /// invitation (its secret) is accepted on the way. Errors: kSsoRefused (detail:
  /// "domain_not_allowed", "invitation_other_address"), kLinkExpired for a stale invitation.
  Result<SsoSignIn> SignIn(const SsoIdentity& identity, const ClientInfo& client,
                           std::string_view invitation_token);

  Result<WorkspaceSso> Load(const WorkspaceAccess& access);
  Result<WorkspaceSso> Save(const WorkspaceAccess& access, bool sso_only,
                            const std::vector<std::pair<std::string, std::string>>& mappings);

 private:
  void ApplyMappings(std::int64_t user_id, const std::vector<std::string>& groups);

  SsoRepository& repository_;
  FieldCipher& cipher_;
  Random& random_;
  OidcProvider* provider_;
  UserRepository& users_;
  WorkspaceRepository& workspaces_;
  AccountsService& accounts_;
  InvitationRepository& invitations_;
  Crypto& crypto_;
  const Clock& clock_;
  SsoSettings settings_;
};

}  // namespace aantafel::core::accounts

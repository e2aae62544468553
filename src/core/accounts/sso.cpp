#include "core/accounts/sso.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/validation.hpp"

namespace aantafel::core::accounts {

namespace {

Error Refused(std::string reason) {
  Error e = Error::Of(ErrorCode::kSsoRefused);
  e.detail = std::move(reason);
  return e;
}

std::optional<std::int64_t> Seconds(const nlohmann::json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) return std::nullopt;
  return static_cast<std::int64_t>(it->get<double>());
}

std::string StringClaim(const nlohmann::json& claims, const char* name) {
  auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> StringList(const nlohmann::json& claims, const std::string& name) {
  std::vector<std::string> out;
  auto it = claims.find(name);
  if (it == claims.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::string DomainOf(std::string_view email) {
  const auto at = email.rfind('@');
  return at == std::string_view::npos ? std::string() : std::string(email.substr(at + 1));
}

}  // namespace

Result<SsoIdentity> ValidateIdToken(std::string_view payload_json, const SsoSettings& settings,
                                    std::string_view expected_nonce, Instant now) {
  const auto claims = nlohmann::json::parse(payload_json, nullptr, false);
  if (!claims.is_object()) return Refused("token_unreadable");
  if (StringClaim(claims, "iss") != settings.issuer) return Refused("wrong_issuer");
  const auto audiences = StringList(claims, "aud");
  if (std::find(audiences.begin(), audiences.end(), settings.client_id) == audiences.end()) {
    return Refused("wrong_audience");
  }
  if (audiences.size() > 1 && StringClaim(claims, "azp") != settings.client_id) {
    return Refused("wrong_audience");
  }
  const std::int64_t now_s =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const std::int64_t skew = settings.clock_skew.count();
  const auto exp = Seconds(claims, "exp");
  const auto iat = Seconds(claims, "iat");
  if (!exp || *exp + skew <= now_s) return Refused("token_expired");
  if (!iat || *iat - skew > now_s) return Refused("token_not_yet_valid");
  if (const auto nbf = Seconds(claims, "nbf"); nbf && *nbf - skew > now_s) {
    return Refused("token_not_yet_valid");
  }
  if (expected_nonce.empty() || StringClaim(claims, "nonce") != expected_nonce) {
    return Refused("wrong_nonce");
  }
  SsoIdentity identity{.issuer = settings.issuer, .subject = StringClaim(claims, "sub")};
  if (identity.subject.empty()) return Refused("no_subject");

  if (auto verified = claims.find("email_verified");
      verified != claims.end() && verified->is_boolean() && !verified->get<bool>()) {
    return Refused("email_not_verified");
  }
  FieldErrors ignored;
  for (const char* name : {"email", "preferred_username", "upn"}) {
    if (auto email = CheckEmail("email", StringClaim(claims, name), ignored)) {
      identity.email = *email;
      break;
    }
  }
  if (identity.email.empty()) return Refused("no_email");
  identity.name = StringClaim(claims, "name");
  if (identity.name.empty()) identity.name = identity.email.substr(0, identity.email.find('@'));

  // Entra ID leaves the list out when a person is in more than 200 groups ("overage") and
  // points to Microsoft Graph instead; guessing roles without the list would be wrong.
  if (auto names = claims.find("_claim_names");
      names != claims.end() && names->is_object() && names->contains(settings.roles_claim)) {
    return Refused("groups_overage");
  }
  identity.groups = StringList(claims, settings.roles_claim);
  identity.amr = StringList(claims, "amr");
  if (!settings.required_amr.empty() && std::find(identity.amr.begin(), identity.amr.end(),
                                                  settings.required_amr) == identity.amr.end()) {
    return Refused("mfa_required");
  }
  return identity;
}

SsoService::SsoService(SsoRepository& repository, UserRepository& users,
                       WorkspaceRepository& workspaces, AccountsService& accounts,
                       InvitationRepository& invitations, Crypto& crypto, FieldCipher& cipher,
                       Random& random, const Clock& clock, OidcProvider* provider,
                       SsoSettings settings)
    : repository_(repository),
      cipher_(cipher),
      random_(random),
      provider_(provider),
      users_(users),
      workspaces_(workspaces),
      accounts_(accounts),
      invitations_(invitations),
      crypto_(crypto),
      clock_(clock),
      settings_(std::move(settings)) {}

namespace {

constexpr std::string_view kCookieContext = "sso-login";
constexpr std::int64_t kLoginMinutes = 10;

/// Only a path on this server: "/x", never "//host" or "/\\host" (a browser reads both as
/// another site), and nothing with control characters.
std::string SafeReturnPath(std::string_view path) {
  if (path.empty() || path.size() > 512 || path[0] != '/' || path.starts_with("//") ||
      path.starts_with("/\\")) {
    return "/";
  }
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return std::string(path);
}

}  // namespace

Result<SsoStart> SsoService::Start(std::string_view return_to, std::string_view invitation_token) {
  if (provider_ == nullptr) return Error::Of(ErrorCode::kNotFound);
  const std::string state = RandomToken(random_);
  const std::string nonce = RandomToken(random_);
  const std::string verifier = RandomToken(random_);
  // PKCE S256: the challenge is base64url(SHA-256(verifier)).
  const std::string hex = crypto_.Sha256Hex(verifier);
  std::vector<unsigned char> digest;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    digest.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  auto url =
      provider_->AuthorizationUrl(state, nonce, Base64Url(digest), !invitation_token.empty());
  if (!url) return std::move(url).error();
  const nlohmann::json login = {
      {"state", state},
      {"nonce", nonce},
      {"verifier", verifier},
      {"return_to", SafeReturnPath(return_to)},
      {"invitation", std::string(invitation_token.substr(0, 200))},
      {"at",
       std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count()}};
  return SsoStart{.redirect_url = std::move(*url),
                  .cookie = cipher_.Seal(login.dump(), kCookieContext)};
}

Result<SsoSignIn> SsoService::Finish(std::string_view cookie, std::string_view state,
                                     std::string_view code, std::string_view iss,
                                     std::string_view error, const ClientInfo& client) {
  if (provider_ == nullptr) return Error::Of(ErrorCode::kNotFound);
  const auto opened = cookie.empty() ? std::nullopt : cipher_.Open(cookie, kCookieContext);
  if (!opened) return Refused("no_login_in_progress");
  const auto login = nlohmann::json::parse(*opened, nullptr, false);
  if (!login.is_object()) return Refused("no_login_in_progress");
  const std::int64_t started = login.value("at", std::int64_t{0});
  const std::int64_t now_s =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count();
  if (now_s - started > kLoginMinutes * 60) return Refused("login_took_too_long");
  // The state binds the answer to this browser's own request (no login CSRF).
  const std::string expected_state = login.value("state", "");
  if (state.empty() || expected_state.size() != state.size() ||
      !crypto_.Equal(expected_state, state)) {
    return Refused("wrong_state");
  }
  if (!error.empty()) {
    Error e = Refused("provider_error");
    e.detail += ": " + std::string(error.substr(0, 100));
    return e;
  }
  if (!iss.empty() && iss != settings_.issuer) return Refused("wrong_issuer");
  if (code.empty()) return Refused("no_code");
  auto payload = provider_->RedeemCode(code, login.value("verifier", ""));
  if (!payload) return std::move(payload).error();
  auto identity = ValidateIdToken(*payload, settings_, login.value("nonce", ""), clock_.Now());
  if (!identity) return std::move(identity).error();
  auto signed_in = SignIn(*identity, client, login.value("invitation", ""));
  if (!signed_in) return std::move(signed_in).error();
  signed_in->return_to = SafeReturnPath(login.value("return_to", "/"));
  return signed_in;
}

Result<SsoSignIn> SsoService::SignIn(const SsoIdentity& identity, const ClientInfo& client,
                                     std::string_view invitation_token) {
  const Instant now = clock_.Now();
  std::optional<Invitation> invitation;
  if (!invitation_token.empty()) {
    invitation = invitations_.FindByToken(crypto_.Sha256Hex(invitation_token));
    if (!invitation || invitation->expires_at <= now) return Error::Of(ErrorCode::kLinkExpired);
    if (invitation->email != identity.email) return Refused("invitation_other_address");
  }
  SsoSignIn result;
  std::optional<User> user;
  if (auto linked = repository_.FindUser(identity.issuer, identity.subject)) {
    user = users_.FindById(*linked);
  }
  if (!user) {
    if (auto existing = users_.FindByEmail(identity.email)) {
      user = existing->user;
    } else {
      const std::string domain = DomainOf(identity.email);
      const bool allowed =
          std::find(settings_.allowed_domains.begin(), settings_.allowed_domains.end(), domain) !=
          settings_.allowed_domains.end();
      if (!allowed && !invitation) return Refused("domain_not_allowed");
      // No password: this account signs in with single sign-on (or sets one by reset).
      User fresh{.email = identity.email,
                 .name = TruncateUtf8(identity.name, 200),
                 .created_at = now,
                 .language = invitation ? invitation->language : Language::kDutch};
      auto created = users_.Create(fresh, "!sso");
      if (!created) return std::move(created).error();
      user = std::move(*created);
      result.account_created = true;
    }
    repository_.Link(identity.issuer, identity.subject, user->id, now);
  }
  if (invitation) {
    if (auto accepted = invitations_.Accept(crypto_.Sha256Hex(invitation_token), user->id, now);
        !accepted) {
      return std::move(accepted).error();
    }
  }
  ApplyMappings(user->id, identity.groups);
  result.login = accounts_.StartSession(*user, client, /*sso=*/true);
  return result;
}

void SsoService::ApplyMappings(std::int64_t user_id, const std::vector<std::string>& groups) {
  const Instant now = clock_.Now();
  for (const auto& [workspace_id, mappings] : repository_.AllMappings()) {
    std::optional<Role> best;
    for (const auto& m : mappings) {
      if (std::find(groups.begin(), groups.end(), m.group) == groups.end()) continue;
      // Owner before editor before viewer (the enum's order).
      if (!best || static_cast<int>(m.role) < static_cast<int>(*best)) best = m.role;
    }
    if (best) {
      (void)repository_.GrantMapped(workspace_id, user_id, *best, now);
    } else {
      repository_.RevokeMapped(workspace_id, user_id);
    }
  }
}

Result<WorkspaceSso> SsoService::Load(const WorkspaceAccess& access) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  return repository_.Load(access.workspace.id);
}

Result<WorkspaceSso> SsoService::Save(
    const WorkspaceAccess& access, bool sso_only,
    const std::vector<std::pair<std::string, std::string>>& mappings) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  constexpr TextRule kGroupRule{.min_chars = 1, .max_chars = 256};
  FieldErrors errors;
  WorkspaceSso settings{.sso_only = sso_only};
  std::map<std::string, bool> seen;
  for (std::size_t i = 0; i < mappings.size(); ++i) {
    const std::string at = "mappings[" + std::to_string(i) + "]";
    auto group = CheckText(at + ".group", mappings[i].first, kGroupRule, errors);
    auto role = ParseRole(mappings[i].second);
    if (!role) errors.Add(at + ".role", FieldIssue::kInvalidChoice);
    if (group && seen[*group]) errors.Add(at + ".group", FieldIssue::kDuplicate);
    if (group) seen[*group] = true;
    if (group && role) settings.mappings.push_back({.group = *group, .role = *role});
  }
  if (!errors.empty()) return std::move(errors).ToError();
  repository_.Save(access.workspace.id, settings);
  return settings;
}

}  // namespace aantafel::core::accounts

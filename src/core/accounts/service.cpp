#include "core/accounts/service.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace aantafel::core::accounts {

namespace {

constexpr TextRule kLabelRule{.min_chars = 0, .max_chars = 100};
/// A session's public id: the first characters of its token hash (never the secret).
constexpr std::size_t kSessionIdLength = 16;

std::optional<Role> CheckRole(std::string_view value, FieldErrors& errors) {
  auto role = ParseRole(value);
  if (!role) errors.Add("role", FieldIssue::kInvalidChoice);
  return role;
}

/// Header text as stored and shown: printable ASCII only (anything else becomes '?'), cut.
std::string PrintableAscii(std::string_view text, std::size_t max) {
  std::string out;
  for (const char c : text.substr(0, max)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out;
}

}  // namespace

AccountsService::AccountsService(UserRepository& users, WorkspaceRepository& workspaces,
                                 CredentialRepository& credentials, Crypto& crypto, Random& random,
                                 const Clock& clock, AccountsPolicy policy)
    : users_(users),
      workspaces_(workspaces),
      credentials_(credentials),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      policy_(policy),
      per_ip_(clock, policy.login_per_ip),
      per_pair_(clock, policy.login_failures_per_account_and_address),
      per_address_(clock, policy.login_failures_per_address) {}

Result<User> AccountsService::AddUser(const NewUser& input) {
  FieldErrors errors;
  auto email = CheckEmail("email", input.email, errors);
  auto name = CheckText("name", input.name, kNameRule, errors);
  CheckPassword("password", input.password, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  User user{.email = *email, .name = *name, .created_at = clock_.Now()};
  return users_.Create(user, crypto_.HashPassword(input.password));
}

Result<User> AccountsService::EnsureUser(const NewUser& input) {
  FieldErrors errors;
  auto email = CheckEmail("email", input.email, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  if (auto existing = users_.FindByEmail(*email)) {
    if (auto reset = SetPassword(*email, input.password); !reset) return std::move(reset).error();
    return existing->user;
  }
  return AddUser(input);
}

Status AccountsService::SetPassword(std::string_view email, std::string_view password) {
  FieldErrors errors;
  auto normalised = CheckEmail("email", email, errors);
  CheckPassword("password", password, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  auto user = users_.FindByEmail(*normalised);
  if (!user) return Error::Field("email", FieldIssue::kNoSuchUser);
  users_.SetPasswordHash(user->user.id, crypto_.HashPassword(password));
  credentials_.DeleteSessionsOfUser(user->user.id);
  credentials_.DeletePasswordResetsOfUser(user->user.id);
  return Ok{};
}

Status AccountsService::ReplacePassword(std::int64_t user_id, std::string_view password) {
  FieldErrors errors;
  CheckPassword("password", password, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  if (!users_.SetPasswordHash(user_id, crypto_.HashPassword(password))) {
    return Error::Of(ErrorCode::kNotFound);
  }
  credentials_.DeleteSessionsOfUser(user_id);
  credentials_.DeletePasswordResetsOfUser(user_id);
  return Ok{};
}

Result<User> AccountsService::UpdateProfile(const Principal& principal,
                                            std::optional<std::string_view> name,
                                            std::optional<std::string_view> language) {
  FieldErrors errors;
  User user = principal.user;
  if (name) {
    if (auto checked = CheckText("name", *name, kNameRule, errors)) user.name = *checked;
  }
  if (language) {
    if (auto parsed = ParseLanguageTag(*language)) {
      user.language = *parsed;
    } else {
      errors.Add("language", FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  if (!users_.UpdateProfile(user.id, user.name, user.language)) {
    return Error::Of(ErrorCode::kUnauthenticated);
  }
  return user;
}

Status AccountsService::ChangePassword(const Principal& principal, std::string_view session_token,
                                       std::string_view current_password,
                                       std::string_view new_password,
                                       const std::string& client_ip) {
  FieldErrors errors;
  if (current_password.empty()) errors.Add("current_password", FieldIssue::kRequired);
  CheckPassword("new_password", new_password, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  // The same limits as a login: a stolen session cannot be used to guess the password.
  auto checked = CheckLogin(principal.user.email, current_password, client_ip);
  if (!checked) {
    if (checked.error().code == ErrorCode::kInvalidCredentials) {
      return Error::Field("current_password", FieldIssue::kWrongPassword);
    }
    return std::move(checked).error();
  }
  users_.SetPasswordHash(principal.user.id, crypto_.HashPassword(new_password));
  credentials_.DeleteOtherSessions(principal.user.id, crypto_.Sha256Hex(session_token));
  credentials_.DeletePasswordResetsOfUser(principal.user.id);
  return Ok{};
}

std::vector<SessionInfo> AccountsService::ListSessions(const Principal& principal,
                                                       std::string_view session_token) {
  const std::string current = session_token.empty() ? "" : crypto_.Sha256Hex(session_token);
  std::vector<SessionInfo> out;
  for (const Session& s : credentials_.ListSessions(principal.user.id, clock_.Now())) {
    out.push_back({.id = s.token_hash.substr(0, kSessionIdLength),
                   .created_at = s.created_at,
                   .expires_at = s.expires_at,
                   .user_agent = s.user_agent,
                   .address = s.address,
                   .current = s.token_hash == current,
                   .sso = s.sso});
  }
  return out;
}

Status AccountsService::EndSession(const Principal& principal, std::string_view id) {
  if (id.size() != kSessionIdLength ||
      id.find_first_not_of("0123456789abcdef") != std::string_view::npos ||
      !credentials_.DeleteSessionById(principal.user.id, id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

std::vector<SignInEvent> AccountsService::SignInHistory(const Principal& principal) {
  return credentials_.SignIns(principal.user.id);
}

std::int64_t AccountsService::EndOtherSessions(const Principal& principal,
                                               std::string_view session_token) {
  return credentials_.DeleteOtherSessions(
      principal.user.id, session_token.empty() ? "" : crypto_.Sha256Hex(session_token));
}

Result<Workspace> AccountsService::CreateWorkspace(const NewWorkspace& input,
                                                   std::string_view owner_email) {
  FieldErrors errors;
  auto slug = CheckSlug("slug", input.slug, errors);
  auto name = CheckText("name", input.name, kNameRule, errors);
  auto kind = ParseWorkspaceKind(input.kind);
  if (!kind) errors.Add("kind", FieldIssue::kInvalidChoice);
  auto email = CheckEmail("owner", owner_email, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  auto owner = users_.FindByEmail(*email);
  if (!owner) return Error::Field("owner", FieldIssue::kNoSuchUser);
  Workspace workspace{.slug = *slug, .name = *name, .kind = *kind, .created_at = clock_.Now()};
  return workspaces_.Create(workspace, owner->user.id);
}

Result<User> AccountsService::CheckLogin(std::string_view email, std::string_view password,
                                         const std::string& client_ip,
                                         std::string_view user_agent) {
  const RateDecision ip = per_ip_.Consume("ip:" + client_ip);
  if (!ip.allowed) return RateLimitedError(ip);
  FieldErrors errors;
  auto normalised = CheckEmail("email", email, errors);
  if (password.empty()) errors.Add("password", FieldIssue::kRequired);
  if (password.size() > kMaxPasswordLength) {
    errors.Add("password", FieldIssue::kTooLong, kMaxPasswordLength);
  }
  if (!errors.empty()) return std::move(errors).ToError();

  // Failures count per (account, address) and per address, never per account alone: a guesser
  // elsewhere cannot lock the owner out (decision 35).
  const std::string pair_key = *normalised + "|" + client_ip;
  const std::string address_key = client_ip;
  auto record = [&](std::int64_t user_id, SignInEvent::Outcome outcome) {
    credentials_.RecordSignIn(user_id, {.at = clock_.Now(),
                                        .outcome = outcome,
                                        .address = PrintableAscii(client_ip, 64),
                                        .user_agent = PrintableAscii(user_agent, 300)});
  };
  for (RateDecision d : {per_pair_.Check(pair_key), per_address_.Check(address_key)}) {
    if (!d.allowed) {
      if (auto known = users_.FindByEmail(*normalised)) {
        record(known->user.id, SignInEvent::Outcome::kRateLimited);
      }
      return RateLimitedError(d);
    }
  }
  auto failed = [&] {
    per_pair_.Consume(pair_key);
    per_address_.Consume(address_key);
    return Error::Of(ErrorCode::kInvalidCredentials);
  };

  auto credentials = users_.FindByEmail(*normalised);
  if (!credentials) {
    // Spend the same effort as for a real account, so response time does not reveal accounts.
    std::call_once(dummy_once_,
                   [this] { dummy_hash_ = crypto_.HashPassword("not-a-real-password-0"); });
    (void)crypto_.VerifyPassword(dummy_hash_, password);
    return failed();
  }
  if (!crypto_.VerifyPassword(credentials->password_hash, password)) {
    record(credentials->user.id, SignInEvent::Outcome::kWrongPassword);
    return failed();
  }
  per_pair_.Reset(pair_key);
  record(credentials->user.id, SignInEvent::Outcome::kSignedIn);
  return credentials->user;
}

Result<LoginResult> AccountsService::Login(std::string_view email, std::string_view password,
                                           const std::string& client_ip,
                                           std::string_view user_agent) {
  auto user = CheckLogin(email, password, client_ip, user_agent);
  if (!user) return std::move(user).error();
  return StartSession(*user, {.address = client_ip, .user_agent = std::string(user_agent)});
}

LoginResult AccountsService::StartSession(const User& user, const ClientInfo& client, bool sso) {
  const Instant now = clock_.Now();
  LoginResult result;
  result.token = RandomToken(random_);
  result.session = Session{.token_hash = crypto_.Sha256Hex(result.token),
                           .user_id = user.id,
                           .csrf_token = RandomToken(random_),
                           .created_at = now,
                           .expires_at = now + policy_.session_ttl,
                           .user_agent = PrintableAscii(client.user_agent, 300),
                           .address = PrintableAscii(client.address, 64),
                           .sso = sso};
  result.user = user;
  if (sso) {
    credentials_.RecordSignIn(user.id, {.at = now,
                                        .outcome = SignInEvent::Outcome::kSingleSignOn,
                                        .address = result.session.address,
                                        .user_agent = result.session.user_agent});
  }
  credentials_.DeleteExpiredSessions(now);  // keeps the table small without a background job
  credentials_.CreateSession(result.session);
  return result;
}

void AccountsService::Logout(std::string_view session_token) {
  if (session_token.empty()) return;
  credentials_.DeleteSession(crypto_.Sha256Hex(session_token));
}

Result<Principal> AccountsService::AuthenticateSession(std::string_view session_token) {
  if (session_token.empty()) return Error::Of(ErrorCode::kUnauthenticated);
  const std::string hash = crypto_.Sha256Hex(session_token);
  auto session = credentials_.FindSession(hash);
  if (!session) return Error::Of(ErrorCode::kUnauthenticated);
  if (session->expires_at <= clock_.Now()) {
    credentials_.DeleteSession(hash);
    return Error::Of(ErrorCode::kUnauthenticated);
  }
  auto user = users_.FindById(session->user_id);
  if (!user) return Error::Of(ErrorCode::kUnauthenticated);
  return Principal{.user = std::move(*user),
                   .via = Principal::Via::kSession,
                   .csrf_token = session->csrf_token,
                   .workspace_id = std::nullopt,
                   .sso = session->sso};
}

Result<Principal> AccountsService::AuthenticateToken(std::string_view bearer_token) {
  if (bearer_token.empty()) return Error::Of(ErrorCode::kUnauthenticated);
  auto token = credentials_.FindApiToken(crypto_.Sha256Hex(bearer_token));
  if (!token) return Error::Of(ErrorCode::kUnauthenticated);
  auto user = users_.FindById(token->user_id);
  if (!user) return Error::Of(ErrorCode::kUnauthenticated);
  return Principal{.user = std::move(*user),
                   .via = Principal::Via::kApiToken,
                   .csrf_token = {},
                   .workspace_id = token->workspace_id};
}

Result<IssuedToken> AccountsService::Issue(const User& user, const Workspace& workspace,
                                           std::string_view label) {
  FieldErrors errors;
  auto checked_label = CheckText("label", label, kLabelRule, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  IssuedToken issued;
  issued.secret = "aat_" + RandomToken(random_);
  issued.info.user = user;
  issued.info.token = ApiToken{.token_hash = crypto_.Sha256Hex(issued.secret),
                               .user_id = user.id,
                               .workspace_id = workspace.id,
                               .label = *checked_label,
                               .created_at = clock_.Now()};
  issued.info.token.id = credentials_.CreateApiToken(issued.info.token);
  return issued;
}

Result<std::string> AccountsService::CreateApiToken(std::string_view user_email,
                                                    std::string_view workspace_slug,
                                                    std::string_view label) {
  FieldErrors errors;
  auto email = CheckEmail("user", user_email, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  auto user = users_.FindByEmail(*email);
  if (!user) return Error::Field("user", FieldIssue::kNoSuchUser);
  auto workspace = workspaces_.FindBySlug(workspace_slug);
  if (!workspace || !workspaces_.FindRole(workspace->id, user->user.id)) {
    return Error::Field("workspace", FieldIssue::kInvalidChoice);
  }
  auto issued = Issue(user->user, *workspace, label);
  if (!issued) return std::move(issued).error();
  return std::move(issued->secret);
}

Result<std::vector<ApiTokenInfo>> AccountsService::ListApiTokens(const WorkspaceAccess& access) {
  const auto only = CanManage(access.role) ? std::nullopt : std::optional(access.user_id);
  return credentials_.ListApiTokens(access.workspace.id, only);
}

Result<IssuedToken> AccountsService::IssueApiToken(const WorkspaceAccess& access,
                                                   std::string_view label) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  auto user = users_.FindById(access.user_id);
  if (!user) return Error::Of(ErrorCode::kUnauthenticated);
  return Issue(*user, access.workspace, label);
}

Status AccountsService::RevokeApiToken(const WorkspaceAccess& access, std::int64_t token_id) {
  const auto only = CanManage(access.role) ? std::nullopt : std::optional(access.user_id);
  if (!credentials_.DeleteApiToken(access.workspace.id, token_id, only)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return Ok{};
}

std::vector<WorkspaceMembership> AccountsService::VisibleWorkspaces(const Principal& principal) {
  auto all = workspaces_.ListForUser(principal.user.id);
  if (principal.workspace_id) {
    std::erase_if(all, [&](const WorkspaceMembership& m) {
      return m.workspace.id != *principal.workspace_id;
    });
  }
  return all;
}

Result<WorkspaceAccess> AccountsService::OpenWorkspace(const Principal& principal,
                                                       std::string_view slug) {
  // A non-member gets the same answer as for a workspace that does not exist.
  auto workspace = workspaces_.FindBySlug(slug);
  if (!workspace) return Error::Of(ErrorCode::kNotFound);
  if (principal.workspace_id && *principal.workspace_id != workspace->id) {
    return Error::Of(ErrorCode::kNotFound);
  }
  auto role = workspaces_.FindRole(workspace->id, principal.user.id);
  if (!role) return Error::Of(ErrorCode::kNotFound);
  // A password session of a member does not open a workspace that asks for single sign-on;
  // scripts with the workspace's API tokens still work (owners manage those).
  if (workspace->sso_only && principal.via == Principal::Via::kSession && !principal.sso) {
    return Error::Of(ErrorCode::kSsoRequired);
  }
  return WorkspaceAccess{
      .workspace = std::move(*workspace), .role = *role, .user_id = principal.user.id};
}

Result<WorkspaceAccess> AccountsService::OperatorAccess(std::string_view slug) {
  auto workspace = workspaces_.FindBySlug(slug);
  if (!workspace) return Error::Of(ErrorCode::kNotFound);
  return WorkspaceAccess{.workspace = std::move(*workspace), .role = Role::kOwner, .user_id = 0};
}

std::vector<WorkspaceAccess> AccountsService::OperatorAccessToAll() {
  std::vector<WorkspaceAccess> out;
  for (auto& w : workspaces_.All()) {
    out.push_back({.workspace = std::move(w), .role = Role::kOwner, .user_id = 0});
  }
  return out;
}

Result<Workspace> AccountsService::RenameWorkspace(const WorkspaceAccess& access,
                                                   std::string_view name) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto checked = CheckText("name", name, kNameRule, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  if (auto status = workspaces_.Rename(access.workspace.id, *checked); !status) {
    return std::move(status).error();
  }
  Workspace renamed = access.workspace;
  renamed.name = *checked;
  return renamed;
}

Result<std::vector<Member>> AccountsService::ListMembers(const WorkspaceAccess& access) {
  return workspaces_.ListMembers(access.workspace.id);
}

Result<Member> AccountsService::SetRoleChecked(const WorkspaceAccess& access, std::int64_t user_id,
                                               Role role) {
  auto user = users_.FindById(user_id);
  if (!user) return Error::Of(ErrorCode::kNotFound);
  if (auto status = workspaces_.SetRole(access.workspace.id, user_id, role, clock_.Now());
      !status) {
    return std::move(status).error();
  }
  return Member{.user = std::move(*user), .role = role};
}

Result<Member> AccountsService::ChangeRole(const WorkspaceAccess& access, std::int64_t user_id,
                                           std::string_view role) {
  if (!CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  FieldErrors errors;
  auto parsed_role = CheckRole(role, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  if (!workspaces_.FindRole(access.workspace.id, user_id)) return Error::Of(ErrorCode::kNotFound);
  return SetRoleChecked(access, user_id, *parsed_role);
}

Status AccountsService::RemoveMember(const WorkspaceAccess& access, std::int64_t user_id) {
  const bool leaving_self = user_id == access.user_id;
  if (!leaving_self && !CanManage(access.role)) return Error::Of(ErrorCode::kForbidden);
  return workspaces_.RemoveMember(access.workspace.id, user_id);
}

}  // namespace aantafel::core::accounts

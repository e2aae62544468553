#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/accounts/ports.hpp"
#include "core/random.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "core/validation.hpp"

namespace aantafel::core::accounts {

/// A person's (or a workspace's) name: what every form that sets one checks.
inline constexpr TextRule kNameRule{.min_chars = 1, .max_chars = 200};
/// The secrets of invitation and reset links are 43 characters of base64url; a "token" much
/// longer than that is not one and is refused before it is hashed.
inline constexpr std::size_t kMaxTokenLength = 200;

/// Input for a new user, as typed by a person or a script.
struct NewUser {
  std::string email;
  std::string name;
  std::string password;
};

/// Input for a new workspace.
struct NewWorkspace {
  std::string slug;
  std::string name;
  std::string kind = "other";
};

/// A new browser session; `token` is the secret that goes in the cookie, shown only here.
struct LoginResult {
  std::string token;
  Session session;
  User user;
};

/// Tunables of the accounts use cases.
struct AccountsPolicy {
  std::chrono::hours session_ttl{12};
  /// Every attempt from one address (decision 35).
  RateLimit login_per_ip{.attempts = 10, .period = std::chrono::seconds(60)};
  /// Failures for one account from one address: the guesser is stopped, the owner elsewhere not.
  RateLimit login_failures_per_account_and_address{.attempts = 5,
                                                   .period = std::chrono::seconds(900)};
  /// Failures from one address over all accounts (trying many accounts).
  RateLimit login_failures_per_address{.attempts = 20, .period = std::chrono::seconds(900)};
};

/// Use cases around users, workspaces, memberships, sessions and API tokens.
class AccountsService {
 public:
  AccountsService(UserRepository& users, WorkspaceRepository& workspaces,
                  CredentialRepository& credentials, Crypto& crypto, Random& random,
                  const Clock& clock, AccountsPolicy policy = {});

  Result<User> AddUser(const NewUser& input);
  Result<Workspace> CreateWorkspace(const NewWorkspace& input, std::string_view owner_email);

  /// Checks email and password, limited per IP address and per account.
  Result<LoginResult> Login(std::string_view email, std::string_view password,
                            const std::string& client_ip, std::string_view user_agent = {});
  /// Checks a password like Login (with its limits), without starting a session.
  /// Every outcome for an existing account is recorded in its sign-in history.
  Result<User> CheckLogin(std::string_view email, std::string_view password,
                          const std::string& client_ip, std::string_view user_agent = {});
  /// Starts a browser session for a user who proved who they are in another way (an accepted
  /// invitation, a password reset link).
  LoginResult StartSession(const User& user, const ClientInfo& client, bool sso = false);
  void Logout(std::string_view session_token);

  /// The principal behind a session cookie value; kUnauthenticated if unknown or expired.
  Result<Principal> AuthenticateSession(std::string_view session_token);
  /// The principal behind a bearer token; kUnauthenticated if unknown.
  Result<Principal> AuthenticateToken(std::string_view bearer_token);

  /// Creates an API token for a member of a workspace; returns the secret (shown once).
  Result<std::string> CreateApiToken(std::string_view user_email, std::string_view workspace_slug,
                                     std::string_view label);

  /// API tokens in a workspace: owners see all, other members only their own.
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const WorkspaceAccess& access);
  /// Creates a token for the caller in this workspace (owners and editors).
  Result<IssuedToken> IssueApiToken(const WorkspaceAccess& access, std::string_view label);
  /// Revokes a token: owners any in the workspace, others only their own; kNotFound otherwise.
  Status RevokeApiToken(const WorkspaceAccess& access, std::int64_t token_id);

  /// The workspaces the principal may see (a token sees only its own workspace).
  std::vector<WorkspaceMembership> VisibleWorkspaces(const Principal& principal);
  /// Opens a workspace; kNotFound when it does not exist or the principal is not a member.
  Result<WorkspaceAccess> OpenWorkspace(const Principal& principal, std::string_view slug);
  /// The server operator (command line) acting in a workspace as its owner; user_id is 0.
  Result<WorkspaceAccess> OperatorAccess(std::string_view slug);
  /// The operator in every workspace (server-side work such as the Almanak refresh).
  std::vector<WorkspaceAccess> OperatorAccessToAll();

  Result<Workspace> RenameWorkspace(const WorkspaceAccess& access, std::string_view name);
  Result<std::vector<Member>> ListMembers(const WorkspaceAccess& access);
  Result<Member> ChangeRole(const WorkspaceAccess& access, std::int64_t user_id,
                            std::string_view role);
  /// Removes a member (owners), or lets any member leave.
  Status RemoveMember(const WorkspaceAccess& access, std::int64_t user_id);

  /// Replaces a user's password and ends all their sessions.
  Status SetPassword(std::string_view email, std::string_view password);
  /// Sets a new password for a known user (checked), ends all their sessions and open reset
  /// links.
  Status ReplacePassword(std::int64_t user_id, std::string_view password);

  // ---- the caller's own account (profile page) ----

  /// Changes the caller's name and/or language.
  Result<User> UpdateProfile(const Principal& principal, std::optional<std::string_view> name,
                             std::optional<std::string_view> language);
  /// Changes the caller's password after checking the current one (limited like a login from
  /// `client_ip`); ends every other session of the caller and open reset links.
  Status ChangePassword(const Principal& principal, std::string_view session_token,
                        std::string_view current_password, std::string_view new_password,
                        const std::string& client_ip);
  /// The caller's sessions; the one behind `session_token` is marked current.
  std::vector<SessionInfo> ListSessions(const Principal& principal, std::string_view session_token);
  /// Ends one of the caller's sessions by its public id; kNotFound when none matched.
  Status EndSession(const Principal& principal, std::string_view id);
  /// The caller's recent sign-ins and refused attempts, newest first.
  std::vector<SignInEvent> SignInHistory(const Principal& principal);
  /// Ends every session of the caller except the one behind `session_token`; returns how many.
  std::int64_t EndOtherSessions(const Principal& principal, std::string_view session_token);

  /// Ensures a user exists with exactly this password (used by `aantafel demo`); idempotent.
  Result<User> EnsureUser(const NewUser& input);

 private:
  Result<IssuedToken> Issue(const User& user, const Workspace& workspace, std::string_view label);
  Result<Member> SetRoleChecked(const WorkspaceAccess& access, std::int64_t user_id, Role role);

  UserRepository& users_;
  WorkspaceRepository& workspaces_;
  CredentialRepository& credentials_;
  Crypto& crypto_;
  Random& random_;
  const Clock& clock_;
  AccountsPolicy policy_;
  RateLimiter per_ip_;
  RateLimiter per_pair_;     ///< failures per (account, address)
  RateLimiter per_address_;  ///< failures per address
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown emails, so timing does not tell
};

}  // namespace aantafel::core::accounts

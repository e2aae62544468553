#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/language.hpp"

namespace aantafel::core::accounts {

/// What a member may do in a workspace.
enum class Role { kOwner, kEditor, kViewer };

/// What kind of organisation owns a workspace.
enum class WorkspaceKind {
  kCareProvider,
  kWelfareOrganisation,
  kCareCooperative,
  kHousingCorporation,
  kMunicipality,
  kConsortium,
  kOther,
};

std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);
std::string_view ToString(WorkspaceKind kind);
std::optional<WorkspaceKind> ParseWorkspaceKind(std::string_view text);

/// Owners and editors change workspace data; viewers only read.
inline bool CanWrite(Role role) { return role == Role::kOwner || role == Role::kEditor; }
/// Only owners manage members and workspace settings.
inline bool CanManage(Role role) { return role == Role::kOwner; }

struct User {
  std::int64_t id = 0;
  std::string email;  ///< normalised: trimmed, lower-case
  std::string name;
  Instant created_at{};
  Language language = Language::kDutch;  ///< for the app's default and e-mails
};

/// A user with the stored password hash (only used to verify a login).
struct Credentials {
  User user;
  std::string password_hash;
};

struct Workspace {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  WorkspaceKind kind = WorkspaceKind::kOther;
  Instant created_at{};
  bool sso_only = false;  ///< opens only for sessions started with single sign-on
};

/// A workspace as seen by one of its members.
struct WorkspaceMembership {
  Workspace workspace;
  Role role = Role::kViewer;
};

/// A member as seen from the workspace.
struct Member {
  User user;
  Role role = Role::kViewer;
};

/// A browser login. Only the hash of the secret token is stored.
struct Session {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  Instant created_at{};
  Instant expires_at{};
  std::string user_agent;  ///< as the browser sent it at sign-in (cut to 300 characters)
  std::string address;     ///< the client address at sign-in
  bool sso = false;        ///< started with single sign-on (not a password)
};

/// One of the caller's own sessions, as listed on the profile page. `id` is a short public
/// handle (the first 16 characters of the token hash), never the secret.
struct SessionInfo {
  std::string id;
  Instant created_at{};
  Instant expires_at{};
  std::string user_agent;
  std::string address;
  bool current = false;
  bool sso = false;
};

/// A sign-in to an account, or a refused attempt (shown to the account's owner).
struct SignInEvent {
  enum class Outcome { kSignedIn, kSingleSignOn, kWrongPassword, kRateLimited };
  Instant at{};
  Outcome outcome = Outcome::kSignedIn;
  std::string address;
  std::string user_agent;
};
std::string_view ToString(SignInEvent::Outcome outcome);
std::optional<SignInEvent::Outcome> ParseSignInOutcome(std::string_view text);

/// Where a request comes from, noted with a new session.
struct ClientInfo {
  std::string address;
  std::string user_agent;
};

/// An invitation to join a workspace, sent by e-mail. Only the hash of its link is stored.
struct Invitation {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string email;  ///< normalised
  Role role = Role::kViewer;
  Language language = Language::kDutch;  ///< of the e-mail
  std::optional<std::int64_t> invited_by;
  std::string invited_by_name;  ///< empty when that account is gone
  Instant created_at{};
  Instant expires_at{};
  std::optional<Instant> sent_at;  ///< when the e-mail left; nullopt: not (yet) sent
};

/// A token for scripts, bound to one user and one workspace. Only its hash is stored.
struct ApiToken {
  std::int64_t id = 0;
  std::string token_hash;
  std::int64_t user_id = 0;
  std::int64_t workspace_id = 0;
  std::string label;
  Instant created_at{};
};

/// An API token with the user it acts for (for listings; never holds the secret).
struct ApiTokenInfo {
  ApiToken token;
  User user;
};

/// A token just created: the secret is shown to its creator once and never stored.
struct IssuedToken {
  ApiTokenInfo info;
  std::string secret;
};

/// Who is calling, and how they proved it.
struct Principal {
  enum class Via { kSession, kApiToken };
  User user;
  Via via = Via::kSession;
  std::string csrf_token;  ///< set when Via::kSession
  std::optional<std::int64_t>
      workspace_id;  ///< set when Via::kApiToken: the only workspace it opens
  bool sso = false;  ///< a session started with single sign-on
};

/// A workspace opened by a principal who is a member.
struct WorkspaceAccess {
  Workspace workspace;
  Role role = Role::kViewer;
  std::int64_t user_id = 0;
};

}  // namespace aantafel::core::accounts

#include "storage/accounts_repository.hpp"

namespace aantafel::storage {

using core::Error;
using core::ErrorCode;
using core::FieldIssue;
using core::FromMillis;
using core::ToMillis;
using namespace core::accounts;

namespace {

// Named SQL, written once for both dialects ($n placeholders; SQLite ≥ 3.35 has RETURNING).
namespace sql {
constexpr std::string_view kInsertUser =
    "INSERT INTO users (email, name, password_hash, created_at, language) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kUserByEmail =
    "SELECT id, email, name, created_at, password_hash, language FROM users WHERE email = $1";
constexpr std::string_view kUserById =
    "SELECT id, email, name, created_at, language FROM users WHERE id = $1";
constexpr std::string_view kSetPassword = "UPDATE users SET password_hash = $2 WHERE id = $1";
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET name = $2, language = $3 WHERE id = $1";

constexpr std::string_view kInsertWorkspace =
    "INSERT INTO workspaces (slug, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
constexpr std::string_view kAllWorkspaces =
    "SELECT id, slug, name, kind, created_at, sso_only FROM workspaces ORDER BY id";
constexpr std::string_view kWorkspaceBySlug =
    "SELECT id, slug, name, kind, created_at, sso_only FROM workspaces WHERE slug = $1";
constexpr std::string_view kWorkspaceById =
    "SELECT id, slug, name, kind, created_at, sso_only FROM workspaces WHERE id = $1";
constexpr std::string_view kRenameWorkspace = "UPDATE workspaces SET name = $2 WHERE id = $1";
// Takes the workspace row's write lock, so owner-count checks and changes are serialised.
constexpr std::string_view kLockWorkspace = "UPDATE workspaces SET name = name WHERE id = $1";
constexpr std::string_view kRole =
    "SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2";
constexpr std::string_view kCountOwners =
    "SELECT COUNT(*) FROM memberships WHERE workspace_id = $1 AND role = 'owner'";
constexpr std::string_view kUpsertMembership =
    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role";
constexpr std::string_view kDeleteMemberTokens =
    "DELETE FROM api_tokens WHERE workspace_id = $1 AND user_id = $2";
constexpr std::string_view kDeleteMembership =
    "DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2";
constexpr std::string_view kWorkspacesOfUser =
    "SELECT w.id, w.slug, w.name, w.kind, w.created_at, w.sso_only, m.role FROM workspaces w "
    "JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY w.name, w.id";
constexpr std::string_view kMembers =
    "SELECT u.id, u.email, u.name, u.created_at, m.role FROM memberships m "
    "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.name, u.id";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, user_agent, "
    "address, sso) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kSessionByHash =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at, user_agent, address, sso "
    "FROM sessions WHERE token_hash = $1";
constexpr std::string_view kSessionsOfUser =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at, user_agent, address, sso "
    "FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, token_hash";
constexpr std::string_view kDeleteOtherSessions =
    "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
constexpr std::string_view kDeleteSessionById =
    "DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2";
constexpr std::string_view kInsertReset =
    "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4)";
constexpr std::string_view kTakeReset =
    "DELETE FROM password_resets WHERE token_hash = $1 RETURNING user_id, expires_at";
constexpr std::string_view kDeleteResetsOfUser = "DELETE FROM password_resets WHERE user_id = $1";
constexpr std::string_view kDeleteExpiredResets =
    "DELETE FROM password_resets WHERE expires_at <= $1";

constexpr std::string_view kInsertSignIn =
    "INSERT INTO sign_in_events (user_id, at, outcome, address, user_agent) "
    "VALUES ($1, $2, $3, $4, $5)";
// Keeps the newest 50 of the user (by time, then id).
constexpr std::string_view kTrimSignIns =
    "DELETE FROM sign_in_events WHERE user_id = $1 AND id NOT IN (SELECT id FROM sign_in_events "
    "WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT 50)";
constexpr std::string_view kSignIns =
    "SELECT at, outcome, address, user_agent FROM sign_in_events WHERE user_id = $1 "
    "ORDER BY at DESC, id DESC";
constexpr std::string_view kInvitationColumns =
    "SELECT i.id, i.workspace_id, i.email, i.role, i.language, i.invited_by, "
    "COALESCE(u.name, ''), i.created_at, i.expires_at, i.sent_at FROM invitations i "
    "LEFT JOIN users u ON u.id = i.invited_by ";
constexpr std::string_view kUpsertInvitation =
    "INSERT INTO invitations (workspace_id, email, role, language, token_hash, invited_by, "
    "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (workspace_id, email) DO UPDATE SET role = excluded.role, "
    "language = excluded.language, token_hash = excluded.token_hash, "
    "invited_by = excluded.invited_by, created_at = excluded.created_at, "
    "expires_at = excluded.expires_at, sent_at = NULL RETURNING id";
constexpr std::string_view kRenewInvitation =
    "UPDATE invitations SET token_hash = $3, created_at = $4, expires_at = $5, sent_at = NULL "
    "WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kInvitationSent = "UPDATE invitations SET sent_at = $2 WHERE id = $1";
constexpr std::string_view kDeleteInvitation =
    "DELETE FROM invitations WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kTakeInvitation =
    "DELETE FROM invitations WHERE token_hash = $1 RETURNING workspace_id, role";
constexpr std::string_view kSsoUser =
    "SELECT user_id FROM sso_identities WHERE issuer = $1 AND subject = $2";
constexpr std::string_view kSsoLink =
    "INSERT INTO sso_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (issuer, subject) DO UPDATE SET user_id = excluded.user_id";
constexpr std::string_view kSsoOnly = "SELECT sso_only FROM workspaces WHERE id = $1";
constexpr std::string_view kSetSsoOnly = "UPDATE workspaces SET sso_only = $2 WHERE id = $1";
constexpr std::string_view kGroupRoles =
    "SELECT group_name, role FROM sso_group_roles WHERE workspace_id = $1 ORDER BY group_name";
constexpr std::string_view kAllGroupRoles =
    "SELECT workspace_id, group_name, role FROM sso_group_roles ORDER BY workspace_id, group_name";
constexpr std::string_view kDeleteGroupRoles =
    "DELETE FROM sso_group_roles WHERE workspace_id = $1";
constexpr std::string_view kInsertGroupRole =
    "INSERT INTO sso_group_roles (workspace_id, group_name, role) VALUES ($1, $2, $3)";
constexpr std::string_view kMembershipSource =
    "SELECT role, source FROM memberships WHERE workspace_id = $1 AND user_id = $2";
constexpr std::string_view kUpsertMappedMembership =
    "INSERT INTO memberships (workspace_id, user_id, role, created_at, source) "
    "VALUES ($1, $2, $3, $4, 'sso') ON CONFLICT (workspace_id, user_id) DO UPDATE SET "
    "role = excluded.role";
constexpr std::string_view kInsertMembershipIfNew =
    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (workspace_id, user_id) DO NOTHING";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = $1";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= $1";
constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (workspace_id, user_id, token_hash, label, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kTokenByHash =
    "SELECT id, token_hash, user_id, workspace_id, label, created_at FROM api_tokens "
    "WHERE token_hash = $1";
// A NULL $2 lists every token of the workspace; a user id lists only theirs.
constexpr std::string_view kTokensOfWorkspace =
    "SELECT t.id, t.token_hash, t.user_id, t.workspace_id, t.label, t.created_at, "
    "u.id, u.email, u.name, u.created_at FROM api_tokens t JOIN users u ON u.id = t.user_id "
    "WHERE t.workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR t.user_id = $2) ORDER BY "
    "t.created_at DESC, "
    "t.id DESC";
constexpr std::string_view kDeleteToken =
    "DELETE FROM api_tokens WHERE workspace_id = $1 AND id = $2 AND (CAST($3 AS BIGINT) IS NULL OR "
    "user_id = $3)";
}  // namespace sql

User UserFrom(const Row& r) {
  return User{
      .id = r.Int(0), .email = r.Text(1), .name = r.Text(2), .created_at = FromMillis(r.Int(3))};
}

Workspace WorkspaceFrom(const Row& r) {
  return Workspace{.id = r.Int(0),
                   .slug = r.Text(1),
                   .name = r.Text(2),
                   .kind = ParseWorkspaceKind(r.Text(3)).value_or(WorkspaceKind::kOther),
                   .created_at = FromMillis(r.Int(4)),
                   .sso_only = r.Int(5) != 0};
}

core::Language LanguageFrom(const std::string& tag) {
  return core::ParseLanguageTag(tag).value_or(core::Language::kDutch);
}

Session SessionFrom(const Row& r) {
  return Session{.token_hash = r.Text(0),
                 .user_id = r.Int(1),
                 .csrf_token = r.Text(2),
                 .created_at = FromMillis(r.Int(3)),
                 .expires_at = FromMillis(r.Int(4)),
                 .user_agent = r.Text(5),
                 .address = r.Text(6),
                 .sso = r.Int(7) != 0};
}

Invitation InvitationFrom(const Row& r) {
  Invitation i{.id = r.Int(0),
               .workspace_id = r.Int(1),
               .email = r.Text(2),
               .role = ParseRole(r.Text(3)).value_or(Role::kViewer),
               .language = LanguageFrom(r.Text(4)),
               .invited_by = r.IsNull(5) ? std::nullopt : std::optional(r.Int(5)),
               .invited_by_name = r.Text(6),
               .created_at = FromMillis(r.Int(7)),
               .expires_at = FromMillis(r.Int(8)),
               .sent_at = r.IsNull(9) ? std::nullopt : std::optional(FromMillis(r.Int(9)))};
  return i;
}

Role RoleFrom(const std::string& text) { return ParseRole(text).value_or(Role::kViewer); }

}  // namespace

// ---- users ----

core::Result<User> SqlUserRepository::Create(const User& user, const std::string& password_hash) {
  try {
    auto lease = db_.Acquire();
    auto row = lease->QueryOne(sql::kInsertUser,
                               {user.email, user.name, password_hash, ToMillis(user.created_at),
                                std::string(core::ToTag(user.language))});
    User stored = user;
    stored.id = row->Int(0);
    return stored;
  } catch (const StorageError& e) {
    if (e.kind() == StorageError::Kind::kUniqueViolation) {
      Error error = Error::Field("email", FieldIssue::kTaken);
      error.code = ErrorCode::kConflict;
      return error;
    }
    throw;
  }
}

std::optional<Credentials> SqlUserRepository::FindByEmail(std::string_view email) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kUserByEmail, {std::string(email)});
  if (!row) return std::nullopt;
  Credentials credentials{.user = UserFrom(*row), .password_hash = row->Text(4)};
  credentials.user.language = LanguageFrom(row->Text(5));
  return credentials;
}

std::optional<User> SqlUserRepository::FindById(std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kUserById, {id});
  if (!row) return std::nullopt;
  User user = UserFrom(*row);
  user.language = LanguageFrom(row->Text(4));
  return user;
}

bool SqlUserRepository::UpdateProfile(std::int64_t user_id, const std::string& name,
                                      core::Language language) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kUpdateProfile, {user_id, name, std::string(core::ToTag(language))}) >
         0;
}

bool SqlUserRepository::SetPasswordHash(std::int64_t user_id, const std::string& password_hash) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kSetPassword, {user_id, password_hash}) > 0;
}

// ---- workspaces and memberships ----

core::Result<Workspace> SqlWorkspaceRepository::Create(const Workspace& workspace,
                                                       std::int64_t owner_id) {
  try {
    return db_.Transaction([&](Connection& c) -> core::Result<Workspace> {
      auto row = c.QueryOne(sql::kInsertWorkspace,
                            {workspace.slug, workspace.name, std::string(ToString(workspace.kind)),
                             ToMillis(workspace.created_at)});
      Workspace stored = workspace;
      stored.id = row->Int(0);
      c.Execute(sql::kUpsertMembership, {stored.id, owner_id, std::string(ToString(Role::kOwner)),
                                         ToMillis(workspace.created_at)});
      return stored;
    });
  } catch (const StorageError& e) {
    if (e.kind() == StorageError::Kind::kUniqueViolation) {
      Error error = Error::Field("slug", FieldIssue::kTaken);
      error.code = ErrorCode::kConflict;
      return error;
    }
    throw;
  }
}

std::optional<Workspace> SqlWorkspaceRepository::FindBySlug(std::string_view slug) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kWorkspaceBySlug, {std::string(slug)});
  if (!row) return std::nullopt;
  return WorkspaceFrom(*row);
}

std::optional<Workspace> SqlWorkspaceRepository::FindById(std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kWorkspaceById, {id});
  if (!row) return std::nullopt;
  return WorkspaceFrom(*row);
}

core::Status SqlWorkspaceRepository::Rename(std::int64_t workspace_id, const std::string& name) {
  auto lease = db_.Acquire();
  if (lease->Execute(sql::kRenameWorkspace, {workspace_id, name}) == 0) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return core::Ok{};
}

std::optional<Role> SqlWorkspaceRepository::FindRole(std::int64_t workspace_id,
                                                     std::int64_t user_id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kRole, {workspace_id, user_id});
  if (!row) return std::nullopt;
  return RoleFrom(row->Text(0));
}

std::vector<Workspace> SqlWorkspaceRepository::All() {
  auto lease = db_.Acquire();
  std::vector<Workspace> out;
  for (const Row& r : lease->Query(sql::kAllWorkspaces)) out.push_back(WorkspaceFrom(r));
  return out;
}

std::vector<WorkspaceMembership> SqlWorkspaceRepository::ListForUser(std::int64_t user_id) {
  auto lease = db_.Acquire();
  std::vector<WorkspaceMembership> out;
  for (const Row& r : lease->Query(sql::kWorkspacesOfUser, {user_id})) {
    out.push_back({.workspace = WorkspaceFrom(r), .role = RoleFrom(r.Text(6))});
  }
  return out;
}

std::vector<Member> SqlWorkspaceRepository::ListMembers(std::int64_t workspace_id) {
  auto lease = db_.Acquire();
  std::vector<Member> out;
  for (const Row& r : lease->Query(sql::kMembers, {workspace_id})) {
    out.push_back({.user = UserFrom(r), .role = RoleFrom(r.Text(4))});
  }
  return out;
}

namespace {

// True when `user_id` is the only owner left: changing or removing them is refused.
bool IsLastOwner(Connection& c, std::int64_t workspace_id, std::int64_t user_id) {
  auto current = c.QueryOne(sql::kRole, {workspace_id, user_id});
  if (!current || RoleFrom(current->Text(0)) != Role::kOwner) return false;
  return c.QueryOne(sql::kCountOwners, {workspace_id})->Int(0) <= 1;
}

}  // namespace

core::Status SqlWorkspaceRepository::SetRole(std::int64_t workspace_id, std::int64_t user_id,
                                             Role role, core::Instant now) {
  return db_.Transaction([&](Connection& c) -> core::Status {
    if (c.Execute(sql::kLockWorkspace, {workspace_id}) == 0) return Error::Of(ErrorCode::kNotFound);
    if (role != Role::kOwner && IsLastOwner(c, workspace_id, user_id)) {
      return Error::Of(ErrorCode::kLastOwner);
    }
    c.Execute(sql::kUpsertMembership,
              {workspace_id, user_id, std::string(ToString(role)), ToMillis(now)});
    return core::Ok{};
  });
}

core::Status SqlWorkspaceRepository::RemoveMember(std::int64_t workspace_id, std::int64_t user_id) {
  return db_.Transaction([&](Connection& c) -> core::Status {
    if (c.Execute(sql::kLockWorkspace, {workspace_id}) == 0) return Error::Of(ErrorCode::kNotFound);
    if (IsLastOwner(c, workspace_id, user_id)) return Error::Of(ErrorCode::kLastOwner);
    if (c.Execute(sql::kDeleteMembership, {workspace_id, user_id}) == 0) {
      return Error::Of(ErrorCode::kNotFound);
    }
    // Membership ends everything: the member's API tokens for this workspace go with it, so
    // adding the person again does not bring them back.
    c.Execute(sql::kDeleteMemberTokens, {workspace_id, user_id});
    return core::Ok{};
  });
}

// ---- sessions and tokens ----

void SqlCredentialRepository::CreateSession(const Session& s) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kInsertSession, {s.token_hash, s.user_id, s.csrf_token,
                                       ToMillis(s.created_at), ToMillis(s.expires_at), s.user_agent,
                                       s.address, static_cast<std::int64_t>(s.sso ? 1 : 0)});
}

std::optional<Session> SqlCredentialRepository::FindSession(std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSessionByHash, {std::string(token_hash)});
  if (!row) return std::nullopt;
  return SessionFrom(*row);
}

std::vector<Session> SqlCredentialRepository::ListSessions(std::int64_t user_id,
                                                           core::Instant now) {
  auto lease = db_.Acquire();
  std::vector<Session> out;
  for (const Row& r : lease->Query(sql::kSessionsOfUser, {user_id, ToMillis(now)})) {
    out.push_back(SessionFrom(r));
  }
  return out;
}

std::int64_t SqlCredentialRepository::DeleteOtherSessions(std::int64_t user_id,
                                                          std::string_view keep_hash) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteOtherSessions, {user_id, std::string(keep_hash)});
}

bool SqlCredentialRepository::DeleteSessionById(std::int64_t user_id, std::string_view id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteSessionById, {user_id, std::string(id)}) > 0;
}

void SqlCredentialRepository::CreatePasswordReset(std::string_view token_hash, std::int64_t user_id,
                                                  core::Instant created_at,
                                                  core::Instant expires_at) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kDeleteExpiredResets, {ToMillis(created_at)});
  lease->Execute(sql::kInsertReset,
                 {std::string(token_hash), user_id, ToMillis(created_at), ToMillis(expires_at)});
}

std::optional<std::int64_t> SqlCredentialRepository::TakePasswordReset(std::string_view token_hash,
                                                                       core::Instant now) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kTakeReset, {std::string(token_hash)});
  if (!row || FromMillis(row->Int(1)) <= now) return std::nullopt;
  return row->Int(0);
}

void SqlCredentialRepository::RecordSignIn(std::int64_t user_id, const SignInEvent& event) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kInsertSignIn,
                 {user_id, ToMillis(event.at), std::string(ToString(event.outcome)), event.address,
                  event.user_agent});
  lease->Execute(sql::kTrimSignIns, {user_id});
}

std::vector<SignInEvent> SqlCredentialRepository::SignIns(std::int64_t user_id) {
  auto lease = db_.Acquire();
  std::vector<SignInEvent> out;
  for (const Row& r : lease->Query(sql::kSignIns, {user_id})) {
    out.push_back(
        {.at = FromMillis(r.Int(0)),
         .outcome = ParseSignInOutcome(r.Text(1)).value_or(SignInEvent::Outcome::kSignedIn),
         .address = r.Text(2),
         .user_agent = r.Text(3)});
  }
  return out;
}

void SqlCredentialRepository::DeletePasswordResetsOfUser(std::int64_t user_id) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kDeleteResetsOfUser, {user_id});
}

void SqlCredentialRepository::DeleteSession(std::string_view token_hash) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kDeleteSession, {std::string(token_hash)});
}

void SqlCredentialRepository::DeleteSessionsOfUser(std::int64_t user_id) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kDeleteUserSessions, {user_id});
}

std::int64_t SqlCredentialRepository::DeleteExpiredSessions(core::Instant now) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteExpired, {ToMillis(now)});
}

std::int64_t SqlCredentialRepository::CreateApiToken(const ApiToken& t) {
  auto lease = db_.Acquire();
  return lease
      ->QueryOne(sql::kInsertToken,
                 {t.workspace_id, t.user_id, t.token_hash, t.label, ToMillis(t.created_at)})
      ->Int(0);
}

std::optional<ApiToken> SqlCredentialRepository::FindApiToken(std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kTokenByHash, {std::string(token_hash)});
  if (!row) return std::nullopt;
  return ApiToken{.id = row->Int(0),
                  .token_hash = row->Text(1),
                  .user_id = row->Int(2),
                  .workspace_id = row->Int(3),
                  .label = row->Text(4),
                  .created_at = FromMillis(row->Int(5))};
}

std::vector<ApiTokenInfo> SqlCredentialRepository::ListApiTokens(
    std::int64_t workspace_id, std::optional<std::int64_t> user_id) {
  auto lease = db_.Acquire();
  std::vector<ApiTokenInfo> out;
  for (const Row& r : lease->Query(sql::kTokensOfWorkspace, {workspace_id, OptionalInt(user_id)})) {
    out.push_back({.token = {.id = r.Int(0),
                             .token_hash = r.Text(1),
                             .user_id = r.Int(2),
                             .workspace_id = r.Int(3),
                             .label = r.Text(4),
                             .created_at = FromMillis(r.Int(5))},
                   .user = {.id = r.Int(6),
                            .email = r.Text(7),
                            .name = r.Text(8),
                            .created_at = FromMillis(r.Int(9))}});
  }
  return out;
}

bool SqlCredentialRepository::DeleteApiToken(std::int64_t workspace_id, std::int64_t token_id,
                                             std::optional<std::int64_t> user_id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteToken, {workspace_id, token_id, OptionalInt(user_id)}) > 0;
}

// ---- invitations ----

Invitation SqlInvitationRepository::Save(const Invitation& invitation,
                                         std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(
      sql::kUpsertInvitation,
      {invitation.workspace_id, invitation.email, std::string(ToString(invitation.role)),
       std::string(core::ToTag(invitation.language)), std::string(token_hash),
       OptionalInt(invitation.invited_by), ToMillis(invitation.created_at),
       ToMillis(invitation.expires_at)});
  Invitation stored = invitation;
  stored.id = row->Int(0);
  stored.sent_at.reset();
  return stored;
}

std::vector<Invitation> SqlInvitationRepository::List(std::int64_t workspace_id) {
  auto lease = db_.Acquire();
  std::vector<Invitation> out;
  const std::string query = std::string(sql::kInvitationColumns) +
                            "WHERE i.workspace_id = $1 ORDER BY i.created_at DESC, i.id DESC";
  for (const Row& r : lease->Query(query, {workspace_id})) out.push_back(InvitationFrom(r));
  return out;
}

std::optional<Invitation> SqlInvitationRepository::Find(std::int64_t workspace_id,
                                                        std::int64_t id) {
  auto lease = db_.Acquire();
  const std::string query =
      std::string(sql::kInvitationColumns) + "WHERE i.workspace_id = $1 AND i.id = $2";
  auto row = lease->QueryOne(query, {workspace_id, id});
  if (!row) return std::nullopt;
  return InvitationFrom(*row);
}

std::optional<Invitation> SqlInvitationRepository::FindByToken(std::string_view token_hash) {
  auto lease = db_.Acquire();
  const std::string query = std::string(sql::kInvitationColumns) + "WHERE i.token_hash = $1";
  auto row = lease->QueryOne(query, {std::string(token_hash)});
  if (!row) return std::nullopt;
  return InvitationFrom(*row);
}

bool SqlInvitationRepository::Renew(std::int64_t workspace_id, std::int64_t id,
                                    std::string_view token_hash, core::Instant created_at,
                                    core::Instant expires_at) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kRenewInvitation, {workspace_id, id, std::string(token_hash),
                                                ToMillis(created_at), ToMillis(expires_at)}) > 0;
}

void SqlInvitationRepository::MarkSent(std::int64_t id, core::Instant at) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kInvitationSent, {id, ToMillis(at)});
}

bool SqlInvitationRepository::Delete(std::int64_t workspace_id, std::int64_t id) {
  auto lease = db_.Acquire();
  return lease->Execute(sql::kDeleteInvitation, {workspace_id, id}) > 0;
}

core::Status SqlInvitationRepository::Accept(std::string_view token_hash, std::int64_t user_id,
                                             core::Instant now) {
  return db_.Transaction([&](Connection& c) -> core::Status {
    auto taken = c.QueryOne(sql::kTakeInvitation, {std::string(token_hash)});
    if (!taken) return Error::Of(ErrorCode::kLinkExpired);
    c.Execute(sql::kInsertMembershipIfNew, {taken->Int(0), user_id, taken->Text(1), ToMillis(now)});
    return core::Ok{};
  });
}

// ---- single sign-on ----

std::optional<std::int64_t> SqlSsoRepository::FindUser(std::string_view issuer,
                                                       std::string_view subject) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSsoUser, {std::string(issuer), std::string(subject)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

void SqlSsoRepository::Link(std::string_view issuer, std::string_view subject, std::int64_t user_id,
                            core::Instant now) {
  auto lease = db_.Acquire();
  lease->Execute(sql::kSsoLink,
                 {std::string(issuer), std::string(subject), user_id, ToMillis(now)});
}

core::accounts::WorkspaceSso SqlSsoRepository::Load(std::int64_t workspace_id) {
  auto lease = db_.Acquire();
  core::accounts::WorkspaceSso out;
  if (auto row = lease->QueryOne(sql::kSsoOnly, {workspace_id})) out.sso_only = row->Int(0) != 0;
  for (const Row& r : lease->Query(sql::kGroupRoles, {workspace_id})) {
    out.mappings.push_back({.group = r.Text(0), .role = RoleFrom(r.Text(1))});
  }
  return out;
}

void SqlSsoRepository::Save(std::int64_t workspace_id,
                            const core::accounts::WorkspaceSso& settings) {
  db_.Transaction([&](Connection& c) {
    c.Execute(sql::kSetSsoOnly,
              {workspace_id, static_cast<std::int64_t>(settings.sso_only ? 1 : 0)});
    c.Execute(sql::kDeleteGroupRoles, {workspace_id});
    for (const auto& m : settings.mappings) {
      c.Execute(sql::kInsertGroupRole, {workspace_id, m.group, std::string(ToString(m.role))});
    }
  });
}

std::vector<std::pair<std::int64_t, std::vector<core::accounts::GroupRole>>>
SqlSsoRepository::AllMappings() {
  auto lease = db_.Acquire();
  std::vector<std::pair<std::int64_t, std::vector<core::accounts::GroupRole>>> out;
  for (const Row& r : lease->Query(sql::kAllGroupRoles)) {
    if (out.empty() || out.back().first != r.Int(0)) out.push_back({r.Int(0), {}});
    out.back().second.push_back({.group = r.Text(1), .role = RoleFrom(r.Text(2))});
  }
  return out;
}

core::Status SqlSsoRepository::GrantMapped(std::int64_t workspace_id, std::int64_t user_id,
                                           Role role, core::Instant now) {
  return db_.Transaction([&](Connection& c) -> core::Status {
    if (c.Execute(sql::kLockWorkspace, {workspace_id}) == 0) return Error::Of(ErrorCode::kNotFound);
    auto current = c.QueryOne(sql::kMembershipSource, {workspace_id, user_id});
    if (current && current->Text(1) != "sso") return core::Ok{};  // an invitation's role stays
    if (current && RoleFrom(current->Text(0)) == role) return core::Ok{};
    if (role != Role::kOwner && IsLastOwner(c, workspace_id, user_id)) {
      return Error::Of(ErrorCode::kLastOwner);
    }
    c.Execute(sql::kUpsertMappedMembership,
              {workspace_id, user_id, std::string(ToString(role)), ToMillis(now)});
    return core::Ok{};
  });
}

void SqlSsoRepository::RevokeMapped(std::int64_t workspace_id, std::int64_t user_id) {
  db_.Transaction([&](Connection& c) {
    if (c.Execute(sql::kLockWorkspace, {workspace_id}) == 0) return;
    auto current = c.QueryOne(sql::kMembershipSource, {workspace_id, user_id});
    if (!current || current->Text(1) != "sso" || IsLastOwner(c, workspace_id, user_id)) return;
    c.Execute(sql::kDeleteMembership, {workspace_id, user_id});
    c.Execute(sql::kDeleteMemberTokens, {workspace_id, user_id});
  });
}

}  // namespace aantafel::storage

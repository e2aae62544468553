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
    "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) "
    "RETURNING id";
constexpr std::string_view kUserByEmail =
    "SELECT id, email, name, created_at, password_hash FROM users WHERE email = $1";
constexpr std::string_view kUserById =
    "SELECT id, email, name, created_at FROM users WHERE id = $1";
constexpr std::string_view kSetPassword = "UPDATE users SET password_hash = $2 WHERE id = $1";

constexpr std::string_view kInsertWorkspace =
    "INSERT INTO workspaces (slug, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
constexpr std::string_view kAllWorkspaces =
    "SELECT id, slug, name, kind, created_at FROM workspaces ORDER BY id";
constexpr std::string_view kWorkspaceBySlug =
    "SELECT id, slug, name, kind, created_at FROM workspaces WHERE slug = $1";
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
    "SELECT w.id, w.slug, w.name, w.kind, w.created_at, m.role FROM workspaces w "
    "JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY w.name, w.id";
constexpr std::string_view kMembers =
    "SELECT u.id, u.email, u.name, u.created_at, m.role FROM memberships m "
    "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.name, u.id";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kSessionByHash =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1";
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
                   .created_at = FromMillis(r.Int(4))};
}

Value OptionalInt(std::optional<std::int64_t> v) { return v ? Value(*v) : Value(nullptr); }

Role RoleFrom(const std::string& text) { return ParseRole(text).value_or(Role::kViewer); }

}  // namespace

// ---- users ----

core::Result<User> SqlUserRepository::Create(const User& user, const std::string& password_hash) {
  try {
    auto lease = db_.Acquire();
    auto row = lease->QueryOne(sql::kInsertUser,
                               {user.email, user.name, password_hash, ToMillis(user.created_at)});
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
  return Credentials{.user = UserFrom(*row), .password_hash = row->Text(4)};
}

std::optional<User> SqlUserRepository::FindById(std::int64_t id) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kUserById, {id});
  if (!row) return std::nullopt;
  return UserFrom(*row);
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
    out.push_back({.workspace = WorkspaceFrom(r), .role = RoleFrom(r.Text(5))});
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
                                       ToMillis(s.created_at), ToMillis(s.expires_at)});
}

std::optional<Session> SqlCredentialRepository::FindSession(std::string_view token_hash) {
  auto lease = db_.Acquire();
  auto row = lease->QueryOne(sql::kSessionByHash, {std::string(token_hash)});
  if (!row) return std::nullopt;
  return Session{.token_hash = row->Text(0),
                 .user_id = row->Int(1),
                 .csrf_token = row->Text(2),
                 .created_at = FromMillis(row->Int(3)),
                 .expires_at = FromMillis(row->Int(4))};
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

}  // namespace aantafel::storage

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/result.hpp"

namespace aantafel::core::accounts {

/// Port: stored users. Emails are unique (already normalised by core).
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  /// Stores a new user; kConflict with field "email" when the email is taken.
  virtual Result<User> Create(const User& user, const std::string& password_hash) = 0;
  virtual std::optional<Credentials> FindByEmail(std::string_view email) = 0;
  virtual std::optional<User> FindById(std::int64_t id) = 0;
  /// Replaces the password hash; false when the user does not exist.
  virtual bool SetPasswordHash(std::int64_t user_id, const std::string& password_hash) = 0;
  /// Changes name and language (already checked); false when the user does not exist.
  virtual bool UpdateProfile(std::int64_t user_id, const std::string& name, Language language) = 0;
};

/// Port: workspaces and their members. Every workspace keeps at least one owner.
class WorkspaceRepository {
 public:
  virtual ~WorkspaceRepository() = default;
  /// Stores a workspace with `owner_id` as owner, atomically; kConflict on "slug" when taken.
  virtual Result<Workspace> Create(const Workspace& workspace, std::int64_t owner_id) = 0;
  virtual std::optional<Workspace> FindBySlug(std::string_view slug) = 0;
  virtual std::optional<Workspace> FindById(std::int64_t id) = 0;
  virtual Status Rename(std::int64_t workspace_id, const std::string& name) = 0;
  virtual std::optional<Role> FindRole(std::int64_t workspace_id, std::int64_t user_id) = 0;
  /// The workspaces a user belongs to, ordered by name.
  virtual std::vector<WorkspaceMembership> ListForUser(std::int64_t user_id) = 0;
  /// Every workspace, by id (for work the server does for all of them).
  virtual std::vector<Workspace> All() = 0;
  /// The members of a workspace, ordered by name.
  virtual std::vector<Member> ListMembers(std::int64_t workspace_id) = 0;
  /// Adds or changes a membership, atomically refusing (kLastOwner) to demote the last owner.
  virtual Status SetRole(std::int64_t workspace_id, std::int64_t user_id, Role role,
                         Instant now) = 0;
  /// Removes a membership, atomically refusing (kLastOwner) to remove the last owner;
  /// kNotFound when the user is not a member.
  /// Ends the membership and deletes the member's API tokens for the workspace (one
  /// transaction); the last owner cannot be removed.
  virtual Status RemoveMember(std::int64_t workspace_id, std::int64_t user_id) = 0;
};

/// Port: login sessions and API tokens (hashed).
class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;
  virtual void CreateSession(const Session& session) = 0;
  virtual std::optional<Session> FindSession(std::string_view token_hash) = 0;
  virtual void DeleteSession(std::string_view token_hash) = 0;
  /// Deletes every session of a user (after a password change or account removal).
  virtual void DeleteSessionsOfUser(std::int64_t user_id) = 0;
  /// Deletes every session of a user except the one with `keep_hash`; returns how many.
  virtual std::int64_t DeleteOtherSessions(std::int64_t user_id, std::string_view keep_hash) = 0;
  /// Deletes the user's session whose public id (SessionInfo::id) is `id`; false if none.
  virtual bool DeleteSessionById(std::int64_t user_id, std::string_view id) = 0;
  /// The user's sessions that have not expired at `now`, newest first.
  virtual std::vector<Session> ListSessions(std::int64_t user_id, Instant now) = 0;
  /// Deletes sessions that expired before `now`; returns how many.
  virtual std::int64_t DeleteExpiredSessions(Instant now) = 0;
  /// Stores a password reset link (its hash) for a user.
  virtual void CreatePasswordReset(std::string_view token_hash, std::int64_t user_id,
                                   Instant created_at, Instant expires_at) = 0;
  /// Takes a reset link: deletes it and returns its user when it existed and had not expired at
  /// `now` (single use: a second call with the same hash finds nothing).
  virtual std::optional<std::int64_t> TakePasswordReset(std::string_view token_hash,
                                                        Instant now) = 0;
  /// Deletes every open reset link of a user (after the password changed).
  virtual void DeletePasswordResetsOfUser(std::int64_t user_id) = 0;
  /// Notes a sign-in or a refused attempt; keeps the user's newest 50.
  virtual void RecordSignIn(std::int64_t user_id, const SignInEvent& event) = 0;
  /// The user's recorded sign-ins, newest first.
  virtual std::vector<SignInEvent> SignIns(std::int64_t user_id) = 0;
  /// Stores an API token; returns its id.
  virtual std::int64_t CreateApiToken(const ApiToken& token) = 0;
  virtual std::optional<ApiToken> FindApiToken(std::string_view token_hash) = 0;
  /// Tokens of a workspace, newest first; only those of `user_id` when given.
  virtual std::vector<ApiTokenInfo> ListApiTokens(std::int64_t workspace_id,
                                                  std::optional<std::int64_t> user_id) = 0;
  /// Deletes a token of the workspace (only one of `user_id` when given); false if none matched.
  virtual bool DeleteApiToken(std::int64_t workspace_id, std::int64_t token_id,
                              std::optional<std::int64_t> user_id) = 0;
};

/// Port: invitations to workspaces (at most one open invitation per workspace and address).
class InvitationRepository {
 public:
  virtual ~InvitationRepository() = default;
  /// Stores an invitation, or renews the open one for the same workspace and address (new link,
  /// role, language, inviter and expiry; not sent yet). Returns it with its id.
  virtual Invitation Save(const Invitation& invitation, std::string_view token_hash) = 0;
  /// Open invitations of a workspace (expired ones too), newest first.
  virtual std::vector<Invitation> List(std::int64_t workspace_id) = 0;
  virtual std::optional<Invitation> Find(std::int64_t workspace_id, std::int64_t id) = 0;
  virtual std::optional<Invitation> FindByToken(std::string_view token_hash) = 0;
  /// Gives an invitation a new link and expiry (not sent yet); false when it is gone.
  virtual bool Renew(std::int64_t workspace_id, std::int64_t id, std::string_view token_hash,
                     Instant created_at, Instant expires_at) = 0;
  virtual void MarkSent(std::int64_t id, Instant at) = 0;
  /// Withdraws an invitation; false when there was none with this id in the workspace.
  virtual bool Delete(std::int64_t workspace_id, std::int64_t id) = 0;
  /// In one transaction: deletes the invitation (found by its link) and makes the user a member
  /// with its role, keeping an existing membership as it is. kLinkExpired when the invitation
  /// is gone (withdrawn, or accepted at the same moment elsewhere).
  virtual Status Accept(std::string_view token_hash, std::int64_t user_id, Instant now) = 0;
};

/// Port: password hashing and digests (libsodium in production).
class Crypto {
 public:
  virtual ~Crypto() = default;
  /// An Argon2id hash string (PHC format) of `password`.
  virtual std::string HashPassword(std::string_view password) = 0;
  /// Whether `password` matches the stored `hash` (constant time).
  virtual bool VerifyPassword(std::string_view hash, std::string_view password) = 0;
  /// Lower-case hex SHA-256 of `data`, for storing bearer secrets.
  virtual std::string Sha256Hex(std::string_view data) = 0;
  /// Constant-time equality of two strings of equal length.
  virtual bool Equal(std::string_view a, std::string_view b) = 0;
  /// Lower-case hex HMAC-SHA256 of `data` with `key` (any length), for signing webhooks.
  virtual std::string HmacSha256Hex(std::string_view key, std::string_view data) = 0;
};

/// One group (or app role) of the provider mapped to a role in a workspace.
struct GroupRole {
  std::string group;
  Role role = Role::kViewer;
};

/// A workspace's single sign-on settings, edited by its owners.
struct WorkspaceSso {
  bool sso_only = false;  ///< members open it only after signing in with single sign-on
  std::vector<GroupRole> mappings;
};

/// Port: links between provider identities and accounts, and the workspaces' mappings.
class SsoRepository {
 public:
  virtual ~SsoRepository() = default;
  virtual std::optional<std::int64_t> FindUser(std::string_view issuer,
                                               std::string_view subject) = 0;
  virtual void Link(std::string_view issuer, std::string_view subject, std::int64_t user_id,
                    Instant now) = 0;
  virtual WorkspaceSso Load(std::int64_t workspace_id) = 0;
  /// Replaces the workspace's settings in one transaction.
  virtual void Save(std::int64_t workspace_id, const WorkspaceSso& settings) = 0;
  /// Every workspace with at least one mapping, with its mappings.
  virtual std::vector<std::pair<std::int64_t, std::vector<GroupRole>>> AllMappings() = 0;
  /// Makes the user a member with `role` as granted by a mapping; a membership given by an
  /// invitation is left as it is. Refuses (kLastOwner) to demote the last owner.
  virtual Status GrantMapped(std::int64_t workspace_id, std::int64_t user_id, Role role,
                             Instant now) = 0;
  /// Ends a membership that a mapping granted (not one given by an invitation), with the user's
  /// tokens for the workspace; the last owner stays.
  virtual void RevokeMapped(std::int64_t workspace_id, std::int64_t user_id) = 0;
};

/// Port: the OpenID provider (app layer: discovery, code exchange with PKCE, signature check
/// against the provider's keys). Errors: kUnavailable when it cannot be reached, kSsoRefused
/// when it refuses or the token's signature does not hold.
class OidcProvider {
 public:
  virtual ~OidcProvider() = default;
  /// Where to send the browser to sign in; `choose_account` asks the provider to let the person
  /// pick the account (an invitation is for one address, and the provider's own session may be
  /// another one's).
  virtual Result<std::string> AuthorizationUrl(std::string_view state, std::string_view nonce,
                                               std::string_view code_challenge,
                                               bool choose_account) = 0;
  /// Exchanges the code and returns the payload (JSON) of the ID token, signature checked.
  virtual Result<std::string> RedeemCode(std::string_view code, std::string_view code_verifier) = 0;
};

}  // namespace aantafel::core::accounts

#pragma once

#include "core/accounts/ports.hpp"
#include "core/accounts/sso.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// UserRepository on SQL (both dialects).
class SqlUserRepository final : public core::accounts::UserRepository {
 public:
  explicit SqlUserRepository(Database& db) : db_(db) {}
  core::Result<core::accounts::User> Create(const core::accounts::User& user,
                                            const std::string& password_hash) override;
  std::optional<core::accounts::Credentials> FindByEmail(std::string_view email) override;
  std::optional<core::accounts::User> FindById(std::int64_t id) override;
  bool SetPasswordHash(std::int64_t user_id, const std::string& password_hash) override;
  bool UpdateProfile(std::int64_t user_id, const std::string& name,
                     core::Language language) override;

 private:
  Database& db_;
};

/// WorkspaceRepository on SQL (both dialects).
class SqlWorkspaceRepository final : public core::accounts::WorkspaceRepository {
 public:
  explicit SqlWorkspaceRepository(Database& db) : db_(db) {}
  core::Result<core::accounts::Workspace> Create(const core::accounts::Workspace& workspace,
                                                 std::int64_t owner_id) override;
  std::optional<core::accounts::Workspace> FindBySlug(std::string_view slug) override;
  std::optional<core::accounts::Workspace> FindById(std::int64_t id) override;
  core::Status Rename(std::int64_t workspace_id, const std::string& name) override;
  std::optional<core::accounts::Role> FindRole(std::int64_t workspace_id,
                                               std::int64_t user_id) override;
  std::vector<core::accounts::WorkspaceMembership> ListForUser(std::int64_t user_id) override;
  std::vector<core::accounts::Workspace> All() override;
  std::vector<core::accounts::Member> ListMembers(std::int64_t workspace_id) override;
  core::Status SetRole(std::int64_t workspace_id, std::int64_t user_id, core::accounts::Role role,
                       core::Instant now) override;
  core::Status RemoveMember(std::int64_t workspace_id, std::int64_t user_id) override;

 private:
  Database& db_;
};

/// CredentialRepository on SQL (both dialects).
class SqlCredentialRepository final : public core::accounts::CredentialRepository {
 public:
  explicit SqlCredentialRepository(Database& db) : db_(db) {}
  void CreateSession(const core::accounts::Session& session) override;
  std::optional<core::accounts::Session> FindSession(std::string_view token_hash) override;
  void DeleteSession(std::string_view token_hash) override;
  void DeleteSessionsOfUser(std::int64_t user_id) override;
  std::int64_t DeleteOtherSessions(std::int64_t user_id, std::string_view keep_hash) override;
  bool DeleteSessionById(std::int64_t user_id, std::string_view id) override;
  std::vector<core::accounts::Session> ListSessions(std::int64_t user_id,
                                                    core::Instant now) override;
  std::int64_t DeleteExpiredSessions(core::Instant now) override;
  void CreatePasswordReset(std::string_view token_hash, std::int64_t user_id,
                           core::Instant created_at, core::Instant expires_at) override;
  std::optional<std::int64_t> TakePasswordReset(std::string_view token_hash,
                                                core::Instant now) override;
  void DeletePasswordResetsOfUser(std::int64_t user_id) override;
  void RecordSignIn(std::int64_t user_id, const core::accounts::SignInEvent& event) override;
  std::vector<core::accounts::SignInEvent> SignIns(std::int64_t user_id) override;
  std::int64_t CreateApiToken(const core::accounts::ApiToken& token) override;
  std::optional<core::accounts::ApiToken> FindApiToken(std::string_view token_hash) override;
  std::vector<core::accounts::ApiTokenInfo> ListApiTokens(
      std::int64_t workspace_id, std::optional<std::int64_t> user_id) override;
  bool DeleteApiToken(std::int64_t workspace_id, std::int64_t token_id,
                      std::optional<std::int64_t> user_id) override;

 private:
  Database& db_;
};

/// InvitationRepository on SQL (both dialects).
class SqlInvitationRepository final : public core::accounts::InvitationRepository {
 public:
  explicit SqlInvitationRepository(Database& db) : db_(db) {}
  core::accounts::Invitation Save(const core::accounts::Invitation& invitation,
                                  std::string_view token_hash) override;
  std::vector<core::accounts::Invitation> List(std::int64_t workspace_id) override;
  std::optional<core::accounts::Invitation> Find(std::int64_t workspace_id,
                                                 std::int64_t id) override;
  std::optional<core::accounts::Invitation> FindByToken(std::string_view token_hash) override;
  bool Renew(std::int64_t workspace_id, std::int64_t id, std::string_view token_hash,
             core::Instant created_at, core::Instant expires_at) override;
  void MarkSent(std::int64_t id, core::Instant at) override;
  bool Delete(std::int64_t workspace_id, std::int64_t id) override;
  core::Status Accept(std::string_view token_hash, std::int64_t user_id,
                      core::Instant now) override;

 private:
  Database& db_;
};

/// SsoRepository on SQL (both dialects).
class SqlSsoRepository final : public core::accounts::SsoRepository {
 public:
  explicit SqlSsoRepository(Database& db) : db_(db) {}
  std::optional<std::int64_t> FindUser(std::string_view issuer, std::string_view subject) override;
  void Link(std::string_view issuer, std::string_view subject, std::int64_t user_id,
            core::Instant now) override;
  core::accounts::WorkspaceSso Load(std::int64_t workspace_id) override;
  void Save(std::int64_t workspace_id, const core::accounts::WorkspaceSso& settings) override;
  std::vector<std::pair<std::int64_t, std::vector<core::accounts::GroupRole>>> AllMappings()
      override;
  core::Status GrantMapped(std::int64_t workspace_id, std::int64_t user_id,
                           core::accounts::Role role, core::Instant now) override;
  void RevokeMapped(std::int64_t workspace_id, std::int64_t user_id) override;

 private:
  Database& db_;
};

}  // namespace aantafel::storage

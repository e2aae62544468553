// One contract for storage, run against SQLite always and PostgreSQL when AANTAFEL_TEST_PG_URL
// is set (scripts/test always sets it). Every test gets a fresh, migrated database.
#include <gtest/gtest.h>

#include <thread>

#include "core/accounts/service.hpp"
#include "security/sodium.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/migrations.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using core::ErrorCode;
using core::FieldIssue;
using namespace core::accounts;
using testing::Backend;

class StorageContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<testing::TestDatabase>(GetParam());
    db = database->Open();
    Migrate(*db, EmbeddedMigrations(db->dialect()));
    users = std::make_unique<SqlUserRepository>(*db);
    workspaces = std::make_unique<SqlWorkspaceRepository>(*db);
    credentials = std::make_unique<SqlCredentialRepository>(*db);
  }

  User NewUser(const std::string& email, const std::string& name = "Anna") {
    auto u = users->Create({.email = email, .name = name, .created_at = clock.Now()}, "hash");
    EXPECT_TRUE(u.ok());
    return *u;
  }
  Workspace NewWorkspace(const std::string& slug, std::int64_t owner) {
    auto w = workspaces->Create({.slug = slug,
                                 .name = "W " + slug,
                                 .kind = WorkspaceKind::kCareProvider,
                                 .created_at = clock.Now()},
                                owner);
    EXPECT_TRUE(w.ok());
    return *w;
  }

  testing::FakeClock clock;
  std::unique_ptr<testing::TestDatabase> database;
  std::unique_ptr<Database> db;
  std::unique_ptr<SqlUserRepository> users;
  std::unique_ptr<SqlWorkspaceRepository> workspaces;
  std::unique_ptr<SqlCredentialRepository> credentials;
};

TEST_P(StorageContract, MigrationsAreRecordedAndIdempotent) {
  const int latest = EmbeddedMigrations(db->dialect()).back().version;
  EXPECT_EQ(SchemaVersion(*db), latest);
  auto again = Migrate(*db, EmbeddedMigrations(db->dialect()));
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.from_version, latest);
}

TEST_P(StorageContract, RefusesASchemaNewerThanTheBinary) {
  db->Acquire()->Execute(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
      {std::int64_t{9999}, std::string("future"), std::int64_t{0}});
  try {
    CheckSchemaNotNewer(*db, EmbeddedMigrations(db->dialect()));
    FAIL() << "expected kSchemaTooNew";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.kind(), StorageError::Kind::kSchemaTooNew);
  }
  EXPECT_THROW(Migrate(*db, EmbeddedMigrations(db->dialect())), StorageError);
}

TEST_P(StorageContract, AFailingMigrationLeavesNoTrace) {
  auto migrations = EmbeddedMigrations(db->dialect());
  const int next = migrations.back().version + 1;
  migrations.push_back({next, "broken", "CREATE TABLE half_done (id INTEGER); SELECT nonsense("});
  EXPECT_THROW(Migrate(*db, migrations), StorageError);
  EXPECT_EQ(SchemaVersion(*db), next - 1);
  // The table created before the error was rolled back with it.
  EXPECT_THROW(db->Acquire()->Query("SELECT * FROM half_done", {}), StorageError);
}

TEST_P(StorageContract, UsersRoundTripAndEmailsAreUnique) {
  User anna = NewUser("anna@zorg.nl", "Anna de Vries");
  EXPECT_GT(anna.id, 0);
  auto found = users->FindByEmail("anna@zorg.nl");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.name, "Anna de Vries");
  EXPECT_EQ(found->password_hash, "hash");
  EXPECT_EQ(found->user.created_at, clock.Now());
  EXPECT_EQ(users->FindById(anna.id)->email, "anna@zorg.nl");
  EXPECT_FALSE(users->FindById(anna.id + 100));

  auto duplicate = users->Create({.email = "anna@zorg.nl", .name = "x"}, "h");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().fields.at("email").issue, FieldIssue::kTaken);
}

TEST_P(StorageContract, TextSurvivesUnchanged) {
  const std::string name = "Zorgcoöperatie ‘t Hof — 😀 'quotes' \"dq\" $1 ?2";
  User u = NewUser("tekst@zorg.nl", name);
  EXPECT_EQ(users->FindById(u.id)->name, name);
}

TEST_P(StorageContract, WorkspaceCreationMakesTheCreatorOwner) {
  User anna = NewUser("anna@zorg.nl");
  Workspace ws = NewWorkspace("zorg-west", anna.id);
  EXPECT_EQ(workspaces->FindRole(ws.id, anna.id), Role::kOwner);
  auto found = workspaces->FindBySlug("zorg-west");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->kind, WorkspaceKind::kCareProvider);
  auto taken =
      workspaces->Create({.slug = "zorg-west", .name = "x", .created_at = clock.Now()}, anna.id);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().fields.at("slug").issue, FieldIssue::kTaken);
}

TEST_P(StorageContract, MembershipsAreListedPerUserAndPerWorkspace) {
  User anna = NewUser("anna@zorg.nl", "Anna");
  User bram = NewUser("bram@zorg.nl", "Bram");
  Workspace a = NewWorkspace("aaa", anna.id);
  Workspace b = NewWorkspace("bbb", bram.id);
  ASSERT_TRUE(workspaces->SetRole(a.id, bram.id, Role::kViewer, clock.Now()).ok());
  auto of_bram = workspaces->ListForUser(bram.id);
  ASSERT_EQ(of_bram.size(), 2U);
  EXPECT_EQ(of_bram[0].workspace.slug, "aaa");  // ordered by name
  EXPECT_EQ(of_bram[0].role, Role::kViewer);
  auto members = workspaces->ListMembers(a.id);
  ASSERT_EQ(members.size(), 2U);
  EXPECT_EQ(members[0].user.name, "Anna");
  EXPECT_EQ(members[1].role, Role::kViewer);
  EXPECT_EQ(workspaces->ListForUser(anna.id).size(), 1U);
  EXPECT_FALSE(workspaces->FindRole(b.id, anna.id));
}

TEST_P(StorageContract, TheLastOwnerCannotBeDemotedOrRemoved) {
  User anna = NewUser("anna@zorg.nl");
  User bram = NewUser("bram@zorg.nl");
  Workspace ws = NewWorkspace("zorg", anna.id);
  EXPECT_EQ(workspaces->SetRole(ws.id, anna.id, Role::kEditor, clock.Now()).error().code,
            ErrorCode::kLastOwner);
  EXPECT_EQ(workspaces->RemoveMember(ws.id, anna.id).error().code, ErrorCode::kLastOwner);
  ASSERT_TRUE(workspaces->SetRole(ws.id, bram.id, Role::kOwner, clock.Now()).ok());
  EXPECT_TRUE(workspaces->SetRole(ws.id, anna.id, Role::kViewer, clock.Now()).ok());
  EXPECT_EQ(workspaces->RemoveMember(ws.id, bram.id).error().code, ErrorCode::kLastOwner);
  EXPECT_TRUE(workspaces->RemoveMember(ws.id, anna.id).ok());
  EXPECT_EQ(workspaces->RemoveMember(ws.id, anna.id).error().code, ErrorCode::kNotFound);
}

TEST_P(StorageContract, ConcurrentDemotionsNeverLeaveAWorkspaceWithoutOwner) {
  User anna = NewUser("anna@zorg.nl");
  User bram = NewUser("bram@zorg.nl");
  Workspace ws = NewWorkspace("zorg", anna.id);
  for (int round = 0; round < 10; ++round) {
    ASSERT_TRUE(workspaces->SetRole(ws.id, anna.id, Role::kOwner, clock.Now()).ok());
    ASSERT_TRUE(workspaces->SetRole(ws.id, bram.id, Role::kOwner, clock.Now()).ok());
    std::thread t1([&] { (void)workspaces->SetRole(ws.id, anna.id, Role::kViewer, clock.Now()); });
    std::thread t2([&] { (void)workspaces->SetRole(ws.id, bram.id, Role::kViewer, clock.Now()); });
    t1.join();
    t2.join();
    int owners = 0;
    for (const auto& m : workspaces->ListMembers(ws.id)) owners += m.role == Role::kOwner ? 1 : 0;
    EXPECT_EQ(owners, 1) << "round " << round;
  }
}

TEST_P(StorageContract, SessionsExpireAndCanBeDeleted) {
  User anna = NewUser("anna@zorg.nl");
  const auto now = clock.Now();
  credentials->CreateSession({.token_hash = "h1",
                              .user_id = anna.id,
                              .csrf_token = "c1",
                              .created_at = now,
                              .expires_at = now + std::chrono::hours(1)});
  credentials->CreateSession({.token_hash = "h2",
                              .user_id = anna.id,
                              .csrf_token = "c2",
                              .created_at = now,
                              .expires_at = now - std::chrono::hours(1)});
  auto s = credentials->FindSession("h1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->csrf_token, "c1");
  EXPECT_EQ(s->expires_at, now + std::chrono::hours(1));
  EXPECT_EQ(credentials->DeleteExpiredSessions(now), 1);
  EXPECT_FALSE(credentials->FindSession("h2"));
  credentials->DeleteSession("h1");
  EXPECT_FALSE(credentials->FindSession("h1"));
}

TEST_P(StorageContract, ApiTokensAreFoundByHashOnly) {
  User anna = NewUser("anna@zorg.nl");
  Workspace ws = NewWorkspace("zorg", anna.id);
  const auto id = credentials->CreateApiToken({.token_hash = "th",
                                               .user_id = anna.id,
                                               .workspace_id = ws.id,
                                               .label = "script",
                                               .created_at = clock.Now()});
  auto t = credentials->FindApiToken("th");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, id);
  EXPECT_EQ(t->workspace_id, ws.id);
  EXPECT_EQ(t->label, "script");
  EXPECT_FALSE(credentials->FindApiToken("other"));
}

TEST_P(StorageContract, TokenListingAndDeletionRespectWorkspaceAndOwner) {
  User anna = NewUser("anna@zorg.nl", "Anna");
  User bram = NewUser("bram@zorg.nl", "Bram");
  Workspace ws = NewWorkspace("zorg", anna.id);
  Workspace other = NewWorkspace("ander", bram.id);
  auto make = [&](const std::string& hash, std::int64_t user, std::int64_t workspace) {
    clock.Advance(std::chrono::seconds(1));
    return credentials->CreateApiToken({.token_hash = hash,
                                        .user_id = user,
                                        .workspace_id = workspace,
                                        .label = hash,
                                        .created_at = clock.Now()});
  };
  const auto a1 = make("a1", anna.id, ws.id);
  const auto b1 = make("b1", bram.id, ws.id);
  const auto x1 = make("x1", bram.id, other.id);

  auto all = credentials->ListApiTokens(ws.id, std::nullopt);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].token.id, b1);  // newest first
  EXPECT_EQ(all[0].user.name, "Bram");
  auto annas = credentials->ListApiTokens(ws.id, anna.id);
  ASSERT_EQ(annas.size(), 1U);
  EXPECT_EQ(annas[0].token.id, a1);

  EXPECT_FALSE(credentials->DeleteApiToken(ws.id, x1, std::nullopt)) << "other workspace";
  EXPECT_FALSE(credentials->DeleteApiToken(ws.id, b1, anna.id)) << "someone else's";
  EXPECT_TRUE(credentials->DeleteApiToken(ws.id, b1, std::nullopt));
  EXPECT_TRUE(credentials->DeleteApiToken(ws.id, a1, anna.id));
  EXPECT_TRUE(credentials->ListApiTokens(ws.id, std::nullopt).empty());
  EXPECT_TRUE(credentials->FindApiToken("x1"));
}

TEST_P(StorageContract, TransactionsRollBackOnErrorResults) {
  User anna = NewUser("anna@zorg.nl");
  auto result = db->Transaction([&](Connection& c) -> core::Status {
    c.Execute("UPDATE users SET name = $1 WHERE id = $2", {std::string("Changed"), anna.id});
    return core::Error::Of(ErrorCode::kConflict);
  });
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(users->FindById(anna.id)->name, "Anna");
  EXPECT_THROW(db->Transaction([&](Connection& c) {
    c.Execute("UPDATE users SET name = $1 WHERE id = $2", {std::string("Changed"), anna.id});
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(users->FindById(anna.id)->name, "Anna");
}

TEST_P(StorageContract, PoolRefusesWhenExhaustedInsteadOfHanging) {
  auto pool = Database::Open(
      {.url = database->url(), .pool_size = 1, .acquire_timeout = std::chrono::milliseconds(50)});
  auto held = pool->Acquire();
  try {
    auto second = pool->Acquire();
    FAIL() << "second lease should time out";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.kind(), StorageError::Kind::kUnavailable);
  }
}

// The accounts use cases on real storage.
class AccountsOnStorage : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped()) return;
    service = std::make_unique<AccountsService>(
        *users, *workspaces, *credentials, crypto, random, clock,
        AccountsPolicy{
            .session_ttl = std::chrono::hours(1),
            .login_per_ip = {.attempts = 100, .period = std::chrono::seconds(60)},
            .login_failures_per_account_and_address = {.attempts = 3,
                                                       .period = std::chrono::seconds(900)},
            .login_failures_per_address = {.attempts = 6, .period = std::chrono::seconds(900)}});
  }
  security::SodiumCrypto crypto{security::PasswordCost::Minimal()};
  testing::SeededRandom random;
  std::unique_ptr<AccountsService> service;
};

TEST_P(AccountsOnStorage, AddUserValidatesEveryField) {
  auto bad = service->AddUser({.email = "nope", .name = "", .password = "short"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3U);
  auto ok =
      service->AddUser({.email = " Anna@Zorg.NL", .name = "Anna", .password = "lang wachtwoord"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->email, "anna@zorg.nl");
  EXPECT_TRUE(users->FindByEmail("anna@zorg.nl")->password_hash.starts_with("$argon2id$"));
}

TEST_P(AccountsOnStorage, LoginCreatesAnExpiringSession) {
  ASSERT_TRUE(
      service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
          .ok());
  auto login = service->Login("ANNA@zorg.nl", "lang wachtwoord", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  EXPECT_TRUE(service->AuthenticateSession(login->token).ok());
  // Only the hash is stored.
  EXPECT_FALSE(credentials->FindSession(login->token));
  clock.Advance(std::chrono::hours(1));
  EXPECT_EQ(service->AuthenticateSession(login->token).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(AccountsOnStorage, WrongPasswordsStopTheGuesserNotTheOwner) {
  ASSERT_TRUE(
      service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
          .ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(service->Login("anna@zorg.nl", "fout wachtwoord", "10.0.0.1").error().code,
              ErrorCode::kInvalidCredentials);
  }
  // From the guesser's address even the right password waits…
  auto locked = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(locked.error().retry_after_seconds, 300);
  // …but Anna at her own address signs in, and one failure every 5 minutes from the guesser's
  // address never locks her out.
  EXPECT_TRUE(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.2").ok());
  for (int i = 0; i < 5; ++i) {
    clock.Advance(std::chrono::seconds(300));
    EXPECT_EQ(service->Login("anna@zorg.nl", "fout wachtwoord", "10.0.0.1").error().code,
              ErrorCode::kInvalidCredentials);
    EXPECT_TRUE(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.2").ok()) << i;
  }
  clock.Advance(std::chrono::seconds(300));
  EXPECT_TRUE(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1").ok());
}

TEST_P(AccountsOnStorage, AnAddressTryingManyAccountsIsStopped) {
  ASSERT_TRUE(
      service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
          .ok());
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(service->Login("iemand" + std::to_string(i) + "@zorg.nl", "wat dan ook 1", "10.0.0.9")
                  .error()
                  .code,
              ErrorCode::kInvalidCredentials);
  }
  EXPECT_EQ(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.9").error().code,
            ErrorCode::kRateLimited);
  EXPECT_TRUE(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.2").ok());
}

TEST_P(AccountsOnStorage, UnknownEmailLooksLikeWrongPassword) {
  EXPECT_EQ(service->Login("niemand@zorg.nl", "wat dan ook 1", "10.0.0.1").error().code,
            ErrorCode::kInvalidCredentials);
}

TEST_P(AccountsOnStorage, TokensOpenOnlyTheirOwnWorkspace) {
  ASSERT_TRUE(
      service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
          .ok());
  ASSERT_TRUE(service->CreateWorkspace({.slug = "een", .name = "Een"}, "anna@zorg.nl").ok());
  ASSERT_TRUE(service->CreateWorkspace({.slug = "twee", .name = "Twee"}, "anna@zorg.nl").ok());
  auto secret = service->CreateApiToken("anna@zorg.nl", "een", "script");
  ASSERT_TRUE(secret.ok());
  EXPECT_TRUE(secret->starts_with("aat_"));
  auto principal = service->AuthenticateToken(*secret);
  ASSERT_TRUE(principal.ok());
  EXPECT_TRUE(service->OpenWorkspace(*principal, "een").ok());
  EXPECT_EQ(service->OpenWorkspace(*principal, "twee").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service->VisibleWorkspaces(*principal).size(), 1U);
  EXPECT_EQ(
      service->CreateApiToken("anna@zorg.nl", "bestaat-niet", "").error().fields.count("workspace"),
      1U);
}

TEST_P(AccountsOnStorage, RemovingAMemberEndsTheirTokensForGood) {
  for (const char* who : {"anna@zorg.nl", "bram@zorg.nl"}) {
    ASSERT_TRUE(service->AddUser({.email = who, .name = "X", .password = "lang wachtwoord"}).ok());
  }
  auto een = service->CreateWorkspace({.slug = "een", .name = "Een"}, "anna@zorg.nl");
  ASSERT_TRUE(een.ok());
  ASSERT_TRUE(service->CreateWorkspace({.slug = "twee", .name = "Twee"}, "bram@zorg.nl").ok());
  const WorkspaceAccess owner{.workspace = *een,
                              .role = Role::kOwner,
                              .user_id = users->FindByEmail("anna@zorg.nl")->user.id};
  auto bram = service->AddMember(owner, "bram@zorg.nl", "editor");
  ASSERT_TRUE(bram.ok());
  auto in_een = service->CreateApiToken("bram@zorg.nl", "een", "script");
  auto in_twee = service->CreateApiToken("bram@zorg.nl", "twee", "script");
  ASSERT_TRUE(in_een.ok() && in_twee.ok());
  ASSERT_TRUE(service->RemoveMember(owner, bram->user.id).ok());
  EXPECT_FALSE(service->AuthenticateToken(*in_een).ok());
  ASSERT_TRUE(service->AddMember(owner, "bram@zorg.nl", "editor").ok());
  EXPECT_FALSE(service->AuthenticateToken(*in_een).ok()) << "re-adding does not revive it";
  // Bram's token for his own workspace is untouched.
  auto twee = service->AuthenticateToken(*in_twee);
  ASSERT_TRUE(twee.ok());
  EXPECT_TRUE(service->OpenWorkspace(*twee, "twee").ok());
}

TEST_P(AccountsOnStorage, OnlyOwnersManageMembers) {
  ASSERT_TRUE(
      service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
          .ok());
  ASSERT_TRUE(
      service->AddUser({.email = "bram@zorg.nl", .name = "Bram", .password = "lang wachtwoord"})
          .ok());
  auto ws = service->CreateWorkspace({.slug = "zorg", .name = "Zorg"}, "anna@zorg.nl");
  ASSERT_TRUE(ws.ok());
  WorkspaceAccess owner{.workspace = *ws,
                        .role = Role::kOwner,
                        .user_id = users->FindByEmail("anna@zorg.nl")->user.id};
  auto added = service->AddMember(owner, "bram@zorg.nl", "editor");
  ASSERT_TRUE(added.ok());
  WorkspaceAccess editor{.workspace = *ws, .role = Role::kEditor, .user_id = added->user.id};
  EXPECT_EQ(service->AddMember(editor, "anna@zorg.nl", "viewer").error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(
      service->AddMember(owner, "onbekend@zorg.nl", "viewer").error().fields.at("email").issue,
      FieldIssue::kNoSuchUser);
  EXPECT_EQ(service->AddMember(owner, "bram@zorg.nl", "baas").error().fields.at("role").issue,
            FieldIssue::kInvalidChoice);
  // Any member may leave.
  EXPECT_TRUE(service->RemoveMember(editor, editor.user_id).ok());
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, AccountsOnStorage,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage

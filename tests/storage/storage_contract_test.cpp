// One contract for storage, run against SQLite always and PostgreSQL when AANTAFEL_TEST_PG_URL
// is set (scripts/test always sets it). Every test gets a fresh, migrated database.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/accounts/invitations.hpp"
#include "core/accounts/password_reset.hpp"
#include "core/accounts/service.hpp"
#include "core/accounts/sso.hpp"
#include "security/data_key.hpp"
#include "security/sodium.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/council_repository.hpp"
#include "storage/migrations.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::storage {
namespace {

using core::ErrorCode;
using core::FieldIssue;
using core::Language;
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
  testing::RecordingMailer mailer;

  InvitationService& Invitations() {
    if (!invitation_repository) {
      invitation_repository = std::make_unique<SqlInvitationRepository>(*db);
      invitations = std::make_unique<InvitationService>(*invitation_repository, *users, *workspaces,
                                                        *service, crypto, random, clock, &mailer,
                                                        "https://zorg.example");
    }
    return *invitations;
  }
  PasswordResetService& Resets() {
    if (!resets) {
      resets = std::make_unique<PasswordResetService>(
          *users, *credentials, *service, crypto, random, clock, &mailer, "https://zorg.example");
    }
    return *resets;
  }
  /// The secret after '#' in the link of the last mail.
  std::string LastLinkSecret() {
    const auto sent = mailer.sent();
    EXPECT_FALSE(sent.empty());
    if (sent.empty()) return {};
    const std::string& text = sent.back().text;
    const auto start = text.find("https://zorg.example/");
    const auto hash = text.find('#', start);
    const auto end = text.find('\n', hash);
    return text.substr(hash + 1, end - hash - 1);
  }
  /// Invites `email` into the owner's workspace and accepts as a new account.
  User Join(const WorkspaceAccess& owner, const std::string& email, const std::string& role) {
    auto sent = Invitations().Invite(owner, email, role, std::nullopt);
    EXPECT_TRUE(sent.ok());
    auto joined = Invitations().Accept(
        {.token = LastLinkSecret(), .name = "Nieuw", .password = "lang wachtwoord"},
        {.address = "10.0.0.5", .user_agent = "test"});
    EXPECT_TRUE(joined.ok()) << (joined.ok() ? "" : std::string(ToString(joined.error().code)));
    return joined.ok() ? joined->user : User{};
  }
  WorkspaceAccess OwnerOf(const std::string& slug, const std::string& email) {
    return {.workspace = *workspaces->FindBySlug(slug),
            .role = Role::kOwner,
            .user_id = users->FindByEmail(email)->user.id};
  }
  void TwoUsersAndAWorkspace() {
    for (const char* who : {"anna@zorg.nl", "bram@zorg.nl"}) {
      ASSERT_TRUE(
          service->AddUser({.email = who, .name = "X", .password = "lang wachtwoord"}).ok());
    }
    ASSERT_TRUE(service->CreateWorkspace({.slug = "een", .name = "Een"}, "anna@zorg.nl").ok());
  }

  std::unique_ptr<SqlInvitationRepository> invitation_repository;
  std::unique_ptr<InvitationService> invitations;
  std::unique_ptr<PasswordResetService> resets;
};

/// A provider that answers with the claims the test sets (its signature check is the app's and
/// is tested in security/jose_test.cpp and end to end against a real provider).
class ScriptedProvider final : public OidcProvider {  // NOLINT(bugprone-exception-escape)
 public:
  core::Result<std::string> AuthorizationUrl(std::string_view state, std::string_view nonce,
                                             std::string_view challenge,
                                             bool choose_account) override {
    chose_account = choose_account;
    last_nonce = std::string(nonce);
    return "https://idp.example/authorize?state=" + std::string(state) +
           "&code_challenge=" + std::string(challenge);
  }
  core::Result<std::string> RedeemCode(std::string_view code, std::string_view verifier) override {
    last_verifier = std::string(verifier);
    if (code != "goede-code") return core::Error::Of(ErrorCode::kSsoRefused);
    nlohmann::json answer = claims;
    answer["nonce"] = last_nonce;
    return answer.dump();
  }
  nlohmann::json claims;
  std::string last_nonce;
  std::string last_verifier;
  bool chose_account = false;
};

class SsoOnStorage : public AccountsOnStorage {
 protected:
  void SetUp() override {
    AccountsOnStorage::SetUp();
    if (IsSkipped()) return;
    security::DataKey key{};
    key.fill(7);
    cipher = std::make_unique<security::SodiumFieldCipher>(key, random);
    sso_repository = std::make_unique<SqlSsoRepository>(*db);
    Invitations();  // creates the invitation repository
    sso = std::make_unique<SsoService>(*sso_repository, *users, *workspaces, *service,
                                       *invitation_repository, crypto, *cipher, random, clock,
                                       &provider,
                                       SsoSettings{.issuer = "https://idp.example",
                                                   .client_id = "aantafel",
                                                   .allowed_domains = {"zorg.nl"}});
    ASSERT_TRUE(
        service->AddUser({.email = "anna@zorg.nl", .name = "Anna", .password = "lang wachtwoord"})
            .ok());
    ASSERT_TRUE(service->CreateWorkspace({.slug = "een", .name = "Een"}, "anna@zorg.nl").ok());
  }
  SsoIdentity Identity(const std::string& subject, const std::string& email,
                       std::vector<std::string> groups = {}) {
    return {.issuer = "https://idp.example",
            .subject = subject,
            .email = email,
            .name = "Iemand",
            .groups = std::move(groups)};
  }
  std::optional<Role> RoleOf(const std::string& email) {
    auto user = users->FindByEmail(email);
    return user ? workspaces->FindRole(workspaces->FindBySlug("een")->id, user->user.id)
                : std::nullopt;
  }
  nlohmann::json Claims(const std::string& email) {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
    return {{"iss", "https://idp.example"},
            {"aud", "aantafel"},
            {"sub", "sub-" + email},
            {"iat", now},
            {"exp", now + 300},
            {"email", email},
            {"name", "Kees"}};
  }

  std::unique_ptr<security::SodiumFieldCipher> cipher;
  std::unique_ptr<SqlSsoRepository> sso_repository;
  ScriptedProvider provider;
  std::unique_ptr<SsoService> sso;
};

TEST_P(SsoOnStorage, AccountsAreCreatedOnlyForAllowedDomainsAndLinkedBySubject) {
  const ClientInfo client{.address = "10.0.0.1"};
  auto kees = sso->SignIn(Identity("k1", "kees@zorg.nl"), client, "");
  ASSERT_TRUE(kees.ok());
  EXPECT_TRUE(kees->account_created);
  EXPECT_TRUE(kees->login.session.sso);
  EXPECT_FALSE(service->Login("kees@zorg.nl", "!sso", "10.0.0.1").ok()) << "no password";
  auto stranger = sso->SignIn(Identity("x1", "iemand@elders.nl"), client, "");
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().detail, "domain_not_allowed");
  EXPECT_FALSE(users->FindByEmail("iemand@elders.nl"));
  // The same subject with a new address stays the same account; an existing account is found
  // by its address and linked.
  auto renamed = sso->SignIn(Identity("k1", "k.jansen@zorg.nl"), client, "");
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->login.user.id, kees->login.user.id);
  auto anna = sso->SignIn(Identity("a1", "anna@zorg.nl"), client, "");
  ASSERT_TRUE(anna.ok());
  EXPECT_FALSE(anna->account_created);
  EXPECT_EQ(anna->login.user.email, "anna@zorg.nl");
}

TEST_P(SsoOnStorage, GroupMappingsGrantAndTakeBackRolesButLeaveInvitedMembers) {
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  ASSERT_TRUE(sso->Save(owner, false, {{"g-beleid", "editor"}, {"g-alle", "viewer"}}).ok());
  auto bad = sso->Save(owner, false, {{"", "editor"}, {"g", "baas"}, {"g", "viewer"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3U);
  WorkspaceAccess editor = owner;
  editor.role = Role::kEditor;
  EXPECT_EQ(sso->Save(editor, true, {}).error().code, ErrorCode::kForbidden);

  const ClientInfo client{.address = "10.0.0.1"};
  ASSERT_TRUE(sso->SignIn(Identity("k1", "kees@zorg.nl", {"g-alle", "g-beleid"}), client, "").ok());
  EXPECT_EQ(RoleOf("kees@zorg.nl"), Role::kEditor) << "the highest mapped role";
  ASSERT_TRUE(sso->SignIn(Identity("k1", "kees@zorg.nl", {"g-alle"}), client, "").ok());
  EXPECT_EQ(RoleOf("kees@zorg.nl"), Role::kViewer);
  ASSERT_TRUE(sso->SignIn(Identity("k1", "kees@zorg.nl", {}), client, "").ok());
  EXPECT_FALSE(RoleOf("kees@zorg.nl")) << "out of every mapped group: out of the workspace";
  // Anna (owner, not through a mapping) keeps her role whatever her groups say.
  ASSERT_TRUE(sso->SignIn(Identity("a1", "anna@zorg.nl", {"g-alle"}), client, "").ok());
  EXPECT_EQ(RoleOf("anna@zorg.nl"), Role::kOwner);
}

TEST_P(SsoOnStorage, AWorkspaceForSingleSignOnOnlyRefusesPasswordSessions) {
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  ASSERT_TRUE(sso->Save(owner, true, {}).ok());
  auto password = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1");
  ASSERT_TRUE(password.ok());
  const auto by_password = service->AuthenticateSession(password->token);
  EXPECT_EQ(service->OpenWorkspace(*by_password, "een").error().code, ErrorCode::kSsoRequired);
  auto signed_in = sso->SignIn(Identity("a1", "anna@zorg.nl"), {.address = "10.0.0.1"}, "");
  ASSERT_TRUE(signed_in.ok());
  const auto by_sso = service->AuthenticateSession(signed_in->login.token);
  EXPECT_TRUE(service->OpenWorkspace(*by_sso, "een").ok());
  EXPECT_TRUE(sso->Load(owner)->sso_only);
}

TEST_P(SsoOnStorage, TheReturnTripIsBoundToThisBrowsersOwnRequest) {
  const ClientInfo client{.address = "10.0.0.1"};
  auto start = sso->Start("//evil.example/x", "");
  ASSERT_TRUE(start.ok());
  const auto state = start->redirect_url.substr(start->redirect_url.find("state=") + 6, 43);
  provider.claims = Claims("kees@zorg.nl");
  EXPECT_EQ(sso->Finish(start->cookie, "andere-state-000000000000000000000000000000", "goede-code",
                        "", "", client)
                .error()
                .detail,
            "wrong_state");
  EXPECT_EQ(sso->Finish(start->cookie + "x", state, "goede-code", "", "", client).error().detail,
            "no_login_in_progress");
  EXPECT_EQ(
      sso->Finish(start->cookie, state, "goede-code", "https://other", "", client).error().detail,
      "wrong_issuer");
  EXPECT_EQ(sso->Finish(start->cookie, state, "", "", "access_denied", client).error().detail,
            "provider_error: access_denied");
  auto done = sso->Finish(start->cookie, state, "goede-code", "https://idp.example", "", client);
  ASSERT_TRUE(done.ok()) << done.error().detail;
  EXPECT_EQ(done->return_to, "/") << "only paths on this server";
  EXPECT_EQ(provider.last_verifier.size(), 43U);

  // Ten minutes to come back.
  auto slow = sso->Start("/w/een/", "");
  const auto slow_state = slow->redirect_url.substr(slow->redirect_url.find("state=") + 6, 43);
  clock.Advance(std::chrono::minutes(11));
  provider.claims = Claims("kees@zorg.nl");
  EXPECT_EQ(sso->Finish(slow->cookie, slow_state, "goede-code", "", "", client).error().detail,
            "login_took_too_long");
}

TEST_P(SsoOnStorage, AnInvitationIsAcceptedBySigningInWithTheInvitedAddress) {
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  ASSERT_TRUE(Invitations().Invite(owner, "lot@elders.nl", "editor", std::nullopt).ok());
  const std::string token = LastLinkSecret();
  const ClientInfo client{.address = "10.0.0.1"};
  auto other = sso->SignIn(Identity("z1", "zus@elders.nl"), client, token);
  EXPECT_EQ(other.error().detail, "invitation_other_address");
  auto lot = sso->SignIn(Identity("l1", "lot@elders.nl"), client, token);
  ASSERT_TRUE(lot.ok()) << "an invitation admits an address outside the allowed domains";
  EXPECT_EQ(RoleOf("lot@elders.nl"), Role::kEditor);
  EXPECT_EQ(sso->SignIn(Identity("l1", "lot@elders.nl"), client, token).error().code,
            ErrorCode::kLinkExpired);
  // Starting from an invitation asks the provider to let the person choose the account.
  ASSERT_TRUE(sso->Start("/", "geheim").ok());
  EXPECT_TRUE(provider.chose_account);
  ASSERT_TRUE(sso->Start("/", "").ok());
  EXPECT_FALSE(provider.chose_account);
}

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
  TwoUsersAndAWorkspace();
  ASSERT_TRUE(service->CreateWorkspace({.slug = "twee", .name = "Twee"}, "bram@zorg.nl").ok());
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  const auto bram_id = users->FindByEmail("bram@zorg.nl")->user.id;
  ASSERT_TRUE(workspaces->SetRole(owner.workspace.id, bram_id, Role::kEditor, clock.Now()).ok());
  auto in_een = service->CreateApiToken("bram@zorg.nl", "een", "script");
  auto in_twee = service->CreateApiToken("bram@zorg.nl", "twee", "script");
  ASSERT_TRUE(in_een.ok() && in_twee.ok());
  ASSERT_TRUE(service->RemoveMember(owner, bram_id).ok());
  EXPECT_FALSE(service->AuthenticateToken(*in_een).ok());
  // Back through an invitation he accepts with his own password.
  ASSERT_TRUE(Invitations().Invite(owner, "bram@zorg.nl", "editor", std::nullopt).ok());
  ASSERT_TRUE(Invitations()
                  .Accept({.token = LastLinkSecret(), .password = "lang wachtwoord"},
                          {.address = "10.0.0.2"})
                  .ok());
  EXPECT_EQ(workspaces->FindRole(owner.workspace.id, bram_id), Role::kEditor);
  EXPECT_FALSE(service->AuthenticateToken(*in_een).ok()) << "re-adding does not revive it";
  // Bram's token for his own workspace is untouched.
  auto twee = service->AuthenticateToken(*in_twee);
  ASSERT_TRUE(twee.ok());
  EXPECT_TRUE(service->OpenWorkspace(*twee, "twee").ok());
}

TEST_P(AccountsOnStorage, OnlyOwnersInviteAndTheAnswerNeverRevealsAnAccount) {
  TwoUsersAndAWorkspace();
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  const User vera = Join(owner, "vera@zorg.nl", "editor");
  WorkspaceAccess editor{.workspace = owner.workspace, .role = Role::kEditor, .user_id = vera.id};
  EXPECT_EQ(Invitations().Invite(editor, "kees@zorg.nl", "viewer", std::nullopt).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Invitations().List(editor).error().code, ErrorCode::kForbidden);
  auto bad = Invitations().Invite(owner, "geen-adres", "baas", "fr");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3U);
  auto member = Invitations().Invite(owner, "vera@zorg.nl", "viewer", std::nullopt);
  EXPECT_EQ(member.error().code, ErrorCode::kConflict);
  EXPECT_EQ(member.error().fields.at("email").issue, FieldIssue::kAlreadyMember);

  // An address with an account elsewhere and one without: the same kind of answer, and nobody
  // becomes a member by being invited.
  auto known = Invitations().Invite(owner, "Bram@Zorg.nl", "viewer", "en");
  auto unknown = Invitations().Invite(owner, "kees@zorg.nl", "viewer", "en");
  ASSERT_TRUE(known.ok() && unknown.ok());
  EXPECT_EQ(known->mailed, unknown->mailed);
  EXPECT_EQ(known->invitation.email, "bram@zorg.nl");
  EXPECT_FALSE(
      workspaces->FindRole(owner.workspace.id, users->FindByEmail("bram@zorg.nl")->user.id));
  EXPECT_EQ(Invitations().List(owner)->size(), 2U);
  const auto mail = mailer.sent().back();
  EXPECT_EQ(mail.to, "kees@zorg.nl");
  EXPECT_NE(mail.subject.find("Invitation to Een"), std::string::npos);
  EXPECT_NE(mail.text.find("Nederlands:"), std::string::npos) << "one line in the other language";
  EXPECT_NE(mail.html.find("<a href=\"https://zorg.example/invitation#"), std::string::npos);
}

TEST_P(AccountsOnStorage, AnInvitationLinkWorksOnceAndUntilItExpires) {
  TwoUsersAndAWorkspace();
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  const ClientInfo client{.address = "10.0.0.7", .user_agent = "Firefox"};
  ASSERT_TRUE(Invitations().Invite(owner, "kees@zorg.nl", "viewer", std::nullopt).ok());
  const std::string first = LastLinkSecret();
  auto details = Invitations().Lookup(first, client.address);
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->workspace_name, "Een");
  EXPECT_FALSE(details->account_exists);
  EXPECT_EQ(details->inviter_name, "X");

  // Re-sending gives a new link; the old one stops working.
  const auto id = Invitations().List(owner)->front().id;
  ASSERT_TRUE(Invitations().Resend(owner, id).ok());
  const std::string second = LastLinkSecret();
  EXPECT_NE(first, second);
  EXPECT_EQ(Invitations().Lookup(first, client.address).error().code, ErrorCode::kLinkExpired);

  // A new account needs a name and a good password; the link survives a refused attempt.
  auto weak = Invitations().Accept({.token = second, .name = "", .password = "kort"}, client);
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().fields.size(), 2U);
  auto joined = Invitations().Accept(
      {.token = second, .name = "Kees", .password = "lang wachtwoord"}, client);
  ASSERT_TRUE(joined.ok());
  EXPECT_EQ(workspaces->FindRole(owner.workspace.id, joined->user.id), Role::kViewer);
  EXPECT_TRUE(service->AuthenticateSession(joined->token).ok());
  EXPECT_EQ(Invitations()
                .Accept({.token = second, .name = "Kees", .password = "lang wachtwoord"}, client)
                .error()
                .code,
            ErrorCode::kLinkExpired);
  EXPECT_TRUE(Invitations().List(owner)->empty()) << "accepted invitations leave the list";

  // Expiry and withdrawal.
  ASSERT_TRUE(Invitations().Invite(owner, "lot@zorg.nl", "viewer", std::nullopt).ok());
  const std::string late = LastLinkSecret();
  clock.Advance(std::chrono::hours(24 * 7));
  EXPECT_EQ(Invitations().Lookup(late, client.address).error().code, ErrorCode::kLinkExpired);
  EXPECT_TRUE(Invitations().List(owner)->front().expires_at <= clock.Now());
  ASSERT_TRUE(Invitations().Invite(owner, "lot@zorg.nl", "viewer", std::nullopt).ok());
  const std::string renewed = LastLinkSecret();
  ASSERT_TRUE(Invitations().Withdraw(owner, Invitations().List(owner)->front().id).ok());
  EXPECT_EQ(Invitations().Lookup(renewed, client.address).error().code, ErrorCode::kLinkExpired);
}

TEST_P(AccountsOnStorage, AnExistingAccountAcceptsWithItsOwnPassword) {
  TwoUsersAndAWorkspace();
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  ASSERT_TRUE(Invitations().Invite(owner, "bram@zorg.nl", "editor", std::nullopt).ok());
  const std::string token = LastLinkSecret();
  EXPECT_TRUE(Invitations().Lookup(token, "10.0.0.3")->account_exists);
  auto wrong = Invitations().Accept({.token = token, .password = "niet zijn wachtwoord"},
                                    {.address = "10.0.0.3"});
  EXPECT_EQ(wrong.error().fields.at("password").issue, FieldIssue::kWrongPassword);
  auto right =
      Invitations().Accept({.token = token, .name = "Genegeerd", .password = "lang wachtwoord"},
                           {.address = "10.0.0.3"});
  ASSERT_TRUE(right.ok());
  EXPECT_EQ(right->user.name, "X") << "an existing account keeps its name";
  EXPECT_EQ(workspaces->FindRole(owner.workspace.id, right->user.id), Role::kEditor);
}

TEST_P(AccountsOnStorage, WithoutAMailRelayTheOwnerGetsTheLink) {
  TwoUsersAndAWorkspace();
  const WorkspaceAccess owner = OwnerOf("een", "anna@zorg.nl");
  mailer.refuse = true;
  auto sent = Invitations().Invite(owner, "kees@zorg.nl", "viewer", std::nullopt);
  ASSERT_TRUE(sent.ok());
  EXPECT_FALSE(sent->mailed);
  EXPECT_TRUE(sent->link.starts_with("https://zorg.example/invitation#"));
  EXPECT_FALSE(Invitations().List(owner)->front().sent_at);
  mailer.refuse = false;
  auto again = Invitations().Resend(owner, sent->invitation.id);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->mailed);
  EXPECT_TRUE(again->link.empty()) << "a mailed link is never shown to the owner";
  EXPECT_TRUE(Invitations().List(owner)->front().sent_at);
}

TEST_P(AccountsOnStorage, APasswordResetLinkWorksOnceAndEndsEverySession) {
  TwoUsersAndAWorkspace();
  auto elsewhere = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1");
  ASSERT_TRUE(elsewhere.ok());
  // Unknown addresses get the same answer and no mail.
  ASSERT_TRUE(Resets().Request("niemand@zorg.nl", "10.0.0.9").ok());
  EXPECT_TRUE(mailer.sent().empty());
  ASSERT_TRUE(Resets().Request("ANNA@zorg.nl", "10.0.0.9").ok());
  ASSERT_EQ(mailer.sent().size(), 1U);
  EXPECT_EQ(mailer.sent()[0].to, "anna@zorg.nl");
  EXPECT_NE(mailer.sent()[0].subject.find("nieuw wachtwoord"), std::string::npos);
  const std::string token = LastLinkSecret();

  const ClientInfo client{.address = "10.0.0.9"};
  auto weak = Resets().Complete(token, "kort", client);
  EXPECT_EQ(weak.error().fields.at("password").issue, FieldIssue::kTooShort);
  auto done = Resets().Complete(token, "een nieuw wachtwoord", client);
  ASSERT_TRUE(done.ok());
  EXPECT_FALSE(service->AuthenticateSession(elsewhere->token).ok()) << "other sessions end";
  EXPECT_TRUE(service->AuthenticateSession(done->token).ok());
  EXPECT_FALSE(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1").ok());
  EXPECT_TRUE(service->Login("anna@zorg.nl", "een nieuw wachtwoord", "10.0.0.1").ok());
  EXPECT_EQ(Resets().Complete(token, "nog een wachtwoord", client).error().code,
            ErrorCode::kLinkExpired);

  // A link expires after an hour; more than three mails an hour to one account are not sent.
  ASSERT_TRUE(Resets().Request("anna@zorg.nl", "10.0.0.10").ok());
  const std::string late = LastLinkSecret();
  clock.Advance(std::chrono::minutes(61));
  EXPECT_EQ(Resets().Complete(late, "nog een wachtwoord", client).error().code,
            ErrorCode::kLinkExpired);
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(Resets().Request("anna@zorg.nl", "10.0.1." + std::to_string(i)).ok());
  EXPECT_EQ(mailer.sent().size(), 2U + 3U);
  // Five requests from one address, then it waits.
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(Resets().Request("x" + std::to_string(i) + "@zorg.nl", "10.0.2.1").ok());
  EXPECT_EQ(Resets().Request("anna@zorg.nl", "10.0.2.1").error().code, ErrorCode::kRateLimited);
}

TEST_P(AccountsOnStorage, ChangingThePasswordEndsOtherSessionsOnly) {
  TwoUsersAndAWorkspace();
  auto here = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1", "Firefox op Linux");
  auto there = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.2", "Edge");
  ASSERT_TRUE(here.ok() && there.ok());
  const Principal anna = *service->AuthenticateSession(here->token);
  auto sessions = service->ListSessions(anna, here->token);
  ASSERT_EQ(sessions.size(), 2U);
  EXPECT_EQ(std::count_if(sessions.begin(), sessions.end(), [](auto& s) { return s.current; }), 1);
  for (const auto& s : sessions) {
    EXPECT_EQ(s.id.size(), 16U);
    EXPECT_EQ(s.user_agent, s.current ? "Firefox op Linux" : "Edge");
  }

  auto wrong =
      service->ChangePassword(anna, here->token, "fout", "een nieuw wachtwoord", "10.0.0.1");
  EXPECT_EQ(wrong.error().fields.at("current_password").issue, FieldIssue::kWrongPassword);
  EXPECT_EQ(service->ChangePassword(anna, here->token, "lang wachtwoord", "kort", "10.0.0.1")
                .error()
                .fields.at("new_password")
                .issue,
            FieldIssue::kTooShort);
  ASSERT_TRUE(
      service
          ->ChangePassword(anna, here->token, "lang wachtwoord", "een nieuw wachtwoord", "10.0.0.1")
          .ok());
  EXPECT_TRUE(service->AuthenticateSession(here->token).ok());
  EXPECT_FALSE(service->AuthenticateSession(there->token).ok());

  // Ending one session by its public id; someone else's id is not found.
  auto third = service->Login("anna@zorg.nl", "een nieuw wachtwoord", "10.0.0.3");
  ASSERT_TRUE(third.ok());
  const auto listed = service->ListSessions(anna, here->token);
  const auto other = std::find_if(listed.begin(), listed.end(), [](auto& s) { return !s.current; });
  ASSERT_NE(other, listed.end());
  auto bram = service->Login("bram@zorg.nl", "lang wachtwoord", "10.0.0.4");
  const Principal bram_p = *service->AuthenticateSession(bram->token);
  EXPECT_EQ(service->EndSession(bram_p, other->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service->EndSession(anna, "../../etc").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service->EndSession(anna, other->id).ok());
  EXPECT_FALSE(service->AuthenticateSession(third->token).ok());
  EXPECT_EQ(service->EndOtherSessions(anna, here->token), 0);
  EXPECT_TRUE(service->AuthenticateSession(bram->token).ok());
}

TEST_P(AccountsOnStorage, EverySignInAndRefusalIsInTheAccountsOwnHistory) {
  TwoUsersAndAWorkspace();
  ASSERT_FALSE(service->Login("anna@zorg.nl", "fout wachtwoord", "10.0.0.9", "Gokker").ok());
  for (int i = 0; i < 3; ++i) (void)service->Login("anna@zorg.nl", "fout", "10.0.0.9");
  EXPECT_EQ(service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.9").error().code,
            ErrorCode::kRateLimited);
  (void)service->Login("niemand@zorg.nl", "fout wachtwoord", "10.0.0.8");  // no account: nothing
  auto login = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1", "Firefox");
  ASSERT_TRUE(login.ok());
  const auto history = service->SignInHistory(*service->AuthenticateSession(login->token));
  // Three wrong passwords (the fixture's limit), then two refusals by the limit, then a success.
  ASSERT_EQ(history.size(), 6U);
  EXPECT_EQ(history.front().outcome, SignInEvent::Outcome::kSignedIn);
  EXPECT_EQ(history.front().user_agent, "Firefox");
  EXPECT_EQ(history[1].outcome, SignInEvent::Outcome::kRateLimited);
  EXPECT_EQ(history[2].outcome, SignInEvent::Outcome::kRateLimited);
  EXPECT_EQ(history[3].outcome, SignInEvent::Outcome::kWrongPassword);
  EXPECT_EQ(history.back().outcome, SignInEvent::Outcome::kWrongPassword);
  EXPECT_EQ(history.back().address, "10.0.0.9");
  EXPECT_EQ(history.back().user_agent, "Gokker");
  // Bram's history holds none of Anna's; only the newest 50 are kept.
  auto bram = service->Login("bram@zorg.nl", "lang wachtwoord", "10.0.0.2");
  EXPECT_EQ(service->SignInHistory(*service->AuthenticateSession(bram->token)).size(), 1U);
  const auto anna_id = users->FindByEmail("anna@zorg.nl")->user.id;
  for (int i = 0; i < 60; ++i) {
    credentials->RecordSignIn(anna_id, {.at = clock.Now(), .address = "x", .user_agent = "y"});
  }
  EXPECT_EQ(credentials->SignIns(anna_id).size(), 50U);
}

TEST_P(AccountsOnStorage, TheProfileKeepsANameAndALanguage) {
  TwoUsersAndAWorkspace();
  auto login = service->Login("anna@zorg.nl", "lang wachtwoord", "10.0.0.1");
  const Principal anna = *service->AuthenticateSession(login->token);
  EXPECT_EQ(anna.user.language, Language::kDutch);
  auto bad = service->UpdateProfile(anna, std::string_view(""), std::string_view("de"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2U);
  ASSERT_TRUE(
      service->UpdateProfile(anna, std::string_view("Anna de Vries"), std::string_view("en")).ok());
  const auto stored = users->FindById(anna.user.id);
  EXPECT_EQ(stored->name, "Anna de Vries");
  EXPECT_EQ(stored->language, Language::kEnglish);
  ASSERT_TRUE(service->UpdateProfile(anna, std::nullopt, std::string_view("nl")).ok());
  EXPECT_EQ(users->FindByEmail("anna@zorg.nl")->user.language, Language::kDutch);
}

TEST_P(StorageContract, AWebhookKeepsItsDeliveriesUntilItIsReplacedRemovedOrItsTopicGoes) {
  const auto owner = NewUser("anna@zorg.nl");
  const auto ws = NewWorkspace("zorg-west", owner.id).id;
  SqlCouncilRepository council(*db);
  const auto topic = council.AddTopic(ws, {.name = "Jeugd", .terms = {"jeugdhulp"}});
  const auto other = council.AddTopic(ws, {.name = "Wonen", .terms = {"wonen"}});
  ASSERT_TRUE(topic && other);
  const auto first = council.SaveWebhook(
      ws, {.url = "https://a.example/x", .sealed_secret = "v1.a", .created_at = clock.Now()});
  council.SaveWebhookDelivery(first, ws, {*topic, 41, "aaaa"}, clock.Now());
  council.SaveWebhookDelivery(first, ws, {*topic, 41, "bbbb"}, clock.Now());  // replaces
  council.SaveWebhookDelivery(first, ws, {*other, 42, "cccc"}, clock.Now());
  auto delivered = council.WebhookDeliveries(first);
  ASSERT_EQ(delivered.size(), 2U);
  std::sort(delivered.begin(), delivered.end(),
            [](const auto& a, const auto& b) { return a.meeting_id < b.meeting_id; });
  EXPECT_EQ(delivered[0].fingerprint, "bbbb");
  council.ForgetWebhookDelivery(first, *other, 42);
  EXPECT_EQ(council.WebhookDeliveries(first).size(), 1U);

  // The state is stored on the webhook; a waiting one is not due.
  auto state = *council.FindWebhook(ws);
  state.failures = 2;
  state.last_status = 502;
  state.last_error = "HTTP 502";
  state.retry_at = clock.Now() + std::chrono::minutes(5);
  council.SaveWebhookState(first, state);
  EXPECT_TRUE(council.DueWebhooks(clock.Now()).empty());
  ASSERT_EQ(council.DueWebhooks(clock.Now() + std::chrono::minutes(5)).size(), 1U);
  const auto read = *council.FindWebhook(ws);
  EXPECT_EQ(read.last_status, 502);
  EXPECT_EQ(read.last_error, "HTTP 502");
  EXPECT_EQ(read.failures, 2);

  // Replaced: a new id, nothing delivered to it yet; a late write for the old one goes nowhere.
  const auto second = council.SaveWebhook(
      ws, {.url = "https://b.example/y", .sealed_secret = "v1.b", .created_at = clock.Now()});
  EXPECT_NE(second, first);
  EXPECT_EQ(council.FindWebhook(ws)->url, "https://b.example/y");
  EXPECT_EQ(council.FindWebhook(ws)->failures, 0);
  council.SaveWebhookDelivery(first, ws, {*topic, 43, "dddd"}, clock.Now());
  EXPECT_TRUE(council.WebhookDeliveries(first).empty());
  EXPECT_TRUE(council.WebhookDeliveries(second).empty());
  state.failures = 9;
  council.SaveWebhookState(first, state);
  EXPECT_EQ(council.FindWebhook(ws)->failures, 0) << "the old webhook's state is not written";

  // A deleted topic takes its deliveries along; deleting the webhook takes the rest.
  council.SaveWebhookDelivery(second, ws, {*topic, 41, "eeee"}, clock.Now());
  council.SaveWebhookDelivery(second, ws, {*other, 42, "ffff"}, clock.Now());
  ASSERT_TRUE(council.DeleteTopic(ws, *topic));
  ASSERT_EQ(council.WebhookDeliveries(second).size(), 1U);
  EXPECT_TRUE(council.DeleteWebhook(ws));
  EXPECT_FALSE(council.DeleteWebhook(ws));
  EXPECT_FALSE(council.FindWebhook(ws));
  EXPECT_TRUE(council.WebhookDeliveries(second).empty());
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return testing::Name(info.param);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, AccountsOnStorage,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, SsoOnStorage,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace aantafel::storage

// The data key in practice: created on first start, rotated with `aantafel rotate-key` while
// older personal data stays readable, and a missing or wrong key stops the start instead of
// silently sealing new data with a key that cannot open the old (SQLite and PostgreSQL).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/runtime.hpp"
#include "security/data_key.hpp"
#include "support/fakes.hpp"
#include "support/test_database.hpp"

namespace aantafel::testing {
namespace {

namespace fs = std::filesystem;

class KeyRotation : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    database = std::make_unique<TestDatabase>(GetParam());
    dir = fs::temp_directory_path() / ("aantafel-keys-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    config.database_url = database->url();
    config.database_pool_size = 2;
    config.data_key_file = (dir / "aantafel.key").string();
  }
  void TearDown() override { fs::remove_all(dir); }

  std::unique_ptr<app::Runtime> Start() {
    return std::make_unique<app::Runtime>(
        config, /*migrate=*/true,
        app::RuntimeOverrides{.clock = &clock,
                              .random = &random,
                              .password_cost = security::PasswordCost::Minimal()});
  }
  core::accounts::WorkspaceAccess Access(app::Runtime& runtime) {
    auto ws = runtime.accounts().OperatorAccess("zorg-west");
    EXPECT_TRUE(ws.ok());
    return *ws;
  }
  std::string PhoneOf(app::Runtime& runtime, std::int64_t person) {
    auto dossier = runtime.whoiswho().GetPerson(Access(runtime), person);
    return dossier && dossier->person.phone ? *dossier->person.phone : "<none>";
  }

  std::unique_ptr<TestDatabase> database;
  fs::path dir;
  app::Config config;
  FakeClock clock;
  SeededRandom random;
};

TEST_P(KeyRotation, OldDataStaysReadableAndAWrongOrMissingKeyStopsTheStart) {
  std::int64_t first = 0;
  {
    auto runtime = Start();
    ASSERT_TRUE(fs::exists(config.data_key_file)) << "made on first start";
    auto user = runtime->accounts().AddUser(
        {.email = "anna@zorg.nl", .name = "Anna", .password = "correct horse 1"});
    ASSERT_TRUE(user.ok());
    ASSERT_TRUE(runtime->accounts()
                    .CreateWorkspace({.slug = "zorg-west", .name = "Zorg West"}, "anna@zorg.nl")
                    .ok());
    auto person =
        runtime->whoiswho().AddPerson(Access(*runtime), {.name = "Els", .phone = "06-11111111"});
    ASSERT_TRUE(person.ok());
    first = person->id;
  }
  std::string old_key;
  std::getline(std::ifstream(config.data_key_file), old_key);

  const auto rotated = app::RotateDataKey(config);
  ASSERT_TRUE(rotated.ok) << rotated.message;
  std::string new_key;
  std::getline(std::ifstream(config.data_key_file), new_key);
  EXPECT_NE(new_key, old_key);
  std::string kept;
  std::getline(std::ifstream(config.data_key_file + ".previous"), kept);
  EXPECT_EQ(kept, old_key) << "the old key is kept to open older values";

  std::int64_t second = 0;
  {
    auto runtime = Start();
    EXPECT_EQ(PhoneOf(*runtime, first), "06-11111111") << "sealed with the old key";
    auto person =
        runtime->whoiswho().AddPerson(Access(*runtime), {.name = "Bo", .phone = "06-22222222"});
    ASSERT_TRUE(person.ok());
    second = person->id;
    EXPECT_EQ(PhoneOf(*runtime, second), "06-22222222");
  }

  // Without the older key, data sealed with it would be unreadable: no start.
  fs::rename(config.data_key_file + ".previous", dir / "elsewhere");
  EXPECT_THROW(Start(), std::runtime_error);
  fs::rename(dir / "elsewhere", config.data_key_file + ".previous");
  // A missing key file is not silently replaced by a new key.
  fs::rename(config.data_key_file, dir / "current");
  EXPECT_THROW(Start(), std::runtime_error);
  EXPECT_FALSE(fs::exists(config.data_key_file));
  // Nor is a different key accepted.
  security::DataKey stranger;
  stranger.fill(42);
  security::WriteKeyFile(config.data_key_file, {stranger});
  EXPECT_THROW(Start(), std::runtime_error);
  fs::rename(dir / "current", config.data_key_file);
  {
    auto runtime = Start();
    EXPECT_EQ(PhoneOf(*runtime, first), "06-11111111");
    EXPECT_EQ(PhoneOf(*runtime, second), "06-22222222");
  }

  // A key from the environment is rotated by the operator, not by this command.
  app::Config from_env = config;
  from_env.data_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
  EXPECT_FALSE(app::RotateDataKey(from_env).ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyRotation,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& param_info) { return Name(param_info.param); });

}  // namespace
}  // namespace aantafel::testing

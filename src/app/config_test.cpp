#include "app/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace aantafel::app {
namespace {

std::string WriteToml(const std::string& text) {
  const auto path =
      std::filesystem::temp_directory_path() /
      ("aantafel_cfg_" +
       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsAreValid) {
  Config config;
  EXPECT_TRUE(LoadConfig(config, std::nullopt, nullptr).empty());
  EXPECT_TRUE(ValidateConfig(config).empty());
  EXPECT_EQ(config.listen, "127.0.0.1:8080");
  EXPECT_EQ(config.database_url, "sqlite:var/aantafel.db");
}

TEST(Config, FileThenEnvironmentOverride) {
  Config config;
  const auto file =
      WriteToml("[server]\nlisten = \"0.0.0.0:9000\"\n[http]\nbody_limit_bytes = 2048\n");
  std::string db = "AANTAFEL_DATABASE_URL=postgresql://x@127.0.0.1/db";
  std::string limit = "AANTAFEL_HTTP_BODY_LIMIT_BYTES=4096";
  char* env[] = {db.data(), limit.data(), nullptr};
  EXPECT_TRUE(LoadConfig(config, file, env).empty());
  EXPECT_EQ(config.listen, "0.0.0.0:9000");
  EXPECT_EQ(config.body_limit_bytes, 4096);
  EXPECT_EQ(config.database_url, "postgresql://x@127.0.0.1/db");
}

TEST(Config, TheDataKeyComesOnlyFromTheEnvironment) {
  Config from_file;
  auto errors = LoadConfig(from_file, WriteToml("[security]\ndata_key = \"abc\"\n"), nullptr);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].key, "security.data_key");
  Config from_env;
  std::string env_key = "AANTAFEL_SECURITY_DATA_KEY=secret";
  char* env[] = {env_key.data(), nullptr};
  EXPECT_TRUE(LoadConfig(from_env, std::nullopt, env).empty());
  EXPECT_EQ(from_env.data_key, "secret");
}

TEST(Config, NamesUnknownKeysAndWrongTypes) {
  Config config;
  const auto file = WriteToml("[server]\nlissen = \"x\"\nio_threads = \"two\"\n");
  auto errors = LoadConfig(config, file, nullptr);
  std::set<std::string> keys;
  for (const auto& e : errors) keys.insert(e.key);
  EXPECT_EQ(keys, (std::set<std::string>{"server.lissen", "server.io_threads"}));
}

TEST(Config, ReportsSyntaxErrorsWithLine) {
  Config config;
  auto errors = LoadConfig(config, WriteToml("[server\n"), nullptr);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("line 1"), std::string::npos);
}

TEST(Config, EnvironmentNumbersAreChecked) {
  Config config;
  std::string bad = "AANTAFEL_HTTP_BODY_LIMIT_BYTES=12abc";
  char* env[] = {bad.data(), nullptr};
  auto errors = LoadConfig(config, std::nullopt, env);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].key, "http.body_limit_bytes");
}

TEST(Config, SwitchesAreTrueOrFalseInTheFileAndTheEnvironment) {
  Config config;
  EXPECT_FALSE(config.council_webhook_private_addresses) << "off unless switched on";
  EXPECT_TRUE(
      LoadConfig(config, WriteToml("[council]\nwebhook_private_addresses = true\n"), nullptr)
          .empty());
  EXPECT_TRUE(config.council_webhook_private_addresses);
  std::string off = "AANTAFEL_COUNCIL_WEBHOOK_PRIVATE_ADDRESSES=false";
  char* env[] = {off.data(), nullptr};
  EXPECT_TRUE(LoadConfig(config, std::nullopt, env).empty());
  EXPECT_FALSE(config.council_webhook_private_addresses);
  std::string bad = "AANTAFEL_COUNCIL_WEBHOOK_PRIVATE_ADDRESSES=yes";
  char* bad_env[] = {bad.data(), nullptr};
  const auto errors = LoadConfig(config, std::nullopt, bad_env);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].key, "council.webhook_private_addresses");
  const auto typed =
      LoadConfig(config, WriteToml("[council]\nwebhook_private_addresses = \"true\"\n"), nullptr);
  ASSERT_EQ(typed.size(), 1U) << "a string is not a switch";
}

TEST(Config, ValidationNamesTheKey) {
  Config config;
  config.body_limit_bytes = 1;
  config.listen = "nonsense";
  config.log_format = "xml";
  config.database_url = "mysql://x";
  auto errors = ValidateConfig(config);
  std::vector<std::string> keys;
  for (auto& e : errors) keys.push_back(e.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"http.body_limit_bytes", "server.listen",
                                            "database.url", "log.format"}));
}

TEST(Config, TheDossierMailboxNeedsItsAddressOneWayToLogInAndTls) {
  Config config;
  config.mail_intake_imap_url = "imap://mail.zorg.example:143";
  config.mail_intake_require_tls = false;
  config.mail_intake_mark = "delete";
  config.mail_intake_processed_folder = "INBOX";
  std::vector<std::string> keys;
  for (const auto& e : ValidateConfig(config)) keys.push_back(e.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"mail_intake.require_tls", "mail_intake.address",
                                            "mail_intake.username", "mail_intake.password_file",
                                            "mail_intake.mark", "mail_intake.processed_folder"}));

  Config m365;
  m365.mail_intake_address = "dossier@zorg.example";
  m365.mail_intake_imap_url = "imaps://outlook.office365.com:993";
  m365.mail_intake_username = "dossier@zorg.example";
  m365.mail_intake_mark = "move";
  m365.mail_intake_oauth2_token_url = "http://login.example/token";
  keys.clear();
  for (const auto& e : ValidateConfig(m365)) keys.push_back(e.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"mail_intake.oauth2_token_url",
                                            "mail_intake.oauth2_client_id",
                                            "mail_intake.oauth2_client_secret_file"}));
  m365.mail_intake_oauth2_token_url = "https://login.microsoftonline.com/t/oauth2/v2.0/token";
  m365.mail_intake_oauth2_client_id = "app";
  m365.mail_intake_oauth2_client_secret = "secret";
  EXPECT_TRUE(ValidateConfig(m365).empty());
  m365.mail_intake_password = "and a password";
  ASSERT_EQ(ValidateConfig(m365).size(), 1U) << "a password or OAuth 2, not both";
}

TEST(Config, TheExampleFileDocumentsEveryDefault) {
  // config/aantafel.example.toml must load cleanly and change nothing: it documents the defaults.
  Config loaded;
  auto errors = LoadConfig(
      loaded, std::string(AANTAFEL_SOURCE_DIR) + "/config/aantafel.example.toml", nullptr);
  for (const auto& e : errors) ADD_FAILURE() << e.key << ": " << e.message;
  const Config defaults;
  EXPECT_EQ(loaded.listen, defaults.listen);
  EXPECT_EQ(loaded.public_url, defaults.public_url);
  EXPECT_EQ(loaded.static_dir, defaults.static_dir);
  EXPECT_EQ(loaded.io_threads, defaults.io_threads);
  EXPECT_EQ(loaded.worker_threads, defaults.worker_threads);
  EXPECT_EQ(loaded.body_limit_bytes, defaults.body_limit_bytes);
  EXPECT_EQ(loaded.read_timeout_seconds, defaults.read_timeout_seconds);
  EXPECT_EQ(loaded.idle_timeout_seconds, defaults.idle_timeout_seconds);
  EXPECT_EQ(loaded.shutdown_timeout_seconds, defaults.shutdown_timeout_seconds);
  EXPECT_EQ(loaded.database_url, defaults.database_url);
  EXPECT_EQ(loaded.database_pool_size, defaults.database_pool_size);
  EXPECT_EQ(loaded.session_ttl_hours, defaults.session_ttl_hours);
  EXPECT_EQ(loaded.login_attempts_per_ip_per_minute, defaults.login_attempts_per_ip_per_minute);
  EXPECT_EQ(loaded.login_failures_per_account_and_address_per_15_minutes,
            defaults.login_failures_per_account_and_address_per_15_minutes);
  EXPECT_EQ(loaded.login_failures_per_address_per_15_minutes,
            defaults.login_failures_per_address_per_15_minutes);
  EXPECT_EQ(loaded.data_key_file, defaults.data_key_file);
  EXPECT_EQ(loaded.log_level, defaults.log_level);
  EXPECT_EQ(loaded.log_format, defaults.log_format);
  EXPECT_EQ(loaded.council_webhook_private_addresses, defaults.council_webhook_private_addresses);
  EXPECT_EQ(loaded.mail_intake_oauth2_scope, defaults.mail_intake_oauth2_scope);
  EXPECT_EQ(loaded.mail_intake_mark, defaults.mail_intake_mark);
  EXPECT_EQ(loaded.mail_intake_processed_folder, defaults.mail_intake_processed_folder);
  EXPECT_EQ(loaded.mail_intake_poll_seconds, defaults.mail_intake_poll_seconds);
  EXPECT_EQ(loaded.mail_intake_require_tls, defaults.mail_intake_require_tls);
}

TEST(ParseListen, AcceptsHostPortForms) {
  EXPECT_EQ(ParseListen("127.0.0.1:8080")->port, 8080);
  EXPECT_EQ(ParseListen("[::1]:9000")->host, "::1");
  EXPECT_EQ(ParseListen("localhost:80")->host, "127.0.0.1");
  EXPECT_FALSE(ParseListen("8080"));
  EXPECT_FALSE(ParseListen("host:99999"));
  EXPECT_FALSE(ParseListen(":80"));
}

}  // namespace
}  // namespace aantafel::app

#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "http/handlers/handlers.hpp"

namespace aantafel::testing {

TestServer::TestServer(Backend backend, TestServerOptions options) : database_(backend) {
  app::Config config;
  config.database_url = database_.url();
  config.database_pool_size = 4;
  config.data_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";  // fixed test key, no file
  config.smtp_url = std::move(options.smtp_url);
  config.almanak_url = std::move(options.almanak_url);
  config.council_url = std::move(options.council_url);
  config.council_page_size = options.council_page_size;
  config.council_webhook_private_addresses = options.webhook_private_addresses;
  config.register_editors = std::move(options.register_editors);
  config.max_file_bytes = options.max_file_bytes;
  config.mail_intake_address = std::move(options.mail_intake_address);
  config.smtp_from = "aantafel@zorg.example";
  config.public_url = "https://aantafel.example";
  runtime_ = std::make_unique<app::Runtime>(
      config, /*migrate=*/true,
      app::RuntimeOverrides{.clock = &clock_,
                            .random = &random_,
                            .password_cost = security::PasswordCost::Minimal()});
  runtime_->StartBackground();
  app_ = std::make_unique<http::App>(runtime_->Services(),
                                     http::AppSettings{.secure_cookies = options.secure_cookies,
                                                       .session_ttl = std::chrono::hours(12),
                                                       .static_dir = std::move(options.static_dir),
                                                       .version = "test",
                                                       .database_kind = runtime_->database_kind(),
                                                       .public_url = "https://aantafel.example",
                                                       .mail_enabled = !config.smtp_url.empty()});
  server_ = std::make_unique<http::Server>(
      *app_,
      http::ServerOptions{.host = "127.0.0.1",
                          .port = 0,
                          .io_threads = 2,
                          .worker_threads = 4,
                          .body_limit = options.body_limit,
                          .upload_body_limit = static_cast<std::size_t>(options.max_file_bytes),
                          .upload_read_timeout = std::chrono::seconds(10),
                          .header_limit = 16 * 1024,
                          .read_timeout = std::chrono::seconds(10),
                          .idle_timeout = std::chrono::seconds(10),
                          .shutdown_timeout = options.shutdown_timeout});
}

TestServer::~TestServer() { StopAndJoin(); }

void TestServer::Start() {
  port_ = server_->Listen();
  thread_ = std::thread([this] { server_->Run(); });
}

void TestServer::StopAndJoin() {
  if (!thread_.joinable()) return;
  server_->Stop();
  thread_.join();
}

std::string TestServer::AddUser(const std::string& email, const std::string& name) {
  auto user = runtime_->accounts().AddUser({.email = email, .name = name, .password = kPassword});
  EXPECT_TRUE(user.ok()) << "could not add " << email;
  return email;
}

void TestServer::AddWorkspace(const std::string& slug, const std::string& owner_email) {
  auto ws = runtime_->accounts().CreateWorkspace(
      {.slug = slug, .name = "Werkruimte " + slug, .kind = "care_provider"}, owner_email);
  EXPECT_TRUE(ws.ok()) << "could not create " << slug;
}

void TestServer::AddMember(const std::string& slug, const std::string& email,
                           const std::string& role) {
  storage::SqlWorkspaceRepository workspaces(runtime_->database());
  storage::SqlUserRepository users(runtime_->database());
  auto ws = workspaces.FindBySlug(slug);
  auto user = users.FindByEmail(email);
  ASSERT_TRUE(ws && user);
  ASSERT_TRUE(
      workspaces.SetRole(ws->id, user->user.id, *core::accounts::ParseRole(role), clock_.Now())
          .ok());
}

BrowserSession LogIn(HttpClient& client, const std::string& email, const std::string& password) {
  const nlohmann::json body = {{"email", email}, {"password", password}};
  auto response = client.Request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                                 body.dump());
  EXPECT_EQ(response.status, 201) << response.body;
  BrowserSession session;
  const std::string set_cookie = response.Header("Set-Cookie");
  session.cookie = set_cookie.substr(0, set_cookie.find(';'));
  auto parsed = nlohmann::json::parse(response.body, nullptr, false);
  if (parsed.is_object() && parsed.contains("csrf_token")) {
    session.csrf = parsed["csrf_token"].get<std::string>();
  }
  return session;
}

}  // namespace aantafel::testing

#pragma once

#include <memory>
#include <string>
#include <thread>

#include "app/config.hpp"
#include "app/runtime.hpp"
#include "http/app.hpp"
#include "http/server/server.hpp"
#include "support/fakes.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace aantafel::testing {

/// Knobs for one test server.
struct TestServerOptions {
  bool secure_cookies = false;
  std::size_t body_limit = 64 * 1024;
  std::string static_dir = "/nonexistent-static-dir";
  std::chrono::seconds shutdown_timeout{10};
  std::string smtp_url;          ///< e-mail digests go here (an SmtpSink); empty: off
  std::string almanak_url;       ///< the Almanak export to refresh from (a FileServer); empty: off
  std::string register_editors;  ///< [register] editors
  std::string council_url;       ///< Open Besluitvorming (a FileServer); empty: off
  std::int64_t council_page_size = 1000;
  bool webhook_private_addresses = false;         ///< [council] webhook_private_addresses
  std::int64_t max_file_bytes = 2 * 1024 * 1024;  ///< [documents] max_file_bytes
  std::string mail_intake_address = "dossier@zorg.example";  ///< [mail_intake] address
};

/// The real aantafel HTTP stack (runtime, app, Beast server) on a free loopback port, with a
/// fresh database, a fake clock, a seeded random source and cheap password hashing.
class TestServer {
 public:
  explicit TestServer(Backend backend, TestServerOptions options = {});
  ~TestServer();

  /// Must be called after adding any extra routes and before sending requests.
  void Start();
  /// Begins a graceful stop and waits for the server thread to finish.
  void StopAndJoin();

  [[nodiscard]] std::uint16_t port() const { return port_; }
  app::Runtime& runtime() { return *runtime_; }
  http::App& app() { return *app_; }
  http::Server& server() { return *server_; }
  FakeClock& clock() { return clock_; }

  /// Creates a user (password "correct horse 1") and returns their email.
  std::string AddUser(const std::string& email, const std::string& name = "Test Gebruiker");
  /// Creates a workspace owned by `owner_email`.
  void AddWorkspace(const std::string& slug, const std::string& owner_email);
  /// Adds `email` to `slug` with `role` directly through the repository.
  void AddMember(const std::string& slug, const std::string& email, const std::string& role);

  static constexpr const char* kPassword = "correct horse 1";

 private:
  TestDatabase database_;
  FakeClock clock_;
  SeededRandom random_;
  std::unique_ptr<app::Runtime> runtime_;
  std::unique_ptr<http::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

/// A logged-in browser: session cookie and CSRF token.
struct BrowserSession {
  std::string cookie;  ///< "aantafel_session=…"
  std::string csrf;
};

/// Logs in through the API; fails the test when login does not succeed.
BrowserSession LogIn(HttpClient& client, const std::string& email,
                     const std::string& password = TestServer::kPassword);

}  // namespace aantafel::testing

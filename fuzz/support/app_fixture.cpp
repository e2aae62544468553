#include "support/app_fixture.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <span>

#include "app/runtime.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"

namespace aantafel::fuzz {

namespace {

/// Fixed time and bytes, so that a crash input replays the same way.
class FixedClock final : public core::Clock {
 public:
  [[nodiscard]] core::Instant Now() const override { return core::FromMillis(1'795'000'000'000); }
};

class SeededRandom final : public core::Random {
 public:
  void Fill(std::span<unsigned char> out) override {
    for (auto& b : out) b = static_cast<unsigned char>(engine_() & 0xFFU);
  }

 private:
  std::mt19937_64 engine_{42};
};

std::filesystem::path& WorkDir() {
  static std::filesystem::path dir;
  return dir;
}

void RemoveWorkDir() {
  std::error_code ignored;
  if (!WorkDir().empty()) std::filesystem::remove_all(WorkDir(), ignored);
}

}  // namespace

struct FuzzApp::State {
  FixedClock clock;
  SeededRandom random;
  std::unique_ptr<::aantafel::app::Runtime> runtime;
  std::unique_ptr<http::App> app;
  std::string bearer;
};

FuzzApp::FuzzApp() : state_(new State) {
  std::string pattern = (std::filesystem::temp_directory_path() / "aantafel-fuzz.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  WorkDir() = pattern;
  std::atexit(RemoveWorkDir);
  const std::filesystem::path static_dir = WorkDir() / "static";
  std::filesystem::create_directories(static_dir / "assets");
  std::ofstream(static_dir / "index.html") << "<!doctype html><title>aantafel</title>";
  std::ofstream(static_dir / "assets" / "app.js") << "console.log(1);";

  ::aantafel::app::Config config;
  config.database_url = "sqlite:" + (WorkDir() / "fuzz.db").string();
  config.database_pool_size = 1;
  config.data_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";  // fixed, no key file
  config.public_url = "https://aantafel.example";
  config.static_dir = static_dir.string();
  state_->runtime = std::make_unique<::aantafel::app::Runtime>(
      config, /*migrate=*/true,
      ::aantafel::app::RuntimeOverrides{.clock = &state_->clock,
                                        .random = &state_->random,
                                        .password_cost = security::PasswordCost::Minimal()});
  auto& accounts = state_->runtime->accounts();
  const std::string email = "eigenaar@zorg.example";
  if (!accounts.AddUser({.email = email, .name = "Eigenaar", .password = "fuzz-wachtwoord-1234"})
           .ok() ||
      !accounts
           .CreateWorkspace({.slug = std::string(slug()), .name = "Fuzz", .kind = "care_provider"},
                            email)
           .ok()) {
    std::fputs("fuzz: could not set up the workspace\n", stderr);
    std::abort();
  }
  auto token = accounts.CreateApiToken(email, slug(), "fuzz");
  if (!token) {
    std::fputs("fuzz: could not create an API token\n", stderr);
    std::abort();
  }
  state_->bearer = *token;
  state_->app = std::make_unique<http::App>(
      state_->runtime->Services(),
      http::AppSettings{.secure_cookies = true,
                        .session_ttl = std::chrono::hours(12),
                        .static_dir = static_dir.string(),
                        .version = "fuzz",
                        .database_kind = state_->runtime->database_kind(),
                        .public_url = "https://aantafel.example"},
      [](const http::HttpRequest& request, const std::string& what) {
        std::fprintf(stderr, "fuzz: unexpected failure on %s %s: %s\n", request.method.c_str(),
                     request.target.c_str(), what.c_str());
        std::abort();
      });
}

FuzzApp& FuzzApp::Get() {
  static FuzzApp* instance = new FuzzApp();  // never destroyed: the process ends with libFuzzer
  return *instance;
}

http::App& FuzzApp::app() { return *state_->app; }

const std::string& FuzzApp::bearer() const { return state_->bearer; }

http::HttpResponse Handle(http::HttpRequest& request) {
  static const bool verbose = std::getenv("AANTAFEL_FUZZ_VERBOSE") != nullptr;
  if (request.request_id.empty()) request.request_id = "fuzz";
  http::HttpResponse response = FuzzApp::Get().app().Handle(request);
  if (verbose) {
    std::fprintf(stderr, "fuzz: %s %s (%zu bytes) -> %d %.200s\n", request.method.c_str(),
                 request.target.c_str(), request.body.size(), response.status,
                 response.body.c_str());
  }
  if (response.status >= 500) __builtin_trap();
  return response;
}

}  // namespace aantafel::fuzz

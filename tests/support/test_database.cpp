#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace aantafel::testing {

namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  return std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

std::string WithSearchPath(const std::string& base, const std::string& schema) {
  const char separator = base.find('?') == std::string::npos ? '?' : '&';
  return base + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::string Name(Backend backend) { return backend == Backend::kSqlite ? "Sqlite" : "Postgres"; }

std::string PostgresTestUrl() {
  const char* url = std::getenv("AANTAFEL_TEST_PG_URL");
  return url != nullptr ? url : "";
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    directory_ =
        (std::filesystem::temp_directory_path() / ("aantafel_test_" + UniqueSuffix())).string();
    std::filesystem::create_directories(directory_);
    url_ = "sqlite:" + directory_ + "/test.db";
    return;
  }
  const std::string base = PostgresTestUrl();
  schema_ = "t_" + UniqueSuffix();
  auto db = storage::Database::Open({.url = base, .pool_size = 1});
  db->Acquire()->ExecuteScript("CREATE SCHEMA " + schema_);
  url_ = WithSearchPath(base, schema_);
}

TestDatabase::~TestDatabase() {
  try {
    if (backend_ == Backend::kSqlite) {
      std::error_code ec;
      std::filesystem::remove_all(directory_, ec);
    } else {
      auto db = storage::Database::Open({.url = PostgresTestUrl(), .pool_size = 1});
      db->Acquire()->ExecuteScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  } catch (...) {  // cleanup must not throw from a destructor
  }
}

std::unique_ptr<storage::Database> TestDatabase::Open(std::size_t pool_size) const {
  return storage::Database::Open({.url = url_, .pool_size = pool_size});
}

}  // namespace aantafel::testing

#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "storage/database.hpp"

namespace aantafel::testing {

/// Which backend a parameterised test runs against.
enum class Backend { kSqlite, kPostgres };

std::string Name(Backend backend);

/// Lets GoogleTest print the backend by name in parameterised test names and messages.
inline void PrintTo(Backend backend, std::ostream* os) { *os << Name(backend); }

/// The PostgreSQL server for tests (AANTAFEL_TEST_PG_URL), or empty when not set.
std::string PostgresTestUrl();

/// A fresh, empty database for one test: a new SQLite file in a temporary directory, or a new
/// schema in the test PostgreSQL server (dropped afterwards).
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// The URL to open it with (what --database would get).
  [[nodiscard]] const std::string& url() const { return url_; }
  /// Opens a pool on it (not migrated).
  [[nodiscard]] std::unique_ptr<storage::Database> Open(std::size_t pool_size = 4) const;

 private:
  Backend backend_;
  std::string url_;
  std::string directory_;  // SQLite
  std::string schema_;     // PostgreSQL
};

}  // namespace aantafel::testing

/// Skips the current test when it targets PostgreSQL and no test server is configured.
#define AANTAFEL_SKIP_WITHOUT_BACKEND(backend)                  \
  do {                                                          \
    if ((backend) == ::aantafel::testing::Backend::kPostgres && \
        ::aantafel::testing::PostgresTestUrl().empty()) {       \
      GTEST_SKIP() << "AANTAFEL_TEST_PG_URL not set";           \
    }                                                           \
  } while (0)

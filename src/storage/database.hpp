#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aantafel::storage {

/// Which SQL server speaks.
enum class Dialect { kSqlite, kPostgres };

/// A bound parameter or a result cell. Timestamps are int64 milliseconds; booleans are 0/1.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// NULL for nullopt.
inline Value OptionalInt(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value OptionalText(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}

/// One result row.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  [[nodiscard]] std::size_t size() const { return cells_.size(); }
  [[nodiscard]] bool IsNull(std::size_t i) const;
  [[nodiscard]] std::int64_t Int(std::size_t i) const;
  [[nodiscard]] double Real(std::size_t i) const;
  [[nodiscard]] std::string Text(std::size_t i) const;
  [[nodiscard]] std::optional<std::string> OptionalText(std::size_t i) const;

 private:
  std::vector<Value> cells_;
};

/// A failure of the database itself. Unique/foreign-key violations are classified so that
/// repositories can turn them into domain errors; everything else is exceptional.
class StorageError : public std::runtime_error {
 public:
  enum class Kind { kUniqueViolation, kForeignKeyViolation, kUnavailable, kSchemaTooNew, kOther };
  StorageError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

/// One connection to the database. Not thread-safe: a connection is used by one thread at a time.
/// SQL uses PostgreSQL-style placeholders ($1, $2, …) for both dialects.
class Connection {
 public:
  virtual ~Connection() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  /// Runs a statement and returns all rows.
  virtual std::vector<Row> Query(std::string_view sql, std::span<const Value> params) = 0;
  /// Runs a statement and returns the number of rows changed.
  virtual std::int64_t Execute(std::string_view sql, std::span<const Value> params) = 0;
  /// Runs several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;
  /// Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing).
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  /// False once the connection is broken and must not go back into the pool.
  [[nodiscard]] virtual bool Healthy() const = 0;

  std::vector<Row> Query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  std::int64_t Execute(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
  /// The first row, if any.
  std::optional<Row> QueryOne(std::string_view sql, std::initializer_list<Value> params = {});
};

/// Where the database is and how many connections to keep.
struct DatabaseOptions {
  std::string url = "sqlite:var/aantafel.db";  ///< sqlite:PATH or postgresql://…
  std::size_t pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  std::chrono::milliseconds busy_timeout{5000};  ///< SQLite: wait for a lock this long
};

/// A pool of connections to one database; thread-safe.
class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  /// Opens the database named by `options.url`; throws StorageError on a bad URL or when
  /// the first connection cannot be made.
  static std::unique_ptr<Database> Open(const DatabaseOptions& options);

  Database(Dialect dialect, Factory factory, std::size_t pool_size,
           std::chrono::milliseconds acquire_timeout);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] Dialect dialect() const { return dialect_; }

  /// A connection borrowed from the pool; returned when the lease ends.
  class Lease {
   public:
    Lease(Database& db, std::unique_ptr<Connection> connection)
        : db_(&db), connection_(std::move(connection)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    Database* db_;
    std::unique_ptr<Connection> connection_;
  };

  /// Borrows a connection; waits up to the acquire timeout, then throws kUnavailable.
  Lease Acquire();

  /// Runs `work(Connection&)` in a transaction. Commits when it returns normally — unless it
  /// returns a Result that holds an error — and rolls back on exceptions.
  template <typename Work>
  auto Transaction(Work&& work) -> decltype(work(std::declval<Connection&>())) {
    Lease lease = Acquire();
    lease->Begin();
    try {
      if constexpr (std::is_void_v<decltype(work(*lease))>) {
        work(*lease);
        lease->Commit();
      } else {
        auto result = work(*lease);
        if constexpr (requires { result.ok(); }) {
          if (!result.ok()) {
            lease->Rollback();
            return result;
          }
        }
        lease->Commit();
        return result;
      }
    } catch (...) {
      if (lease->Healthy()) {
        try {
          lease->Rollback();
        } catch (...) {  // the original error matters more than a failed rollback
        }
      }
      throw;
    }
  }

  /// True when a trivial query succeeds.
  bool Ping();

 private:
  void Release(std::unique_ptr<Connection> connection);

  Dialect dialect_;
  Factory factory_;
  std::size_t pool_size_;
  std::chrono::milliseconds acquire_timeout_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
};

/// Rewrites $1, $2 … into SQLite's ?1, ?2 … (outside quoted text).
std::string ToSqlitePlaceholders(std::string_view sql);

}  // namespace aantafel::storage

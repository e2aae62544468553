#include "storage/sqlite/sqlite_connection.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace aantafel::storage {

namespace {

StorageError::Kind Classify(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return StorageError::Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return StorageError::Kind::kForeignKeyViolation;
    default: break;
  }
  switch (extended_code & 0xFF) {  // primary code: covers SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_*, …
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL: return StorageError::Kind::kUnavailable;
    default: return StorageError::Kind::kOther;
  }
}

/// One writer lock per database file in this process. SQLite allows one writer at a time; when
/// writers wait for each other inside SQLite they sleep in growing steps (up to 100 ms), which
/// gave submissions a long latency tail under load. Queuing on a mutex instead hands the lock on
/// at once. Other processes (a CLI import) still meet SQLite's busy timeout.
std::shared_ptr<std::timed_mutex> WriterLock(const std::string& path) {
  static std::mutex registry_mutex;
  static std::unordered_map<std::string, std::weak_ptr<std::timed_mutex>> registry;
  std::error_code ec;
  const std::string key = std::filesystem::weakly_canonical(path, ec).string();
  std::lock_guard lock(registry_mutex);
  auto& slot = registry[ec ? path : key];
  auto existing = slot.lock();
  if (existing) return existing;
  auto created = std::make_shared<std::timed_mutex>();
  slot = created;
  return created;
}

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<std::timed_mutex> writer,
                   std::chrono::milliseconds busy)
      : db_(db), writer_(std::move(writer)), busy_(busy) {}
  ~SqliteConnection() override {
    if (writing_.owns_lock() && sqlite3_get_autocommit(db_) == 0) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    statements_.clear();
    sqlite3_close_v2(db_);
  }

  [[nodiscard]] Dialect dialect() const override { return Dialect::kSqlite; }

  std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    const auto write = LockForStatement(stmt);  // INSERT … RETURNING comes through here too
    std::vector<Row> rows;
    while (true) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Fail(stmt);
      const int n = sqlite3_column_count(stmt);
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) cells.push_back(Column(stmt, i));
      rows.emplace_back(std::move(cells));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    const auto write = LockForStatement(stmt);
    int rc = sqlite3_step(stmt);
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) Fail(stmt);
    sqlite3_reset(stmt);
    return sqlite3_changes64(db_);
  }

  void ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string what = message != nullptr ? message : "unknown error";
      sqlite3_free(message);
      throw StorageError(Classify(sqlite3_extended_errcode(db_)), "sqlite: " + what);
    }
  }

  void Begin() override {
    writing_ = AcquireWriter();
    try {
      ExecuteScript("BEGIN IMMEDIATE");
    } catch (...) {
      writing_ = {};
      throw;
    }
  }
  void Commit() override {
    ExecuteScript("COMMIT");
    writing_ = {};
  }
  void Rollback() override {
    try {
      if (sqlite3_get_autocommit(db_) == 0) ExecuteScript("ROLLBACK");
    } catch (...) {
      writing_ = {};
      throw;
    }
    writing_ = {};
  }
  [[nodiscard]] bool Healthy() const override { return true; }

 private:
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const Value> params) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end()) {
      const std::string translated = ToSqlitePlaceholders(sql);
      sqlite3_stmt* raw = nullptr;
      if (sqlite3_prepare_v3(db_, translated.c_str(), static_cast<int>(translated.size()),
                             SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
        throw StorageError(Classify(sqlite3_extended_errcode(db_)),
                           std::string("sqlite prepare: ") + sqlite3_errmsg(db_));
      }
      it = statements_.emplace(std::string(sql), StatementPtr(raw)).first;
    }
    sqlite3_stmt* stmt = it->second.get();
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 0; i < params.size(); ++i) Bind(stmt, static_cast<int>(i + 1), params[i]);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, int index, const Value& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* n = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* d = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else {
      const auto& s = std::get<std::string>(value);
      rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) {
      throw StorageError(StorageError::Kind::kOther,
                         std::string("sqlite bind: ") + sqlite3_errmsg(db_));
    }
  }

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL: return nullptr;
      case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, i);
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return std::string(text != nullptr ? text : "",
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
      }
    }
  }

  std::unique_lock<std::timed_mutex> AcquireWriter() {
    std::unique_lock lock(*writer_, busy_);
    if (!lock.owns_lock()) {
      throw StorageError(StorageError::Kind::kUnavailable, "sqlite: database busy (writer lock)");
    }
    return lock;
  }

  /// A write outside a transaction takes the writer lock for its one statement.
  std::unique_lock<std::timed_mutex> LockForStatement(sqlite3_stmt* stmt) {
    if (writing_.owns_lock() || sqlite3_get_autocommit(db_) == 0 || sqlite3_stmt_readonly(stmt)) {
      return {};
    }
    return AcquireWriter();
  }

  [[noreturn]] void Fail(sqlite3_stmt* stmt) {
    const int code = sqlite3_extended_errcode(db_);
    std::string message = std::string("sqlite: ") + sqlite3_errmsg(db_);
    sqlite3_reset(stmt);
    throw StorageError(Classify(code), message);
  }

  sqlite3* db_;
  std::shared_ptr<std::timed_mutex> writer_;
  std::chrono::milliseconds busy_;
  std::unique_lock<std::timed_mutex> writing_;  ///< held from Begin to Commit/Rollback
  std::unordered_map<std::string, StatementPtr> statements_;
};

}  // namespace

bool CreatePrivateFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

std::unique_ptr<Connection> OpenSqlite(const std::string& path, std::chrono::milliseconds busy) {
  const std::filesystem::path file(path);
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  // SQLite would create a new file with the process's umask (usually 0644); an empty file is a
  // new database to SQLite. In-memory and URI names are left to SQLite.
  if (!path.empty() && path != ":memory:" && !path.starts_with("file:")) {
    (void)CreatePrivateFile(path);
  }
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    throw StorageError(StorageError::Kind::kUnavailable, "sqlite open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(busy.count()));
  auto connection = std::make_unique<SqliteConnection>(db, WriterLock(path), busy);
  connection->ExecuteScript(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  return connection;
}

}  // namespace aantafel::storage

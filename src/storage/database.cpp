#include "storage/database.hpp"

#include "storage/postgres/postgres_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace aantafel::storage {

bool Row::IsNull(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(cells_.at(i));
}

std::int64_t Row::Int(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

double Row::Real(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0;
}

std::string Row::Text(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::OptionalText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<Row> Connection::QueryOne(std::string_view sql, std::initializer_list<Value> params) {
  auto rows = Query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::unique_ptr<Database> Database::Open(const DatabaseOptions& options) {
  const std::string& url = options.url;
  std::unique_ptr<Database> db;
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.starts_with("//")) path = path.substr(2);
    if (path.empty()) throw StorageError(StorageError::Kind::kOther, "sqlite: URL has no path");
    const auto busy = options.busy_timeout;
    db = std::make_unique<Database>(
        Dialect::kSqlite, [path, busy] { return OpenSqlite(path, busy); }, options.pool_size,
        options.acquire_timeout);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    db = std::make_unique<Database>(
        Dialect::kPostgres, [url] { return OpenPostgres(url); }, options.pool_size,
        options.acquire_timeout);
  } else {
    throw StorageError(StorageError::Kind::kOther,
                       "database URL must start with sqlite: or postgresql://");
  }
  // Fail at start-up, not at the first request, when the database cannot be reached.
  db->Acquire();
  return db;
}

Database::Database(Dialect dialect, Factory factory, std::size_t pool_size,
                   std::chrono::milliseconds acquire_timeout)
    : dialect_(dialect),
      factory_(std::move(factory)),
      pool_size_(pool_size == 0 ? 1 : pool_size),
      acquire_timeout_(acquire_timeout) {}

Database::~Database() = default;

Database::Lease::~Lease() {
  if (connection_) db_->Release(std::move(connection_));
}

Database::Lease Database::Acquire() {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + acquire_timeout_;
  while (idle_.empty() && open_ >= pool_size_) {
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= pool_size_) {
      throw StorageError(StorageError::Kind::kUnavailable, "no database connection available");
    }
  }
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, factory_());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void Database::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->Healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

bool Database::Ping() {
  try {
    auto lease = Acquire();
    return !lease->Query("SELECT 1", {}).empty();
  } catch (const StorageError&) {
    return false;
  }
}

std::string ToSqlitePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '$') {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace aantafel::storage

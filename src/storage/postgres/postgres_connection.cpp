#include "storage/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace aantafel::storage {

namespace {

// Type OIDs from pg_type.h (stable across server versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

StorageError::Kind Classify(const PGresult* result, PGconn* conn) {
  if (PQstatus(conn) != CONNECTION_OK) return StorageError::Kind::kUnavailable;
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) return StorageError::Kind::kOther;
  if (std::strcmp(state, "23505") == 0) return StorageError::Kind::kUniqueViolation;
  if (std::strcmp(state, "23503") == 0) return StorageError::Kind::kForeignKeyViolation;
  // Class 08 (connection exception), 53 (insufficient resources), 57P (shutdown).
  if (std::strncmp(state, "08", 2) == 0 || std::strncmp(state, "53", 2) == 0 ||
      std::strncmp(state, "57P", 3) == 0) {
    return StorageError::Kind::kUnavailable;
  }
  return StorageError::Kind::kOther;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }

  std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override {
    ResultPtr result = Run(sql, params);
    const int rows = PQntuples(result.get());
    const int cols = PQnfields(result.get());
    std::vector<Row> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) cells.push_back(Cell(result.get(), r, c));
      out.emplace_back(std::move(cells));
    }
    return out;
  }

  std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
    ResultPtr result = Run(sql, params);
    const char* affected = PQcmdTuples(result.get());
    return (affected != nullptr && *affected != '\0') ? std::stoll(affected) : 0;
  }

  void ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr result(PQexec(conn_, text.c_str()));
    Check(result.get());
  }

  void Begin() override { ExecuteScript("BEGIN"); }
  void Commit() override { ExecuteScript("COMMIT"); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) ExecuteScript("ROLLBACK");
  }
  [[nodiscard]] bool Healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

 private:
  ResultPtr Run(std::string_view sql, std::span<const Value> params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buffer[32];
        const auto end =
            std::to_chars(buffer, buffer + sizeof buffer, *d).ptr;  // shortest round trip
        texts[i].assign(buffer, end);
      } else {
        texts[i] = std::get<std::string>(v);
      }
      values[i] = texts[i].c_str();
    }
    const std::string text(sql);
    ResultPtr result(PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0));
    Check(result.get());
    return result;
  }

  void Check(PGresult* result) {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    throw StorageError(Classify(result, conn_), std::string("postgres: ") + PQerrorMessage(conn_));
  }

  static Value Cell(PGresult* result, int r, int c) {
    if (PQgetisnull(result, r, c) != 0) return nullptr;
    const char* text = PQgetvalue(result, r, c);
    switch (PQftype(result, c)) {
      case kInt8Oid:
      case kInt4Oid:
      case kInt2Oid: return static_cast<std::int64_t>(std::stoll(text));
      case kBoolOid: return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
      case kFloat4Oid:
      case kFloat8Oid: return std::stod(text);
      default: return std::string(text, static_cast<std::size_t>(PQgetlength(result, r, c)));
    }
  }

  PGconn* conn_;
};

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string message = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
    PQfinish(conn);
    throw StorageError(StorageError::Kind::kUnavailable, "postgres connect: " + message);
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // Quiet NOTICEs (e.g. "relation already exists, skipping") and use UTC for timestamps.
  connection->ExecuteScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  return connection;
}

}  // namespace aantafel::storage

#include "storage/documents_repository.hpp"

#include <array>
#include <map>

namespace aantafel::storage {

using core::FromMillis;
using core::ToMillis;
using namespace core::documents;

namespace {

namespace sql {
// One column per kind of record; the CHECK in the schema keeps exactly one of them set.
constexpr std::array<std::string_view, 4> kRecordColumn{"interaction_id", "agreement_id", "plan_id",
                                                        "organisation_id"};
constexpr std::array<std::string_view, 4> kRecordTable{"interactions", "agreements", "plans",
                                                       "organisations"};
#define DOCUMENT_COLUMNS "id, interaction_id, agreement_id, plan_id, organisation_id, created_at"
constexpr std::string_view kFind =
    "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE workspace_id = $1 AND id = $2";
// Metadata only: the sealed bytes are the last column of the table and are never read here.
constexpr std::string_view kVersionsOf =
    "SELECT v.document_id, v.version, v.name_sealed, v.content_type, v.size_bytes, "
    "v.note_sealed, v.uploaded_by, COALESCE(u.name, ''), v.uploaded_at FROM document_versions v "
    "LEFT JOIN users u ON u.id = v.uploaded_by WHERE v.workspace_id = $1 AND v.document_id = $2 "
    "ORDER BY v.version DESC";
constexpr std::string_view kInsertVersion =
    "INSERT INTO document_versions (workspace_id, document_id, version, name_sealed, "
    "content_type, size_bytes, note_sealed, uploaded_by, uploaded_at, content_sealed) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kLastVersion =
    "SELECT MAX(version) FROM document_versions WHERE workspace_id = $1 AND document_id = $2";
constexpr std::string_view kContent =
    "SELECT name_sealed, content_type, content_sealed FROM document_versions WHERE "
    "workspace_id = $1 AND document_id = $2 AND version = $3";
constexpr std::string_view kDelete = "DELETE FROM documents WHERE workspace_id = $1 AND id = $2";
// A row lock on the document serialises two replacements of it (PostgreSQL); SQLite writes one
// transaction at a time anyway.
constexpr std::string_view kLockSqlite =
    "SELECT id FROM documents WHERE workspace_id = $1 AND id = $2";
constexpr std::string_view kLockPostgres =
    "SELECT id FROM documents WHERE workspace_id = $1 AND id = $2 FOR UPDATE";
}  // namespace sql

std::size_t Index(RecordKind kind) { return static_cast<std::size_t>(kind); }

std::string NameContext(std::int64_t ws) { return "document.name/ws:" + std::to_string(ws); }
std::string NoteContext(std::int64_t ws) { return "document.note/ws:" + std::to_string(ws); }
// The document and version are part of the context: sealed bytes copied to another document
// (or workspace) do not open.
std::string ContentContext(std::int64_t ws, std::int64_t id, int version) {
  return "document.content/ws:" + std::to_string(ws) + "/" + std::to_string(id) + "/" +
         std::to_string(version);
}

}  // namespace

bool SqlDocumentRepository::RecordExists(std::int64_t ws, const RecordRef& record) {
  const std::string query = "SELECT 1 FROM " + std::string(sql::kRecordTable[Index(record.kind)]) +
                            " WHERE workspace_id = $1 AND id = $2";
  auto lease = db_.Acquire();
  return !lease->Query(query, std::array<Value, 2>{ws, record.id}).empty();
}

void SqlDocumentRepository::InsertVersion(Connection& c, std::int64_t ws, std::int64_t id,
                                          int version, const NewVersion& v) {
  c.Execute(
      sql::kInsertVersion,
      std::array<Value, 10>{
          ws, id, static_cast<std::int64_t>(version), cipher_.Seal(v.name, NameContext(ws)),
          v.content_type, static_cast<std::int64_t>(v.bytes.size()),
          v.note.empty() ? std::string() : cipher_.Seal(v.note, NoteContext(ws)), v.uploaded_by,
          ToMillis(v.uploaded_at), cipher_.Seal(v.bytes, ContentContext(ws, id, version))});
}

Document SqlDocumentRepository::Add(std::int64_t ws, const RecordRef& record,
                                    const NewVersion& first) {
  const std::int64_t id =
      db_.Transaction([&](Connection& c) { return InsertDocument(c, ws, record, first); });
  return *Find(ws, id);
}

std::int64_t SqlDocumentRepository::InsertDocument(Connection& c, std::int64_t ws,
                                                   const RecordRef& record,
                                                   const NewVersion& first) {
  const std::string insert = "INSERT INTO documents (workspace_id, " +
                             std::string(sql::kRecordColumn[Index(record.kind)]) +
                             ", created_at) VALUES ($1, $2, $3) RETURNING id";
  const std::int64_t id = c.QueryOne(insert, {ws, record.id, ToMillis(first.uploaded_at)})->Int(0);
  InsertVersion(c, ws, id, 1, first);
  return id;
}

std::optional<Document> SqlDocumentRepository::AddVersion(std::int64_t ws, std::int64_t id,
                                                          const NewVersion& next) {
  const bool stored = db_.Transaction([&](Connection& c) {
    const auto lock = c.dialect() == Dialect::kPostgres ? sql::kLockPostgres : sql::kLockSqlite;
    if (!c.QueryOne(lock, {ws, id})) return false;
    const auto last = c.QueryOne(sql::kLastVersion, {ws, id});
    const int version = last && !last->IsNull(0) ? static_cast<int>(last->Int(0)) + 1 : 1;
    InsertVersion(c, ws, id, version, next);
    return true;
  });
  if (!stored) return std::nullopt;
  return Find(ws, id);
}

std::vector<Document> SqlDocumentRepository::Load(Connection& c, std::int64_t ws,
                                                  const std::vector<Row>& documents) {
  std::vector<Document> out;
  out.reserve(documents.size());
  for (const Row& r : documents) {
    Document d;
    d.id = r.Int(0);
    for (std::size_t k = 0; k < sql::kRecordColumn.size(); ++k) {
      if (!r.IsNull(1 + k)) d.record = {.kind = static_cast<RecordKind>(k), .id = r.Int(1 + k)};
    }
    d.created_at = FromMillis(r.Int(5));
    for (const Row& v : c.Query(sql::kVersionsOf, std::array<Value, 2>{ws, d.id})) {
      const std::string note = v.Text(5);
      d.versions.push_back(DocumentVersion{
          .version = static_cast<int>(v.Int(1)),
          .name = cipher_.Open(v.Text(2), NameContext(ws)).value_or(""),
          .content_type = v.Text(3),
          .size_bytes = v.Int(4),
          .note = note.empty() ? "" : cipher_.Open(note, NoteContext(ws)).value_or(""),
          .uploaded_by = v.IsNull(6) ? std::nullopt : std::optional<std::int64_t>(v.Int(6)),
          .uploaded_by_name = v.Text(7),
          .uploaded_at = FromMillis(v.Int(8))});
    }
    if (!d.versions.empty()) out.push_back(std::move(d));
  }
  return out;
}

std::optional<Document> SqlDocumentRepository::Find(std::int64_t ws, std::int64_t id) {
  auto lease = db_.Acquire();
  auto items = Load(*lease, ws, lease->Query(sql::kFind, std::array<Value, 2>{ws, id}));
  if (items.empty()) return std::nullopt;
  return std::move(items.front());
}

std::vector<Document> SqlDocumentRepository::List(std::int64_t ws, const RecordRef& record) {
  const std::string query = "SELECT " DOCUMENT_COLUMNS
                            " FROM documents WHERE workspace_id = $1 "
                            "AND " +
                            std::string(sql::kRecordColumn[Index(record.kind)]) +
                            " = $2 ORDER BY created_at DESC, id DESC LIMIT 500";
  auto lease = db_.Acquire();
  return Load(*lease, ws, lease->Query(query, std::array<Value, 2>{ws, record.id}));
}

std::optional<DocumentContent> SqlDocumentRepository::Content(std::int64_t ws, std::int64_t id,
                                                              std::optional<int> version) {
  auto lease = db_.Acquire();
  int wanted = 0;
  if (version) {
    wanted = *version;
  } else {
    const auto last = lease->QueryOne(sql::kLastVersion, {ws, id});
    if (!last || last->IsNull(0)) return std::nullopt;
    wanted = static_cast<int>(last->Int(0));
  }
  const auto row = lease->QueryOne(sql::kContent, {ws, id, static_cast<std::int64_t>(wanted)});
  if (!row) return std::nullopt;
  auto bytes = cipher_.Open(row->Text(2), ContentContext(ws, id, wanted));
  if (!bytes) {
    throw StorageError(StorageError::Kind::kOther, "document " + std::to_string(id) + " version " +
                                                       std::to_string(wanted) +
                                                       " does not open with the loaded data keys");
  }
  return DocumentContent{.name = cipher_.Open(row->Text(0), NameContext(ws)).value_or(""),
                         .content_type = row->Text(1),
                         .bytes = std::move(*bytes)};
}

bool SqlDocumentRepository::Delete(std::int64_t ws, std::int64_t id) {
  return db_.Transaction([&](Connection& c) { return c.Execute(sql::kDelete, {ws, id}) > 0; });
}

}  // namespace aantafel::storage

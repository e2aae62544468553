#pragma once

#include "core/documents/ports.hpp"
#include "core/field_cipher.hpp"
#include "storage/database.hpp"

namespace aantafel::storage {

/// DocumentRepository on SQL (both dialects). A document belongs to exactly one record through
/// a composite foreign key, so it goes when its record goes; names, notes and bytes are sealed
/// per workspace.
class SqlDocumentRepository final : public core::documents::DocumentRepository {
 public:
  SqlDocumentRepository(Database& db, core::FieldCipher& cipher) : db_(db), cipher_(cipher) {}

  bool RecordExists(std::int64_t ws, const core::documents::RecordRef& record) override;
  core::documents::Document Add(std::int64_t ws, const core::documents::RecordRef& record,
                                const core::documents::NewVersion& first) override;
  std::optional<core::documents::Document> AddVersion(
      std::int64_t ws, std::int64_t id, const core::documents::NewVersion& next) override;
  std::optional<core::documents::Document> Find(std::int64_t ws, std::int64_t id) override;
  std::vector<core::documents::Document> List(std::int64_t ws,
                                              const core::documents::RecordRef& record) override;
  std::optional<core::documents::DocumentContent> Content(std::int64_t ws, std::int64_t id,
                                                          std::optional<int> version) override;
  bool Delete(std::int64_t ws, std::int64_t id) override;

  /// Inserts a document with its first version inside a transaction the caller holds (Add, and
  /// filing an e-mail message with its files); its id.
  std::int64_t InsertDocument(Connection& c, std::int64_t ws,
                              const core::documents::RecordRef& record,
                              const core::documents::NewVersion& first);

 private:
  void InsertVersion(Connection& c, std::int64_t ws, std::int64_t id, int version,
                     const core::documents::NewVersion& v);
  std::vector<core::documents::Document> Load(Connection& c, std::int64_t ws,
                                              const std::vector<Row>& documents);

  Database& db_;
  core::FieldCipher& cipher_;
};

}  // namespace aantafel::storage

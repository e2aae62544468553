#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/model.hpp"

namespace aantafel::core::documents {

/// A version about to be stored.
struct NewVersion {
  std::string name;
  std::string content_type;
  std::string note;
  std::string_view bytes;
  std::int64_t uploaded_by = 0;
  Instant uploaded_at{};
};

/// Port: documents and their versions. Every call names the workspace; names, notes and bytes
/// are sealed and opened by the implementation.
class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  /// Whether the record exists in this workspace.
  virtual bool RecordExists(std::int64_t ws, const RecordRef& record) = 0;
  /// Stores a new document with `first` as version 1.
  virtual Document Add(std::int64_t ws, const RecordRef& record, const NewVersion& first) = 0;
  /// Appends the next version; nullopt when the document is not in this workspace.
  virtual std::optional<Document> AddVersion(std::int64_t ws, std::int64_t id,
                                             const NewVersion& next) = 0;
  virtual std::optional<Document> Find(std::int64_t ws, std::int64_t id) = 0;
  /// The record's documents, newest first.
  virtual std::vector<Document> List(std::int64_t ws, const RecordRef& record) = 0;
  /// The bytes of `version` (the newest when empty); nullopt when there is no such version.
  virtual std::optional<DocumentContent> Content(std::int64_t ws, std::int64_t id,
                                                 std::optional<int> version) = 0;
  /// Removes the document with every version.
  virtual bool Delete(std::int64_t ws, std::int64_t id) = 0;
};

/// Port: what a file is, read from its bytes (a MIME type such as "application/pdf"), never
/// from its name.
class ContentSniffer {
 public:
  virtual ~ContentSniffer() = default;
  virtual std::string Sniff(std::string_view bytes) = 0;
};

}  // namespace aantafel::core::documents

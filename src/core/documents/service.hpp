#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/accounts/model.hpp"
#include "core/documents/model.hpp"
#include "core/documents/ports.hpp"
#include "core/result.hpp"

namespace aantafel::core::documents {

/// The installation's limits for documents.
struct DocumentLimits {
  std::int64_t max_file_bytes = 25LL * 1024 * 1024;
};

inline constexpr std::size_t kMaxFileNameChars = 200;
inline constexpr std::size_t kMaxNoteChars = 500;

/// A file as it arrives: the name the user's device gave it and its bytes.
struct Upload {
  std::string_view name;
  std::string_view bytes;
  std::string_view note;  ///< only for a new version
};

/// Documenten: attach files to contacts, agreements, plans and organisations. Members read;
/// editors and owners attach, replace and remove. A file's type is read from its bytes and must
/// be what its name says.
class DocumentService {
 public:
  DocumentService(DocumentRepository& repository, ContentSniffer& sniffer, const Clock& clock,
                  DocumentLimits limits)
      : repository_(repository), sniffer_(sniffer), clock_(clock), limits_(limits) {}

  Result<std::vector<Document>> List(const accounts::WorkspaceAccess& access,
                                     const RecordRef& record);
  Result<Document> Attach(const accounts::WorkspaceAccess& access, const RecordRef& record,
                          const Upload& upload);
  Result<Document> Replace(const accounts::WorkspaceAccess& access, std::int64_t id,
                           const Upload& upload);
  Result<Document> Get(const accounts::WorkspaceAccess& access, std::int64_t id);
  Result<DocumentContent> Download(const accounts::WorkspaceAccess& access, std::int64_t id,
                                   std::optional<int> version);
  Status Remove(const accounts::WorkspaceAccess& access, std::int64_t id);

  /// Checks a file as for Attach without storing it: the version to store with another record
  /// (a filed e-mail's files), or the field errors an upload would get.
  Result<NewVersion> Prepare(const accounts::WorkspaceAccess& access, const Upload& upload) {
    return Checked(access, upload, /*with_note=*/false);
  }

  [[nodiscard]] const DocumentLimits& limits() const { return limits_; }

 private:
  /// Checks name, size, note and type; the version to store, or the field errors.
  Result<NewVersion> Checked(const accounts::WorkspaceAccess& access, const Upload& upload,
                             bool with_note);

  DocumentRepository& repository_;
  ContentSniffer& sniffer_;
  const Clock& clock_;
  DocumentLimits limits_;
};

}  // namespace aantafel::core::documents

#include "core/documents/service.hpp"

#include <algorithm>
#include <utility>

#include "core/validation.hpp"

namespace aantafel::core::documents {

using accounts::CanWrite;
using accounts::WorkspaceAccess;

Result<NewVersion> DocumentService::Checked(const WorkspaceAccess& access, const Upload& upload,
                                            bool with_note) {
  FieldErrors errors;
  NewVersion version;
  const std::string name = CleanFileName(upload.name);
  const AcceptedType* type = nullptr;
  if (!IsValidUtf8(upload.name)) {
    errors.Add("name", FieldIssue::kInvalidUtf8);
  } else if (name.empty()) {
    errors.Add("name", FieldIssue::kRequired);
  } else if (CodePointCount(name) > kMaxFileNameChars) {
    errors.Add("name", FieldIssue::kTooLong, static_cast<int>(kMaxFileNameChars));
  } else {
    type = TypeForName(name);
    if (type == nullptr) errors.Add("name", FieldIssue::kFileTypeNotAccepted);
  }
  if (upload.bytes.empty()) {
    errors.Add("file", FieldIssue::kRequired);
  } else if (std::cmp_greater(upload.bytes.size(), limits_.max_file_bytes)) {
    const FieldError too_large = FileTooLarge(limits_.max_file_bytes);
    errors.Add("file", too_large.issue, too_large.limit);
  } else if (type != nullptr) {
    const std::string sniffed = sniffer_.Sniff(upload.bytes);
    if (std::ranges::find(type->sniffed, sniffed) == type->sniffed.end()) {
      errors.Add("file", FieldIssue::kFileContentMismatch);
    } else if (type->content_type.starts_with("text/") || type->content_type == "message/rfc822") {
      // Text kinds must really be text: no NUL bytes, and UTF-8 or a single-byte charset is
      // left to the reader; a NUL means a binary file behind a text name.
      if (upload.bytes.find('\0') != std::string_view::npos) {
        errors.Add("file", FieldIssue::kFileContentMismatch);
      }
    }
  }
  if (with_note) {
    if (auto note = CheckText("note", upload.note,
                              {.min_chars = 0, .max_chars = kMaxNoteChars, .allow_newlines = true},
                              errors)) {
      version.note = std::move(*note);
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  version.name = name;
  version.content_type = std::string(type->content_type);
  version.bytes = upload.bytes;
  version.uploaded_by = access.user_id;
  version.uploaded_at = clock_.Now();
  return version;
}

Result<std::vector<Document>> DocumentService::List(const WorkspaceAccess& access,
                                                    const RecordRef& record) {
  if (!repository_.RecordExists(access.workspace.id, record)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  return repository_.List(access.workspace.id, record);
}

Result<Document> DocumentService::Attach(const WorkspaceAccess& access, const RecordRef& record,
                                         const Upload& upload) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.RecordExists(access.workspace.id, record)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  auto version = Checked(access, upload, /*with_note=*/false);
  if (!version.ok()) return version.error();
  return repository_.Add(access.workspace.id, record, *version);
}

Result<Document> DocumentService::Replace(const WorkspaceAccess& access, std::int64_t id,
                                          const Upload& upload) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.Find(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  auto version = Checked(access, upload, /*with_note=*/true);
  if (!version.ok()) return version.error();
  auto stored = repository_.AddVersion(access.workspace.id, id, *version);
  if (!stored) return Error::Of(ErrorCode::kNotFound);  // removed in between
  return std::move(*stored);
}

Result<Document> DocumentService::Get(const WorkspaceAccess& access, std::int64_t id) {
  auto document = repository_.Find(access.workspace.id, id);
  if (!document) return Error::Of(ErrorCode::kNotFound);
  return std::move(*document);
}

Result<DocumentContent> DocumentService::Download(const WorkspaceAccess& access, std::int64_t id,
                                                  std::optional<int> version) {
  auto content = repository_.Content(access.workspace.id, id, version);
  if (!content) return Error::Of(ErrorCode::kNotFound);
  return std::move(*content);
}

Status DocumentService::Remove(const WorkspaceAccess& access, std::int64_t id) {
  if (!CanWrite(access.role)) return Error::Of(ErrorCode::kForbidden);
  if (!repository_.Delete(access.workspace.id, id)) return Error::Of(ErrorCode::kNotFound);
  return Ok{};
}

}  // namespace aantafel::core::documents

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace aantafel::core::documents {

/// The refusal of a file larger than `max_file_bytes`, naming the limit in whole MB (at least 1):
/// the one wording for the service's check and the server's refusal before reading the body.
FieldError FileTooLarge(std::int64_t max_file_bytes);

/// What a document is attached to (glossary: document / bijlage).
enum class RecordKind { kInteraction, kAgreement, kPlan, kOrganisation };

std::string_view ToString(RecordKind kind);
std::optional<RecordKind> ParseRecordKind(std::string_view text);

/// The record a document belongs to.
struct RecordRef {
  RecordKind kind = RecordKind::kInteraction;
  std::int64_t id = 0;
  bool operator==(const RecordRef&) const = default;
};

/// One upload of a document. The name and the note are personal data: sealed at rest.
struct DocumentVersion {
  int version = 1;
  std::string name;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string note;  ///< what changed; empty for the first version
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_by_name;  ///< empty when the account is gone
  Instant uploaded_at{};
};

/// A file attached to a record, with every version it had (newest first).
struct Document {
  std::int64_t id = 0;
  RecordRef record;
  std::vector<DocumentVersion> versions;  ///< newest first; never empty
  Instant created_at{};
  [[nodiscard]] const DocumentVersion& current() const { return versions.front(); }
};

/// The bytes of one version, for a download.
struct DocumentContent {
  std::string name;
  std::string content_type;
  std::string bytes;
};

/// A kind of file aantafel accepts: its extensions, the type it is served as, and the types that
/// reading its bytes (libmagic) may report for it.
struct AcceptedType {
  std::vector<std::string_view> extensions;  ///< lower case, without the dot
  std::string_view content_type;             ///< what a download says it is
  std::vector<std::string_view> sniffed;     ///< what the bytes may be detected as
};

/// Every accepted kind (one table: the rule "what may be attached" lives here).
const std::vector<AcceptedType>& AcceptedTypes();

/// The accepted kind for a file name's extension (case-insensitive), or nullptr.
const AcceptedType* TypeForName(std::string_view name);

/// A file name as a browser or mail client may send it, made safe to store and to offer as a
/// download: the last path segment only (both / and \), control characters and quotes removed,
/// spaces trimmed. Empty when nothing usable is left.
std::string CleanFileName(std::string_view raw);

}  // namespace aantafel::core::documents

#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"
#include "http/types.hpp"

namespace aantafel::http {

/// Reads a JSON object body field by field, collecting every problem; unknown fields are
/// refused when the reader finishes. Content checks (lengths, formats) belong to core.
class JsonObjectReader {
 public:
  /// Checks Content-Type, UTF-8, nesting depth and JSON syntax; the body must be an object.
  static core::Result<JsonObjectReader> Parse(const HttpRequest& request);

  /// A required (or optional) string field; at most `max_bytes` bytes before core's checks.
  std::optional<std::string> String(const std::string& key, bool required = true,
                                    std::size_t max_bytes = 64 * 1024);
  /// A list of strings (each at most `max_bytes`), at most `max_items` long.
  std::optional<std::vector<std::string>> StringList(const std::string& key, bool required = false,
                                                     std::size_t max_items = 100,
                                                     std::size_t max_bytes = 1024);
  /// A JSON object field as it is, for a nested document with its own reader (its keys are
  /// that reader's to check).
  std::optional<nlohmann::json> Object(const std::string& key, bool required = true);
  /// A required (or optional) true/false field.
  std::optional<bool> Boolean(const std::string& key, bool required = false);
  /// A required (or optional) integer field.
  std::optional<std::int64_t> Integer(const std::string& key, bool required = true);
  /// A list of integers, at most `max_items` long.
  std::optional<std::vector<std::int64_t>> IntegerList(const std::string& key,
                                                       std::size_t max_items);
  /// Whether the body has `key` at all (also when it is null), and marks it as known.
  bool Has(const std::string& key) {
    known_.insert(key);
    return object_.contains(key);
  }
  /// Whether `key` is present and null (to clear an optional value). Asking makes null a valid
  /// value of `key`; for every other field null is refused (422 "not_nullable"), as the API
  /// description marks only these fields nullable.
  bool IsNull(const std::string& key) {
    known_.insert(key);
    nullable_.insert(key);
    auto it = object_.find(key);
    return it != object_.end() && it->is_null();
  }

  /// A list of objects, each read by `read(reader)`; problems are reported as "key[i].field".
  /// `read` returns nullopt when the item is unusable.
  template <typename T, typename Read>
  std::optional<std::vector<T>> ObjectList(const std::string& key, std::size_t max_items,
                                           Read read) {
    const nlohmann::json* value = List(key, false, max_items);
    if (value == nullptr) return std::nullopt;
    std::vector<T> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
      const std::string prefix = key + "[" + std::to_string(i) + "]";
      if (!(*value)[i].is_object()) {
        errors_.Add(prefix, core::FieldIssue::kInvalidType);
        continue;
      }
      JsonObjectReader item((*value)[i]);
      std::optional<T> parsed = read(item);
      auto done = item.Finish();
      if (!done) {
        for (const auto& [field, problem] : done.error().fields) {
          errors_.Add(prefix + "." + field, problem.issue, problem.limit);
        }
      } else if (parsed) {
        out.push_back(std::move(*parsed));
      }
    }
    return out;
  }

  /// Ok when every field was well-typed and no unknown field was sent.
  core::Status Finish();

 private:
  explicit JsonObjectReader(nlohmann::json object) : object_(std::move(object)) {}
  const nlohmann::json* Field(const std::string& key, bool required);
  /// The list under `key` when it is one of at most `max_items` items; otherwise null, with the
  /// error under `key` (none when it is absent and not required).
  const nlohmann::json* List(const std::string& key, bool required, std::size_t max_items);

  nlohmann::json object_;
  std::set<std::string, std::less<>> known_;
  std::set<std::string, std::less<>> nullable_;  ///< fields the handler asked IsNull about
  core::FieldErrors errors_;
};

/// Maximum nesting of arrays/objects accepted in a request body.
inline constexpr int kMaxJsonDepth = 32;

}  // namespace aantafel::http

#include "http/json_body.hpp"

#include "core/validation.hpp"

namespace aantafel::http {

using core::Error;
using core::ErrorCode;
using core::FieldIssue;

namespace {

/// What one pass over the raw text tells before parsing: whether the nesting stays within the
/// limit (deeper is refused before parsing, to bound memory and time) and how many object keys
/// the text holds (a string followed by ':').
struct Scan {
  bool within_depth = true;
  std::size_t keys = 0;
};

Scan ScanJson(std::string_view text, int max_depth) {
  Scan scan;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  bool after_string = false;  ///< a string just ended; a ':' next makes it a key
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        after_string = true;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (after_string && c == ':') ++scan.keys;
    after_string = false;
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) {
        scan.within_depth = false;
        return scan;
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return scan;
}

/// The members of every object in `value`, counted through the whole tree. Fewer than the keys
/// in the text means a key was given twice in one object ({"a":1,"a":2}) and one was dropped:
/// which one counts would be a guess, so such a body is refused.
std::size_t MemberCount(const nlohmann::json& value) {
  std::size_t n = 0;
  if (value.is_object()) {
    n += value.size();
    for (const auto& [key, member] : value.items()) n += MemberCount(member);
  } else if (value.is_array()) {
    for (const auto& item : value) n += MemberCount(item);
  }
  return n;
}

bool IsJsonContentType(std::optional<std::string_view> content_type) {
  if (!content_type) return false;
  std::string_view media = core::TrimAscii(content_type->substr(0, content_type->find(';')));
  return EqualsIgnoreCase(media, "application/json");
}

/// A charset parameter other than UTF-8 (JSON is UTF-8, RFC 8259); none at all is fine.
bool HasOtherCharset(std::string_view content_type) {
  for (auto at = content_type.find(';'); at != std::string_view::npos;) {
    const auto next = content_type.find(';', at + 1);
    std::string_view parameter = core::TrimAscii(content_type.substr(at + 1, next - at - 1));
    const auto eq = parameter.find('=');
    if (eq != std::string_view::npos &&
        EqualsIgnoreCase(core::TrimAscii(parameter.substr(0, eq)), "charset")) {
      std::string_view value = core::TrimAscii(parameter.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      if (!EqualsIgnoreCase(value, "utf-8") && !EqualsIgnoreCase(value, "utf8")) return true;
    }
    at = next;
  }
  return false;
}

Error Malformed(FieldIssue issue) {
  Error e = Error::Of(ErrorCode::kMalformedRequest);
  e.fields.emplace("body", core::FieldError{issue, 0});
  return e;
}

}  // namespace

core::Result<JsonObjectReader> JsonObjectReader::Parse(const HttpRequest& request) {
  if (!IsJsonContentType(request.headers.Get("Content-Type"))) {
    return Error::Of(ErrorCode::kUnsupportedMediaType);
  }
  if (HasOtherCharset(*request.headers.Get("Content-Type"))) {
    return Malformed(FieldIssue::kInvalidUtf8);
  }
  if (!core::IsValidUtf8(request.body)) return Malformed(FieldIssue::kInvalidUtf8);
  // A raw NUL is never JSON (inside strings it must be escaped); some readers stop at it and
  // would take what follows for nothing.
  if (request.body.find('\0') != std::string::npos) return Malformed(FieldIssue::kInvalidFormat);
  const Scan scan = ScanJson(request.body, kMaxJsonDepth);
  if (!scan.within_depth) return Malformed(FieldIssue::kInvalidFormat);
  nlohmann::json parsed = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Malformed(FieldIssue::kInvalidFormat);
  if (!parsed.is_object()) return Malformed(FieldIssue::kInvalidType);
  if (MemberCount(parsed) != scan.keys) return Malformed(FieldIssue::kDuplicate);
  return JsonObjectReader(std::move(parsed));
}

const nlohmann::json* JsonObjectReader::Field(const std::string& key, bool required) {
  known_.insert(key);
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) errors_.Add(key, FieldIssue::kRequired);
    return nullptr;
  }
  if (it->is_null()) {
    // null only clears what the handler declared clearable; elsewhere it would silently mean
    // "leave as it is" (a PATCH with "name": null answered 200).
    if (required) {
      errors_.Add(key, FieldIssue::kRequired);
    } else if (!nullable_.contains(key)) {
      errors_.Add(key, FieldIssue::kNotNullable);
    }
    return nullptr;
  }
  return &*it;
}

const nlohmann::json* JsonObjectReader::List(const std::string& key, bool required,
                                             std::size_t max_items) {
  const nlohmann::json* value = Field(key, required);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    errors_.Add(key, FieldIssue::kInvalidType);
    return nullptr;
  }
  if (value->size() > max_items) {
    errors_.Add(key, FieldIssue::kTooLong, static_cast<int>(max_items));
    return nullptr;
  }
  return value;
}

std::optional<nlohmann::json> JsonObjectReader::Object(const std::string& key, bool required) {
  const nlohmann::json* value = Field(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) {
    errors_.Add(key, FieldIssue::kInvalidType);
    return std::nullopt;
  }
  return *value;
}

std::optional<std::string> JsonObjectReader::String(const std::string& key, bool required,
                                                    std::size_t max_bytes) {
  const nlohmann::json* value = Field(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    errors_.Add(key, FieldIssue::kInvalidType);
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    errors_.Add(key, FieldIssue::kTooLong, static_cast<int>(max_bytes));
    return std::nullopt;
  }
  return text;
}

std::optional<std::vector<std::string>> JsonObjectReader::StringList(const std::string& key,
                                                                     bool required,
                                                                     std::size_t max_items,
                                                                     std::size_t max_bytes) {
  const nlohmann::json* value = List(key, required, max_items);
  if (value == nullptr) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : *value) {
    if (!item.is_string()) {
      errors_.Add(key, FieldIssue::kInvalidType);
      return std::nullopt;
    }
    if (item.get_ref<const std::string&>().size() > max_bytes) {
      errors_.Add(key, FieldIssue::kTooLong, static_cast<int>(max_bytes));
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<bool> JsonObjectReader::Boolean(const std::string& key, bool required) {
  const nlohmann::json* value = Field(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    errors_.Add(key, FieldIssue::kInvalidType);
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> JsonObjectReader::Integer(const std::string& key, bool required) {
  const nlohmann::json* value = Field(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    errors_.Add(key, FieldIssue::kInvalidType);
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<std::vector<std::int64_t>> JsonObjectReader::IntegerList(const std::string& key,
                                                                       std::size_t max_items) {
  const nlohmann::json* value = List(key, false, max_items);
  if (value == nullptr) return std::nullopt;
  std::vector<std::int64_t> out;
  for (const auto& item : *value) {
    if (!item.is_number_integer()) {
      errors_.Add(key, FieldIssue::kInvalidType);
      return std::nullopt;
    }
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

core::Status JsonObjectReader::Finish() {
  for (const auto& [key, value] : object_.items()) {
    if (!known_.contains(key)) errors_.Add(core::TruncateUtf8(key, 100), FieldIssue::kUnknownField);
  }
  if (!errors_.empty()) return std::move(errors_).ToError();
  return core::Ok{};
}

}  // namespace aantafel::http

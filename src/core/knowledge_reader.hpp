#pragma once

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/calendar/rules.hpp"
#include "core/error.hpp"

namespace aantafel::core {

/// Reads one JSON object of a knowledge file field by field, naming the path of every problem
/// ("events[3].date.month"), so a broken file says exactly where it is broken.
class KnowledgeReader {
 public:
  KnowledgeReader(const nlohmann::json& object, std::string path, FieldErrors& errors);

  std::string String(const char* key, bool required = true);
  int Int(const char* key, int min, int max, int fallback, bool required = false);
  /// The field, or nullptr (kRequired when `required`).
  const nlohmann::json* Get(const char* key, bool required);
  /// A {"nl","en"} text; both must be present and not empty.
  calendar::Text Text(const char* key, bool required = true);
  /// A list of strings.
  std::vector<std::string> Strings(const char* key);
  [[nodiscard]] std::string Path(const char* key) const { return path_ + "." + key; }
  [[nodiscard]] const std::string& path() const { return path_; }
  FieldErrors& errors() { return errors_; }

 private:
  const nlohmann::json& object_;
  std::string path_;
  FieldErrors& errors_;
};

/// Strict files: a key of `object` not in `allowed` is most likely a typo, so it is an error
/// (kUnknownField at "path.key").
void CheckKeys(const nlohmann::json& object, const std::string& path,
               std::initializer_list<const char*> allowed, FieldErrors& errors);

/// A {"nl","en"} text that may have no other keys.
calendar::Text ReadText(KnowledgeReader& r, const char* key);

/// The "sources" object of a knowledge file: id → title, publisher, year (year may be null).
std::map<std::string, calendar::Source> ReadSources(KnowledgeReader& root);

}  // namespace aantafel::core

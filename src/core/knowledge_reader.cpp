#include "core/knowledge_reader.hpp"

#include <algorithm>

namespace aantafel::core {

using nlohmann::json;

KnowledgeReader::KnowledgeReader(const json& object, std::string path, FieldErrors& errors)
    : object_(object), path_(std::move(path)), errors_(errors) {
  if (!object_.is_object()) errors_.Add(path_, FieldIssue::kInvalidType);
}

std::string KnowledgeReader::String(const char* key, bool required) {
  const json* v = Get(key, required);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    errors_.Add(Path(key), FieldIssue::kInvalidType);
    return {};
  }
  return v->get<std::string>();
}

int KnowledgeReader::Int(const char* key, int min, int max, int fallback, bool required) {
  const json* v = Get(key, required);
  if (v == nullptr) return fallback;
  if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
    errors_.Add(Path(key), FieldIssue::kInvalidChoice);
    return fallback;
  }
  return v->get<int>();
}

const json* KnowledgeReader::Get(const char* key, bool required) {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end() || (it->is_null() && required)) {
    if (required) errors_.Add(Path(key), FieldIssue::kRequired);
    return nullptr;
  }
  if (it->is_null()) return nullptr;
  return &*it;
}

calendar::Text KnowledgeReader::Text(const char* key, bool required) {
  const json* v = Get(key, required);
  if (v == nullptr) return {};
  KnowledgeReader r(*v, Path(key), errors_);
  calendar::Text text{.nl = r.String("nl"), .en = r.String("en")};
  // A missing translation is an error, also when the key is there but empty.
  if (v->is_object() && v->contains("nl") && text.nl.empty()) {
    errors_.Add(r.Path("nl"), FieldIssue::kRequired);
  }
  if (v->is_object() && v->contains("en") && text.en.empty()) {
    errors_.Add(r.Path("en"), FieldIssue::kRequired);
  }
  return text;
}

std::vector<std::string> KnowledgeReader::Strings(const char* key) {
  std::vector<std::string> out;
  const json* v = Get(key, false);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    errors_.Add(Path(key), FieldIssue::kInvalidType);
    return out;
  }
  for (const json& item : *v) {
    if (!item.is_string()) {
      errors_.Add(Path(key), FieldIssue::kInvalidType);
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

void CheckKeys(const json& object, const std::string& path,
               std::initializer_list<const char*> allowed, FieldErrors& errors) {
  if (!object.is_object()) return;
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    const bool known =
        std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
    if (!known) errors.Add(path + "." + key, FieldIssue::kUnknownField);
  }
}

calendar::Text ReadText(KnowledgeReader& r, const char* key) {
  if (const json* v = r.Get(key, false)) CheckKeys(*v, r.Path(key), {"nl", "en"}, r.errors());
  return r.Text(key);
}

std::map<std::string, calendar::Source> ReadSources(KnowledgeReader& root) {
  std::map<std::string, calendar::Source> sources;
  const json* list = root.Get("sources", true);
  if (list == nullptr || !list->is_object()) return sources;
  for (const auto& [id, item] : list->items()) {
    KnowledgeReader r(item, "sources." + id, root.errors());
    sources[id] = {.title = r.String("title"),
                   .publisher = r.String("publisher"),
                   .year = r.Int("year", 1900, 2200, 0, false)};
  }
  return sources;
}

}  // namespace aantafel::core

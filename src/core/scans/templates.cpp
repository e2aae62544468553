#include "core/scans/templates.hpp"

#include <algorithm>
#include <set>

#include "core/knowledge_reader.hpp"

namespace aantafel::core::scans {

using nlohmann::json;

namespace {

bool IsId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string At(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

/// The array at `key` (kRequired when missing or empty).
const json* List(KnowledgeReader& r, const char* key) {
  const json* list = r.Get(key, true);
  if (list == nullptr) return nullptr;
  if (!list->is_array() || list->empty()) {
    r.errors().Add(r.Path(key),
                   list->is_array() ? FieldIssue::kRequired : FieldIssue::kInvalidType);
    return nullptr;
  }
  return list;
}

std::string ReadId(KnowledgeReader& r, std::set<std::string>& seen) {
  std::string id = r.String("id");
  if (!id.empty() && !IsId(id)) r.errors().Add(r.Path("id"), FieldIssue::kInvalidFormat);
  if (!id.empty() && !seen.insert(id).second) r.errors().Add(r.Path("id"), FieldIssue::kDuplicate);
  return id;
}

Template ReadTemplate(KnowledgeReader& t, const ScanKnowledge& knowledge,
                      std::set<std::string>& template_ids) {
  FieldErrors& errors = t.errors();
  Template tmpl;
  tmpl.id = ReadId(t, template_ids);
  tmpl.source = t.String("source");
  if (!tmpl.source.empty() && !knowledge.sources.contains(tmpl.source)) {
    errors.Add(t.Path("source"), FieldIssue::kUnknownValue);
  }
  tmpl.title = ReadText(t, "title");
  tmpl.intro = ReadText(t, "intro");
  std::set<std::string> dimension_ids;
  std::set<std::string> statement_ids;
  if (const json* dims = List(t, "dimensions")) {
    for (std::size_t i = 0; i < dims->size(); ++i) {
      KnowledgeReader d((*dims)[i], At(t.Path("dimensions"), i), errors);
      CheckKeys((*dims)[i], d.path(), {"id", "from", "title", "statements"}, errors);
      Dimension dimension;
      dimension.id = ReadId(d, dimension_ids);
      dimension.from = d.String("from");
      dimension.title = ReadText(d, "title");
      if (const json* list = List(d, "statements")) {
        for (std::size_t k = 0; k < list->size(); ++k) {
          KnowledgeReader s((*list)[k], At(d.Path("statements"), k), errors);
          CheckKeys((*list)[k], s.path(), {"id", "text", "action"}, errors);
          Statement statement;
          statement.id = ReadId(s, statement_ids);
          statement.text = ReadText(s, "text");
          statement.action = ReadText(s, "action");
          dimension.statements.push_back(std::move(statement));
        }
      }
      tmpl.dimensions.push_back(std::move(dimension));
    }
  }
  return tmpl;
}

}  // namespace

Result<ScanKnowledge> ParseScanKnowledge(std::string_view json_text) {
  const json document = json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return Error::Field("scan_templates", FieldIssue::kInvalidFormat);
  }
  FieldErrors errors;
  KnowledgeReader root(document, "scan_templates", errors);
  if (root.Int("schema", 1, 1, 0, true) != 1) return std::move(errors).ToError();
  CheckKeys(document, root.path(), {"schema", "about", "sources", "scale", "templates"}, errors);
  ScanKnowledge knowledge;
  knowledge.sources = ReadSources(root);
  (void)ReadText(root, "about");
  if (const json* scale = root.Get("scale", true)) {
    KnowledgeReader s(*scale, root.Path("scale"), errors);
    CheckKeys(*scale, s.path(), {"labels", "dont_know"}, errors);
    if (const json* labels = s.Get("labels", true)) {
      KnowledgeReader l(*labels, s.Path("labels"), errors);
      CheckKeys(*labels, l.path(), {"nl", "en"}, errors);
      knowledge.scale_nl = l.Strings("nl");
      knowledge.scale_en = l.Strings("en");
      if (knowledge.scale_nl.size() != 5) errors.Add(l.Path("nl"), FieldIssue::kInvalidFormat);
      if (knowledge.scale_en.size() != 5) errors.Add(l.Path("en"), FieldIssue::kInvalidFormat);
    }
    knowledge.dont_know = ReadText(s, "dont_know");
  }
  std::set<std::string> template_ids;
  if (const json* list = List(root, "templates")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      KnowledgeReader t((*list)[i], At(root.Path("templates"), i), errors);
      CheckKeys((*list)[i], t.path(), {"id", "source", "title", "intro", "dimensions"}, errors);
      knowledge.templates.push_back(ReadTemplate(t, knowledge, template_ids));
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return knowledge;
}

}  // namespace aantafel::core::scans

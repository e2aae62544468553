#include "core/advisor/knowledge.hpp"

#include <algorithm>
#include <set>

#include "core/knowledge_reader.hpp"

namespace aantafel::core::advisor {

namespace {

using nlohmann::json;

const json* Array(KnowledgeReader& r, const char* key) {
  const json* v = r.Get(key, true);
  if (v != nullptr && !v->is_array()) {
    r.errors().Add(r.Path(key), FieldIssue::kInvalidType);
    return nullptr;
  }
  return v;
}

std::string At(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

bool Known(const std::vector<std::string>& allowed, const std::string& value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

/// Every value of a condition dimension must be one the advisor knows.
std::vector<std::string> Values(KnowledgeReader& r, const char* key,
                                const std::vector<std::string>& allowed) {
  auto values = r.Strings(key);
  for (const auto& v : values) {
    if (!Known(allowed, v)) r.errors().Add(r.Path(key), FieldIssue::kUnknownValue);
  }
  return values;
}

Condition ReadCondition(KnowledgeReader& parent, FieldErrors& errors) {
  const json* v = parent.Get("when", true);
  if (v == nullptr) return {};
  KnowledgeReader r(*v, parent.Path("when"), errors);
  return {.size = Values(r, "size", Sizes()),
          .phase = Values(r, "phase", Phases()),
          .level = Values(r, "level", Levels()),
          .goal = Values(r, "goal", Goals()),
          .has = Values(r, "has", Assets()),
          .lacks = Values(r, "lacks", Assets())};
}

std::vector<calendar::Text> Texts(KnowledgeReader& r, const char* key, FieldErrors& errors) {
  std::vector<calendar::Text> out;
  const json* list = Array(r, key);
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json wrapper = {{"t", (*list)[i]}};
    KnowledgeReader item(wrapper, At(r.Path(key), i), errors);
    out.push_back(item.Text("t"));
  }
  return out;
}

Item ReadItem(const json& value, const std::string& path, FieldErrors& errors, bool needs_source) {
  KnowledgeReader r(value, path, errors);
  return {.id = r.String("id"),
          .source = r.String("source", needs_source),
          .title = r.Text("title"),
          .text = r.Text("text")};
}

void CheckSource(const std::map<std::string, Source>& sources, const std::string& source,
                 const std::string& path, FieldErrors& errors) {
  if (!sources.contains(source)) errors.Add(path + ".source", FieldIssue::kUnknownValue);
}

}  // namespace

const std::vector<std::string>& Sizes() {
  static const std::vector<std::string> v{"small", "medium", "large"};
  return v;
}
const std::vector<std::string>& Phases() {
  static const std::vector<std::string> v{"vision", "change", "execution"};
  return v;
}
const std::vector<std::string>& Levels() {
  static const std::vector<std::string> v{"alderman", "council_member", "policy_officer"};
  return v;
}
const std::vector<std::string>& Goals() {
  static const std::vector<std::string> v{"get_known", "get_contracted", "innovate",
                                          "keep_contract"};
  return v;
}
const std::vector<std::string>& Assets() {
  static const std::vector<std::string> v{"consortium_partners", "neighbourhood_presence",
                                          "client_ambassadors",  "clear_focus",
                                          "adviser_relation",    "expertise"};
  return v;
}

const Strategy* KnowledgeBase::FindStrategy(std::string_view id) const {
  for (const Strategy& s : strategies) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<KnowledgeBase> ParseKnowledge(std::string_view strategies_json,
                                     std::string_view collections_json,
                                     std::string_view rules_json) {
  FieldErrors errors;
  KnowledgeBase kb;
  auto parse = [&](std::string_view text, const char* name) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) errors.Add(name, FieldIssue::kInvalidFormat);
    return doc;
  };
  const json strategies_doc = parse(strategies_json, "strategies");
  const json collections_doc = parse(collections_json, "collections");
  const json rules_doc = parse(rules_json, "advisor_rules");
  if (!errors.empty()) return std::move(errors).ToError();

  // Sources of all three files share one namespace; the same id must mean the same source.
  for (const auto& [doc, name] :
       {std::pair{&strategies_doc, "strategies"}, std::pair{&collections_doc, "collections"},
        std::pair{&rules_doc, "advisor_rules"}}) {
    KnowledgeReader root(*doc, name, errors);
    if (root.Int("schema", 1, 1, 0, true) != 1) continue;
    for (auto& [id, source] : ReadSources(root)) kb.sources.emplace(id, std::move(source));
  }

  KnowledgeReader strategies(strategies_doc, "strategies", errors);
  if (const json* list = Array(strategies, "strategies")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = At("strategies", i);
      KnowledgeReader r((*list)[i], path, errors);
      Strategy s{.id = r.String("id"),
                 .number = r.Int("number", 1, 99, 0, true),
                 .source = r.String("source"),
                 .name = r.Text("name"),
                 .meaning = r.Text("meaning"),
                 .advantage = r.Text("advantage"),
                 .disadvantage = r.Text("disadvantage"),
                 .fits_when = r.Text("fits_when"),
                 .tips = Texts(r, "tips", errors),
                 .examples = Texts(r, "examples", errors)};
      if (r.Get("small_provider", false) != nullptr) s.small_provider = r.Text("small_provider");
      if (s.tips.empty()) errors.Add(path + ".tips", FieldIssue::kRequired);
      CheckSource(kb.sources, s.source, path, errors);
      if (kb.FindStrategy(s.id) != nullptr) errors.Add(path + ".id", FieldIssue::kDuplicate);
      kb.strategies.push_back(std::move(s));
    }
  }
  std::sort(kb.strategies.begin(), kb.strategies.end(),
            [](const Strategy& a, const Strategy& b) { return a.number < b.number; });
  if (const json* list = strategies.Get("general", false); list && list->is_array()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      Item item = ReadItem((*list)[i], At("general", i), errors, true);
      CheckSource(kb.sources, item.source, At("general", i), errors);
      kb.general.push_back(std::move(item));
    }
  }

  KnowledgeReader collections(collections_doc, "collections", errors);
  if (const json* list = Array(collections, "collections")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = At("collections", i);
      KnowledgeReader r((*list)[i], path, errors);
      Collection c{.id = r.String("id"),
                   .source = r.String("source"),
                   .title = r.Text("title"),
                   .intro = r.Text("intro")};
      CheckSource(kb.sources, c.source, path, errors);
      if (const json* items = Array(r, "items")) {
        for (std::size_t j = 0; j < items->size(); ++j) {
          c.items.push_back(ReadItem((*items)[j], At(path + ".items", j), errors, false));
        }
      }
      if (c.items.empty()) errors.Add(path + ".items", FieldIssue::kRequired);
      kb.collections.push_back(std::move(c));
    }
  }

  KnowledgeReader rules(rules_doc, "advisor_rules", errors);
  std::set<std::string> rule_ids;
  if (const json* list = Array(rules, "rules")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = At("rules", i);
      KnowledgeReader r((*list)[i], path, errors);
      Rule rule{.id = r.String("id"),
                .strategy = r.String("strategy"),
                .weight = r.Int("weight", -10, 10, 0, true),
                .when = ReadCondition(r, errors),
                .source = r.String("source"),
                .reason = r.Text("reason")};
      if (!rule_ids.insert(rule.id).second) errors.Add(path + ".id", FieldIssue::kDuplicate);
      if (kb.FindStrategy(rule.strategy) == nullptr) {
        errors.Add(path + ".strategy", FieldIssue::kUnknownValue);
      }
      if (rule.weight == 0) errors.Add(path + ".weight", FieldIssue::kInvalidChoice);
      CheckSource(kb.sources, rule.source, path, errors);
      kb.rules.push_back(std::move(rule));
    }
  }
  if (const json* list = rules.Get("extra_advice", false); list && list->is_array()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = At("extra_advice", i);
      KnowledgeReader r((*list)[i], path, errors);
      ExtraAdvice extra{.id = r.String("id"),
                        .when = ReadCondition(r, errors),
                        .source = r.String("source"),
                        .text = r.Text("text")};
      CheckSource(kb.sources, extra.source, path, errors);
      kb.extra_advice.push_back(std::move(extra));
    }
  }
  if (const json* plan = rules.Get("phase_plan", true)) {
    KnowledgeReader r(*plan, "advisor_rules.phase_plan", errors);
    kb.phase_plan_source = r.String("source");
    CheckSource(kb.sources, kb.phase_plan_source, "advisor_rules.phase_plan", errors);
    if (const json* phases = r.Get("phases", true); phases && phases->is_object()) {
      KnowledgeReader p(*phases, r.Path("phases"), errors);
      for (const std::string& phase : Phases()) {
        auto ids = p.Strings(phase.c_str());
        if (ids.empty()) errors.Add(p.Path(phase.c_str()), FieldIssue::kRequired);
        for (const auto& id : ids) {
          if (kb.FindStrategy(id) == nullptr) {
            errors.Add(p.Path(phase.c_str()), FieldIssue::kUnknownValue);
          }
        }
        kb.phase_plan[phase] = std::move(ids);
      }
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return kb;
}

}  // namespace aantafel::core::advisor

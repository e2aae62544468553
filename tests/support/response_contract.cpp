#include "support/response_contract.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace aantafel::testing {
namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    out.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

/// "/a/{x}" → "~1a~1{x}": a key inside a JSON pointer.
std::string PointerKey(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Contract {
 public:
  static Contract& Instance() {
    static Contract contract(AANTAFEL_OPENAPI_JSON);
    return contract;
  }

  std::vector<std::string> Check(const std::string& method, const std::string& target, int status,
                                 const std::string& content_type,
                                 const std::string& content_encoding, const std::string& body) {
    std::lock_guard lock(mutex_);
    const std::string path = target.substr(0, target.find('?'));
    const auto template_path = Match(path);
    if (!template_path) return {};
    const std::string verb = Lower(method);
    const auto& item = spec_["paths"][*template_path];
    if (!item.contains(verb)) return {};  // the route test owns "routed but not in the spec"
    const std::string op = method + " " + *template_path;
    const auto& responses = item[verb]["responses"];
    const std::string code = std::to_string(status);
    std::string pointer;
    if (responses.contains(code)) {
      const auto& response = Resolve(responses[code]);
      const nlohmann::json content =
          response.contains("content") ? response["content"] : nlohmann::json::object();
      const std::string media = Lower(content_type.substr(0, content_type.find(';')));
      if (!IsJson(content_type)) {
        // Another documented type (an HTML page, CSV, iCal) is not validated further; "*/*"
        // documents a response of any type (a downloaded document).
        if (body.empty() || content.contains(media) || content.contains("*/*")) return {};
        return {op + " → " + code + ": Content-Type '" + content_type +
                "' is not documented for this status"};
      }
      if (!content.contains("application/json")) {
        if (body.empty()) return {};
        return {op + " → " + code + ": the spec documents no JSON body for this status"};
      }
      pointer = "/paths/" + PointerKey(*template_path) + "/" + verb + "/responses/" + code;
      if (responses[code].contains("$ref")) {
        pointer = responses[code]["$ref"].get<std::string>().substr(1);
      }
      pointer += "/content/application~1json/schema";
    } else if (status >= 400) {
      if (!IsJson(content_type)) return {};       // an error page of a public page
      pointer = "/components/schemas/ErrorBody";  // info.description: every error has one shape
    } else {
      return {op + " → " + code + ": status not documented in api/openapi.yaml"};
    }
    if (!IsJson(content_type)) {
      return {op + " → " + code + ": Content-Type '" + content_type +
              "', the spec documents application/json"};
    }
    if (!content_encoding.empty()) return {};  // gzip: the type was what could be checked
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(body);
    } catch (const std::exception& e) {
      return {op + " → " + code + ": body is not JSON (" + e.what() + ")"};
    }
    const valijson::Schema& schema = SchemaAt(pointer);
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    if (validator.validate(schema, adapter, &results)) return {};
    std::vector<std::string> problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string where;
      for (const auto& part : error.context) where += part;
      problems.push_back(op + " → " + code + " at " + where + ": " + error.description);
    }
    std::string shown = body.substr(0, 400);
    problems.push_back("  body: " + shown + (body.size() > 400 ? "…" : ""));
    return problems;
  }

  std::vector<std::string> AgainstSchema(const std::string& name, const std::string& body) {
    std::lock_guard lock(mutex_);
    if (!spec_["components"]["schemas"].contains(name)) return {"no schema " + name};
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded()) return {name + ": body is not JSON"};
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    if (validator.validate(SchemaAt("/components/schemas/" + name), adapter, &results)) return {};
    std::vector<std::string> problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string where;
      for (const auto& part : error.context) where += part;
      problems.push_back(name + " at " + where + ": " + error.description);
    }
    return problems;
  }

  std::vector<std::string> NotDocumenting(const std::string& path_prefix, int status) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [path, item] : spec_["paths"].items()) {
      if (!path.starts_with(path_prefix)) continue;
      for (const auto& [verb, operation] : item.items()) {
        if (!operation.is_object() || !operation.contains("responses")) continue;
        if (!operation["responses"].contains(std::to_string(status))) {
          std::string method = verb;
          for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          out.push_back(method + " " + path);
        }
      }
    }
    return out;
  }

 private:
  explicit Contract(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file + " (built from api/openapi.yaml)");
    spec_ = nlohmann::json::parse(in);
    NullableFormats(spec_);
    for (const auto& [path, item] : spec_["paths"].items()) templates_.push_back(path);
  }

  /// valijson 1.0 checks `format` on null too: `{type: [string, "null"], format: date}` refuses
  /// null. JSON Schema applies formats to strings only, so such a schema is rewritten to the
  /// same meaning in a form valijson reads right: null, or a value of the other types and format.
  static void NullableFormats(nlohmann::json& node) {
    if (node.is_array()) {
      for (auto& item : node) NullableFormats(item);
      return;
    }
    if (!node.is_object()) return;
    for (auto& [key, value] : node.items()) NullableFormats(value);
    const auto type = node.find("type");
    const auto format = node.find("format");
    if (type == node.end() || format == node.end() || !type->is_array()) return;
    if (std::find(type->begin(), type->end(), "null") == type->end()) return;
    nlohmann::json others = nlohmann::json::array();
    for (const auto& t : *type) {
      if (t != "null") others.push_back(t);
    }
    nlohmann::json either =
        nlohmann::json::array({{{"type", "null"}}, {{"type", others}, {"format", *format}}});
    node.erase("format");
    if (node.contains("anyOf")) {
      node["allOf"].push_back({{"anyOf", either}});
    } else {
      node["anyOf"] = either;
    }
  }

  static bool IsJson(const std::string& content_type) {
    return Lower(content_type).starts_with("application/json");
  }

  /// The spec path a concrete path belongs to; literal segments beat parameters, from the left.
  std::optional<std::string> Match(const std::string& path) const {
    const auto parts = Segments(path);
    std::optional<std::string> best;
    std::string best_shape;
    for (const auto& candidate : templates_) {
      const auto pattern = Segments(candidate);
      if (pattern.size() != parts.size()) continue;
      std::string shape;  // 'l' literal, 'k' parameter, per segment: higher sorts first
      bool fits = true;
      for (std::size_t i = 0; i < parts.size() && fits; ++i) {
        const bool parameter = pattern[i].starts_with("{") && pattern[i].ends_with("}");
        if (parameter) {
          fits = !parts[i].empty();
          shape += 'k';
        } else {
          fits = pattern[i] == parts[i];
          shape += 'l';
        }
      }
      if (fits && (!best || shape > best_shape)) {
        best = candidate;
        best_shape = shape;
      }
    }
    return best;
  }

  const nlohmann::json& Resolve(const nlohmann::json& node) const {
    if (node.contains("$ref")) {
      return spec_.at(nlohmann::json::json_pointer(node["$ref"].get<std::string>().substr(1)));
    }
    return node;
  }

  const valijson::Schema& SchemaAt(const std::string& pointer) {
    auto found = schemas_.find(pointer);
    if (found != schemas_.end()) return *found->second;
    // valijson resolves "#/components/..." against the document it parses, so the whole spec is
    // parsed with a root "$ref" to the schema wanted (OpenAPI 3.1 schemas are JSON Schema; the
    // draft-7 reading covers what api/openapi.yaml uses).
    spec_["$ref"] = "#" + pointer;
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(spec_);
    parser.populateSchema(adapter, *schema);
    spec_.erase("$ref");
    return *schemas_.emplace(pointer, std::move(schema)).first->second;
  }

  std::mutex mutex_;
  nlohmann::json spec_;
  std::vector<std::string> templates_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;
};

std::atomic<bool> checking{true};

}  // namespace

void DisableResponseContract() { checking = false; }

std::vector<std::string> OperationsNotDocumenting(const std::string& path_prefix, int status) {
  return Contract::Instance().NotDocumenting(path_prefix, status);
}

std::vector<std::string> SchemaProblems(const std::string& schema, const std::string& body) {
  return Contract::Instance().AgainstSchema(schema, body);
}

std::vector<std::string> ContractProblems(const std::string& method, const std::string& target,
                                          int status, const std::string& content_type,
                                          const std::string& content_encoding,
                                          const std::string& body) {
  if (!checking) return {};
  return Contract::Instance().Check(method, target, status, content_type, content_encoding, body);
}

}  // namespace aantafel::testing

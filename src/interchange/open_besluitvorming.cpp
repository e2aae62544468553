#include "interchange/open_besluitvorming.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace aantafel::interchange {

using nlohmann::json;
using namespace core::council;

namespace {

// Caps on what one record may bring; longer text is cut, extra items are left out.
constexpr std::size_t kShortText = 1000;
constexpr std::size_t kLongText = 20000;
constexpr std::size_t kMostAgendaItems = 2000;
constexpr std::size_t kMostDocumentsPerItem = 200;
constexpr std::size_t kMostVotes = 500;
constexpr int kDeepestAgenda = 8;

std::string Cut(const std::string& text, std::size_t limit) {
  return core::TruncateUtf8(text, limit);
}

std::string Text(const json& object, const char* name, std::size_t limit = kShortText) {
  if (!object.is_object()) return "";
  const auto it = object.find(name);
  if (it == object.end()) return "";
  if (it->is_string()) return Cut(it->get<std::string>(), limit);
  // Some suppliers give a list where one value is meant (classification).
  if (it->is_array() && !it->empty() && it->front().is_string()) {
    return Cut(it->front().get<std::string>(), limit);
  }
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "";
}

std::optional<FeedTime> Time(const json& object, const char* name) {
  const std::string text = Text(object, name);
  if (text.empty()) return std::nullopt;
  return ParseFeedTime(text);
}

std::optional<core::Instant> At(const json& object, const char* name) {
  const auto t = Time(object, name);
  return t ? std::optional(t->at) : std::nullopt;
}

std::optional<int> Count(const json& object, const char* name) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  const auto v = it->get<std::int64_t>();
  if (v < 0 || v > 100000) return std::nullopt;
  return static_cast<int>(v);
}

void ReadAgenda(const json& items, int depth, std::vector<AgendaItem>& out) {
  if (!items.is_array() || depth >= kDeepestAgenda) return;
  for (const auto& item : items) {
    if (out.size() >= kMostAgendaItems) return;
    // Older records list agenda items by id only; there is nothing to show of those.
    if (!item.is_object()) continue;
    AgendaItem a;
    a.ref = Text(item, "id");
    a.depth = depth;
    a.number = Text(item, "number", 40);
    a.title = Text(item, "title");
    a.description = Text(item, "description", kLongText);
    a.heading = item.value("is_heading", false) == true;
    if (const auto docs = item.find("documents"); docs != item.end() && docs->is_array()) {
      for (const auto& d : *docs) {
        if (a.documents.size() >= kMostDocumentsPerItem) break;
        if (!d.is_object()) continue;
        AgendaDocument doc{
            .ref = Text(d, "id"), .name = Text(d, "name"), .url = Text(d, "original_url")};
        if (doc.name.empty()) doc.name = Text(d, "file_name");
        if (!doc.ref.empty() || !doc.name.empty()) a.documents.push_back(std::move(doc));
      }
    }
    if (a.title.empty())
      a.title = a.description.substr(0, std::min<std::size_t>(200, a.description.size()));
    const auto children = item.find("agenda_items");
    out.push_back(std::move(a));
    if (children != item.end()) ReadAgenda(*children, depth + 1, out);
  }
}

Meeting ReadMeeting(const json& p) {
  Meeting m;
  m.name = Text(p, "name");
  m.classification = Text(p, "classification");
  m.committee_ref = Text(p, "committee");
  m.location = Text(p, "location");
  m.cancelled = Text(p, "status") == "EventCancelled";
  if (const auto start = Time(p, "start_date")) {
    m.starts_at = start->at;
    m.time_known = start->time_known;
  }
  m.ends_at = At(p, "end_date");
  if (const auto agenda = p.find("agenda"); agenda != p.end()) ReadAgenda(*agenda, 0, m.agenda);
  return m;
}

Document ReadDocument(const json& p) {
  Document d;
  d.name = Text(p, "name");
  if (d.name.empty()) d.name = Text(p, "file_name");
  d.classification = Text(p, "classification");
  d.url = Text(p, "original_url", 2000);
  d.content_type = Text(p, "content_type", 200);
  d.modified_at = At(p, "date_modified");
  d.meeting_ref = Text(p, "is_referenced_by");
  return d;
}

/// A name from a string or an object with a name.
std::string NameOf(const json& v) {
  if (v.is_string()) return Cut(v.get<std::string>(), kShortText);
  if (v.is_object()) return Text(v, "name");
  return "";
}

Motion ReadMotion(const json& p) {
  Motion m;
  m.name = Text(p, "name");
  m.motion_type = Text(p, "motion_type");
  m.status = Text(p, "status");
  m.result = Text(p, "result", 40);
  m.date = At(p, "date");
  m.meeting_ref = Text(p, "meeting");
  m.agenda_item_ref = Text(p, "agenda_item");
  if (const auto tally = p.find("tally"); tally != p.end() && tally->is_object()) {
    m.in_favour = Count(*tally, "in_favour");
    m.against = Count(*tally, "against");
  }
  for (const char* field : {"proposers", "co_proposers"}) {
    if (const auto list = p.find(field); list != p.end() && list->is_array()) {
      for (const auto& v : *list) {
        if (auto name = NameOf(v); !name.empty()) m.proposers.push_back(std::move(name));
      }
    }
  }
  if (const auto votes = p.find("votes"); votes != p.end() && votes->is_array()) {
    for (const auto& v : *votes) {
      if (m.votes.size() >= kMostVotes) break;
      const std::string option = Text(v, "option", 20);
      if (option != "voor" && option != "tegen") continue;
      m.votes.push_back(Vote{.in_favour = option == "voor",
                             .voter_ref = Text(v, "voter"),
                             .voter_name = Text(v, "voter_name"),
                             .party_ref = Text(v, "group"),
                             .party_name = Text(v, "group_name")});
    }
  }
  return m;
}

/// One record, or the reason it is not one.
std::optional<ExportRecord> ReadRecord(const json& j, std::string& reason) {
  if (!j.is_object()) {
    reason = "not a JSON object";
    return std::nullopt;
  }
  ExportRecord r;
  const auto seq = j.find("seq");
  if (seq == j.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 0) {
    reason = "seq is missing or not a whole number of at least 0";
    return std::nullopt;
  }
  r.seq = seq->get<std::int64_t>();
  const std::string op = Text(j, "op", 20);
  if (op != "upsert" && op != "delete") {
    reason = "op is not \"upsert\" or \"delete\"";
    return std::nullopt;
  }
  r.deleted = op == "delete";
  r.entity_id = Text(j, "entity_id", 400);
  r.entity_type = Text(j, "entity_type", 60);
  r.source_key = Text(j, "source_key", 200);
  if (r.entity_id.empty() || r.entity_type.empty() || r.source_key.empty()) {
    reason = "entity_id, entity_type or source_key is missing";
    return std::nullopt;
  }
  if (r.deleted) return r;
  const auto payload = j.find("payload");
  if (payload == j.end() || !payload->is_object()) {
    reason = "an upsert without a payload object";
    return std::nullopt;
  }
  if (r.entity_type == "Meeting") {
    r.payload = ReadMeeting(*payload);
  } else if (r.entity_type == "Document" || r.entity_type == "MediaObject" ||
             r.entity_type == "Report") {
    r.payload = ReadDocument(*payload);
  } else if (r.entity_type == "Motion") {
    r.payload = ReadMotion(*payload);
  } else if (r.entity_type == "Committee") {
    r.payload = Committee{.name = Text(*payload, "name")};
  }
  return r;
}

}  // namespace

std::optional<FeedTime> ParseFeedTime(std::string_view text) {
  if (text.size() == 10) {
    const auto date = core::CivilDate::Parse(text);
    if (!date) return std::nullopt;
    return FeedTime{.at = core::Instant(std::chrono::days(date->DaysSinceEpoch())),
                    .time_known = false};
  }
  if (text.size() < 19) return std::nullopt;
  std::string normal(text);
  if (normal[10] == ' ') {
    normal[10] = 'T';
    if (normal.size() == 19) normal += 'Z';  // "2024-11-07 20:00:00" is UTC
  }
  // Drop fractional seconds ("…:00.000Z").
  if (normal.size() > 19 && normal[19] == '.') {
    std::size_t end = 20;
    while (end < normal.size() && normal[end] >= '0' && normal[end] <= '9') ++end;
    normal.erase(19, end - 19);
  }
  if (normal.size() == 19) return std::nullopt;  // a time without a zone is ambiguous here
  const auto at = core::ParseDateTime(normal);
  if (!at) return std::nullopt;
  const auto ms = core::ToMillis(*at);
  const bool midnight = ms % 86'400'000 == 0;
  return FeedTime{.at = *at, .time_known = !midnight};
}

std::optional<StatusList> ParseCouncilStatus(std::string_view body, std::string& error) {
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "the status list is not a JSON object";
    return std::nullopt;
  }
  const auto sources = j.find("sources");
  if (sources == j.end() || !sources->is_array()) {
    error = "the status list has no \"sources\" array";
    return std::nullopt;
  }
  std::map<std::string, std::string> supplier_states;
  if (const auto suppliers = j.find("suppliers"); suppliers != j.end() && suppliers->is_array()) {
    for (const auto& s : *suppliers) supplier_states[Text(s, "supplier")] = Text(s, "state");
  }
  StatusList out;
  out.generated_at = At(j, "generatedAt");
  for (const auto& s : *sources) {
    CouncilSource source;
    source.key = Text(s, "sourceKey", 200);
    if (source.key.empty() || s.value("isAggregate", false) == true) continue;
    source.label = Text(s, "label");
    if (source.label.empty()) source.label = source.key;
    source.supplier = Text(s, "supplier", 100);
    source.organization_type = Text(s, "organizationType", 100);
    if (auto code = Text(s, "cbsId", 20); !code.empty()) source.cbs_code = std::move(code);
    source.state = Text(s, "state", 40);
    if (const auto it = supplier_states.find(source.supplier); it != supplier_states.end()) {
      source.supplier_state = it->second;
    }
    source.last_success_at = At(s, "lastSuccessAt");
    if (auto on = Text(s, "discontinuedAt", 40); !on.empty()) {
      source.discontinued_on = on.substr(0, 10);
    }
    if (const auto next = s.find("succeededBy"); next != s.end() && next->is_object()) {
      if (auto key = Text(*next, "sourceKey", 200); !key.empty()) source.successor_key = key;
      if (auto label = Text(*next, "label"); !label.empty()) source.successor_label = label;
      if (auto code = Text(*next, "cbsId", 20); !code.empty()) source.successor_cbs_code = code;
    }
    out.sources.push_back(std::move(source));
  }
  return out;
}

ExportLines ParseExportLines(std::string_view ndjson) {
  ExportLines out;
  int line_number = 0;
  std::size_t at = 0;
  while (at < ndjson.size()) {
    auto end = ndjson.find('\n', at);
    if (end == std::string_view::npos) end = ndjson.size();
    std::string_view line = ndjson.substr(at, end - at);
    at = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      out.skipped.push_back({line_number, "not valid JSON"});
      continue;
    }
    std::string reason;
    if (auto record = ReadRecord(j, reason)) {
      out.records.push_back(std::move(*record));
    } else {
      out.skipped.push_back({line_number, reason});
    }
  }
  return out;
}

std::string FeedErrorCode(std::string_view body) {
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "";
  return Text(j, "code", 100);
}

namespace {

/// Markdown as plain running text: the words stay, the markup goes.
std::string PlainText(std::string_view markdown) {
  std::string out;
  out.reserve(std::min(markdown.size(), kMaxDocumentText + 16));
  bool space = false;
  for (std::size_t i = 0; i < markdown.size() && out.size() < kMaxDocumentText + 16; ++i) {
    const char c = markdown[i];
    // A link or image's target: "[text](url)" keeps "text".
    if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      // Looked for within 2 KiB only: a text full of "](" without ")" stays linear.
      const std::size_t close = markdown.substr(i + 2, 2048).find(')');
      if (close != std::string_view::npos) {
        i += 2 + close;
        space = true;
        continue;
      }
    }
    const bool markup = c == '#' || c == '*' || c == '_' || c == '|' || c == '>' || c == '`' ||
                        c == '[' || c == ']' ||
                        (c == '!' && i + 1 < markdown.size() && markdown[i + 1] == '[');
    if (markup || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return core::TruncateUtf8(out, kMaxDocumentText);
}

}  // namespace

std::optional<std::string> ParseDocumentText(std::string_view body, std::string& error) {
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("entityId")) {
    error = "the answer is not an entity";
    return std::nullopt;
  }
  const auto text = j.find("markdownText");
  if (text == j.end() || !text->is_string()) return std::nullopt;
  std::string plain = PlainText(text->get_ref<const std::string&>());
  if (plain.empty()) return std::nullopt;
  return plain;
}

}  // namespace aantafel::interchange

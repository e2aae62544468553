#include "core/scans/value_case.hpp"

#include <array>
#include <cmath>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::scans {

using nlohmann::json;

namespace {

constexpr double kMaxAmount = 1e12;
constexpr TextRule kTitle{.min_chars = 1, .max_chars = 200};
constexpr TextRule kShort{.min_chars = 0, .max_chars = 200};
constexpr TextRule kLong{.min_chars = 0, .max_chars = 4000, .allow_newlines = true};

/// Reads one object's fields, naming problems by path and refusing unknown keys.
class Reader {
 public:
  Reader(const json& object, std::string prefix, FieldErrors& errors)
      : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

  std::string Text(const std::string& key, const TextRule& rule) {
    const json* v = Get(key);
    if (v == nullptr) {
      if (rule.min_chars > 0) errors_.Add(prefix_ + key, FieldIssue::kRequired);
      return "";
    }
    if (!v->is_string()) {
      errors_.Add(prefix_ + key, FieldIssue::kInvalidType);
      return "";
    }
    return CheckText(prefix_ + key, v->get<std::string>(), rule, errors_).value_or("");
  }
  double Number(const std::string& key, double min, double max, double fallback) {
    const json* v = Get(key);
    if (v == nullptr) return fallback;
    if (!v->is_number()) {
      errors_.Add(prefix_ + key, FieldIssue::kInvalidType);
      return fallback;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
      errors_.Add(prefix_ + key, FieldIssue::kInvalidFormat);
      return fallback;
    }
    return d;
  }
  std::int64_t Count(const std::string& key) {
    const json* v = Get(key);
    if (v == nullptr) return 0;
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0 ||
        v->get<std::int64_t>() > 1'000'000'000) {
      errors_.Add(prefix_ + key,
                  v->is_number_integer() ? FieldIssue::kInvalidFormat : FieldIssue::kInvalidType);
      return 0;
    }
    return v->get<std::int64_t>();
  }
  Judgement JudgementAt(const std::string& key) {
    Judgement j;
    const json* v = Get(key);
    if (v == nullptr) return j;
    if (!v->is_object()) {
      errors_.Add(prefix_ + key, FieldIssue::kInvalidType);
      return j;
    }
    Reader inner(*v, prefix_ + key + ".", errors_);
    const std::string light = inner.Text("light", kShort);
    if (!light.empty()) {
      if (auto parsed = ParseLight(light)) {
        j.light = *parsed;
      } else {
        errors_.Add(prefix_ + key + ".light", FieldIssue::kInvalidChoice);
      }
    }
    j.evidence = inner.Text("evidence", kLong);
    inner.Finish();
    return j;
  }
  const json* Get(const std::string& key) {
    known_.insert(key);
    auto it = object_.find(key);
    if (it == object_.end()) return nullptr;
    if (it->is_null()) {
      // No field of a value case can be cleared with null; leaving it out keeps the default.
      errors_.Add(prefix_ + key, FieldIssue::kNotNullable);
      return nullptr;
    }
    return &*it;
  }
  void Finish() {
    for (const auto& [key, value] : object_.items()) {
      if (!known_.contains(key)) errors_.Add(prefix_ + key, FieldIssue::kUnknownField);
    }
  }

 private:
  const json& object_;
  std::string prefix_;
  FieldErrors& errors_;
  std::set<std::string> known_;
};

json JudgementJson(const Judgement& j) {
  return {{"light", ToString(j.light)}, {"evidence", j.evidence}};
}

}  // namespace

std::string_view ToString(Light light) {
  switch (light) {
    case Light::kGreen: return "green";
    case Light::kAmber: return "amber";
    case Light::kRed: return "red";
    case Light::kNone: break;
  }
  return "none";
}

std::optional<Light> ParseLight(std::string_view text) {
  for (const Light l : {Light::kNone, Light::kGreen, Light::kAmber, Light::kRed}) {
    if (ToString(l) == text) return l;
  }
  return std::nullopt;
}

ReturnFigures ComputeReturn(const ValueCase& v) {
  ReturnFigures out;
  for (const AvoidedCost& a : v.avoided_costs) {
    const double per_event = a.unit_cost * a.attribution;
    const double total = per_event * a.events;
    out.line_totals.push_back(total);
    out.avoided_total += total;
    if (per_event > 0.0) {
      out.break_even_events.push_back(v.initiative_costs / per_event);
    } else {
      out.break_even_events.push_back(std::nullopt);
    }
  }
  out.net = out.avoided_total - v.initiative_costs;
  if (v.initiative_costs > 0.0) out.return_per_euro = out.avoided_total / v.initiative_costs;
  if (v.clients_reached > 0) {
    out.activation_share =
        static_cast<double>(v.clients_activated) / static_cast<double>(v.clients_reached);
  }
  return out;
}

Result<ValueCase> ParseValueCase(const json& body) {
  FieldErrors errors;
  if (!body.is_object()) return Error::Field("value_case", FieldIssue::kInvalidType);
  Reader r(body, "", errors);
  ValueCase v;
  v.title = r.Text("title", kTitle);
  v.initiative = r.Text("initiative", kLong);
  v.period = r.Text("period", kShort);
  v.clients_reached = r.Count("clients_reached");
  v.clients_activated = r.Count("clients_activated");
  if (v.clients_activated > v.clients_reached) {
    errors.Add("clients_activated", FieldIssue::kInvalidFormat);
  }
  v.participation_notes = r.Text("participation_notes", kLong);
  v.participation = r.JudgementAt("participation");
  v.initiative_costs = r.Number("initiative_costs", 0.0, kMaxAmount, 0.0);
  if (const json* list = r.Get("avoided_costs")) {
    if (!list->is_array()) {
      errors.Add("avoided_costs", FieldIssue::kInvalidType);
    } else if (list->size() > kMaxAvoidedCosts) {
      errors.Add("avoided_costs", FieldIssue::kTooLong, static_cast<int>(kMaxAvoidedCosts));
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string prefix = "avoided_costs[" + std::to_string(i) + "].";
        if (!(*list)[i].is_object()) {
          errors.Add(prefix.substr(0, prefix.size() - 1), FieldIssue::kInvalidType);
          continue;
        }
        Reader line((*list)[i], prefix, errors);
        AvoidedCost a;
        a.label = line.Text("label", kTitle);
        a.unit_cost = line.Number("unit_cost", 0.0, kMaxAmount, 0.0);
        a.events = line.Number("events", 0.0, 1e9, 0.0);
        a.attribution = line.Number("attribution", 0.0, 1.0, 1.0);
        a.assumption = line.Text("assumption", kLong);
        line.Finish();
        v.avoided_costs.push_back(std::move(a));
      }
    }
  }
  v.social_value = r.Text("social_value", kLong);
  v.return_judgement = r.JudgementAt("return");
  v.beneficiaries = r.Text("beneficiaries", kLong);
  v.equal_access = r.Text("equal_access", kLong);
  v.fairness = r.Text("fairness", kLong);
  v.legitimacy = r.JudgementAt("legitimacy");
  r.Finish();
  if (!errors.empty()) return std::move(errors).ToError();
  return v;
}

json ValueCaseJson(const ValueCase& v) {
  json avoided = json::array();
  for (const auto& a : v.avoided_costs) {
    avoided.push_back({{"label", a.label},
                       {"unit_cost", a.unit_cost},
                       {"events", a.events},
                       {"attribution", a.attribution},
                       {"assumption", a.assumption}});
  }
  return {{"title", v.title},
          {"initiative", v.initiative},
          {"period", v.period},
          {"clients_reached", v.clients_reached},
          {"clients_activated", v.clients_activated},
          {"participation_notes", v.participation_notes},
          {"participation", JudgementJson(v.participation)},
          {"initiative_costs", v.initiative_costs},
          {"avoided_costs", avoided},
          {"social_value", v.social_value},
          {"return", JudgementJson(v.return_judgement)},
          {"beneficiaries", v.beneficiaries},
          {"equal_access", v.equal_access},
          {"fairness", v.fairness},
          {"legitimacy", JudgementJson(v.legitimacy)}};
}

}  // namespace aantafel::core::scans

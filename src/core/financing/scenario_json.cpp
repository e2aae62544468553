#include "core/financing/scenario_json.hpp"

#include <cmath>
#include <set>

namespace aantafel::core::financing {

using nlohmann::json;

namespace {

/// Reads fields of one object, collecting problems under a path prefix.
class Reader {
 public:
  Reader(const json& object, std::string prefix, FieldErrors& errors)
      : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

  std::string At(const std::string& key) const { return prefix_ + key; }

  /// Absent, or null (which no field of a scenario can be: null is refused, never read as
  /// "leave out"); records the problem when the field is required or null.
  bool Missing(json::const_iterator it, const std::string& key, bool required) {
    if (it == object_.end()) {
      if (required) errors_.Add(At(key), FieldIssue::kRequired);
      return true;
    }
    if (it->is_null()) {
      errors_.Add(At(key), required ? FieldIssue::kRequired : FieldIssue::kNotNullable);
      return true;
    }
    return false;
  }

  std::optional<double> Number(const std::string& key, bool required = true) {
    known_.insert(key);
    const auto it = object_.find(key);
    if (Missing(it, key, required)) return std::nullopt;
    if (!it->is_number()) {
      errors_.Add(At(key), FieldIssue::kInvalidType);
      return std::nullopt;
    }
    return it->get<double>();
  }
  std::optional<std::string> String(const std::string& key, bool required = true) {
    known_.insert(key);
    const auto it = object_.find(key);
    if (Missing(it, key, required)) return std::nullopt;
    if (!it->is_string()) {
      errors_.Add(At(key), FieldIssue::kInvalidType);
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<bool> Boolean(const std::string& key) {
    known_.insert(key);
    const auto it = object_.find(key);
    if (Missing(it, key, false)) return std::nullopt;
    if (!it->is_boolean()) {
      errors_.Add(At(key), FieldIssue::kInvalidType);
      return std::nullopt;
    }
    return it->get<bool>();
  }
  const json* Object(const std::string& key, bool required = true) {
    known_.insert(key);
    const auto it = object_.find(key);
    if (Missing(it, key, required)) return nullptr;
    if (!it->is_object()) {
      errors_.Add(At(key), FieldIssue::kInvalidType);
      return nullptr;
    }
    return &*it;
  }
  const json* Array(const std::string& key) {
    known_.insert(key);
    const auto it = object_.find(key);
    if (Missing(it, key, true)) return nullptr;
    if (!it->is_array()) {
      errors_.Add(At(key), FieldIssue::kInvalidType);
      return nullptr;
    }
    return &*it;
  }
  /// Unknown keys are refused, so a typo never silently falls back to a default.
  void Finish() {
    for (const auto& [key, value] : object_.items()) {
      if (!known_.contains(key)) errors_.Add(At(key), FieldIssue::kUnknownField);
    }
  }

 private:
  const json& object_;
  std::string prefix_;
  FieldErrors& errors_;
  std::set<std::string> known_;
};

/// A one-key object naming the distribution: {"poisson": {...}}.
const json* Choice(Reader& r, const std::string& key, const std::vector<std::string>& kinds,
                   std::string& kind, FieldErrors& errors) {
  const json* holder = r.Object(key);
  if (holder == nullptr) return nullptr;
  if (holder->size() != 1 || !holder->begin().value().is_object()) {
    errors.Add(r.At(key), FieldIssue::kInvalidFormat);
    return nullptr;
  }
  kind = holder->begin().key();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    errors.Add(r.At(key), FieldIssue::kInvalidChoice);
    return nullptr;
  }
  return &holder->begin().value();
}

double Rounded(double v, double scale) { return std::round(v * scale) / scale; }

json DistributionJson(const Distribution& d) {
  return {{"count", d.count},
          {"mean", Rounded(d.mean, 100)},
          {"stddev", Rounded(d.stddev, 100)},
          {"min", Rounded(d.min, 100)},
          {"p5", Rounded(d.p5, 100)},
          {"p50", Rounded(d.p50, 100)},
          {"p95", Rounded(d.p95, 100)},
          {"max", Rounded(d.max, 100)},
          {"histogram",
           {{"lo", Rounded(d.histogram.lo, 100)},
            {"hi", Rounded(d.histogram.hi, 100)},
            {"counts", d.histogram.counts}}}};
}

}  // namespace

Result<ScenarioRequest> ParseScenario(std::string_view json_text) {
  const auto body = json::parse(json_text, nullptr, false);
  if (!body.is_object()) return Error::Of(ErrorCode::kMalformedRequest);
  return ParseScenarioObject(body);
}

Result<ScenarioRequest> ParseScenarioObject(const json& body) {
  FieldErrors errors;
  ScenarioRequest out;
  Reader top(body, "", errors);
  if (const json* population = top.Object("population")) {
    Reader p(*population, "population.", errors);
    std::string kind;
    if (const json* c = Choice(p, "clients", {"poisson", "range"}, kind, errors)) {
      Reader r(*c, "population.clients." + kind + ".", errors);
      if (kind == "poisson") {
        out.scenario.population.clients = ClientsPoisson{.mean = r.Number("mean").value_or(0)};
      } else {
        out.scenario.population.clients =
            ClientsUniform{.min = static_cast<int>(r.Number("min").value_or(0)),
                           .max = static_cast<int>(r.Number("max").value_or(0))};
      }
      r.Finish();
    }
    if (const json* i = Choice(p, "intensity", {"lognormal", "fixed"}, kind, errors)) {
      Reader r(*i, "population.intensity." + kind + ".", errors);
      if (kind == "lognormal") {
        out.scenario.population.intensity = IntensityLognormal{
            .median = r.Number("median").value_or(0), .p90 = r.Number("p90").value_or(0)};
      } else {
        out.scenario.population.intensity = IntensityFixed{.units = r.Number("units").value_or(0)};
      }
      r.Finish();
    }
    if (auto unit = p.String("unit", false)) {
      if (auto u = ParseUnit(*unit)) {
        out.scenario.population.unit = *u;
      } else {
        errors.Add("population.unit", FieldIssue::kInvalidChoice);
      }
    }
    if (const json* s = Choice(p, "result_share", {"beta", "range"}, kind, errors)) {
      Reader r(*s, "population.result_share." + kind + ".", errors);
      if (kind == "beta") {
        out.scenario.population.result_share = ResultShareBeta{
            .mean = r.Number("mean").value_or(0), .strength = r.Number("strength").value_or(0)};
      } else {
        out.scenario.population.result_share = ResultShareUniform{
            .min = r.Number("min").value_or(0), .max = r.Number("max").value_or(0)};
      }
      r.Finish();
    }
    p.Finish();
  }
  if (const json* costs = top.Object("costs")) {
    Reader c(*costs, "costs.", errors);
    out.scenario.costs.cost_per_unit = c.Number("cost_per_unit").value_or(0);
    out.scenario.costs.fixed_costs = c.Number("fixed_costs", false).value_or(0);
    c.Finish();
  }
  out.scenario.budget = top.Number("budget").value_or(0);
  if (const json* variants = top.Array("variants")) {
    for (std::size_t n = 0; n < variants->size(); ++n) {
      const std::string at = "variants[" + std::to_string(n) + "].";
      if (!(*variants)[n].is_object()) {
        errors.Add("variants[" + std::to_string(n) + "]", FieldIssue::kInvalidType);
        continue;
      }
      Reader v((*variants)[n], at, errors);
      Variant variant{.name = v.String("name").value_or("")};
      const std::string form = v.String("form").value_or("");
      if (form == "effort_based") {
        variant.form = EffortBased{.price_per_unit = v.Number("price_per_unit").value_or(0)};
      } else if (form == "output_based") {
        variant.form =
            OutputBased{.price_per_client = v.Number("price_per_client", false).value_or(0),
                        .price_per_result = v.Number("price_per_result", false).value_or(0),
                        .pay_for_result = v.Boolean("pay_for_result").value_or(false)};
      } else if (form == "task_based") {
        variant.form = TaskBased{.lump_sum = v.Number("lump_sum").value_or(0)};
      } else if (form == "combined") {
        Combined c{.fixed_part = v.Number("fixed_part", false).value_or(0),
                   .price_per_unit = v.Number("price_per_unit", false).value_or(0),
                   .cap = v.Number("cap", false),
                   .floor = v.Number("floor", false)};
        if (const json* inc = v.Object("incentive", false)) {
          Reader r(*inc, at + "incentive.", errors);
          c.incentive =
              ResultIncentive{.target_share = r.Number("target_share").value_or(0),
                              .bonus_per_result = r.Number("bonus_per_result", false).value_or(0),
                              .malus_per_result = r.Number("malus_per_result", false).value_or(0)};
          r.Finish();
        }
        variant.form = c;
      } else if (!form.empty()) {
        errors.Add(at + "form", FieldIssue::kInvalidChoice);
      }
      v.Finish();
      out.scenario.variants.push_back(std::move(variant));
    }
  }
  if (auto runs = top.Number("runs", false)) {
    if (*runs != std::floor(*runs) || *runs < 1 || *runs > static_cast<double>(kMaxRuns)) {
      errors.Add("runs", FieldIssue::kInvalidFormat);
    } else {
      out.runs = static_cast<std::int64_t>(*runs);
    }
  }
  if (auto seed = top.Number("seed", false)) {
    if (*seed != std::floor(*seed) || *seed < 0 || *seed > 9.0e15) {
      errors.Add("seed", FieldIssue::kInvalidFormat);
    } else {
      out.seed = static_cast<std::uint64_t>(*seed);
    }
  }
  top.Finish();
  if (!errors.empty()) return std::move(errors).ToError();
  if (auto valid = Validate(out.scenario); !valid) return valid.error();
  return out;
}

json SummaryJson(const Summary& s) {
  json variants = json::array();
  for (const auto& v : s.variants) {
    json sensitivity = json::array();
    for (const auto& e : v.sensitivity) {
      sensitivity.push_back({{"input", e.input}, {"correlation", Rounded(e.correlation, 10000)}});
    }
    variants.push_back({{"name", v.name},
                        {"form", v.form},
                        {"revenue", DistributionJson(v.revenue)},
                        {"cost", DistributionJson(v.cost)},
                        {"margin", DistributionJson(v.margin)},
                        {"loss_probability", Rounded(v.loss_probability, 10000)},
                        {"spending", DistributionJson(v.spending)},
                        {"over_budget_probability", Rounded(v.over_budget_probability, 10000)},
                        {"cost_per_client", DistributionJson(v.cost_per_client)},
                        {"cost_per_result", DistributionJson(v.cost_per_result)},
                        {"sensitivity", sensitivity}});
  }
  return {{"runs", s.runs},
          {"runs_done", s.runs_done},
          {"cancelled", s.cancelled},
          {"seed", s.seed},
          {"clients", DistributionJson(s.clients)},
          {"units_per_client", DistributionJson(s.units_per_client)},
          {"result_share", DistributionJson(s.result_share)},
          {"variants", variants}};
}

}  // namespace aantafel::core::financing

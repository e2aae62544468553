#include "core/financing/model.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace aantafel::core::financing {

namespace {

constexpr std::pair<Unit, std::string_view> kUnits[] = {
    {Unit::kMinute, "minute"}, {Unit::kHour, "hour"},   {Unit::kDayPart, "day_part"},
    {Unit::kDay, "day"},       {Unit::kPiece, "piece"},
};

/// Collects problems of numeric fields under a path prefix.
class Checker {
 public:
  explicit Checker(FieldErrors& errors) : errors_(errors) {}

  /// Finite and ≥ 0 (prices, costs, counts).
  bool NonNegative(const std::string& field, double value) {
    if (std::isfinite(value) && value >= 0.0) return true;
    errors_.Add(field, FieldIssue::kInvalidFormat);
    return false;
  }
  /// Finite and > 0.
  bool Positive(const std::string& field, double value) {
    if (std::isfinite(value) && value > 0.0) return true;
    errors_.Add(field, FieldIssue::kInvalidFormat);
    return false;
  }
  /// A probability: finite and in [0, 1].
  bool Probability(const std::string& field, double value) {
    if (std::isfinite(value) && value >= 0.0 && value <= 1.0) return true;
    errors_.Add(field, FieldIssue::kInvalidFormat);
    return false;
  }
  /// At most `limit` (values already known finite).
  bool AtMost(const std::string& field, double value, double limit) {
    if (value <= limit) return true;
    errors_.Add(field, FieldIssue::kInvalidFormat);
    return false;
  }
  void Fail(const std::string& field) { errors_.Add(field, FieldIssue::kInvalidFormat); }

 private:
  FieldErrors& errors_;
};

void CheckPopulation(const Population& p, FieldErrors& errors) {
  Checker c(errors);
  if (const auto* poisson = std::get_if<ClientsPoisson>(&p.clients)) {
    if (c.NonNegative("population.clients.mean", poisson->mean)) {
      c.AtMost("population.clients.mean", poisson->mean, kMaxClients);
    }
  } else {
    const auto& u = std::get<ClientsUniform>(p.clients);
    const bool min_ok = c.NonNegative("population.clients.min", u.min);
    const bool max_ok = c.NonNegative("population.clients.max", u.max) &&
                        c.AtMost("population.clients.max", u.max, kMaxClients);
    if (min_ok && max_ok && u.min > u.max) c.Fail("population.clients.min");
  }

  if (const auto* logn = std::get_if<IntensityLognormal>(&p.intensity)) {
    const bool median_ok = c.Positive("population.intensity.median", logn->median);
    const bool p90_ok = c.Positive("population.intensity.p90", logn->p90);
    if (median_ok && p90_ok && logn->p90 < logn->median) c.Fail("population.intensity.p90");
  } else {
    c.NonNegative("population.intensity.units", std::get<IntensityFixed>(p.intensity).units);
  }

  if (const auto* beta = std::get_if<ResultShareBeta>(&p.result_share)) {
    c.Probability("population.result_share.mean", beta->mean);
    c.Positive("population.result_share.strength", beta->strength);
  } else {
    const auto& u = std::get<ResultShareUniform>(p.result_share);
    const bool min_ok = c.Probability("population.result_share.min", u.min);
    const bool max_ok = c.Probability("population.result_share.max", u.max);
    if (min_ok && max_ok && u.min > u.max) c.Fail("population.result_share.min");
  }
}

void CheckForm(const FinancingForm& form, const std::string& at, FieldErrors& errors) {
  Checker c(errors);
  if (const auto* e = std::get_if<EffortBased>(&form)) {
    c.NonNegative(at + "price_per_unit", e->price_per_unit);
  } else if (const auto* o = std::get_if<OutputBased>(&form)) {
    c.NonNegative(at + "price_per_client", o->price_per_client);
    c.NonNegative(at + "price_per_result", o->price_per_result);
  } else if (const auto* t = std::get_if<TaskBased>(&form)) {
    c.NonNegative(at + "lump_sum", t->lump_sum);
  } else {
    const auto& m = std::get<Combined>(form);
    c.NonNegative(at + "fixed_part", m.fixed_part);
    c.NonNegative(at + "price_per_unit", m.price_per_unit);
    const bool cap_ok = !m.cap || c.NonNegative(at + "cap", *m.cap);
    const bool floor_ok = !m.floor || c.NonNegative(at + "floor", *m.floor);
    if (m.cap && m.floor && cap_ok && floor_ok && *m.floor > *m.cap) c.Fail(at + "floor");
    if (m.incentive) {
      c.Probability(at + "incentive.target_share", m.incentive->target_share);
      c.NonNegative(at + "incentive.bonus_per_result", m.incentive->bonus_per_result);
      c.NonNegative(at + "incentive.malus_per_result", m.incentive->malus_per_result);
    }
  }
}

}  // namespace

std::string_view ToString(Unit unit) {
  for (const auto& [u, name] : kUnits) {
    if (u == unit) return name;
  }
  return "hour";
}

std::optional<Unit> ParseUnit(std::string_view text) {
  for (const auto& [u, name] : kUnits) {
    if (name == text) return u;
  }
  return std::nullopt;
}

std::string_view FormName(const FinancingForm& form) {
  static constexpr std::string_view kNames[] = {"effort_based", "output_based", "task_based",
                                                "combined"};
  return kNames[form.index()];
}

Status Validate(const Scenario& scenario) {
  FieldErrors errors;
  CheckPopulation(scenario.population, errors);
  Checker c(errors);
  c.NonNegative("costs.cost_per_unit", scenario.costs.cost_per_unit);
  c.NonNegative("costs.fixed_costs", scenario.costs.fixed_costs);
  c.NonNegative("budget", scenario.budget);

  if (scenario.variants.empty()) {
    errors.Add("variants", FieldIssue::kRequired);
  } else if (scenario.variants.size() > kMaxVariants) {
    errors.Add("variants", FieldIssue::kTooLong, static_cast<int>(kMaxVariants));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < scenario.variants.size(); ++i) {
    const Variant& v = scenario.variants[i];
    const std::string at = "variants[" + std::to_string(i) + "].";
    if (v.name.empty()) {
      errors.Add(at + "name", FieldIssue::kRequired);
    } else if (v.name.size() > kMaxNameLength) {
      errors.Add(at + "name", FieldIssue::kTooLong, static_cast<int>(kMaxNameLength));
    } else if (!names.insert(v.name).second) {
      errors.Add(at + "name", FieldIssue::kDuplicate);
    }
    CheckForm(v.form, at, errors);
  }
  if (!errors.empty()) return std::move(errors).ToError();
  return Ok{};
}

double Payment(const FinancingForm& form, double clients, double units, double results) {
  switch (form.index()) {
    case 0: return std::get<EffortBased>(form).price_per_unit * units;
    case 1: {
      const auto& o = std::get<OutputBased>(form);
      return o.price_per_client * clients + (o.pay_for_result ? o.price_per_result * results : 0.0);
    }
    case 2: return std::get<TaskBased>(form).lump_sum;
    default: {
      const auto& m = std::get<Combined>(form);
      double pay = m.fixed_part + m.price_per_unit * units;
      if (m.incentive) {
        const double excess = results - m.incentive->target_share * clients;
        pay += excess >= 0.0 ? m.incentive->bonus_per_result * excess
                             : m.incentive->malus_per_result * excess;
      }
      if (m.floor) pay = std::max(pay, *m.floor);
      if (m.cap) pay = std::min(pay, *m.cap);
      return pay;
    }
  }
}

}  // namespace aantafel::core::financing

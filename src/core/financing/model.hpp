#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace aantafel::core::financing {

// Bekostiging (glossary: financing): a scenario describes a contract's population and its
// uncertainty, the provider's costs, the municipality's budget, and up to four contract variants
// that the simulation compares on the same random population (common random numbers).

/// The unit in which care is delivered and priced (minuut/uur/dagdeel/etmaal/stuks).
enum class Unit { kMinute, kHour, kDayPart, kDay, kPiece };
/// "minute", "hour", "day_part", "day", "piece".
std::string_view ToString(Unit unit);
std::optional<Unit> ParseUnit(std::string_view text);

/// Clients in the period ~ Poisson(mean).
struct ClientsPoisson {
  double mean = 0.0;
  bool operator==(const ClientsPoisson&) const = default;
};
/// Clients in the period ~ uniform integer on [min, max].
struct ClientsUniform {
  int min = 0;
  int max = 0;
  bool operator==(const ClientsUniform&) const = default;
};
using ClientsDistribution = std::variant<ClientsPoisson, ClientsUniform>;

/// Units per client ~ lognormal, given by its median and 90th percentile (p90 = median: fixed).
struct IntensityLognormal {
  double median = 0.0;
  double p90 = 0.0;
  bool operator==(const IntensityLognormal&) const = default;
};
/// Every client uses exactly `units`.
struct IntensityFixed {
  double units = 0.0;
  bool operator==(const IntensityFixed&) const = default;
};
using IntensityDistribution = std::variant<IntensityLognormal, IntensityFixed>;

/// Share of clients reaching the agreed result ~ Beta(mean·strength, (1 − mean)·strength),
/// drawn once per scenario run; "strength" is the number of clients the estimate is worth.
struct ResultShareBeta {
  double mean = 0.0;
  double strength = 0.0;
  bool operator==(const ResultShareBeta&) const = default;
};
/// Share of clients reaching the result ~ uniform on [min, max], drawn once per run.
struct ResultShareUniform {
  double min = 0.0;
  double max = 0.0;
  bool operator==(const ResultShareUniform&) const = default;
};
using ResultShareDistribution = std::variant<ResultShareBeta, ResultShareUniform>;

/// Who is served and how much, with its uncertainty.
struct Population {
  ClientsDistribution clients = ClientsPoisson{};
  IntensityDistribution intensity = IntensityFixed{};
  Unit unit = Unit::kHour;
  ResultShareDistribution result_share = ResultShareUniform{};
  bool operator==(const Population&) const = default;
};

/// The provider's costs in the period.
struct Costs {
  double cost_per_unit = 0.0;
  double fixed_costs = 0.0;
  bool operator==(const Costs&) const = default;
};

/// Inspanningsgericht (PxQ): price × units delivered.
struct EffortBased {
  double price_per_unit = 0.0;
  bool operator==(const EffortBased&) const = default;
};
/// Outputgericht: price per client in the period, plus (when pay_for_result) a price per client
/// who reaches the agreed result. Pure resultaatbekostiging: price_per_client 0.
struct OutputBased {
  double price_per_client = 0.0;
  double price_per_result = 0.0;
  bool pay_for_result = false;
  bool operator==(const OutputBased&) const = default;
};
/// Taakgericht (lump sum): a fixed budget whatever is delivered.
struct TaskBased {
  double lump_sum = 0.0;
  bool operator==(const TaskBased&) const = default;
};
/// Bonus per result above, malus per result below target_share × clients.
struct ResultIncentive {
  double target_share = 0.0;
  double bonus_per_result = 0.0;
  double malus_per_result = 0.0;
  bool operator==(const ResultIncentive&) const = default;
};
/// Combined: fixed part + price × units ± incentive, then bounded by floor and cap (the bounds
/// apply to the whole payment, incentive included).
struct Combined {
  double fixed_part = 0.0;
  double price_per_unit = 0.0;
  std::optional<double> cap;
  std::optional<double> floor;
  std::optional<ResultIncentive> incentive;
  bool operator==(const Combined&) const = default;
};
using FinancingForm = std::variant<EffortBased, OutputBased, TaskBased, Combined>;

/// "effort_based", "output_based", "task_based", "combined".
std::string_view FormName(const FinancingForm& form);

/// One contract variant to compare.
struct Variant {
  std::string name;
  FinancingForm form = EffortBased{};
  bool operator==(const Variant&) const = default;
};

inline constexpr std::size_t kMaxVariants = 4;
inline constexpr double kMaxClients = 1'000'000;  ///< mean or max clients in one period
inline constexpr std::size_t kMaxNameLength = 100;

/// A financing simulation set-up.
struct Scenario {
  Population population;
  Costs costs;
  double budget = 0.0;  ///< the municipality's budget for the period
  std::vector<Variant> variants;
  bool operator==(const Scenario&) const = default;
};

/// Checks every field and reports all problems at once (ErrorCode::kInvalidInput), with field
/// names in JSON-path style, e.g. "population.intensity.p90", "variants[1].cap", "budget".
/// Issues: kInvalidFormat for a number out of its range (negative price, probability outside
/// 0–1, min > max, p90 < median, floor > cap, not finite); kRequired for no variants or an empty
/// name; kTooLong (limit) for more than 4 variants or a long name; kDuplicate for a repeated name.
Status Validate(const Scenario& scenario);

/// Revenue of one variant given the period's realised clients, units and results.
/// (Also the municipality's spending: what the provider receives, the municipality pays.)
double Payment(const FinancingForm& form, double clients, double units, double results);

}  // namespace aantafel::core::financing

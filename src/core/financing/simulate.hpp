#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/financing/model.hpp"
#include "core/result.hpp"

namespace aantafel::core::financing {

/// Runs are split into chunks of this many; chunk k draws from Generator::ForStream(seed, k).
/// Fixed (never derived from the thread count), so results depend only on seed and runs.
inline constexpr std::int64_t kRunsPerChunk = 500;
inline constexpr std::int64_t kMaxRuns = 1'000'000;
inline constexpr int kMaxThreads = 64;
inline constexpr int kMaxHistogramBins = 200;

/// How to run a simulation.
struct SimulationOptions {
  std::int64_t runs = 10'000;  ///< scenario runs, 1 … kMaxRuns
  std::uint64_t seed = 1;
  int threads = 1;          ///< worker threads (the calling thread is one of them), 1 … 64
  int histogram_bins = 30;  ///< 1 … kMaxHistogramBins
  bool sensitivity = true;  ///< compute the Spearman sensitivity view (sorts every series)
  /// Set to true (from any thread) to stop; Simulate then returns a summary with cancelled set.
  const std::atomic<bool>* cancel = nullptr;
  /// Called after each finished chunk with (runs done, runs total). Called from worker threads,
  /// one call at a time, with increasing counts; keep it quick.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

/// Equal-width bins over [lo, hi]; the last bin includes hi. lo == hi: one value, all in bin 0.
struct Histogram {
  double lo = 0.0;
  double hi = 0.0;
  std::vector<std::int64_t> counts;
  bool operator==(const Histogram&) const = default;
};

/// Summary of one output over the runs where it is defined (count of them).
/// Percentiles interpolate linearly between order statistics (R type 7, as spreadsheets do).
struct Distribution {
  std::int64_t count = 0;
  double mean = 0.0;
  double stddev = 0.0;  ///< sample standard deviation (n − 1)
  double min = 0.0;
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;
  double max = 0.0;
  Histogram histogram;
  bool operator==(const Distribution&) const = default;
};

/// How strongly one uncertain input moves a variant's margin: Spearman rank correlation.
struct InputEffect {
  std::string input;  ///< "clients", "units_per_client" or "result_share" (realised per run)
  double correlation = 0.0;
  bool operator==(const InputEffect&) const = default;
};

/// Outcomes of one contract variant over all runs.
struct VariantSummary {
  std::string name;
  std::string form;                      ///< FormName: "effort_based" …
  Distribution revenue;                  ///< the provider's revenue
  Distribution cost;                     ///< the provider's cost (the same for every variant)
  Distribution margin;                   ///< revenue − cost
  double loss_probability = 0.0;         ///< P(margin < 0)
  Distribution spending;                 ///< the municipality's spending (equals revenue)
  double over_budget_probability = 0.0;  ///< P(spending > budget)
  Distribution cost_per_client;          ///< spending / clients, over runs with at least one client
  Distribution cost_per_result;          ///< spending / results, over runs with at least one result
  /// Inputs that vary between runs, by |correlation| with the margin, largest first.
  std::vector<InputEffect> sensitivity;
  bool operator==(const VariantSummary&) const = default;
};

/// The result of a simulation. When cancelled, only runs_done and cancelled are meaningful.
struct Summary {
  std::int64_t runs = 0;       ///< runs asked for
  std::int64_t runs_done = 0;  ///< runs completed (== runs unless cancelled)
  bool cancelled = false;
  std::uint64_t seed = 0;
  std::uint64_t random_numbers = 0;  ///< 64-bit numbers drawn (for the benchmark's floor)
  Distribution clients;              ///< clients per run
  Distribution units_per_client;     ///< mean units per client per run (runs with clients)
  Distribution result_share;         ///< realised share of clients with the result
  std::vector<VariantSummary> variants;
  bool operator==(const Summary&) const = default;
};

/// Monte Carlo simulation of the scenario's variants on common random numbers: each run draws
/// clients N, each client's units and whether the client reaches the result (with the run's
/// drawn result share), then evaluates every variant on that one population.
/// Deterministic: the same scenario, seed and runs give a bit-identical Summary for any thread
/// count. Memory: all samples are kept, (4 per variant + 4) doubles per run — 100,000 runs of four
/// variants take 16 MB — so percentiles are exact.
/// Errors: Validate's, plus "runs", "threads" and "histogram_bins" (kInvalidFormat).
Result<Summary> Simulate(const Scenario& scenario, const SimulationOptions& options);

/// Summarises values (NaN = undefined, skipped) into a Distribution with `bins` histogram bins.
Distribution Summarise(const std::vector<double>& values, int bins);

/// Spearman rank correlation (average ranks for ties); 0 when either series is constant.
double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace aantafel::core::financing

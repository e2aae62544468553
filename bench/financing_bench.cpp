// Financing simulation (issue #9, bekostiging): scenario runs per second for a 500-client
// contract with four contract variants, at 1 and 2 threads, next to the floor — the random
// generator alone drawing as many 64-bit numbers as the simulation does.
//
// Run: build/release/bench/financing_bench
// "items_per_second" is scenario runs per second (each run evaluates all four variants).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "core/financing/generator.hpp"
#include "core/financing/model.hpp"
#include "core/financing/simulate.hpp"

namespace {

using namespace aantafel::core::financing;

constexpr std::int64_t kRuns = 20'000;

/// About 500 clients per period (Poisson), lognormal hours (median 20, p90 60), 60 % reaching the
/// result; PxQ, result-based, lump sum and a combined contract with cap, floor and bonus/malus.
Scenario FiveHundredClients() {
  Scenario s;
  s.population.clients = ClientsPoisson{.mean = 500};
  s.population.intensity = IntensityLognormal{.median = 20, .p90 = 60};
  s.population.unit = Unit::kHour;
  s.population.result_share = ResultShareBeta{.mean = 0.6, .strength = 30};
  s.costs = {.cost_per_unit = 62, .fixed_costs = 150'000};
  s.budget = 900'000;
  s.variants = {
      {"PxQ", EffortBased{.price_per_unit = 68}},
      {"Resultaat",
       OutputBased{.price_per_client = 1200, .price_per_result = 700, .pay_for_result = true}},
      {"Lumpsum", TaskBased{.lump_sum = 850'000}},
      {"Combinatie", Combined{.fixed_part = 200'000,
                              .price_per_unit = 50,
                              .cap = 1'000'000,
                              .floor = 700'000,
                              .incentive = ResultIncentive{.target_share = 0.55,
                                                           .bonus_per_result = 500,
                                                           .malus_per_result = 500}}},
  };
  return s;
}

void BM_Simulate(benchmark::State& state) {
  const Scenario scenario = FiveHundredClients();
  const std::int64_t runs = state.range(1);
  const SimulationOptions options{
      .runs = runs, .seed = 42, .threads = static_cast<int>(state.range(0))};
  std::uint64_t numbers = 0;
  for (auto _ : state) {
    auto summary = Simulate(scenario, options);
    numbers = summary->random_numbers;
    benchmark::DoNotOptimize(summary);
  }
  state.SetItemsProcessed(state.iterations() * runs);
  state.counters["numbers_per_run"] = static_cast<double>(numbers) / static_cast<double>(runs);
}
// threads × runs; the last is the target: 100,000 runs of four variants on two cores.
BENCHMARK(BM_Simulate)
    ->ArgNames({"threads", "runs"})
    ->Args({1, kRuns})
    ->Args({2, kRuns})
    ->Args({2, 100'000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// The same without the Spearman sensitivity view (its sorts), to show what that costs.
void BM_SimulateNoSensitivity(benchmark::State& state) {
  const Scenario scenario = FiveHundredClients();
  const SimulationOptions options{
      .runs = kRuns, .seed = 42, .threads = static_cast<int>(state.range(0)), .sensitivity = false};
  for (auto _ : state) benchmark::DoNotOptimize(Simulate(scenario, options));
  state.SetItemsProcessed(state.iterations() * kRuns);
}
BENCHMARK(BM_SimulateNoSensitivity)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// The floor: one thread drawing exactly as many 64-bit numbers as kRuns simulated runs draw
/// (measured once from Summary::random_numbers), and nothing else.
void BM_GeneratorFloor(benchmark::State& state) {
  const auto summary = Simulate(FiveHundredClients(), {.runs = kRuns, .seed = 42});
  const std::uint64_t numbers = summary->random_numbers;
  for (auto _ : state) {
    Generator g(42);
    std::uint64_t x = 0;
    for (std::uint64_t i = 0; i < numbers; ++i) x ^= g.Next();
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * kRuns);
  state.counters["numbers_per_run"] = static_cast<double>(numbers) / kRuns;
}
BENCHMARK(BM_GeneratorFloor)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The floor of the distributions themselves: per client one lognormal and one uniform (the
/// inner loop of a run) with no bookkeeping, one thread.
void BM_DistributionFloor(benchmark::State& state) {
  const auto summary = Simulate(FiveHundredClients(), {.runs = 1000, .seed = 42});
  const auto clients = static_cast<std::int64_t>(summary->clients.mean * kRuns);
  for (auto _ : state) {
    Generator g(42);
    double units = 0.0;
    std::int64_t results = 0;
    for (std::int64_t i = 0; i < clients; ++i) {
      units += g.LogNormal(2.99, 0.857);
      results += g.Uniform() < 0.6 ? 1 : 0;
    }
    benchmark::DoNotOptimize(units);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * kRuns);
}
BENCHMARK(BM_DistributionFloor)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

#include "core/financing/simulate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <vector>

#include "core/financing/generator.hpp"
#include "core/financing/model.hpp"

namespace aantafel::core::financing {
namespace {

// ---- generators ---------------------------------------------------------------------------

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

template <typename Draw>
Moments Sample(int n, Draw draw) {
  std::vector<double> x(static_cast<std::size_t>(n));
  for (auto& v : x) v = draw();
  double sum = 0.0;
  for (const double v : x) sum += v;
  const double mean = sum / n;
  double squares = 0.0;
  for (const double v : x) squares += (v - mean) * (v - mean);
  return {mean, squares / (n - 1)};
}

constexpr int kDraws = 200'000;

TEST(FinancingGenerator, SameSeedSameStreamDifferentSeedOrStreamDiffers) {
  Generator a(42);
  Generator b(42);
  Generator c(43);
  Generator d = Generator::ForStream(42, 0);
  Generator e = Generator::ForStream(42, 1);
  bool differs_seed = false;
  bool differs_stream = false;
  for (int i = 0; i < 16; ++i) {
    const std::uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs_seed |= x != c.Next();
    differs_stream |= d.Next() != e.Next();
  }
  EXPECT_TRUE(differs_seed);
  EXPECT_TRUE(differs_stream);
  EXPECT_EQ(a.draws(), 16U);
}

TEST(FinancingGenerator, UniformAndUniformIntStayInRangeWithTheRightMean) {
  Generator g(7);
  const Moments u = Sample(kDraws, [&] {
    const double x = g.Uniform();
    EXPECT_TRUE(x >= 0.0 && x < 1.0);
    return x;
  });
  EXPECT_NEAR(u.mean, 0.5, 4 * std::sqrt(1.0 / 12 / kDraws));
  const Moments i = Sample(kDraws, [&] {
    const auto k = g.UniformInt(3, 9);
    EXPECT_TRUE(k >= 3 && k <= 9);
    return static_cast<double>(k);
  });
  // Discrete uniform on 3…9: mean 6, variance (7² − 1) / 12 = 4.
  EXPECT_NEAR(i.mean, 6.0, 4 * std::sqrt(4.0 / kDraws));
  EXPECT_EQ(g.UniformInt(5, 5), 5);
}

TEST(FinancingGenerator, NormalHasMeanZeroAndVarianceOne) {
  Generator g(11);
  const Moments m = Sample(kDraws, [&] { return g.Normal(); });
  EXPECT_NEAR(m.mean, 0.0, 4 * std::sqrt(1.0 / kDraws));
  // Var(s²) ≈ (μ4 − σ⁴) / n = 2 / n for the normal.
  EXPECT_NEAR(m.variance, 1.0, 4 * std::sqrt(2.0 / kDraws));
}

class PoissonMoments : public testing::TestWithParam<double> {};

TEST_P(PoissonMoments, MeanAndVarianceEqualLambda) {
  const double lambda = GetParam();
  Generator g(static_cast<std::uint64_t>(lambda * 1000));
  const Moments m = Sample(kDraws, [&] {
    const auto k = g.Poisson(lambda);
    EXPECT_GE(k, 0);
    return static_cast<double>(k);
  });
  EXPECT_NEAR(m.mean, lambda, 4 * std::sqrt(lambda / kDraws));
  // Var(s²) ≈ (μ4 − σ⁴) / n with μ4 = λ(1 + 3λ): (λ + 2λ²) / n.
  EXPECT_NEAR(m.variance, lambda, 5 * std::sqrt((lambda + 2 * lambda * lambda) / kDraws));
}

// 0.5 and 3 use Knuth's method, 10 and above PTRS.
INSTANTIATE_TEST_SUITE_P(KnuthAndPtrs, PoissonMoments,
                         testing::Values(0.5, 3.0, 10.0, 40.0, 500.0));

TEST(FinancingGenerator, PoissonOfZeroIsZero) {
  Generator g(1);
  EXPECT_EQ(g.Poisson(0.0), 0);
}

TEST(FinancingGenerator, LogNormalHitsItsMedianAndP90) {
  Generator g(5);
  const double median = 4.0;
  const double p90 = 10.0;
  const double mu = std::log(median);
  const double sigma = (std::log(p90) - mu) / 1.2815515655446004;
  int below_median = 0;
  int below_p90 = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = g.LogNormal(mu, sigma);
    below_median += x < median ? 1 : 0;
    below_p90 += x < p90 ? 1 : 0;
  }
  EXPECT_NEAR(below_median / double{kDraws}, 0.5, 4 * std::sqrt(0.25 / kDraws));
  EXPECT_NEAR(below_p90 / double{kDraws}, 0.9, 4 * std::sqrt(0.09 / kDraws));
}

TEST(FinancingGenerator, GammaHasMeanAndVarianceShape) {
  for (const double shape : {0.3, 1.0, 2.5, 30.0}) {
    Generator g(static_cast<std::uint64_t>(shape * 10));
    const Moments m = Sample(kDraws, [&] { return g.Gamma(shape); });
    EXPECT_NEAR(m.mean, shape, 4 * std::sqrt(shape / kDraws)) << shape;
    // Var(s²) ≈ (μ4 − σ⁴) / n with μ4 = 3k² + 6k for Gamma(k): (2k² + 6k) / n.
    EXPECT_NEAR(m.variance, shape, 5 * std::sqrt((2 * shape * shape + 6 * shape) / kDraws))
        << shape;
  }
}

TEST(FinancingGenerator, BetaHasItsMeanAndVariance) {
  struct Case {
    double a, b;
  };
  for (const Case c : {Case{2, 5}, Case{0.5, 0.5}, Case{12, 8}}) {
    Generator g(static_cast<std::uint64_t>(c.a * 100 + c.b));
    const Moments m = Sample(kDraws, [&] {
      const double x = g.Beta(c.a, c.b);
      EXPECT_TRUE(x >= 0.0 && x <= 1.0);
      return x;
    });
    const double mean = c.a / (c.a + c.b);
    const double variance = c.a * c.b / ((c.a + c.b) * (c.a + c.b) * (c.a + c.b + 1));
    EXPECT_NEAR(m.mean, mean, 4 * std::sqrt(variance / kDraws)) << c.a << "," << c.b;
    EXPECT_NEAR(m.variance, variance, 0.05 * variance) << c.a << "," << c.b;
  }
}

TEST(FinancingGenerator, LogGammaMatchesFactorials) {
  EXPECT_NEAR(LogGamma(1.0), 0.0, 1e-12);
  EXPECT_NEAR(LogGamma(5.0), std::log(24.0), 1e-10);
  EXPECT_NEAR(LogGamma(11.0), std::log(3628800.0), 1e-10);
  EXPECT_NEAR(LogGamma(0.5), 0.5 * std::log(3.141592653589793), 1e-10);
}

// ---- scenarios ------------------------------------------------------------------------------

constexpr double kZ90 = 1.2815515655446004;

/// 50 clients (Poisson), lognormal hours (median 4, p90 10), 60 % reach the result.
Scenario BaseScenario() {
  Scenario s;
  s.population.clients = ClientsPoisson{.mean = 50};
  s.population.intensity = IntensityLognormal{.median = 4, .p90 = 10};
  s.population.unit = Unit::kHour;
  s.population.result_share = ResultShareBeta{.mean = 0.6, .strength = 20};
  s.costs = {.cost_per_unit = 50, .fixed_costs = 1000};
  s.budget = 14'000;
  s.variants = {
      {"PxQ", EffortBased{.price_per_unit = 60}},
      {"Resultaat",
       OutputBased{.price_per_client = 250, .price_per_result = 100, .pay_for_result = true}},
      {"Lumpsum", TaskBased{.lump_sum = 12'000}},
      {"Combinatie", Combined{.fixed_part = 2000,
                              .price_per_unit = 40,
                              .cap = 15'000,
                              .floor = 11'000,
                              .incentive = ResultIncentive{.target_share = 0.5,
                                                           .bonus_per_result = 200,
                                                           .malus_per_result = 100}}},
  };
  return s;
}

Summary Simulated(const Scenario& s, std::int64_t runs, std::uint64_t seed = 1, int threads = 1) {
  auto result = Simulate(s, {.runs = runs, .seed = seed, .threads = threads});
  EXPECT_TRUE(result.ok());
  return std::move(result).value();
}

double StandardError(const Distribution& d) {
  return d.stddev / std::sqrt(static_cast<double>(d.count));
}

TEST(FinancingSimulation, PxQExpectedRevenueIsClientsTimesUnitsTimesPrice) {
  const Summary s = Simulated(BaseScenario(), 40'000);
  ASSERT_EQ(s.variants.size(), 4U);
  const double sigma = std::log(10.0 / 4.0) / kZ90;
  const double units_per_client = 4.0 * std::exp(sigma * sigma / 2);  // lognormal mean
  const double expected = 50 * units_per_client * 60;                 // Wald: E[N]·E[X]·price
  const VariantSummary& pxq = s.variants[0];
  EXPECT_EQ(pxq.form, "effort_based");
  EXPECT_NEAR(pxq.revenue.mean, expected, 4 * StandardError(pxq.revenue));
  EXPECT_NEAR(pxq.cost.mean, 50 * units_per_client * 50 + 1000, 4 * StandardError(pxq.cost));
  EXPECT_NEAR(s.clients.mean, 50, 4 * StandardError(s.clients));
  // The municipality pays what the provider receives.
  EXPECT_EQ(pxq.spending, pxq.revenue);
  EXPECT_LE(pxq.revenue.p5, pxq.revenue.p50);
  EXPECT_LE(pxq.revenue.p50, pxq.revenue.p95);
  std::int64_t total = 0;
  for (const auto c : pxq.revenue.histogram.counts) total += c;
  EXPECT_EQ(total, 40'000);
  EXPECT_EQ(pxq.revenue.histogram.counts.size(), 30U);
}

TEST(FinancingSimulation, OutputBasedRevenuePaysClientsAndResults) {
  const Summary s = Simulated(BaseScenario(), 40'000);
  const VariantSummary& out = s.variants[1];
  // E[N]·price per client + E[N]·E[share]·price per result.
  EXPECT_NEAR(out.revenue.mean, 50 * 250 + 50 * 0.6 * 100, 4 * StandardError(out.revenue));
  EXPECT_NEAR(s.result_share.mean, 0.6, 4 * StandardError(s.result_share));
}

TEST(FinancingSimulation, LumpSumRevenueIsConstant) {
  const Summary s = Simulated(BaseScenario(), 5'000);
  const VariantSummary& lump = s.variants[2];
  EXPECT_EQ(lump.revenue.mean, 12'000);
  EXPECT_EQ(lump.revenue.stddev, 0.0);
  EXPECT_EQ(lump.revenue.min, 12'000);
  EXPECT_EQ(lump.revenue.max, 12'000);
  EXPECT_EQ(lump.revenue.p5, 12'000);
  EXPECT_EQ(lump.revenue.p95, 12'000);
  EXPECT_EQ(lump.revenue.histogram.counts[0], 5'000);
  EXPECT_EQ(lump.over_budget_probability, 0.0);  // 12,000 is within the 14,000 budget
  // Its margin still varies: the provider carries the volume risk.
  EXPECT_GT(lump.margin.stddev, 0.0);
  EXPECT_GT(lump.loss_probability, 0.0);
}

TEST(FinancingSimulation, CapAndFloorBoundTheCombinedModelAndBothBind) {
  const Summary s = Simulated(BaseScenario(), 20'000);
  const VariantSummary& combined = s.variants[3];
  EXPECT_EQ(combined.revenue.min, 11'000);
  EXPECT_EQ(combined.revenue.max, 15'000);
  EXPECT_GT(combined.revenue.stddev, 0.0);
}

TEST(FinancingSimulation, NoLossWhenPriceCoversCostAndThereAreNoFixedCosts) {
  Scenario s = BaseScenario();
  s.costs = {.cost_per_unit = 50, .fixed_costs = 0};
  s.variants = {{"gelijk", EffortBased{.price_per_unit = 50}},
                {"hoger", EffortBased{.price_per_unit = 55}}};
  const Summary summary = Simulated(s, 5'000);
  EXPECT_EQ(summary.variants[0].loss_probability, 0.0);
  EXPECT_EQ(summary.variants[1].loss_probability, 0.0);
  EXPECT_GE(summary.variants[1].margin.min, 0.0);
}

TEST(FinancingSimulation, BudgetRiskAndCostPerResult) {
  Scenario s = BaseScenario();
  s.budget = 0;
  const Summary summary = Simulated(s, 2'000);
  EXPECT_EQ(summary.variants[0].over_budget_probability, 1.0);
  // Spending per result ≥ spending per client, since results ≤ clients.
  EXPECT_GE(summary.variants[0].cost_per_result.p50, summary.variants[0].cost_per_client.p50);
  EXPECT_NEAR(summary.variants[2].cost_per_client.mean, 12'000.0 / 50, 10);
}

TEST(FinancingSimulation, UniformRangesAndFixedIntensity) {
  Scenario s = BaseScenario();
  s.population.clients = ClientsUniform{.min = 10, .max = 20};
  s.population.intensity = IntensityFixed{.units = 3};
  s.population.result_share = ResultShareUniform{.min = 0.2, .max = 0.4};
  const Summary summary = Simulated(s, 20'000);
  EXPECT_EQ(summary.clients.min, 10);
  EXPECT_EQ(summary.clients.max, 20);
  EXPECT_NEAR(summary.clients.mean, 15, 4 * StandardError(summary.clients));
  EXPECT_EQ(summary.units_per_client.min, 3);
  EXPECT_EQ(summary.units_per_client.max, 3);
  EXPECT_NEAR(summary.result_share.mean, 0.3, 4 * StandardError(summary.result_share));
  EXPECT_NEAR(summary.variants[0].revenue.mean, 15 * 3 * 60,
              4 * StandardError(summary.variants[0].revenue));
}

TEST(FinancingSimulation, SensitivityRanksTheInputThatDrivesTheMargin) {
  Scenario s = BaseScenario();
  s.population.clients = ClientsUniform{.min = 50, .max = 50};  // constant: not an input
  s.costs = {.cost_per_unit = 0, .fixed_costs = 0};
  s.variants = {{"PxQ", EffortBased{.price_per_unit = 60}},
                {"Resultaat", OutputBased{.price_per_result = 100, .pay_for_result = true}}};
  const Summary summary = Simulated(s, 5'000);
  const auto& pxq = summary.variants[0].sensitivity;
  const auto& result = summary.variants[1].sensitivity;
  ASSERT_EQ(pxq.size(), 2U);
  EXPECT_EQ(pxq[0].input, "units_per_client");
  EXPECT_NEAR(pxq[0].correlation, 1.0, 1e-12);
  ASSERT_EQ(result.size(), 2U);
  EXPECT_EQ(result[0].input, "result_share");
  EXPECT_NEAR(result[0].correlation, 1.0, 1e-12);
  EXPECT_LT(std::fabs(result[1].correlation), 0.1);
}

TEST(FinancingSimulation, SpearmanHandlesTiesAndConstants) {
  EXPECT_NEAR(SpearmanCorrelation({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0, 1e-12);
  EXPECT_NEAR(SpearmanCorrelation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0, 1e-12);
  EXPECT_NEAR(SpearmanCorrelation({1, 1, 2, 2}, {1, 1, 2, 2}), 1.0, 1e-12);
  EXPECT_EQ(SpearmanCorrelation({1, 2, 3}, {5, 5, 5}), 0.0);
}

TEST(FinancingSimulation, SummarisePercentilesInterpolate) {
  const Distribution d = Summarise({5, 1, 4, 2, 3, std::nan("")}, 4);
  EXPECT_EQ(d.count, 5);
  EXPECT_DOUBLE_EQ(d.mean, 3);
  EXPECT_DOUBLE_EQ(d.p50, 3);
  EXPECT_DOUBLE_EQ(d.p5, 1.2);
  EXPECT_DOUBLE_EQ(d.p95, 4.8);
  EXPECT_EQ(d.histogram.counts, (std::vector<std::int64_t>{1, 1, 1, 2}));
}

// ---- determinism, cancellation, progress ----------------------------------------------------

TEST(FinancingSimulation, SameSeedIsBitIdenticalForOneTwoAndFourThreads) {
  const Scenario s = BaseScenario();
  const std::int64_t runs = 4 * kRunsPerChunk + 123;  // a ragged last chunk
  const Summary one = Simulated(s, runs, 2024, 1);
  const Summary two = Simulated(s, runs, 2024, 2);
  const Summary four = Simulated(s, runs, 2024, 4);
  EXPECT_TRUE(one == two);
  EXPECT_TRUE(one == four);
  EXPECT_EQ(one.variants[0].margin.mean, four.variants[0].margin.mean);  // bit for bit
  EXPECT_GT(one.random_numbers, 0U);
  EXPECT_EQ(one.random_numbers, four.random_numbers);
}

TEST(FinancingSimulation, DifferentSeedGivesADifferentSummary) {
  const Scenario s = BaseScenario();
  const Summary a = Simulated(s, 2'000, 1);
  const Summary b = Simulated(s, 2'000, 2);
  EXPECT_FALSE(a == b);
  EXPECT_NE(a.variants[0].revenue.mean, b.variants[0].revenue.mean);
}

TEST(FinancingSimulation, ProgressCountsUpToAllRuns) {
  std::vector<std::int64_t> seen;
  SimulationOptions options{.runs = 3 * kRunsPerChunk + 1, .threads = 2};
  options.progress = [&](std::int64_t done, std::int64_t total) {
    EXPECT_EQ(total, 3 * kRunsPerChunk + 1);
    seen.push_back(done);
  };
  const auto result = Simulate(BaseScenario(), options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(seen.size(), 4U);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i], seen[i - 1]);
  EXPECT_EQ(seen.back(), 3 * kRunsPerChunk + 1);
  EXPECT_FALSE(result->cancelled);
}

TEST(FinancingSimulation, CancellationStopsEarlyAndSaysSo) {
  std::atomic<bool> cancel{false};
  SimulationOptions options{.runs = 200 * kRunsPerChunk, .threads = 2, .cancel = &cancel};
  options.progress = [&](std::int64_t, std::int64_t) { cancel = true; };
  const auto result = Simulate(BaseScenario(), options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->cancelled);
  EXPECT_GT(result->runs_done, 0);
  EXPECT_LT(result->runs_done, 10 * kRunsPerChunk);
  EXPECT_TRUE(result->variants.empty());

  cancel = true;  // cancelled before it starts
  const auto none = Simulate(BaseScenario(), {.runs = 1000, .cancel = &cancel});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->cancelled);
  EXPECT_EQ(none->runs_done, 0);
}

// ---- validation -----------------------------------------------------------------------------

TEST(FinancingValidation, AGoodScenarioPasses) { EXPECT_TRUE(Validate(BaseScenario()).ok()); }

TEST(FinancingValidation, NamesEveryBadField) {
  Scenario s = BaseScenario();
  s.population.clients = ClientsUniform{.min = 30, .max = 20};
  s.population.intensity = IntensityLognormal{.median = 5, .p90 = 3};
  s.population.result_share = ResultShareBeta{.mean = 1.5, .strength = 0};
  s.costs = {.cost_per_unit = -1, .fixed_costs = std::nan("")};
  s.budget = -5;
  s.variants[0].form = EffortBased{.price_per_unit = -60};
  s.variants[1].form = OutputBased{.price_per_client = -1, .price_per_result = -2};
  s.variants[2].name = "";
  s.variants[3].form =
      Combined{.cap = 100, .floor = 200, .incentive = ResultIncentive{.target_share = 2}};
  s.variants.push_back({"PxQ", TaskBased{.lump_sum = -1}});
  const auto status = Validate(s);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  const auto& f = status.error().fields;
  for (const char* name :
       {"population.clients.min", "population.intensity.p90", "population.result_share.mean",
        "population.result_share.strength", "costs.cost_per_unit", "costs.fixed_costs", "budget",
        "variants[0].price_per_unit", "variants[1].price_per_client",
        "variants[1].price_per_result", "variants[2].name", "variants[3].floor",
        "variants[3].incentive.target_share", "variants[4].name", "variants[4].lump_sum"}) {
    EXPECT_TRUE(f.contains(name)) << name;
  }
  EXPECT_EQ(f.at("variants"), (FieldError{FieldIssue::kTooLong, 4}));
  EXPECT_EQ(f.at("variants[4].name").issue, FieldIssue::kDuplicate);
  EXPECT_EQ(f.at("variants[2].name").issue, FieldIssue::kRequired);
  EXPECT_EQ(f.at("budget").issue, FieldIssue::kInvalidFormat);
}

TEST(FinancingValidation, NoVariantsAndBadOptionsAreReportedTogether) {
  Scenario s = BaseScenario();
  s.variants.clear();
  const auto result = Simulate(s, {.runs = 0, .threads = 0, .histogram_bins = 0});
  ASSERT_FALSE(result.ok());
  const auto& f = result.error().fields;
  EXPECT_EQ(f.at("variants").issue, FieldIssue::kRequired);
  EXPECT_TRUE(f.contains("runs"));
  EXPECT_TRUE(f.contains("threads"));
  EXPECT_TRUE(f.contains("histogram_bins"));
}

TEST(FinancingValidation, UnitCodesRoundTrip) {
  for (const Unit u : {Unit::kMinute, Unit::kHour, Unit::kDayPart, Unit::kDay, Unit::kPiece}) {
    EXPECT_EQ(ParseUnit(ToString(u)), u);
  }
  EXPECT_FALSE(ParseUnit("uur"));
}

}  // namespace
}  // namespace aantafel::core::financing

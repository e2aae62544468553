#include "core/financing/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>
#include <utility>

#include "core/financing/generator.hpp"

namespace aantafel::core::financing {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// z of the standard normal's 90th percentile: p90 = median · e^(σ·z90).
constexpr double kZ90 = 1.2815515655446004;

/// Every per-run sample, indexed by run, so chunks write disjoint ranges and the summary never
/// depends on which thread ran which chunk.
struct Samples {
  std::vector<double> clients, units_per_client, result_share, cost;
  std::vector<std::vector<double>> revenue, margin, cost_per_client, cost_per_result;

  Samples(std::size_t runs, std::size_t variants)
      : clients(runs),
        units_per_client(runs),
        result_share(runs),
        cost(runs),
        revenue(variants, std::vector<double>(runs)),
        margin(variants, std::vector<double>(runs)),
        cost_per_client(variants, std::vector<double>(runs)),
        cost_per_result(variants, std::vector<double>(runs)) {}
};

/// The scenario's distributions in the form the inner loop needs.
struct Sampler {
  const Scenario& scenario;
  bool clients_poisson = true;
  double clients_mean = 0.0;
  std::int64_t clients_min = 0, clients_max = 0;
  bool intensity_random = false;
  double log_median = 0.0, log_sigma = 0.0, fixed_units = 0.0;
  bool share_beta = true;
  double beta_a = 0.0, beta_b = 0.0, share_min = 0.0, share_max = 0.0;

  explicit Sampler(const Scenario& s) : scenario(s) {
    const Population& p = s.population;
    if (const auto* poisson = std::get_if<ClientsPoisson>(&p.clients)) {
      clients_mean = poisson->mean;
    } else {
      clients_poisson = false;
      clients_min = std::get<ClientsUniform>(p.clients).min;
      clients_max = std::get<ClientsUniform>(p.clients).max;
    }
    if (const auto* logn = std::get_if<IntensityLognormal>(&p.intensity)) {
      log_median = std::log(logn->median);
      log_sigma = (std::log(logn->p90) - log_median) / kZ90;
      intensity_random = log_sigma > 0.0;
      fixed_units = logn->median;
    } else {
      fixed_units = std::get<IntensityFixed>(p.intensity).units;
    }
    if (const auto* beta = std::get_if<ResultShareBeta>(&p.result_share)) {
      beta_a = beta->mean * beta->strength;
      beta_b = (1.0 - beta->mean) * beta->strength;
    } else {
      share_beta = false;
      share_min = std::get<ResultShareUniform>(p.result_share).min;
      share_max = std::get<ResultShareUniform>(p.result_share).max;
    }
  }

  [[nodiscard]] std::int64_t Clients(Generator& g) const {
    return clients_poisson ? g.Poisson(clients_mean) : g.UniformInt(clients_min, clients_max);
  }
  [[nodiscard]] double Share(Generator& g) const {
    if (!share_beta) return g.Uniform(share_min, share_max);
    if (beta_a <= 0.0) return 0.0;  // mean 0: nobody reaches the result
    if (beta_b <= 0.0) return 1.0;  // mean 1: everybody does
    return g.Beta(beta_a, beta_b);
  }

  /// One scenario run: draws the population once and evaluates every variant on it.
  void Run(Generator& g, std::int64_t run, Samples& out) const {
    const auto r = static_cast<std::size_t>(run);
    const std::int64_t n = Clients(g);
    const double share = Share(g);
    double units = 0.0;
    std::int64_t results = 0;
    if (intensity_random) {
      for (std::int64_t i = 0; i < n; ++i) {
        units += g.LogNormal(log_median, log_sigma);
        results += g.Uniform() < share ? 1 : 0;
      }
    } else {
      units = fixed_units * static_cast<double>(n);
      for (std::int64_t i = 0; i < n; ++i) results += g.Uniform() < share ? 1 : 0;
    }
    const auto clients = static_cast<double>(n);
    const auto reached = static_cast<double>(results);
    const double cost = scenario.costs.cost_per_unit * units + scenario.costs.fixed_costs;
    out.clients[r] = clients;
    out.units_per_client[r] = n > 0 ? units / clients : kNaN;
    out.result_share[r] = n > 0 ? reached / clients : kNaN;
    out.cost[r] = cost;
    for (std::size_t v = 0; v < scenario.variants.size(); ++v) {
      const double pay = Payment(scenario.variants[v].form, clients, units, reached);
      out.revenue[v][r] = pay;
      out.margin[v][r] = pay - cost;
      out.cost_per_client[v][r] = n > 0 ? pay / clients : kNaN;
      out.cost_per_result[v][r] = results > 0 ? pay / reached : kNaN;
    }
  }
};

/// Order-statistic percentile with linear interpolation; `sorted_prefix` is partitioned in place.
double Percentile(std::vector<double>& values, double p) {
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
  const double x_lo = values[lo];
  if (lo + 1 >= values.size()) return x_lo;
  const double x_hi =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
  return x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
}

/// Ranks 1…n with ties given their average rank.
std::vector<double> Ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double average = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = average;
    i = j + 1;
  }
  return ranks;
}

/// Pearson correlation of two rank series 1…n (average ranks for ties), i.e. Spearman's rho.
double RankCorrelation(const std::vector<double>& ra, const std::vector<double>& rb) {
  if (ra.size() < 2 || ra.size() != rb.size()) return 0.0;
  // Both rank series have mean (n + 1) / 2, ties or not.
  const double mean = 0.5 * (static_cast<double>(ra.size()) + 1.0);
  double sab = 0.0;
  double saa = 0.0;
  double sbb = 0.0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    const double da = ra[i] - mean;
    const double db = rb[i] - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa <= 0.0 || sbb <= 0.0) return 0.0;
  return sab / std::sqrt(saa * sbb);
}

bool IsConstant(const std::vector<double>& values) {
  double first = kNaN;
  for (const double x : values) {
    if (std::isnan(x)) continue;
    if (std::isnan(first)) {
      first = x;
    } else if (x != first) {
      return false;
    }
  }
  return true;
}

void AddFieldIfOutOf(FieldErrors& errors, const char* field, std::int64_t value, std::int64_t lo,
                     std::int64_t hi) {
  if (value < lo || value > hi) errors.Add(field, FieldIssue::kInvalidFormat);
}

}  // namespace

Distribution Summarise(const std::vector<double>& values, int bins) {
  std::vector<double> x;
  x.reserve(values.size());
  for (const double v : values) {
    if (!std::isnan(v)) x.push_back(v);
  }
  Distribution d;
  d.count = static_cast<std::int64_t>(x.size());
  if (x.empty()) return d;
  // Neumaier's compensated sum, in run order, so the mean is exact to an ulp or so and never
  // depends on the thread count.
  double sum = 0.0;
  double compensation = 0.0;
  double lo = x[0];
  double hi = x[0];
  for (const double v : x) {
    const double t = sum + v;
    compensation += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  const auto n = static_cast<double>(x.size());
  d.mean = (sum + compensation) / n;
  double squares = 0.0;
  for (const double v : x) squares += (v - d.mean) * (v - d.mean);
  d.stddev = x.size() > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
  d.min = lo;
  d.max = hi;

  d.histogram.lo = lo;
  d.histogram.hi = hi;
  d.histogram.counts.assign(static_cast<std::size_t>(std::max(bins, 1)), 0);
  const double width = (hi - lo) / static_cast<double>(d.histogram.counts.size());
  const auto last = static_cast<std::int64_t>(d.histogram.counts.size()) - 1;
  for (const double v : x) {
    std::int64_t bin = 0;
    if (width > 0.0)
      bin = std::clamp(static_cast<std::int64_t>((v - lo) / width), std::int64_t{0}, last);
    ++d.histogram.counts[static_cast<std::size_t>(bin)];
  }

  d.p5 = Percentile(x, 0.05);
  d.p50 = Percentile(x, 0.50);
  d.p95 = Percentile(x, 0.95);
  return d;
}

double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> a;
  std::vector<double> b;
  const std::size_t n = std::min(x.size(), y.size());
  a.reserve(n);
  b.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    a.push_back(x[i]);
    b.push_back(y[i]);
  }
  if (a.size() < 2) return 0.0;
  return RankCorrelation(Ranks(a), Ranks(b));
}

Result<Summary> Simulate(const Scenario& scenario, const SimulationOptions& options) {
  // Options and scenario are checked together, so the caller sees every problem at once.
  FieldErrors errors;
  AddFieldIfOutOf(errors, "runs", options.runs, 1, kMaxRuns);
  AddFieldIfOutOf(errors, "threads", options.threads, 1, kMaxThreads);
  AddFieldIfOutOf(errors, "histogram_bins", options.histogram_bins, 1, kMaxHistogramBins);
  const Status valid = Validate(scenario);
  if (!valid || !errors.empty()) {
    Error e = valid ? Error::Of(ErrorCode::kInvalidInput) : valid.error();
    for (auto& [field, problem] : std::move(errors).ToError().fields) {
      e.fields.try_emplace(field, problem);
    }
    return e;
  }

  const std::int64_t runs = options.runs;
  const std::size_t variant_count = scenario.variants.size();
  const std::int64_t chunks = (runs + kRunsPerChunk - 1) / kRunsPerChunk;
  Samples samples(static_cast<std::size_t>(runs), variant_count);
  const Sampler sampler(scenario);
  std::vector<std::uint64_t> chunk_draws(static_cast<std::size_t>(chunks), 0);

  std::atomic<std::int64_t> next_chunk{0};
  std::atomic<bool> stopped{false};
  std::mutex progress_mutex;
  std::int64_t runs_done = 0;  // guarded by progress_mutex

  const auto cancelled = [&] {
    return options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed);
  };
  const auto worker = [&] {
    for (;;) {
      const std::int64_t chunk = next_chunk.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= chunks || stopped.load(std::memory_order_relaxed)) return;
      Generator generator = Generator::ForStream(options.seed, static_cast<std::uint64_t>(chunk));
      const std::int64_t begin = chunk * kRunsPerChunk;
      const std::int64_t end = std::min(runs, begin + kRunsPerChunk);
      for (std::int64_t run = begin; run < end; ++run) {
        // Checked every run: one run of a very large population can take milliseconds.
        if (cancelled()) {
          stopped.store(true, std::memory_order_relaxed);
          return;
        }
        sampler.Run(generator, run, samples);
      }
      chunk_draws[static_cast<std::size_t>(chunk)] = generator.draws();
      const std::lock_guard lock(progress_mutex);
      runs_done += end - begin;
      if (options.progress) options.progress(runs_done, runs);
    }
  };

  const auto extra = static_cast<std::size_t>(std::min<std::int64_t>(options.threads, chunks) - 1);
  std::vector<std::thread> threads;
  threads.reserve(extra);
  for (std::size_t i = 0; i < extra; ++i) threads.emplace_back(worker);
  worker();  // the calling thread works too
  for (auto& t : threads) t.join();

  Summary summary;
  summary.runs = runs;
  summary.seed = options.seed;
  summary.runs_done = runs_done;
  if (stopped.load() || runs_done < runs) {
    summary.cancelled = true;
    return summary;
  }
  for (const std::uint64_t d : chunk_draws) summary.random_numbers += d;

  // Summaries and rank orders are independent pure functions of the samples: they run as tasks
  // on the same number of threads, each writing its own slot, so the result is still the same
  // for any thread count.
  const int bins = options.histogram_bins;
  Distribution cost;
  std::vector<VariantSummary> out(variant_count);
  std::vector<std::function<void()>> tasks;
  tasks.emplace_back([&] { summary.clients = Summarise(samples.clients, bins); });
  tasks.emplace_back([&] { summary.units_per_client = Summarise(samples.units_per_client, bins); });
  tasks.emplace_back([&] { summary.result_share = Summarise(samples.result_share, bins); });
  tasks.emplace_back([&] { cost = Summarise(samples.cost, bins); });
  for (std::size_t v = 0; v < variant_count; ++v) {
    tasks.emplace_back([&, v] { out[v].revenue = Summarise(samples.revenue[v], bins); });
    tasks.emplace_back([&, v] { out[v].margin = Summarise(samples.margin[v], bins); });
    tasks.emplace_back(
        [&, v] { out[v].cost_per_client = Summarise(samples.cost_per_client[v], bins); });
    tasks.emplace_back(
        [&, v] { out[v].cost_per_result = Summarise(samples.cost_per_result[v], bins); });
  }

  // Sensitivity: Spearman over the runs with at least one client (where every input is
  // defined), ranking each series once rather than once per pair.
  struct Input {
    std::string name;
    const std::vector<double>* series;
    std::vector<double> ranks;
  };
  std::vector<Input> inputs;
  std::vector<std::vector<double>> margin_ranks(variant_count);
  std::vector<std::size_t> defined;
  if (options.sensitivity) {
    for (std::size_t r = 0; r < samples.clients.size(); ++r) {
      if (samples.clients[r] > 0) defined.push_back(r);
    }
    const auto add = [&](const char* name, const std::vector<double>& series) {
      if (!IsConstant(series)) inputs.push_back({name, &series, {}});
    };
    add("clients", samples.clients);
    add("units_per_client", samples.units_per_client);
    add("result_share", samples.result_share);
  }
  const auto ranks_of_defined = [&](const std::vector<double>& series) {
    std::vector<double> values;
    values.reserve(defined.size());
    for (const std::size_t r : defined) values.push_back(series[r]);
    return Ranks(values);
  };
  if (!inputs.empty() && defined.size() >= 2) {
    for (auto& input : inputs) {
      tasks.emplace_back([&] { input.ranks = ranks_of_defined(*input.series); });
    }
    for (std::size_t v = 0; v < variant_count; ++v) {
      tasks.emplace_back([&, v] { margin_ranks[v] = ranks_of_defined(samples.margin[v]); });
    }
  }
  std::atomic<std::size_t> next_task{0};
  const auto task_worker = [&] {
    for (std::size_t t = next_task.fetch_add(1); t < tasks.size(); t = next_task.fetch_add(1)) {
      tasks[t]();
    }
  };
  {
    std::vector<std::thread> helpers;
    const auto helper_count =
        std::min<std::size_t>(static_cast<std::size_t>(options.threads), tasks.size()) - 1;
    helpers.reserve(helper_count);
    for (std::size_t i = 0; i < helper_count; ++i) helpers.emplace_back(task_worker);
    task_worker();
    for (auto& t : helpers) t.join();
  }

  const auto n = static_cast<double>(runs);
  for (std::size_t v = 0; v < variant_count; ++v) {
    VariantSummary& o = out[v];
    o.name = scenario.variants[v].name;
    o.form = std::string(FormName(scenario.variants[v].form));
    o.cost = cost;
    o.spending = o.revenue;
    std::int64_t losses = 0;
    std::int64_t over_budget = 0;
    for (std::size_t r = 0; r < samples.margin[v].size(); ++r) {
      losses += samples.margin[v][r] < 0.0 ? 1 : 0;
      over_budget += samples.revenue[v][r] > scenario.budget ? 1 : 0;
    }
    o.loss_probability = static_cast<double>(losses) / n;
    o.over_budget_probability = static_cast<double>(over_budget) / n;
    if (!margin_ranks[v].empty()) {
      for (const auto& input : inputs) {
        o.sensitivity.push_back({input.name, RankCorrelation(input.ranks, margin_ranks[v])});
      }
    }
    std::stable_sort(o.sensitivity.begin(), o.sensitivity.end(),
                     [](const InputEffect& a, const InputEffect& b) {
                       return std::fabs(a.correlation) > std::fabs(b.correlation);
                     });
  }
  summary.variants = std::move(out);
  return summary;
}

}  // namespace aantafel::core::financing

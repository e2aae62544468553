#include "core/financing/generator.hpp"

#include <cmath>
#include <numbers>

namespace aantafel::core::financing {

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Generator::Generator(std::uint64_t seed) {
  std::uint64_t sm = seed;
  for (auto& word : s_) word = SplitMix64(sm);
  // SplitMix64 is a bijection of distinct states, so four outputs are never all zero in
  // practice; guard anyway because xoshiro's all-zero state is a fixed point.
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
}

Generator Generator::ForStream(std::uint64_t seed, std::uint64_t stream) {
  // Hash the stream index, then the seed with it, so (seed, k) and (seed, k + 1) start far
  // apart; merely offsetting a SplitMix64 state by k would give overlapping seed words.
  std::uint64_t a = stream ^ 0xD1B54A32D192ED03ULL;
  const std::uint64_t stream_hash = SplitMix64(a);
  std::uint64_t b = seed ^ stream_hash;
  const std::uint64_t key = SplitMix64(b);
  return Generator(key);
}

std::int64_t Generator::UniformInt(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  if (range == 0) return static_cast<std::int64_t>(Next());  // the full 64-bit range
  __extension__ using U128 = unsigned __int128;
  U128 m = static_cast<U128>(Next()) * range;
  auto low = static_cast<std::uint64_t>(m);
  if (low < range) {
    const std::uint64_t threshold = (0 - range) % range;
    while (low < threshold) {
      m = static_cast<U128>(Next()) * range;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) +
                                   static_cast<std::uint64_t>(m >> 64));
}

double Generator::NormalPair() {
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * Uniform() - 1.0;
    v = 2.0 * Uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

double LogGamma(double x) {
  static constexpr double kA[10] = {
      8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
      8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
      1.796443723688307e-01, -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  double x0 = x;
  int n = 0;
  if (x <= 7.0) {
    n = static_cast<int>(7 - x);
    x0 = x + n;
  }
  const double x2 = 1.0 / (x0 * x0);
  double gl0 = kA[9];
  for (int k = 8; k >= 0; --k) gl0 = gl0 * x2 + kA[k];
  double gl = gl0 / x0 + 0.5 * std::log(2.0 * std::numbers::pi) + (x0 - 0.5) * std::log(x0) - x0;
  if (x <= 7.0) {
    for (int k = 1; k <= n; ++k) {
      gl -= std::log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

std::int64_t Generator::Poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean < 10.0) {
    // Knuth: count uniforms until their product drops below e^-mean.
    const double limit = std::exp(-mean);
    std::int64_t k = 0;
    double product = Uniform();
    while (product > limit) {
      ++k;
      product *= Uniform();
    }
    return k;
  }
  // PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random
  // variables", Insurance: Mathematics and Economics 12 (1993). Exact, about 1.1 tries per draw.
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = Uniform() - 0.5;
    const double v = Uniform();
    const double us = 0.5 - std::fabs(u);
    const auto k = static_cast<std::int64_t>(std::floor((2 * a / us + b) * u + mean + 0.43));
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
        -mean + static_cast<double>(k) * loglam - LogGamma(static_cast<double>(k) + 1)) {
      return k;
    }
  }
}

double Generator::Gamma(double shape) {
  if (!(shape > 0.0)) return 0.0;
  if (shape < 1.0) {
    // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia & Tsang, section 6).
    const double g = Gamma(shape + 1.0);
    return g * std::pow(UniformOpen(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = Normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = UniformOpen();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double Generator::Beta(double a, double b) {
  const double x = Gamma(a);
  const double y = Gamma(b);
  const double sum = x + y;
  // Both tiny shapes can underflow to 0 + 0; fall back to the mean's side by a fair coin
  // weighted by a / (a + b), which is the limit distribution.
  if (!(sum > 0.0)) return Bernoulli(a / (a + b)) ? 1.0 : 0.0;
  return x / sum;
}

}  // namespace aantafel::core::financing

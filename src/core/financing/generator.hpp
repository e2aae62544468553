#pragma once

#include <cmath>
#include <cstdint>

namespace aantafel::core::financing {

/// One step of SplitMix64 (Vigna): advances `state` and returns a well-mixed 64-bit value.
/// Used to seed Generator, never as the simulation's generator itself.
std::uint64_t SplitMix64(std::uint64_t& state);

/// A seedable pseudo-random generator for the Monte Carlo simulation: xoshiro256** 1.0
/// (Blackman & Vigna) for the bits, and hand-written transforms for the distributions, so the
/// same seed gives the same numbers with any standard library (std::*_distribution differs
/// between libstdc++, libc++ and MSVC). Uses only +, *, /, sqrt (exact in IEEE 754) and
/// std::log/std::exp; those come from the platform's libm, so bit-identical results across
/// machines assume the same libm (they are always identical across thread counts).
/// Not thread-safe: one Generator per thread or per chunk of runs.
class Generator {
 public:
  /// Seeds the 256-bit state from `seed` through SplitMix64 (never all zero).
  explicit Generator(std::uint64_t seed);
  /// An independent stream for (seed, stream): seeds from a hash of both, so chunk k of one
  /// simulation does not overlap chunk k+1 or another seed's chunks in any practical sense.
  static Generator ForStream(std::uint64_t seed, std::uint64_t stream);

  /// 64 random bits.
  std::uint64_t Next() {
    ++draws_;
    const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  /// How many 64-bit numbers this generator has produced (for the benchmark's floor).
  [[nodiscard]] std::uint64_t draws() const { return draws_; }

  /// Uniform on [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  /// Uniform on (0, 1): never 0, so safe under log.
  double UniformOpen() { return (static_cast<double>(Next() >> 12) + 0.5) * 0x1.0p-52; }
  /// Uniform on [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  /// Uniform integer on [lo, hi] inclusive, without modulo bias (Lemire's multiply-shift).
  std::int64_t UniformInt(std::int64_t lo, std::int64_t hi);
  /// true with probability p.
  bool Bernoulli(double p) { return Uniform() < p; }

  /// Standard normal by Marsaglia's polar form of Box–Muller; the second value of each pair is
  /// kept for the next call.
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    return NormalPair();
  }
  /// Lognormal with the given log-mean and log-standard deviation.
  double LogNormal(double mu, double sigma) { return std::exp(mu + sigma * Normal()); }
  /// Poisson with the given mean: Knuth's product of uniforms below mean 10 (O(mean), exact),
  /// Hörmann's PTRS transformed rejection from 10 on (O(1), exact; as in NumPy).
  std::int64_t Poisson(double mean);
  /// Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via Gamma(shape + 1)·U^(1/shape).
  double Gamma(double shape);
  /// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
  double Beta(double a, double b);

 private:
  Generator() = default;
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  double NormalPair();

  std::uint64_t s_[4] = {};
  std::uint64_t draws_ = 0;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

/// log Γ(x) for x > 0 (Stirling series with exact shift below 7, as in NumPy); std::lgamma is
/// avoided because glibc's writes the global `signgam`, a data race between threads.
double LogGamma(double x);

}  // namespace aantafel::core::financing

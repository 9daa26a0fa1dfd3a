// DemoRandom: the demo generator's own pseudo-random numbers (internal to finhelm_demo).
//
// The standard distributions are implementation-defined, so the same seed would give other
// ledgers with another standard library. This is xoshiro256** seeded through splitmix64,
// and every derived draw uses only exactly-rounded IEEE operations (+, -, *, /), so the
// draws are the same on every platform.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace finhelm::demo {

class DemoRandom {
 public:
  // One stream per topic ("revenue", "payroll", ...): the streams are independent, so
  // changing how one generator draws leaves every other generator's data unchanged.
  DemoRandom(std::uint64_t seed, std::string_view topic);

  std::uint64_t Next();
  // Uniform in [0, 1).
  double Uniform();
  // Uniform in [low, high).
  double Between(double low, double high);
  // Uniform in [0, count); 0 when count <= 0.
  int Below(int count);
  bool Chance(double probability);
  // A factor in [1 - spread, 1 + spread], bell-shaped around 1 (the mean of three uniform
  // draws), for "about this much" amounts.
  double Jitter(double spread);
  // `expected` rounded up or down at random so that the mean of many calls is `expected`.
  int StochasticRound(double expected);

 private:
  std::array<std::uint64_t, 4> state_{};
};

// Dollars to integer cents, rounding half away from zero: the one place a drawn amount
// becomes money.
std::int64_t Cents(double dollars);

}  // namespace finhelm::demo

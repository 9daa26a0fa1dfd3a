#include "demo/internal/demo_random.hpp"

#include <cmath>

namespace finhelm::demo {
namespace {

std::uint64_t SplitMix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

std::uint64_t RotateLeft(std::uint64_t value, unsigned bits) {
  return (value << bits) | (value >> (64U - bits));
}

// FNV-1a: folds the topic name into the seed, so each topic gets its own stream.
std::uint64_t HashTopic(std::string_view topic) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : topic) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

DemoRandom::DemoRandom(std::uint64_t seed, std::string_view topic) {
  std::uint64_t mix = seed ^ HashTopic(topic);
  for (std::uint64_t& word : state_) word = SplitMix64(mix);
}

std::uint64_t DemoRandom::Next() {
  const std::uint64_t result = RotateLeft(state_[1] * 5U, 7U) * 9U;
  const std::uint64_t shifted = state_[1] << 17U;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= shifted;
  state_[3] = RotateLeft(state_[3], 45U);
  return result;
}

double DemoRandom::Uniform() {
  // The top 53 bits, scaled by 2^-53: every value is exact in a double.
  return static_cast<double>(Next() >> 11U) * 0x1.0p-53;
}

double DemoRandom::Between(double low, double high) { return low + (high - low) * Uniform(); }

int DemoRandom::Below(int count) {
  if (count <= 0) return 0;
  return static_cast<int>(Next() % static_cast<std::uint64_t>(count));
}

bool DemoRandom::Chance(double probability) { return Uniform() < probability; }

double DemoRandom::Jitter(double spread) {
  const double mean = (Uniform() + Uniform() + Uniform()) / 3.0;
  return 1.0 + spread * (2.0 * mean - 1.0);
}

int DemoRandom::StochasticRound(double expected) {
  if (expected <= 0.0) return 0;
  const auto whole = static_cast<int>(expected);
  return whole + (Chance(expected - whole) ? 1 : 0);
}

std::int64_t Cents(double dollars) { return std::llround(dollars * 100.0); }

}  // namespace finhelm::demo

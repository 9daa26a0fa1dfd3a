// bench/auth/hash_time: the time of one Argon2id verification with FinHelm's parameters
// on one thread, the unit of bench/auth's theoretical bound (cores / one hash's time).
//
//   hash_time [ROUNDS]   prints "hash_ms MEDIAN" and "hashes_per_second_per_core N"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "crypto/initialize.hpp"
#include "identity/password_hasher.hpp"

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 40;
  if (rounds < 1) rounds = 1;
  if (!finhelm::crypto::InitializeCrypto().ok()) return 1;
  finhelm::identity::PasswordHasher hasher;
  auto phc = hasher.Hash("violet kettle marches under 9 lanterns");
  if (!phc.ok()) return 1;
  std::vector<double> millis;
  for (int i = 0; i < rounds; ++i) {
    auto start = std::chrono::steady_clock::now();
    bool ok = hasher.Verify("violet kettle marches under 9 lanterns", *phc);
    auto took = std::chrono::steady_clock::now() - start;
    if (!ok) return 1;
    millis.push_back(std::chrono::duration<double, std::milli>(took).count());
  }
  std::sort(millis.begin(), millis.end());
  double median = millis[millis.size() / 2];
  std::printf("hash_ms %.3f\nhashes_per_second_per_core %.1f\n", median, 1000.0 / median);
  return 0;
}

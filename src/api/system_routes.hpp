// The routes every deployment has: health, readiness, metrics, the contract, diagnostics.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "crypto/secret_bytes.hpp"
#include "http/router.hpp"
#include "observability/metrics.hpp"

namespace finhelm::api {

// One readiness check: a name ("database") and a probe that fails when the dependency
// cannot serve. Probes block (they may query the database): /readyz runs on a worker.
struct ReadinessCheck {
  std::string name;
  std::function<Status()> probe;
};

struct SystemRouteDependencies {
  const metrics::Registry* metrics = nullptr;
  std::vector<ReadinessCheck> readiness;
  // The scrape credential of /metrics (`Authorization: Bearer <token>`); null: loopback
  // clients only. The metrics name routes, job queues and pool sizes: not for everyone.
  std::shared_ptr<const crypto::SecretBytes> metrics_token;
};

Status AddSystemRoutes(http::Router& router, SystemRouteDependencies dependencies);

}  // namespace finhelm::api

// Deleting one's own account (DELETE /v1/me) and an organization (DELETE /v1/orgs/{org}),
// both behind a password proven in the last five minutes (AUTH-8); identity/deletions.hpp
// says what goes and what stays.
#pragma once

#include <chrono>

#include "core/clock.hpp"
#include "http/router.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct DeletionRouteDependencies {
  storage::Database* database = nullptr;
  const Clock* clock = nullptr;
  std::chrono::seconds reauthentication_window{5 * 60};  // AUTH-8
};

Status AddDeletionRoutes(http::Router& router, DeletionRouteDependencies dependencies);

}  // namespace finhelm::api

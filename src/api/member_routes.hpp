// Members and invitations of an organization, for its admins (org:manage), and
// POST /v1/invitations/accept for the invited user.
#pragma once

#include "core/clock.hpp"
#include "http/router.hpp"
#include "identity/sessions.hpp"
#include "jobs/job_queue.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct MemberRouteDependencies {
  storage::Database* database = nullptr;
  identity::SessionStore* sessions = nullptr;
  jobs::JobQueue* jobs = nullptr;
  const Clock* clock = nullptr;
};

Status AddMemberRoutes(http::Router& router, MemberRouteDependencies dependencies);

}  // namespace finhelm::api

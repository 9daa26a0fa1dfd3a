// Writing a request's security events to the audit log (AUD-1).
//
// The actor, client address and request id come from the request; a failure to write is
// logged as `audit_write_failed` and does not change the answer, because the event being
// recorded (a refusal, a sign-in) has already happened.
#pragma once

#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "http/message.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

// "user:12", "client:abc" or "anonymous".
std::string ActorOf(const access::Principal& principal);

// Records `event` about `target`. The actor is the request's principal unless `actor`
// names another (a sign-in is by the user it signs in, though the request was anonymous).
void AuditRequest(storage::Database& database, const Clock& clock, const http::Request& request,
                  std::string_view event, std::string_view target, std::string_view details = "{}",
                  OrganizationId organization = {0}, std::string_view actor = {});

}  // namespace finhelm::api

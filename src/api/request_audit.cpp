#include "api/request_audit.hpp"

#include "observability/log.hpp"
#include "storage/database.hpp"

namespace finhelm::api {

std::string ActorOf(const access::Principal& principal) {
  switch (principal.kind) {
    case access::Principal::Kind::kUser:
      return "user:" + principal.subject_id;
    case access::Principal::Kind::kMachineClient:
      return "client:" + principal.subject_id;
    case access::Principal::Kind::kAnonymous:
      break;
  }
  return "anonymous";
}

void AuditRequest(storage::Database& database, const Clock& clock, const http::Request& request,
                  std::string_view event, std::string_view target, std::string_view details,
                  OrganizationId organization, std::string_view actor) {
  audit::AuditEvent audit{organization,
                          std::string(event),
                          actor.empty() ? ActorOf(request.principal) : std::string(actor),
                          std::string(target),
                          request.remote_address,
                          request.request_id,
                          std::string(details)};
  auto connection = database.Acquire();
  Status recorded = connection.ok() ? audit::Record(**connection, clock, std::move(audit))
                                    : Status(connection.error());
  if (!recorded.ok()) {
    log::Error("audit_write_failed", {{"request_id", request.request_id},
                                      {"event", event},
                                      {"detail", recorded.error().message}});
  }
}

}  // namespace finhelm::api

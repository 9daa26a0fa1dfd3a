#include "api/routes.hpp"

namespace finhelm::api {

Status AddAllRoutes(http::Router& router, RouteDependencies dependencies) {
  if (Status added = AddSystemRoutes(router, std::move(dependencies.system)); !added.ok()) {
    return added;
  }
  if (Status added = AddIdentityRoutes(router, dependencies.identity); !added.ok()) return added;
  if (Status added = AddAuditRoutes(router, dependencies.audit); !added.ok()) return added;
  if (Status added = AddMemberRoutes(router, dependencies.members); !added.ok()) return added;
  if (Status added = AddMachineClientRoutes(router, dependencies.machine_clients); !added.ok()) {
    return added;
  }
  if (Status added = AddDeletionRoutes(router, dependencies.deletions); !added.ok()) return added;
  if (Status added = AddLedgerRoutes(router, dependencies.ledger); !added.ok()) return added;
  if (Status added = AddReportRoutes(router, dependencies.ledger); !added.ok()) return added;
  if (Status added = AddExportRoutes(router, dependencies.exports); !added.ok()) return added;
  return AddImportRoutes(router, std::move(dependencies.imports));
}

}  // namespace finhelm::api

// Every route FinHelm serves, added in one place: the server and the contract test build
// the same table, so a route cannot exist in one and not the other (ACL-1).
#pragma once

#include "api/audit_routes.hpp"
#include "api/deletion_routes.hpp"
#include "api/export_routes.hpp"
#include "api/identity_routes.hpp"
#include "api/import_routes.hpp"
#include "api/ledger_routes.hpp"
#include "api/machine_client_routes.hpp"
#include "api/member_routes.hpp"
#include "api/report_routes.hpp"
#include "api/system_routes.hpp"
#include "http/router.hpp"

namespace finhelm::api {

struct RouteDependencies {
  SystemRouteDependencies system;
  IdentityRouteDependencies identity;
  AuditRouteDependencies audit;
  MemberRouteDependencies members;
  MachineClientRouteDependencies machine_clients;
  DeletionRouteDependencies deletions;
  LedgerRouteDependencies ledger;
  ImportRouteDependencies imports;
  ExportRouteDependencies exports;
};

Status AddAllRoutes(http::Router& router, RouteDependencies dependencies);

}  // namespace finhelm::api

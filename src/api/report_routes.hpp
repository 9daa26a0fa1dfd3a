// The report routes (SPEC section 4), for every member (org:read):
//   GET /v1/orgs/{org}/reports/profit-and-loss?from=&to=&columns=total|month
//   GET /v1/orgs/{org}/reports/balance-sheet?as_of=
//   GET /v1/orgs/{org}/reports/cash-flow?from=&to=&columns=total|month
//   GET /v1/orgs/{org}/reports/ar-aging?as_of=   and   .../ap-aging?as_of=
// Periods default to the current calendar year to date, as_of to today (UTC).
#pragma once

#include "api/ledger_routes.hpp"

namespace finhelm::api {

using ReportRouteDependencies = LedgerRouteDependencies;

Status AddReportRoutes(http::Router& router, ReportRouteDependencies dependencies);

}  // namespace finhelm::api

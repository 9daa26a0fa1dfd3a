// The ledger routes (SPEC section 4), for every member (org:read):
//   GET /v1/orgs/{org}/accounts?as_of=YYYY-MM-DD     the tree with own and rolled-up
//                                                    balances in each account's natural sign
//   GET /v1/orgs/{org}/transactions                  filters: from, to, account (with its
//       sub-accounts), customer, vendor, type, min_amount, max_amount (on total debits), q
//       (text in name, number or memo); newest first; `cursor` from `next_cursor`; limit
//       <= 200
//   GET /v1/orgs/{org}/transactions/{id}             one transaction with its lines
//   GET /v1/orgs/{org}/customers, .../vendors        with open and overdue balances
// Amounts are decimal strings in the organization's currency, which every answer names.
#pragma once

#include "core/clock.hpp"
#include "http/router.hpp"

namespace finhelm::storage {
class Database;
}

namespace finhelm::api {

struct LedgerRouteDependencies {
  storage::Database* database = nullptr;
  const Clock* clock = nullptr;
};

Status AddLedgerRoutes(http::Router& router, LedgerRouteDependencies dependencies);

// Today's date in UTC as YYYYMMDD: the default `as_of`.
std::int32_t TodayNumber(const Clock& clock);

}  // namespace finhelm::api

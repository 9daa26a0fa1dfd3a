// Migration 15: transaction keys and line fingerprints led by their posting date
// (imports/fingerprint.hpp). The digest part stays as it was, so keys made before and
// after this migration for the same export agree, and re-importing it still adds nothing.
// Keys already 24 bytes long are left alone. In SQLite `||` makes text, hence the cast back.
// The migration spans every organization, so its statements are declared cross-tenant.
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0015{
    .version = 15,
    .name = "dated_keys",
    .script =
        {
            .sqlite = Sql::CrossTenant(R"sql(
UPDATE ledger_transactions
   SET transaction_key = CAST(CAST(printf('%08d', posted_on) AS BLOB) || transaction_key AS BLOB)
 WHERE length(transaction_key) = 16;
UPDATE ledger_lines
   SET fingerprint = CAST(CAST(printf('%08d', posted_on) AS BLOB) || fingerprint AS BLOB)
 WHERE length(fingerprint) = 16;
)sql"),
            .postgres = Sql::CrossTenant(R"sql(
UPDATE ledger_transactions
   SET transaction_key = convert_to(lpad(posted_on::text, 8, '0'), 'UTF8') || transaction_key
 WHERE length(transaction_key) = 16;
UPDATE ledger_lines
   SET fingerprint = convert_to(lpad(posted_on::text, 8, '0'), 'UTF8') || fingerprint
 WHERE length(fingerprint) = 16;
)sql"),
        },
};

}  // namespace finhelm::storage::migrations

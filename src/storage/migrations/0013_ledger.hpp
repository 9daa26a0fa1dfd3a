// Migration 13: the ledger (SPEC capability 2) and its imports (capability 3).
//
// Amounts are integer minor units of the organization's currency, debit-positive: a line
// of +500 debits its account, -500 credits it, and the lines of a transaction sum to
// zero. Dates are civil dates as YYYYMMDD integers (core/calendar_date.hpp). Lines carry
// their transaction's date, so that statements read one covering index
// (ledger_lines_by_date) and never join. A line's `fingerprint` identifies its content
// (import/fingerprint.hpp): the unique index is what makes re-importing a file, or an
// export that overlaps an earlier one, add nothing twice. `transaction_key` does the
// same for transactions. Open invoices and bills are derived from the receivable and
// payable lines after every import (ledger/open_items.hpp).
#pragma once

#include "storage/migration.hpp"

namespace finhelm::storage::migrations {

inline constexpr Migration kMigration0013{
    .version = 13,
    .name = "ledger",
    .script =
        {
            .sqlite = R"sql(
ALTER TABLE organizations ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE organizations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US';
CREATE TABLE ledger_accounts (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES ledger_accounts (id),
  full_name TEXT NOT NULL,
  name TEXT NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  account_type TEXT NOT NULL,
  type_source TEXT NOT NULL CHECK (type_source IN ('inferred', 'export', 'quickbooks', 'user')),
  active INTEGER NOT NULL DEFAULT 1,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (organization_id, full_name)
);
CREATE INDEX ledger_accounts_by_parent ON ledger_accounts (organization_id, parent_id);
CREATE TABLE counterparties (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('customer', 'vendor')),
  name TEXT NOT NULL,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (organization_id, kind, name)
);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'committed', 'rejected', 'failed')),
  job_id INTEGER,
  format TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_new INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_skipped INTEGER NOT NULL DEFAULT 0,
  transactions_new INTEGER NOT NULL DEFAULT 0,
  duplicate_of INTEGER,
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX imports_by_organization ON imports (organization_id, id);
CREATE INDEX imports_by_file ON imports (organization_id, file_sha256);
CREATE TABLE import_rejections (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, line)
);
CREATE TABLE import_mappings (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  header_signature TEXT NOT NULL,
  mapping TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (organization_id, header_signature)
);
CREATE TABLE ledger_transactions (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  transaction_key BLOB NOT NULL,
  posted_on INTEGER NOT NULL,
  transaction_type TEXT NOT NULL,
  num TEXT NOT NULL,
  name TEXT NOT NULL,
  counterparty_id INTEGER REFERENCES counterparties (id),
  due_on INTEGER,
  source TEXT NOT NULL CHECK (source IN ('import', 'quickbooks')),
  source_id TEXT,
  import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (organization_id, transaction_key)
);
CREATE INDEX ledger_transactions_by_date ON ledger_transactions (organization_id, posted_on, id);
CREATE TABLE ledger_lines (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  transaction_id INTEGER NOT NULL REFERENCES ledger_transactions (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES ledger_accounts (id),
  posted_on INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount <> 0),
  memo TEXT NOT NULL,
  counterparty_id INTEGER REFERENCES counterparties (id),
  fingerprint BLOB NOT NULL,
  import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
  source_line INTEGER,
  UNIQUE (organization_id, fingerprint)
);
CREATE INDEX ledger_lines_by_date ON ledger_lines (organization_id, posted_on, account_id, amount);
CREATE INDEX ledger_lines_by_account ON ledger_lines (organization_id, account_id, posted_on);
CREATE INDEX ledger_lines_by_transaction ON ledger_lines (transaction_id);
CREATE TABLE open_items (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'bill')),
  counterparty_id INTEGER NOT NULL REFERENCES counterparties (id),
  transaction_id INTEGER NOT NULL REFERENCES ledger_transactions (id) ON DELETE CASCADE,
  num TEXT NOT NULL,
  issued_on INTEGER NOT NULL,
  due_on INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  open_amount INTEGER NOT NULL
);
CREATE INDEX open_items_by_kind ON open_items (organization_id, kind, due_on);
CREATE TABLE budgets (
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES ledger_accounts (id) ON DELETE CASCADE,
  month INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (organization_id, account_id, month)
);
)sql",
            .postgres = R"sql(
ALTER TABLE organizations ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE organizations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US';
CREATE TABLE ledger_accounts (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  parent_id BIGINT REFERENCES ledger_accounts (id),
  full_name TEXT NOT NULL,
  name TEXT NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  account_type TEXT NOT NULL,
  type_source TEXT NOT NULL CHECK (type_source IN ('inferred', 'export', 'quickbooks', 'user')),
  active BIGINT NOT NULL DEFAULT 1,
  source_id TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (organization_id, full_name)
);
CREATE INDEX ledger_accounts_by_parent ON ledger_accounts (organization_id, parent_id);
CREATE TABLE counterparties (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('customer', 'vendor')),
  name TEXT NOT NULL,
  source_id TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (organization_id, kind, name)
);
CREATE TABLE imports (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_bytes BIGINT NOT NULL,
  encoding TEXT NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'committed', 'rejected', 'failed')),
  job_id BIGINT,
  format TEXT,
  rows_read BIGINT NOT NULL DEFAULT 0,
  rows_new BIGINT NOT NULL DEFAULT 0,
  rows_duplicate BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  rows_skipped BIGINT NOT NULL DEFAULT 0,
  transactions_new BIGINT NOT NULL DEFAULT 0,
  duplicate_of BIGINT,
  error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX imports_by_organization ON imports (organization_id, id);
CREATE INDEX imports_by_file ON imports (organization_id, file_sha256);
CREATE TABLE import_rejections (
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  import_id BIGINT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line BIGINT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, line)
);
CREATE TABLE import_mappings (
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  header_signature TEXT NOT NULL,
  mapping TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, header_signature)
);
CREATE TABLE ledger_transactions (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  transaction_key BYTEA NOT NULL,
  posted_on BIGINT NOT NULL,
  transaction_type TEXT NOT NULL,
  num TEXT NOT NULL,
  name TEXT NOT NULL,
  counterparty_id BIGINT REFERENCES counterparties (id),
  due_on BIGINT,
  source TEXT NOT NULL CHECK (source IN ('import', 'quickbooks')),
  source_id TEXT,
  import_id BIGINT REFERENCES imports (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (organization_id, transaction_key)
);
CREATE INDEX ledger_transactions_by_date ON ledger_transactions (organization_id, posted_on, id);
CREATE TABLE ledger_lines (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES ledger_accounts (id),
  posted_on BIGINT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount <> 0),
  memo TEXT NOT NULL,
  counterparty_id BIGINT REFERENCES counterparties (id),
  fingerprint BYTEA NOT NULL,
  import_id BIGINT REFERENCES imports (id) ON DELETE SET NULL,
  source_line BIGINT,
  UNIQUE (organization_id, fingerprint)
);
CREATE INDEX ledger_lines_by_date ON ledger_lines (organization_id, posted_on, account_id, amount);
CREATE INDEX ledger_lines_by_account ON ledger_lines (organization_id, account_id, posted_on);
CREATE INDEX ledger_lines_by_transaction ON ledger_lines (transaction_id);
CREATE TABLE open_items (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'bill')),
  counterparty_id BIGINT NOT NULL REFERENCES counterparties (id),
  transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id) ON DELETE CASCADE,
  num TEXT NOT NULL,
  issued_on BIGINT NOT NULL,
  due_on BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  open_amount BIGINT NOT NULL
);
CREATE INDEX open_items_by_kind ON open_items (organization_id, kind, due_on);
CREATE TABLE budgets (
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES ledger_accounts (id) ON DELETE CASCADE,
  month BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (organization_id, account_id, month)
);
)sql",
        },
};

}  // namespace finhelm::storage::migrations

"""bench/import's floor: what SQLite alone needs to store the rows FinHelm stored.

Takes FinHelm's database right after the benchmark's import, with the million lines in
it. A copy of it keeps FinHelm's schema, indexes and foreign keys; its ledger rows move to
a staging file and the ledger is emptied. Then, timed, one transaction puts them back
with a single INSERT ... SELECT per table, in the order FinHelm wrote them: nothing is
read from a CSV, parsed, checked, fingerprinted or sent from C++, so this is the least
any import of these rows into this schema can cost. Twice: keeping every index current,
and as FinHelm's deferred path does it (the four secondary indexes dropped, then built).
Prints one JSON line.
"""
import json
import os
import sqlite3
import sys
import tempfile
import time

SECONDARY = {
    "ledger_lines_by_date": None,
    "ledger_lines_by_account": None,
    "ledger_transactions_by_date": None,
    "ledger_lines_by_transaction": None,
}


def connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    # As FinHelm runs its write pass (storage/internal/sqlite_connection.cpp, imports/).
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL",
                   "cache_size = -49152"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def empty_ledger(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN")
    for table in ("open_items", "ledger_lines", "ledger_transactions"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute("COMMIT")
    connection.execute("VACUUM")


def store(connection: sqlite3.Connection, deferred: bool) -> float:
    started = time.perf_counter()
    connection.execute("BEGIN")
    if deferred:
        for name in SECONDARY:
            connection.execute(f"DROP INDEX {name}")
    connection.execute("INSERT INTO ledger_transactions SELECT * FROM staging.transactions")
    connection.execute("INSERT INTO ledger_lines SELECT * FROM staging.lines")
    if deferred:
        for create in SECONDARY.values():
            connection.execute(create)
    connection.execute("COMMIT")
    return time.perf_counter() - started


def main() -> None:
    source_path = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        floor_path = os.path.join(work, "floor.db")
        source = sqlite3.connect(source_path)
        with sqlite3.connect(floor_path) as floor:
            source.backup(floor)
        source.close()
        connection = connect(floor_path)
        for name in SECONDARY:
            (SECONDARY[name],) = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        connection.execute("ATTACH ? AS staging", (os.path.join(work, "staging.db"),))
        connection.execute(
            "CREATE TABLE staging.transactions AS SELECT * FROM ledger_transactions ORDER BY id")
        connection.execute("CREATE TABLE staging.lines AS SELECT * FROM ledger_lines ORDER BY id")
        (lines,) = connection.execute("SELECT COUNT(*) FROM staging.lines").fetchone()
        (transactions,) = connection.execute(
            "SELECT COUNT(*) FROM staging.transactions").fetchone()
        empty_ledger(connection)
        kept = store(connection, deferred=False)
        empty_ledger(connection)
        deferred = store(connection, deferred=True)
        connection.close()
    print(json.dumps({"lines": lines, "transactions": transactions,
                      "indexes_kept_seconds": round(kept, 3),
                      "indexes_deferred_seconds": round(deferred, 3)}))


if __name__ == "__main__":
    main()

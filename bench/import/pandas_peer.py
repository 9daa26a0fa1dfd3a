"""bench/import's peer: pandas reads the same General Ledger CSV and writes it to SQLite.

pandas.read_csv (skipping the report's title rows) then DataFrame.to_sql into a fresh
SQLite file, as the issue describes the baseline: no indexes, no checks, no
de-duplication. Prints one JSON line: seconds, rows and the process's peak RSS in MiB.
"""
import json
import resource
import sqlite3
import sys
import time

import pandas


def main() -> None:
    source, database = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    frame = pandas.read_csv(source, skiprows=4, dtype=str, keep_default_na=False)
    parsed = time.perf_counter()
    with sqlite3.connect(database) as connection:
        frame.to_sql("general_ledger", connection, index=False, chunksize=100_000)
    finished = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(finished - started, 3),
                      "parse_seconds": round(parsed - started, 3),
                      "store_seconds": round(finished - parsed, 3),
                      "rows": len(frame), "peak_rss_mib": round(peak_kib / 1024, 1)}))


if __name__ == "__main__":
    main()

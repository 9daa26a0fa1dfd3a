#!/usr/bin/env bash
# bench/import: a one-million-row QuickBooks General Ledger export imported end to end,
# and a year's profit and loss over a million transactions (issue #4).
#
# In one run:
#   1. bench_import_ledger writes a General Ledger CSV of BENCH_ROWS rows (the demo
#      company's books repeated with their own document numbers).
#   2. A release `finhelm serve` (development profile, upload limit raised for the file)
#      gets a user from `finhelm admin create-user`; curl signs in and uploads the file as
#      the web app does (multipart); the clock runs from the first byte of the upload
#      until the import reports `committed`. The server log splits the job into its
#      validation pass (parsing only) and its write pass (parsing again and storing).
#      The server's peak RSS (VmHWM) is read at the end.
#   3. The peer, pandas: read_csv then to_sql into SQLite, on the same file. And the
#      floor (sqlite_floor.py): SQLite alone putting FinHelm's stored rows back into an
#      emptied copy of its database, the least any import into this schema can cost.
#   4. A second organization gets BENCH_PNL_ROWS rows (over a million transactions) by
#      `finhelm import`; GET reports/profit-and-loss for one year is timed BENCH_REPEATS
#      times, and so is its bare aggregate run through Python's sqlite3 on the same
#      database file, the peer of that measurement.
# Targets: import under 10 s, at least 3x faster than pandas, peak RSS under 256 MiB;
# profit and loss under 200 ms. Writes results/latest.md.
#
# No clamd runs here (the development profile skips the scan with a warning): the scan is
# ClamAV's time, not FinHelm's, and has its own tests.
#
# Environment: BENCH_ROWS=1000000, BENCH_PNL_ROWS=2200000, BENCH_REPEATS=10,
# BENCH_PYTHON=/usr/bin/python3, FINHELM_BINARY, BENCH_LEDGER (default build/release/bench/bench_import_ledger),
# BENCH_ENFORCE_TARGETS=0 (1: exit 3 on a missed target).
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "${here}/../.." && pwd)
rows=${BENCH_ROWS:-1000000}
pnl_rows=${BENCH_PNL_ROWS:-2200000}
repeats=${BENCH_REPEATS:-10}
enforce=${BENCH_ENFORCE_TARGETS:-0}
binary=${FINHELM_BINARY:-${repo}/build/release/src/cli/finhelm}
ledger=${BENCH_LEDGER:-${repo}/build/release/bench/bench_import_ledger}
results=${here}/results/latest.md
revision=$(git -C "${repo}" rev-parse --short HEAD 2>/dev/null || echo unknown)
readonly kPassword="violet kettle marches under 9 lanterns"
# Debian's Python, where python3-pandas is installed (a pyenv shim may come first on PATH).
python=${BENCH_PYTHON:-/usr/bin/python3}

die() {
  echo "bench/import: $*" >&2
  exit 1
}

if [[ ! -x "${binary}" || ! -x "${ledger}" ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target finhelm bench_import_ledger >/dev/null
fi
"${python}" -c 'import pandas' 2>/dev/null || die "pandas is not installed (python3-pandas)"

work=$(mktemp -d -t finhelm-bench-import.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "${server_pid}" ]]; then
    kill "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${work}"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

echo "bench/import: writing ${rows} rows" >&2
"${ledger}" "${rows}" "${work}/ledger.csv" >"${work}/ledger.txt"
file_mib=$(awk -v b="$(stat -c %s "${work}/ledger.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')

cat >"${work}/finhelm.toml" <<TOML
[limits]
upload_body_bytes = 1073741824
body_timeout_seconds = 600
requests_per_minute = 100000
auth_attempts_per_minute = 100000
TOML
export FINHELM_DATA_DIR="${work}/var"
printf '%s\n' "${kPassword}" |
  "${binary}" --config "${work}/finhelm.toml" admin create-user --email bench@example.com \
    --name Bench --org-name Bench >/dev/null 2>&1 || die "create-user failed"
FINHELM_LISTEN=127.0.0.1:0 "${binary}" --config "${work}/finhelm.toml" serve \
  >"${work}/stdout" 2>"${work}/server.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^finhelm: serving on \(http[^ ]*\)$/\1/p' "${work}/stdout")
  [[ -n "${url}" ]] && break
  sleep 0.1
done
[[ -n "${url}" ]] || die "the server did not start: $(tail -5 "${work}/server.log")"

login=$(curl -sS -c "${work}/cookies" -H 'Content-Type: application/json' -H "Origin: ${url}" \
  -d "{\"email\":\"bench@example.com\",\"password\":\"${kPassword}\"}" "${url}/v1/auth/login")
csrf=$("${python}" -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"${login}")
api() { curl -sS -b "${work}/cookies" -H "X-CSRF-Token: ${csrf}" -H "Origin: ${url}" "$@"; }

echo "bench/import: importing ${file_mib} MiB through the API" >&2
started=$(now_ms)
accepted=$(api -F "file=@${work}/ledger.csv;type=text/csv" "${url}/v1/orgs/1/imports")
uploaded=$(now_ms)
import_id=$("${python}" -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"${accepted}") ||
  die "the upload was refused: ${accepted}"
status=""
while :; do
  report=$(api "${url}/v1/orgs/1/imports/${import_id}")
  status=$("${python}" -c 'import json,sys; print(json.load(sys.stdin)["status"])' <<<"${report}")
  [[ "${status}" == queued || "${status}" == running ]] || break
  sleep 0.05
done
finished=$(now_ms)
[[ "${status}" == committed ]] || die "the import ended ${status}: ${report}"
peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/${server_pid}/status")
# The job logs its timings just after the commit that the poll saw.
for _ in $(seq 1 100); do
  grep -q '"import_finished"' "${work}/server.log" && break
  sleep 0.05
done
read -r validate_ms write_ms < <("${python}" - "${work}/server.log" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    if '"import_finished"' in line:
        event = json.loads(line)
print(event["validate_ms"], event["write_ms"])
PY
)
new_rows=$("${python}" -c 'import json,sys; print(json.load(sys.stdin)["rows"]["new"])' <<<"${report}")

echo "bench/import: the peer, pandas" >&2
peer=$("${python}" "${here}/pandas_peer.py" "${work}/ledger.csv" "${work}/pandas.db")

echo "bench/import: the floor, SQLite storing the same rows alone" >&2
floor=$("${python}" "${here}/sqlite_floor.py" "${work}/var/finhelm.db")

echo "bench/import: ${pnl_rows} rows for the profit and loss" >&2
"${ledger}" "${pnl_rows}" "${work}/pnl.csv" >"${work}/pnl.txt"
api -H 'Content-Type: application/json' -d '{"name":"Million"}' "${url}/v1/orgs" >/dev/null
"${binary}" --config "${work}/finhelm.toml" import "${work}/pnl.csv" --org 2 \
  >"${work}/pnl-import.txt" 2>"${work}/pnl-import.log" || die "the second import failed"
transactions=$(api "${url}/v1/orgs/2/imports" |
  "${python}" -c 'import json,sys; print(json.load(sys.stdin)["imports"][0]["transactions_new"])')
pnl_times=()
for _ in $(seq 1 "${repeats}"); do
  pnl_times+=("$(api -o /dev/null -w '%{time_total}' \
    "${url}/v1/orgs/2/reports/profit-and-loss?from=2026-01-01&to=2026-12-31")")
done
pnl_ms=$(printf '%s\n' "${pnl_times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
  printf "%.1f", 1000 * a[int((NR + 1) / 2)] }')
sql_ms=$("${python}" - "${work}/var/finhelm.db" "${repeats}" <<'PY'
import sqlite3, statistics, sys, time
connection = sqlite3.connect(sys.argv[1])
times = []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    connection.execute(
        "SELECT account_id, posted_on / 100, SUM(amount) FROM ledger_lines "
        "WHERE organization_id = 2 AND posted_on >= 20260101 AND posted_on <= 20261231 "
        "GROUP BY account_id, posted_on / 100").fetchall()
    times.append(time.perf_counter() - started)
print(f"{1000 * statistics.median(times):.1f}")
PY
)

"${python}" - "${results}" <<PY
import json, sys
peer = json.loads('''${peer}''')
floor = json.loads('''${floor}''')
seconds = (${finished} - ${started}) / 1000
upload = (${uploaded} - ${started}) / 1000
rss = ${peak_kib} / 1024
ratio = peer["seconds"] / seconds
pnl = float("${pnl_ms}")
sql = float("${sql_ms}")
checks = [("import under 10 s", seconds < 10), ("at least 3x faster than pandas", ratio >= 3),
          ("peak RSS under 256 MiB", rss < 256), ("profit and loss under 200 ms", pnl < 200)]
lines = [
    "# bench/import, revision ${revision}", "",
    f"File: ${rows} rows requested, ${new_rows} imported ({'${file_mib}'} MiB).", "",
    "| measurement | FinHelm | peer | ratio |", "| --- | --- | --- | --- |",
    f"| end to end (upload to committed) | {seconds:.2f} s | pandas {peer['seconds']:.2f} s | "
    f"{ratio:.2f}x faster |",
    f"| of which upload and checks | {upload:.2f} s | | |",
    f"| of which the validation pass (parsing) | {${validate_ms} / 1000:.2f} s | pandas read_csv "
    f"{peer['parse_seconds']:.2f} s | |",
    f"| of which the write pass (parsing and storing) | {${write_ms} / 1000:.2f} s | pandas to_sql "
    f"{peer['store_seconds']:.2f} s | |",
    f"| peak RSS | {rss:.1f} MiB | pandas {peer['peak_rss_mib']:.1f} MiB | |",
    f"| floor: SQLite alone re-inserting the {floor['lines']} lines and "
    f"{floor['transactions']} transactions FinHelm stored (INSERT ... SELECT, every index kept "
    f"/ secondary indexes deferred) | | {floor['indexes_kept_seconds']:.2f} s / "
    f"{floor['indexes_deferred_seconds']:.2f} s | |",
    f"| profit and loss, one year of ${transactions} transactions (median of ${repeats}) | "
    f"{pnl:.1f} ms | bare SQL aggregate {sql:.1f} ms | {pnl / sql:.2f}x the aggregate |",
    "", "Targets:"] + [f"- {name}: {'met' if ok else 'MISSED'}" for name, ok in checks]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(3 if ${enforce} and not all(ok for _, ok in checks) else 0)
PY

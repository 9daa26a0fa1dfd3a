#!/usr/bin/env bash
# bench/http: FinHelm's HTTP pipeline against a minimal FastAPI + uvicorn peer, in one run.
#
# Starts three servers on free loopback ports: FinHelm with the access log on (log level info,
# stderr to a file: the production chain, and the headline figure), FinHelm at log level warn
# (no per-request log line), and fastapi_app.py under uvicorn with two workers. For each
# round, route and server it runs a warm-up, then `wrk -t2 -c64 -d10s --latency`, and reads
# the server's CPU time (utime + stime over its whole process tree) from /proc before and
# after the measured run. Every figure is the median over BENCH_ROUNDS rounds; the
# FinHelm / FastAPI ratio is paired within each round, then the median is taken.
#
# wrk, the servers and anything else on the machine share its cores: requests per server
# CPU-second is the figure that survives that, requests per second and p99 do not.
#
# Environment (all optional):
#   BENCH_SECONDS=10          length of each measured wrk run
#   BENCH_WARMUP_SECONDS=3    length of the warm-up before each measured run
#   BENCH_ROUNDS=3            rounds of the whole comparison
#   BENCH_CONNECTIONS=64      wrk connections (-c); BENCH_THREADS=2 wrk threads (-t)
#   BENCH_PYTHON=/usr/bin/python3   the interpreter with Debian's FastAPI and uvicorn
#   BENCH_ENFORCE_TARGETS=0   1: exit 3 when a target is missed
#   FINHELM_BINARY            the server to measure (default build/release/src/cli/finhelm,
#                             built with the release preset when missing)
#   FINHELM_REVISION          what to call that binary in the results (default: git HEAD)
#
# Exit status: 0 valid run, 1 invalid run (a server failed, wrong answers, non-2xx responses
# or socket errors), 3 valid run that missed a target with BENCH_ENFORCE_TARGETS=1.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "${here}/../.." && pwd)

seconds=${BENCH_SECONDS:-10}
warmup_seconds=${BENCH_WARMUP_SECONDS:-3}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-64}
wrk_threads=${BENCH_THREADS:-2}
python=${BENCH_PYTHON:-/usr/bin/python3}
enforce_targets=${BENCH_ENFORCE_TARGETS:-0}
binary=${FINHELM_BINARY:-${repo}/build/release/src/cli/finhelm}
results_file=${here}/results/latest.md
revision=${FINHELM_REVISION:-$(git -C "${repo}" rev-parse --short HEAD 2>/dev/null || echo unknown)}

# Targets of issue #2.
readonly kMinCpuRatio=4
readonly kMaxP99Ms=5
readonly kMaxIdleRssMiB=32

readonly kEchoBody='{"message":"hello","tags":["a","b"],'\
'"amount":{"value":"1234.56","currency":"USD"}}'
# Same shape, an amount that needs normalizing: both servers must answer exactly this.
readonly kNormalizeBody='{"message":"hi","amount":{"value":"1234.5","currency":"USD"}}'
readonly kNormalizeAnswer='{"message":"hi","tags":[],"amount":{"value":"1234.50","currency":"USD"}}'

readonly kServers=(finhelm-info finhelm-warn fastapi)
readonly kRoutes=(healthz echo)

clock_ticks=$(getconf CLK_TCK)
work=$(mktemp -d -t finhelm-bench-http.XXXXXX)
declare -A pid_of=() port_of=()

die() {
  echo "bench/http: $*" >&2
  exit 1
}

# shellcheck disable=SC2317  # Reached through the EXIT trap.
cleanup() {
  local pid
  for pid in "${pid_of[@]}"; do
    # Each server leads its own process group (setsid): this ends uvicorn's workers too.
    kill -TERM -- "-${pid}" 2>/dev/null || true
  done
  for pid in "${pid_of[@]}"; do
    wait "${pid}" 2>/dev/null || true
  done
  rm -rf "${work}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# /proc readings

# The pid and all its descendants, one per line. (This kernel has no /proc/<pid>/task/*/children,
# so the tree comes from every process's parent.)
process_tree() {
  ps -e -o pid= -o ppid= | awk -v root="$1" '
    {parent[$1] = $2}
    END {
      print root; found[root] = 1
      do {
        grew = 0
        for (p in parent) {
          if (!(p in found) && (parent[p] in found)) {found[p] = 1; print p; grew = 1}
        }
      } while (grew)
    }'
}

# utime + stime in clock ticks, summed over the process tree of $1.
tree_cpu_ticks() {
  local total=0 pid line
  local -a fields
  for pid in $(process_tree "$1"); do
    line=$(<"/proc/${pid}/stat") || continue
    # Fields after the command name, which may hold spaces: state is field 3.
    read -r -a fields <<<"${line##*) }"
    total=$((total + fields[11] + fields[12]))
  done
  echo "${total}"
}

# Busy clock ticks of the whole machine, from the first line of /proc/stat.
machine_busy_ticks() {
  local _label user nice system _idle _iowait irq softirq steal _rest
  read -r _label user nice system _idle _iowait irq softirq steal _rest </proc/stat
  echo $((user + nice + system + irq + softirq + steal))
}

# A /proc/<pid>/status field in KiB, summed over the process tree of $1.
tree_status_kib() {
  local field=$1 total=0 pid value
  for pid in $(process_tree "$2"); do
    value=$(awk -v f="${field}:" '$1 == f {print $2}' "/proc/${pid}/status" 2>/dev/null || true)
    total=$((total + ${value:-0}))
  done
  echo "${total}"
}

ticks_to_seconds() { awk -v t="$1" -v hz="${clock_ticks}" 'BEGIN {printf "%.2f", t / hz}'; }
kib_to_mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# ---------------------------------------------------------------------------------------------
# Servers

free_port() {
  "${python}" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

start_finhelm() {
  local name=$1 level=$2 port
  port=$(free_port)
  mkdir -p "${work}/${name}"
  FINHELM_DATA_DIR="${work}/${name}" FINHELM_LISTEN="127.0.0.1:${port}" \
    FINHELM_REQUESTS_PER_MINUTE=1000000000 FINHELM_LOG_LEVEL="${level}" \
    setsid "${binary}" serve >"${work}/${name}.out" 2>"${work}/${name}.log" </dev/null &
  pid_of[${name}]=$!
  port_of[${name}]=${port}
}

start_fastapi() {
  local port
  port=$(free_port)
  # Debian 12's uvicorn 0.17: --workers, --no-access-log; uvloop and httptools when present,
  # which is how FastAPI is deployed for speed.
  local -a impl=()
  if "${python}" -c 'import uvloop, httptools' 2>/dev/null; then
    impl=(--loop uvloop --http httptools)
  fi
  fastapi_impl=${impl[*]:-"--loop asyncio --http h11 (uvloop/httptools not installed)"}
  (cd "${work}" && exec setsid "${python}" -m uvicorn --app-dir "${here}" fastapi_app:app \
    --host 127.0.0.1 --port "${port}" --workers 2 "${impl[@]}" \
    --log-level warning --no-access-log >"${work}/fastapi.log" 2>&1 </dev/null) &
  pid_of[fastapi]=$!
  port_of[fastapi]=${port}
}

wait_ready() {
  local name=$1 url="http://127.0.0.1:${port_of[$1]}/healthz"
  for _ in $(seq 1 150); do
    kill -0 "${pid_of[${name}]}" 2>/dev/null || {
      tail -n 20 "${work}/${name}.log" >&2 || true
      die "${name} exited during start-up"
    }
    if curl -sf -o /dev/null "${url}"; then
      # uvicorn's workers start after the master accepts: wait until both are serving.
      [[ "${name}" != fastapi ]] && return 0
      [[ $(process_tree "${pid_of[fastapi]}" | wc -l) -ge 4 ]] && sleep 1 && return 0
    fi
    sleep 0.2
  done
  die "${name} not ready at ${url}"
}

# Both routes answer what FinHelm's contract says, on every server, before any load.
check_answers() {
  local name=$1 base="http://127.0.0.1:${port_of[$1]}" got
  got=$(curl -sf "${base}/healthz") || die "${name}: GET /healthz failed"
  same_json "${got}" '{"status":"ok"}' || die "${name}: GET /healthz answered ${got}"
  got=$(curl -sf -H 'Content-Type: application/json' --data-binary "${kEchoBody}" \
    "${base}/v1/diagnostics/echo") || die "${name}: POST /v1/diagnostics/echo failed"
  same_json "${got}" "${kEchoBody}" || die "${name}: echo answered ${got}"
  got=$(curl -sf -H 'Content-Type: application/json' --data-binary "${kNormalizeBody}" \
    "${base}/v1/diagnostics/echo") || die "${name}: POST /v1/diagnostics/echo failed"
  same_json "${got}" "${kNormalizeAnswer}" || die "${name}: echo answered ${got}"
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary '{"message":"hi","extra":1}' "${base}/v1/diagnostics/echo")
  [[ "${status}" == 422 ]] || die "${name}: an unknown member was answered ${status}, not 422"
}

same_json() {
  "${python}" -c 'import json, sys; sys.exit(json.loads(sys.argv[1]) != json.loads(sys.argv[2]))' \
    "$1" "$2"
}

# ---------------------------------------------------------------------------------------------
# Load

# wrk's latency with its unit (us, ms, s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

run_wrk() {
  local name=$1 route=$2 duration=$3 output=$4 url="http://127.0.0.1:${port_of[$1]}"
  local -a args=(-t"${wrk_threads}" -c"${connections}" -d"${duration}s" --latency)
  if [[ "${route}" == echo ]]; then
    args+=(-s "${here}/post.lua" "${url}/v1/diagnostics/echo")
  else
    args+=("${url}/healthz")
  fi
  BENCH_ECHO_BODY="${kEchoBody}" /usr/bin/time -f '%U %S' -o "${output}.time" \
    wrk "${args[@]}" >"${output}" 2>&1 || die "wrk failed against ${name} ${route}: $(<"${output}")"
  if grep -q 'Non-2xx or 3xx responses' "${output}"; then
    die "${name} ${route}: $(grep 'Non-2xx' "${output}" | xargs): invalid run"
  fi
  if grep -q 'Socket errors' "${output}"; then
    die "${name} ${route}: $(grep 'Socket errors' "${output}" | xargs): invalid run"
  fi
}

# One measured run; appends a row to ${work}/runs.tsv.
measure() {
  local round=$1 name=$2 route=$3
  local out="${work}/wrk-$1-$2-$3.txt"
  local cpu_before cpu_after busy_before busy_after load
  load=$(cut -d' ' -f1 /proc/loadavg)
  run_wrk "${name}" "${route}" "${warmup_seconds}" "${out}.warmup"
  busy_before=$(machine_busy_ticks)
  cpu_before=$(tree_cpu_ticks "${pid_of[${name}]}")
  run_wrk "${name}" "${route}" "${seconds}" "${out}"
  cpu_after=$(tree_cpu_ticks "${pid_of[${name}]}")
  busy_after=$(machine_busy_ticks)

  local rps p99 requests cpu wrk_cpu busy
  rps=$(awk '/^Requests\/sec:/ {print $2}' "${out}")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "${out}")")
  requests=$(awk '/requests in/ {print $1}' "${out}")
  cpu=$(ticks_to_seconds $((cpu_after - cpu_before)))
  busy=$(ticks_to_seconds $((busy_after - busy_before)))
  wrk_cpu=$(awk '{printf "%.2f", $1 + $2}' "${out}.time")
  [[ -n "${rps}" && -n "${requests}" ]] || die "could not read wrk's output: $(<"${out}")"
  awk -v c="${cpu}" 'BEGIN {exit !(c > 0)}' || die "${name} ${route}: no server CPU time measured"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${round}" "${name}" "${route}" "${rps}" \
    "${p99}" "${requests}" "${cpu}" "${wrk_cpu}" "${busy}" "${load}" >>"${work}/runs.tsv"
  printf '  round %s %-13s %-7s %10s req/s  p99 %7s ms  server %6s CPU-s  wrk %5s CPU-s\n' \
    "${round}" "${name}" "${route}" "${rps}" "${p99}" "${cpu}" "${wrk_cpu}" >&2
}

# ---------------------------------------------------------------------------------------------
# Report

# Median of the numbers on stdin.
median() {
  sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) exit 1
    if (NR % 2) printf "%.6g\n", v[(NR + 1) / 2]
    else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Column $3 of runs.tsv (1-based) for server $1 and route $2, one value per round.
column() {
  awk -F'\t' -v s="$1" -v r="$2" -v c="$3" '$2 == s && $3 == r {print $c}' "${work}/runs.tsv"
}

# Requests per server CPU-second for server $1, route $2, one value per round.
per_cpu() {
  awk -F'\t' -v s="$1" -v r="$2" '$2 == s && $3 == r {printf "%d\t%.1f\n", $1, $6 / $7}' \
    "${work}/runs.tsv"
}

# FinHelm server $1 over FastAPI on route $2, paired by round, one value per round.
ratios() {
  join -t $'\t' <(per_cpu "$1" "$2" | sort) <(per_cpu fastapi "$2" | sort) |
    awk -F'\t' '{printf "%.2f\n", $2 / $3}'
}

label() {
  case "$1" in
    finhelm-info) echo "FinHelm, log level info (access log to a file)" ;;
    finhelm-warn) echo "FinHelm, log level warn (no access log)" ;;
    fastapi) echo "FastAPI + uvicorn, 2 workers" ;;
  esac
}

route_label() {
  case "$1" in
    healthz) echo 'GET /healthz' ;;
    echo) echo 'POST /v1/diagnostics/echo' ;;
  esac
}

# A markdown table's header; a column name ending in ':' is right-aligned.
table_header() {
  local name names="|" rule="|"
  for name in "$@"; do
    names+=" ${name%:} |"
    if [[ "${name}" == *: ]]; then rule+=" ---: |"; else rule+=" --- |"; fi
  done
  echo "${names}"
  echo "${rule}"
}

verdict() { if awk "BEGIN {exit !($1)}"; then echo met; else echo MISSED; fi; }

report() {
  local name route missed=0 cpu_ratio p99 value
  echo "Medians of ${rounds} rounds; each run \`wrk -t${wrk_threads} -c${connections}" \
    "-d${seconds}s --latency\` after a ${warmup_seconds} s warm-up."
  echo
  table_header server route requests/s: 'p99 (ms):' 'server CPU-s:' \
    'requests per server CPU-second:' 'wrk CPU-s:' 'machine busy CPU-s:'
  for route in "${kRoutes[@]}"; do
    for name in "${kServers[@]}"; do
      printf '| %s | %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f |\n' "$(label "${name}")" \
        "$(route_label "${route}")" "$(column "${name}" "${route}" 4 | median)" \
        "$(column "${name}" "${route}" 5 | median)" "$(column "${name}" "${route}" 7 | median)" \
        "$(per_cpu "${name}" "${route}" | cut -f2 | median)" \
        "$(column "${name}" "${route}" 8 | median)" "$(column "${name}" "${route}" 9 | median)"
    done
  done
  echo
  table_header target route 'FinHelm, log info:' 'FinHelm, log warn:' 'met (log info)'
  for route in "${kRoutes[@]}"; do
    cpu_ratio=$(ratios finhelm-info "${route}" | median)
    value=$(verdict "${cpu_ratio} >= ${kMinCpuRatio}")
    [[ "${value}" == met ]] || missed=1
    printf '| requests per CPU-second >= %sx FastAPI | %s | %.2fx | %.2fx | %s |\n' \
      "${kMinCpuRatio}" "$(route_label "${route}")" "${cpu_ratio}" \
      "$(ratios finhelm-warn "${route}" | median)" "${value}"
  done
  for route in "${kRoutes[@]}"; do
    p99=$(column finhelm-info "${route}" 5 | median)
    value=$(verdict "${p99} < ${kMaxP99Ms}")
    [[ "${value}" == met ]] || missed=1
    printf '| p99 < %s ms at %s connections | %s | %.2f ms | %.2f ms | %s |\n' "${kMaxP99Ms}" \
      "${connections}" "$(route_label "${route}")" "${p99}" \
      "$(column finhelm-warn "${route}" 5 | median)" "${value}"
  done
  value=$(verdict "${idle_rss[finhelm-info]} < ${kMaxIdleRssMiB} &&
    ${idle_rss[finhelm-warn]} < ${kMaxIdleRssMiB}")
  [[ "${value}" == met ]] || missed=1
  printf '| idle RSS < %s MiB | after start-up | %s MiB | %s MiB | %s |\n' "${kMaxIdleRssMiB}" \
    "${idle_rss[finhelm-info]}" "${idle_rss[finhelm-warn]}" "${value}"
  echo
  table_header memory 'idle after start-up:' 'after the load, now / peak (VmHWM):'
  for name in "${kServers[@]}"; do
    printf '| %s | %s MiB | %s / %s MiB |\n' "$(label "${name}")" "${idle_rss[${name}]}" \
      "${loaded_rss[${name}]}" "${peak_rss[${name}]}"
  done
  echo
  echo "FastAPI ran with ${fastapi_impl}; its RSS is summed over the uvicorn master, its two"
  echo "workers and the multiprocessing resource tracker. Per-round runs:"
  echo
  table_header round: server route requests/s: 'p99 (ms):' requests: 'server CPU-s:' \
    'wrk CPU-s:' 'machine busy CPU-s:' 'load (1 min):'
  sort -t $'\t' -k1,1n -k3,3 -k2,2 "${work}/runs.tsv" |
    awk -F'\t' '{row = "|"; for (i = 1; i <= NF; i++) row = row " " $i " |"; print row}'
  return "${missed}"
}

# ---------------------------------------------------------------------------------------------

command -v wrk >/dev/null || die "wrk is missing (scripts/install-deps.sh installs it)"
"${python}" -c 'import fastapi, uvicorn' 2>/dev/null ||
  die "${python} lacks FastAPI or uvicorn (Debian: python3-fastapi python3-uvicorn)"
if [[ ! -x "${binary}" ]]; then
  echo "bench/http: building ${binary}" >&2
  (cd "${repo}" && cmake --preset release >/dev/null &&
    cmake --build build/release --target finhelm -j2) >&2 ||
    die "the release build failed: build the server another way and set FINHELM_BINARY"
fi

start_finhelm finhelm-info info
start_finhelm finhelm-warn warn
start_fastapi
declare -A idle_rss=() loaded_rss=() peak_rss=()
for name in "${kServers[@]}"; do
  wait_ready "${name}"
  idle_rss[${name}]=$(kib_to_mib "$(tree_status_kib VmRSS "${pid_of[${name}]}")")
  check_answers "${name}"
done
echo "bench/http: ${kServers[*]} ready on ports ${port_of[*]}; $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

: >"${work}/runs.tsv"
for round in $(seq 1 "${rounds}"); do
  for route in "${kRoutes[@]}"; do
    # Rotate the order each round so that no server always runs right after a warm machine.
    for i in 0 1 2; do
      measure "${round}" "${kServers[$(((i + round) % 3))]}" "${route}"
    done
  done
done

for name in "${kServers[@]}"; do
  loaded_rss[${name}]=$(kib_to_mib "$(tree_status_kib VmRSS "${pid_of[${name}]}")")
  peak_rss[${name}]=$(kib_to_mib "$(tree_status_kib VmHWM "${pid_of[${name}]}")")
done

mkdir -p "$(dirname "${results_file}")"
status=0
{
  echo "# bench/http results"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo |
    cut -d: -f2 | xargs); FinHelm $("${binary}" --version | awk '{print $2}')" \
    "(${revision})."
  echo
  report || status=$?
} >"${results_file}"
cat "${results_file}"
if [[ "${status}" -ne 0 ]]; then
  echo >&2
  echo "bench/http: at least one target was missed (see MISSED above)" >&2
  [[ "${enforce_targets}" == 1 ]] && exit 3
fi
exit 0

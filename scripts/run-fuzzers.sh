#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang 14 with ASan and UBSan) and runs
# every one of them against a scratch copy of its seed corpus in fuzz/corpus/<name>/.
# Fails when any target crashes, leaks, times out or trips a sanitizer; the input that did
# it is kept as build/fuzz/crashes/<name>-crash-<sha1> for `build/fuzz/fuzz/<name>_fuzz
# <file>` to reproduce.
#
#   FINHELM_FUZZ_SECONDS  seconds per target (default 30). Each target gets at most
#                         280 / <number of targets> seconds, so a run stays under 5 minutes.
#   FINHELM_FUZZ_JOBS     build parallelism (default 2)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "${root}"

requested="${FINHELM_FUZZ_SECONDS:-30}"
if ! [[ "${requested}" =~ ^[1-9][0-9]*$ ]]; then
  echo "run-fuzzers: FINHELM_FUZZ_SECONDS must be a whole number of seconds" >&2
  exit 2
fi

cmake --preset fuzz >/dev/null
cmake --build build/fuzz --target finhelm_fuzzers -j "${FINHELM_FUZZ_JOBS:-2}"

mapfile -t targets < <(find build/fuzz/fuzz -maxdepth 1 -type f -name '*_fuzz' -perm -u+x |
  sort)
count="${#targets[@]}"
if ((count == 0)); then
  echo "run-fuzzers: no fuzz targets were built" >&2
  exit 1
fi
seconds=$((280 / count))
if ((requested < seconds)); then seconds="${requested}"; fi
if ((seconds < 1)); then seconds=1; fi

scratch=$(mktemp -d)
trap 'rm -rf "${scratch}"' EXIT
crashes="build/fuzz/crashes"
mkdir -p "${crashes}"

# UBSan only reports by default; a finding must fail the run like any crash.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:${UBSAN_OPTIONS}}"

echo "run-fuzzers: ${count} targets, ${seconds} s each"
failed=()
for target in "${targets[@]}"; do
  name=$(basename "${target}" _fuzz)
  corpus="${scratch}/corpus-${name}"
  log="${scratch}/${name}.log"
  mkdir -p "${corpus}"
  if [[ -d "fuzz/corpus/${name}" ]]; then
    cp -R "fuzz/corpus/${name}/." "${corpus}/"
  else
    echo "run-fuzzers: ${name} has no seed corpus in fuzz/corpus/${name}" >&2
  fi
  if "${target}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="${crashes}/${name}-" -print_final_stats=1 "${corpus}" >"${log}" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}")
    coverage=$(grep -oE 'cov: [0-9]+' "${log}" | tail -n 1 || true)
    echo "run-fuzzers: ${name}: ok, ${runs:-?} runs, ${coverage:-cov: ?}"
  else
    echo "run-fuzzers: ${name}: FAILED; the end of its log:" >&2
    tail -n 60 "${log}" >&2
    failed+=("${name}")
  fi
done

if ((${#failed[@]} > 0)); then
  echo "run-fuzzers: failed: ${failed[*]} (reproducers in ${crashes}/)" >&2
  exit 1
fi
echo "run-fuzzers: every target ran ${seconds} s without a finding"

#!/usr/bin/env bash
# Runs the CTest suite of a configured preset against SQLite and a throwaway PostgreSQL.
#   scripts/run-ctest.sh asan [extra ctest arguments]
set -euo pipefail

preset="${1:?usage: run-ctest.sh PRESET [ctest arguments]}"
shift
here=$(cd "$(dirname "$0")" && pwd)

cleanup() { "${here}/stop-test-postgres.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT

FINHELM_TEST_POSTGRES_URL="$("${here}/start-test-postgres.sh")"
export FINHELM_TEST_POSTGRES_URL
# Sanitizer reports must fail the run, and leaks count.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

ctest --preset "${preset}" -j "$(nproc)" "$@"

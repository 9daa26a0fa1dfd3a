#!/usr/bin/env bash
# Starts a real finhelm server on a free loopback port with a throwaway data directory,
# runs the browser tests (Debian's Chromium through playwright-core) against it: the smoke
# test and the identity journeys, which need the first-run link the server prints and its
# data directory (the outbox of its mail). Then stops the server. FINHELM_BINARY names the
# server binary to test.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary="${FINHELM_BINARY:-${root}/build/release/src/cli/finhelm}"
work=$(mktemp -d)
mkdir -p "${root}/test-artifacts/browser"
# Failure screenshots of an earlier run would read as failures of this one.
rm -f "${root}/test-artifacts/browser/failure-"*.png
server_pid=""

cleanup() {
  if [[ -n "${server_pid}" ]]; then
    kill -TERM "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${work}"
}
trap cleanup EXIT

# The journeys sign in more than the per-address default of 20 auth attempts a minute allows
# (AUTH-5, WEB-1); the limit itself is proven by the server's own tests. A 2-second window for
# AUTH-8 lets a journey wait 3 s and meet the re-authentication prompt for real.
FINHELM_DATA_DIR="${work}/var" FINHELM_LISTEN=127.0.0.1:0 \
  FINHELM_WEB_ROOT="${root}/web/dist" \
  FINHELM_AUTH_ATTEMPTS_PER_MINUTE="${FINHELM_AUTH_ATTEMPTS_PER_MINUTE:-1000}" \
  FINHELM_REAUTHENTICATION_WINDOW_SECONDS="${FINHELM_REAUTHENTICATION_WINDOW_SECONDS:-2}" \
  "${binary}" serve >"${work}/stdout" 2>"${root}/test-artifacts/browser/server.log" &
server_pid=$!

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^finhelm: serving on \(http[^ ]*\)$/\1/p' "${work}/stdout")
  [[ -n "${url}" ]] && break
  if ! kill -0 "${server_pid}" 2>/dev/null; then
    echo "browser-test: the server exited during start-up" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z "${url}" ]]; then
  echo "browser-test: the server did not start within 10 s" >&2
  exit 1
fi

# Printed right after the listening line when the installation has no user yet.
setup_url=""
for _ in $(seq 1 50); do
  setup_url=$(sed -n 's/^finhelm: first run: create the first admin at \(http[^ ]*\) .*$/\1/p' \
    "${work}/stdout")
  [[ -n "${setup_url}" ]] && break
  sleep 0.1
done
if [[ -z "${setup_url}" ]]; then
  echo "browser-test: the server printed no first-run setup link" >&2
  exit 1
fi

FINHELM_URL="${url}" FINHELM_SETUP_URL="${setup_url}" FINHELM_DATA_DIR="${work}/var" \
  "${root}/scripts/web-smoke.sh"

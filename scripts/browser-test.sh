#!/usr/bin/env bash
# Starts a real finhelm server on a free loopback port with a throwaway data directory,
# runs the browser smoke test (Debian's Chromium through playwright-core) against it, and
# stops the server. FINHELM_BINARY names the server binary to test.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary="${FINHELM_BINARY:-${root}/build/release/src/cli/finhelm}"
work=$(mktemp -d)
mkdir -p "${root}/test-artifacts/browser"
server_pid=""

cleanup() {
  if [[ -n "${server_pid}" ]]; then
    kill -TERM "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${work}"
}
trap cleanup EXIT

FINHELM_DATA_DIR="${work}/var" FINHELM_LISTEN=127.0.0.1:0 \
  FINHELM_WEB_ROOT="${root}/web/dist" \
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

FINHELM_URL="${url}" "${root}/scripts/web-smoke.sh"

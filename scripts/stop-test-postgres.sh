#!/usr/bin/env bash
# Stops the cluster started by start-test-postgres.sh and deletes its directory.
# Does nothing, successfully, when no such cluster exists.
set -euo pipefail

port="${FINHELM_TEST_POSTGRES_PORT:-55432}"
root="${TMPDIR:-/tmp}/finhelm-test-postgres-${port}"
bin="${FINHELM_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
data="${root}/data"

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

if [ -f "${data}/PG_VERSION" ] &&
  "${as_owner[@]}" "${bin}/pg_ctl" status --pgdata="${data}" >/dev/null 2>&1; then
  echo "stop-test-postgres: stopping the cluster in ${root}" >&2
  "${as_owner[@]}" "${bin}/pg_ctl" stop --pgdata="${data}" --mode=fast --wait >/dev/null
fi
rm -rf "${root}"

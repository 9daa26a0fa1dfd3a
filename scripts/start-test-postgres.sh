#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the test suite and prints its URL.
#
#   export FINHELM_TEST_POSTGRES_URL="$(scripts/start-test-postgres.sh)"
#   ctest --preset debug
#   scripts/stop-test-postgres.sh
#
# The cluster lives in a temporary directory, listens only on 127.0.0.1 at a private port
# (FINHELM_TEST_POSTGRES_PORT, default 55432) and a private socket directory, trusts
# every local connection, and holds one database, finhelm_test. It is for tests only.
# Running it again while the cluster is up only prints the URL. Progress goes to standard
# error; standard output carries the URL alone.
set -euo pipefail

port="${FINHELM_TEST_POSTGRES_PORT:-55432}"
root="${TMPDIR:-/tmp}/finhelm-test-postgres-${port}"
bin="${FINHELM_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
data="${root}/data"
sockets="${root}/sockets"
database="finhelm_test"
url="postgresql://postgres@127.0.0.1:${port}/${database}"

# PostgreSQL refuses to run as root; as root, run its tools as the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

run() { "${as_owner[@]}" "$@"; }
say() { echo "start-test-postgres: $*" >&2; }

if [ ! -x "${bin}/pg_ctl" ]; then
  say "no PostgreSQL binaries in ${bin} (install postgresql-15)"
  exit 1
fi

if [ ! -f "${data}/PG_VERSION" ]; then
  say "creating a cluster in ${root}"
  rm -rf "${root}"
  mkdir -p "${data}" "${sockets}"
  if [ ${#as_owner[@]} -gt 0 ]; then
    chown -R postgres: "${root}"
  fi
  chmod 700 "${data}"
  run "${bin}/initdb" --pgdata="${data}" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"${root}/initdb.log" 2>&1 || {
    say "initdb failed:"
    cat "${root}/initdb.log" >&2
    exit 1
  }
fi

if ! run "${bin}/pg_ctl" status --pgdata="${data}" >/dev/null 2>&1; then
  say "starting on 127.0.0.1:${port}"
  # Durability is pointless for a throwaway cluster; turning it off makes tests faster.
  options="-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${sockets}"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  options+=" -c max_connections=200"
  run "${bin}/pg_ctl" start --pgdata="${data}" --log="${root}/server.log" --wait \
    --timeout=60 -o "${options}" >/dev/null || {
    say "the server did not start:"
    tail -n 20 "${root}/server.log" >&2
    exit 1
  }
fi

exists=$(run "${bin}/psql" --host="${sockets}" --port="${port}" --username=postgres \
  --dbname=postgres --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '${database}'")
if [ "${exists}" != "1" ]; then
  run "${bin}/createdb" --host="${sockets}" --port="${port}" --username=postgres "${database}"
fi

echo "${url}"

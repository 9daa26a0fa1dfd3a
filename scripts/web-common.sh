#!/usr/bin/env bash
# Shared by scripts/web-*.sh: paths and "npm ci only when needed". Source it, do not run it.

# shellcheck shell=bash disable=SC2034  # the variables below are used by the scripts sourcing this

web_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web_dir="${web_repo_root}/web"
web_browser_tests_dir="${web_repo_root}/tests/browser"

# Vite 8 needs Node.js 20.19 or newer.
web_require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "web: node and npm are required (scripts/install-deps.sh installs them)" >&2
    exit 1
  fi
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
                process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "web: Node.js >= 20.19 is required, found $(node --version)" >&2
    exit 1
  fi
}

# Runs `npm ci` in DIR when node_modules is missing or older than package.json or the lockfile.
# npm writes node_modules/.package-lock.json on every install, so its mtime marks the last one.
web_npm_ci_if_needed() {
  local dir=$1
  local stamp="${dir}/node_modules/.package-lock.json"
  if [[ ! -f "${stamp}" || "${dir}/package-lock.json" -nt "${stamp}" ||
    "${dir}/package.json" -nt "${stamp}" ]]; then
    echo "web: npm ci in ${dir#"${web_repo_root}/"}"
    (cd "${dir}" && npm ci --no-audit --no-fund)
  fi
}

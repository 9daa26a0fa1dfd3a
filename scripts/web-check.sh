#!/usr/bin/env bash
# Static checks and unit tests of the web app: ESLint, Prettier, TypeScript, Vitest and
# npm audit (high and critical). Also checks the formatting and syntax of the browser smoke test
# and lints these scripts. Stops at the first failure.
set -euo pipefail

# shellcheck source=scripts/web-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/web-common.sh"

web_require_node
web_npm_ci_if_needed "${web_dir}"

cd "${web_dir}"
for script in lint format:check typecheck test audit; do
  echo "web-check: npm run ${script}"
  npm run --silent "${script}"
done

echo "web-check: tests/browser (prettier, node --check)"
browser_sources=("${web_browser_tests_dir}"/*.mjs)
"${web_dir}/node_modules/.bin/prettier" --check \
  "${browser_sources[@]}" "${web_browser_tests_dir}/package.json"
for source in "${browser_sources[@]}"; do
  node --check "${source}"
done

if command -v shellcheck >/dev/null 2>&1; then
  echo "web-check: shellcheck scripts/web-*.sh"
  (cd "${web_repo_root}" && shellcheck -x scripts/web-*.sh)
else
  echo "web-check: shellcheck not installed; skipped scripts/web-*.sh" >&2
fi
echo "web-check: all passed"

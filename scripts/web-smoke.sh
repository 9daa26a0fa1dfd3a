#!/usr/bin/env bash
# Browser tests against a running finhelm server:
#   FINHELM_URL=http://127.0.0.1:18080 scripts/web-smoke.sh
# The identity journeys also need FINHELM_SETUP_URL (the first-run link) and FINHELM_DATA_DIR
# of a fresh server, as scripts/browser-test.sh passes them; without those they are skipped.
# Uses Debian's Chromium (/usr/bin/chromium, or FINHELM_CHROMIUM) through playwright-core; never
# downloads a browser. Writes screenshots and axe-results.json to test-artifacts/browser/. Exits non-zero on failure.
set -euo pipefail

# shellcheck source=scripts/web-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/web-common.sh"

if [[ -z "${FINHELM_URL:-}" ]]; then
  echo "web-smoke: set FINHELM_URL to the running server, e.g. http://127.0.0.1:18080" >&2
  exit 2
fi
chromium_bin="${FINHELM_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "${chromium_bin}" ]]; then
  echo "web-smoke: ${chromium_bin} not found; install Debian's chromium (scripts/install-deps.sh)" >&2
  exit 2
fi

web_require_node
web_npm_ci_if_needed "${web_browser_tests_dir}"
cd "${web_browser_tests_dir}"
npm test

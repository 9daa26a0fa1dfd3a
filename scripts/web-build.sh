#!/usr/bin/env bash
# Builds the web app into web/dist (index.html + content-hashed files under dist/assets/),
# installing its npm dependencies first when they are missing or out of date.
set -euo pipefail

# shellcheck source=scripts/web-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/web-common.sh"

web_require_node
web_npm_ci_if_needed "${web_dir}"
cd "${web_dir}"
npm run build

#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt that are missing.
# Idempotent and non-interactive: a machine that already has everything is left untouched.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
list="${here}/debian-packages.txt"

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "${list}" | grep -v '^$')

missing=()
for entry in "${wanted[@]}"; do
  if [[ "${entry}" == *:* ]]; then
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
    continue
  fi
  package="${entry}"
  status=$(dpkg-query -W -f='${Status}' "${package}" 2>/dev/null || true)
  [[ "${status}" == "install ok installed" ]] || missing+=("${package}")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

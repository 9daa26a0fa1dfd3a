#!/usr/bin/env bash
# Static checks CI runs (OPS-3): clang-format (check mode), clang-tidy (the naming table of
# STYLE.md and bug finders), cppcheck, shellcheck. Any finding fails.
#   scripts/lint.sh            all checks
#   scripts/lint.sh format     one of: format tidy cppcheck shellcheck
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "${root}"
only="${1:-all}"
failed=0

mapfile -t cpp_files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
  'fuzz/*.cpp' 'bench/*.cpp')
mapfile -t src_cpp < <(git ls-files 'src/*.cpp')
mapfile -t shell_files < <(git ls-files '*.sh' '.ci/run')

run() {
  local name="$1"
  shift
  echo "lint: ${name}"
  if ! "$@"; then
    echo "lint: ${name} found problems" >&2
    failed=1
  fi
}

if [[ "${only}" == all || "${only}" == format ]]; then
  run clang-format clang-format --dry-run --Werror "${cpp_files[@]}"
fi

if [[ "${only}" == all || "${only}" == shellcheck ]]; then
  run shellcheck shellcheck "${shell_files[@]}"
fi

if [[ "${only}" == all || "${only}" == tidy ]]; then
  # clang-tidy reads the compile commands of a configured build: the sanitizer build when
  # `make test` has just made it, or else the debug build. The generated sources must exist.
  build_dir="${FINHELM_LINT_BUILD:-}"
  if [[ -z "${build_dir}" ]]; then
    if [[ -f build/asan/compile_commands.json ]]; then
      build_dir=build/asan
    else
      cmake --preset debug >/dev/null
      build_dir=build/debug
    fi
  fi
  cmake --build "${build_dir}" --target finhelm_api >/dev/null
  run clang-tidy xargs -P "$(nproc)" -n 4 clang-tidy -p "${build_dir}" --quiet \
    --extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 --extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1 \
    --extra-arg=-fconstexpr-steps=16777216 \
    <<<"$(printf '%s\n' "${src_cpp[@]}")"
fi

if [[ "${only}" == all || "${only}" == cppcheck ]]; then
  # passedByValue: small value types (CurrencyCode) and coroutine parameters, which must
  # be owned by the coroutine frame, are passed by value on purpose. missingReturn: cppcheck
  # 2.10 does not understand coroutines.
  run cppcheck cppcheck --std=c++20 --language=c++ -I src -DBOOST_BEAST_USE_STD_STRING_VIEW \
    --quiet --error-exitcode=1 --enable=warning,performance,portability --inline-suppr \
    --suppress=unknownMacro --suppress=missingIncludeSystem --suppress=missingInclude \
    --suppress=passedByValue --suppress=missingReturn:src/http/internal/connection.cpp \
    -j "$(nproc)" "${src_cpp[@]}"
fi

exit "${failed}"

# FinHelm's entry points. `make run` and `make test` work on a fresh Debian 12 machine:
# each installs what is missing first (scripts/install-deps.sh, idempotent).
#
#   make run     build (release) and serve the API and web app on http://127.0.0.1:8080
#   make test    everything CI runs: unit, integration, PostgreSQL, sanitizers, lint,
#                fuzzing, web checks and the browser smoke test
#   make check   the fast inner loop: debug build and unit tests
#   make build   build the server (release) and the web app without running anything

SHELL := /bin/bash
.DEFAULT_GOAL := build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(CURDIR)/.cache/ccache
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: deps build web run check test test-cpp lint fuzz web-check browser-test sbom clean

deps:
	@scripts/install-deps.sh

web: deps
	@scripts/web-build.sh

build: deps web
	cmake --preset release >/dev/null
	cmake --build --preset release --target finhelm -j $(JOBS)

run: build
	build/release/src/cli/finhelm serve

check: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)
	ctest --preset debug -LE "integration" -j $(JOBS)

# The C++ suite under AddressSanitizer and UndefinedBehaviorSanitizer, against SQLite and
# a throwaway PostgreSQL cluster.
test-cpp: deps web
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	scripts/run-ctest.sh asan

lint: deps
	scripts/lint.sh

fuzz: deps
	scripts/run-fuzzers.sh

web-check: deps
	scripts/web-check.sh

browser-test: deps web
	cmake --preset asan >/dev/null
	cmake --build --preset asan --target finhelm -j $(JOBS)
	FINHELM_BINARY=build/asan/src/cli/finhelm scripts/browser-test.sh

sbom: deps
	node scripts/sbom.mjs build/sbom.cdx.json

test: build test-cpp browser-test web-check lint fuzz sbom
	@echo "make test: every suite passed"

clean:
	rm -rf build web/dist

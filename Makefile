# The two commands a newcomer needs. Each installs what is missing first (scripts/setup.sh).
#   make serve   build the release app and serve it at http://127.0.0.1:8080
#   make test    run every test layer: host, browser unit, end to end
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build setup-serve setup-test

serve: setup-serve build
	node scripts/serve.mjs dist 8080

test: setup-test
	scripts/test.sh

build:
	scripts/build.sh

setup-serve:
	scripts/setup.sh serve

setup-test:
	scripts/setup.sh test

# Builds into target/bench, measures size and speed, prints one table and writes
# target/bench/report.md and report.json. BENCH_QUICK=1 for a quick look (no 10x build).
.PHONY: bench setup-bench
bench: setup-bench
	node scripts/bench/run.mjs

setup-bench:
	scripts/setup.sh bench

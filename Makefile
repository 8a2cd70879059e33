# Partnerdesk: the README promises two commands on a fresh Debian/Ubuntu machine.
#   make run   installs what is missing, builds, opens the app (demo data the first time)
#   make test  installs what tests need, runs every test, the real-window suite included
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run
.PHONY: run test deps test-deps ui app lint test-rust test-server test-ui test-calendar test-e2e test-crash bench-backup \
	crash-test bundle test-bundle icons update-round-trip bench-data bench test-bench perf-start \
	bench-lists

# Root installs directly; everyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DEBIAN_FRONTEND := noninteractive

# What building the Tauri shell needs (WebKitGTK 4.1 and friends), and Node for the UI.
BUILD_PACKAGES := build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev \
	libssl-dev libayatana-appindicator3-dev librsvg2-dev
# What the tests need: a virtual display, WebKit's WebDriver, PDF tools.
# PostgreSQL for the suite's run on a shop server (pg_virtualenv comes with it).
TEST_PACKAGES := webkit2gtk-driver xvfb xauth dbus dbus-x11 poppler-utils sqlite3 \
	imagemagick fonts-dejavu-core zbar-tools faketime xdotool postgresql

# Every cargo call uses the same features, so the shell is compiled once, not twice.
FEATURES := --features partnerdesk/custom-protocol
APP := target/debug/partnerdesk
TAURI_DRIVER_VERSION := 2.1.0
# The UI needs Node 18.13 or newer; .tools/ holds a newer one only when the system's is older.
NODE_MIN := 18.13
NODE_FALLBACK := 22
# Exits 0 when the running Node is at least the MAJOR.MINOR given as its argument.
export NODE_AT_LEAST := const [a, b] = process.argv[1].split(".").map(Number); \
	const [x, y] = process.versions.node.split(".").map(Number); \
	process.exit(x > a || (x === a && y >= b) ? 0 : 1);
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Installs any of the named Debian packages that are missing (apt-get update only if needed).
define apt_install
	missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -q; \
		$(SUDO) apt-get install -y -q $$missing; \
	fi
endef

deps:
	@command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then re-run make." >&2; exit 1; }
	@$(call apt_install,$(BUILD_PACKAGES))
	@# Debian 12's own Node 18 is enough: the UI toolchain is pinned to versions that run on
	@# it, and its tests need none of Node's newer globals. Older than that (or no npm), the
	@# distribution's Node comes first; if that is still too old, a current Node from the npm
	@# registry goes into .tools/ (first on PATH, see above) rather than over the system's.
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		$(call apt_install,nodejs npm); fi
	@if ! node -e "$$NODE_AT_LEAST" $(NODE_MIN); then \
		echo "Node $$(node --version) is older than $(NODE_MIN): bringing Node $(NODE_FALLBACK) into .tools/"; \
		npm install --prefix .tools --no-save --no-audit --no-fund node@$(NODE_FALLBACK); fi
	@if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then \
		npm --prefix ui ci --no-audit --no-fund; fi

test-deps: deps
	@$(call apt_install,$(TEST_PACKAGES))
	@if ! command -v tauri-driver >/dev/null; then \
		cargo install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked; fi

ui: deps
	npm --prefix ui run build

app: ui
	cargo build -p partnerdesk $(FEATURES)

run: app
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "No display: run 'make run' from a desktop session." >&2; exit 1; fi
	$(APP) --demo

# The lint compiles what the tests run. clippy-driver is a whole compiler with clippy's lints
# added, so building the workspace's crates through it (RUSTC_WORKSPACE_WRAPPER, as
# `cargo clippy` itself does) lints them and leaves the test binaries built, where
# `cargo clippy` would compile every dependency a second time, for checking only: 12 of a
# clean `make test`'s minutes. Dependencies are compiled by rustc as usual. Each group of
# packages is built as the stages run it, since cargo settles features per group and
# reuses a build only for the same group, and every stage builds through the same driver
# (a change of wrapper rebuilds the workspace's crates).
# The test binaries differ from rustc's only in what clippy-driver sets for its analysis
# (`--cfg clippy`, MIR optimisations off, the debug checks of raw pointers, which
# `unsafe_code = "forbid"` leaves nothing to check); the app the end-to-end suite drives
# and the release bundle are built by rustc alone.
# (By name: cargo finds it on the PATH this Makefile exports, as `cargo clippy` would.)
LINTED := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-Dwarnings
CORE_AND_SHELL := -p partnerdesk-core -p partnerdesk $(FEATURES)
EXAMPLES := target/debug/examples

lint: ui
	cargo fmt --all -- --check
	@command -v clippy-driver >/dev/null || { echo "clippy is missing: rustup component add clippy" >&2; exit 1; }
	$(LINTED) cargo test --no-run $(CORE_AND_SHELL)
	$(LINTED) cargo test --no-run -p partnerdesk-e2e

test-rust: test-deps ui
	$(LINTED) cargo test $(CORE_AND_SHELL)

# The same suite with every test desk on PostgreSQL. pg_virtualenv (postgresql-common)
# starts a throwaway cluster in a temporary folder (-t: even for root, as CI runs, whose
# cluster would otherwise take a fixed name), as the calling user or the postgres user, sets the PG* variables the tests connect with, and drops the cluster
# when the suite ends, passed or not; the two migration folders are then compared table by
# table in the same cluster (migrations/compare-schemas.sh). Each desk gets a database of its own; a server that
# cannot be reached fails the run rather than skipping it. The same packages and features
# as test-rust, so its build is reused.
test-server: test-deps
	pg_virtualenv -t sh -c 'PARTNERDESK_TEST_BACKEND=postgres $(LINTED) cargo test $(CORE_AND_SHELL) \
		&& migrations/compare-schemas.sh'

test-ui: deps
	npm --prefix ui run check
	npm --prefix ui test

# The Rust and UI suites again in the time zones furthest ahead of and behind UTC, with the
# clock at 23:59:50 on a month's last day: no test may pass or fail by the calendar. The
# same packages and features as test-rust, so cargo reuses its build instead of compiling
# the dependencies again with another feature set.
CALENDAR_ZONES := Pacific/Kiritimati Pacific/Pago_Pago
HOST := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p' | tr 'a-z-' 'A-Z_')
test-calendar: test-deps
	@for zone in $(CALENDAR_ZONES); do \
		echo "Rust and UI suites at 23:59:50 on 31 January in $$zone"; \
		TZ=$$zone CARGO_TARGET_$(HOST)_RUNNER=$(CURDIR)/tests/calendar/at-month-end \
			$(LINTED) cargo test -q $(CORE_AND_SHELL); \
		TZ=$$zone tests/calendar/at-month-end npm --prefix ui test; \
	done

# The counter's crash test: a child logs redemptions flat out and is SIGKILLed at random
# moments; every confirmed redemption must survive, once. `make crash-test KILLS=1000` by hand.
# The examples as `cargo test` built them (same packages, features and driver), run directly:
# `cargo run -p partnerdesk-core` alone would settle features anew and compile again.
test-crash:
	$(LINTED) cargo build -q --examples $(CORE_AND_SHELL)
	$(EXAMPLES)/crash_test --kills 20

# A verified backup and a restore, on the demo and on 100,000 redemptions, beside raw
# baselines (docs/benchmarks.md).
bench-backup:
	cargo run -q --release -p partnerdesk-core --example backup_bench

# A shop's five years written through the core's own paths: 200 partners, 100,000 codes,
# 1,000,000 redemptions (docs/PERFORMANCE.md). Written once; a folder that has it is kept.
BENCH_DATA := target/bench-data
bench-data:
	cargo run -q --release -p partnerdesk-core --example bench_data -- $(BENCH_DATA)/million million

# Issue 20's table on the million, each figure beside its raw baseline (by hand).
bench: bench-data
	cargo run -q --release -p partnerdesk-core --example perf_bench -- $(BENCH_DATA)/million

# In make test: the same benchmarks on a small generated file, a smoke test that they run;
# the end-to-end suite then times the counter on that file.
test-bench:
	$(LINTED) cargo build -q --examples $(CORE_AND_SHELL)
	rm -rf $(BENCH_DATA)/small-test
	$(EXAMPLES)/bench_data $(BENCH_DATA)/small-test small
	$(EXAMPLES)/perf_bench $(BENCH_DATA)/small-test 30

# Cold start of the release app to the lock screen (median of 5) and its idle memory, app
# and WebKit processes together, on a data folder you give: `make perf-start DATA=dir`.
perf-start: test-deps ui
	@[ -n "$(DATA)" ] || { echo "Give the data folder: make perf-start DATA=path" >&2; exit 1; }
	cargo build -q --release -p partnerdesk $(FEATURES)
	tests/perf/cold-start.sh "$(DATA)"

# The Codes screen's list on 100,000 codes (first page, search as you type, a deep page),
# beside the same statements sent raw.
bench-lists:
	cargo run -q --release -p partnerdesk-core --example list_bench

KILLS ?= 1000
crash-test:
	cargo run -q --release -p partnerdesk-core --example crash_test -- --kills $(KILLS)

test-e2e: test-deps app
	$(LINTED) cargo test -p partnerdesk-e2e -- --test-threads=1

# The installable app: the release build, its .deb and .rpm in target/release/bundle/ (the
# AppImage bundler downloads tools, so it is built on a release machine; docs/RELEASING.md).
TAURI := $(CURDIR)/ui/node_modules/.bin/tauri
bundle: ui
	cd src-tauri && $(TAURI) build --bundles deb,rpm
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

# The .deb installed on this machine and started under Xvfb (tests/bundle/check-deb.sh).
test-bundle: test-deps bundle
	tests/bundle/check-deb.sh "$$(ls -t target/release/bundle/deb/*.deb | head -n 1)"

# Every icon size the bundles use, from the one source image.
icons: deps
	$(TAURI) icon icons/partnerdesk.svg -o icons
	rm -rf icons/android icons/ios

# By hand: the 0.1.0 .deb installed, then updated through the app's own updater to a 0.1.1
# signed with a throwaway key, served from 127.0.0.1 (tests/bundle/update-round-trip.sh).
update-round-trip: test-deps ui
	tests/bundle/update-round-trip.sh

# Each stage prints how long it took, so a CI log shows where its minutes go.
define timed_stage
	@start=$$(date +%s); $(MAKE) --no-print-directory $(1); \
		echo "make test: $(1) took $$(( $$(date +%s) - start )) s"
endef

test: test-deps
	$(call timed_stage,lint)
	$(call timed_stage,test-ui)
	$(call timed_stage,test-rust)
	$(call timed_stage,test-server)
	$(call timed_stage,test-calendar)
	$(call timed_stage,test-crash)
	$(call timed_stage,test-bench)
	$(call timed_stage,test-e2e)
	$(call timed_stage,test-bundle)
	@echo "All Partnerdesk tests passed."

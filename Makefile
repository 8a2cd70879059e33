# Partnerdesk: the README promises two commands on a fresh Debian/Ubuntu machine.
#   make run   installs what is missing, builds, opens the app (demo data the first time)
#   make test  installs what tests need, runs every test, the real-window suite included
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run
.PHONY: run test deps test-deps ui app lint test-rust test-ui test-e2e test-crash crash-test

# Root installs directly; everyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DEBIAN_FRONTEND := noninteractive

# What building the Tauri shell needs (WebKitGTK 4.1 and friends), and Node for the UI.
BUILD_PACKAGES := build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev \
	libssl-dev libayatana-appindicator3-dev librsvg2-dev
# What the tests need: a virtual display, WebKit's WebDriver, PDF tools.
TEST_PACKAGES := webkit2gtk-driver xvfb xauth dbus dbus-x11 poppler-utils sqlite3 \
	imagemagick fonts-dejavu-core zbar-tools

# Every cargo call uses the same features, so the shell is compiled once, not twice.
FEATURES := --features partnerdesk/custom-protocol
APP := target/debug/partnerdesk
TAURI_DRIVER_VERSION := 2.1.0
export PATH := $(HOME)/.cargo/bin:$(PATH)

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
	@# Debian 12's own Node 18 is enough: the UI toolchain is pinned to versions that run on it.
	@if ! command -v node >/dev/null || [ "$$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then \
		$(call apt_install,nodejs npm); fi
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

lint: ui
	cargo fmt --all -- --check
	cargo clippy -p partnerdesk-core -p partnerdesk -p partnerdesk-e2e --all-targets $(FEATURES) -- -D warnings

test-rust: test-deps ui
	cargo test -p partnerdesk-core -p partnerdesk $(FEATURES)

test-ui: deps
	npm --prefix ui run check
	npm --prefix ui test

# The counter's crash test: a child logs redemptions flat out and is SIGKILLed at random
# moments; every confirmed redemption must survive, once. `make crash-test KILLS=1000` by hand.
test-crash:
	cargo run -q -p partnerdesk-core --example crash_test -- --kills 20

KILLS ?= 1000
crash-test:
	cargo run -q --release -p partnerdesk-core --example crash_test -- --kills $(KILLS)

test-e2e: test-deps app
	cargo test -p partnerdesk-e2e -- --test-threads=1

test: test-deps
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-ui
	$(MAKE) --no-print-directory test-rust
	$(MAKE) --no-print-directory test-crash
	$(MAKE) --no-print-directory test-e2e
	@echo "All Partnerdesk tests passed."

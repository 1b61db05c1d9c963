# cchc-progress: the two commands a newcomer types are `make demo` and `make test`.
# Every other target is a step of those two. Tools are installed only when missing, into
# .tools/ (git-ignored) or, for the browsers (Debian's Chromium, Firefox ESR, WebKitGTK and
# Xvfb), with apt-get.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

ROOT  := $(CURDIR)
TOOLS := $(ROOT)/.tools
export PATH := $(TOOLS)/bin:$(ROOT)/pkg-config/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export WASM_PACK_CACHE := $(TOOLS)/wasm-pack-cache
export CHROMEDRIVER := /usr/bin/chromedriver
export GECKODRIVER := $(TOOLS)/bin/geckodriver
# insta never writes snapshots in the test command: a missing or changed one fails.
export INSTA_UPDATE := no

WASM_PACK_VERSION := 0.15.1
GECKODRIVER_VERSION := 0.37.1
# The engines the page and widget tests run in (W3C WebDriver), and those the wasm tests run in.
ENGINES := chromium firefox webkit
WASM_BROWSERS := chrome firefox
# The wasm-bindgen CLI must equal Cargo.lock's wasm-bindgen exactly, or wasm-pack fetches its own.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Another apt-get (a second checkout's make, unattended upgrades) may hold the lock: wait for it.
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600
PORT ?= 8080
LOGS := target/test-logs

.PHONY: help demo test check tools tool-target tool-wasm-pack tool-wasm-bindgen tool-browsers tool-geckodriver npm-deps \
        package check-fmt check-clippy test-native test-node test-browser test-package test-cli test-page test-engines test-bench-smoke bench fuzz clean-tools

help:
	@echo "make demo   build the package and serve the demo portal page on http://127.0.0.1:$(PORT)/"
	@echo "make test   install what is missing, then run every test suite"
	@echo "make check  the fast loop after changing the core: format, lints, native tests (no wasm, no browser)"
	@echo "make bench  run the benchmarks and print the table (not part of make test)"
	@echo "make fuzz   fuzz the parsers and the evaluation for FUZZ_SECONDS (default 1800)"

## ---- the two commands ------------------------------------------------------------------

demo: tools package
	node www/serve.mjs --port $(PORT)

test: tools
	@rm -rf $(LOGS) && mkdir -p $(LOGS)
	$(MAKE) check-fmt
	$(MAKE) check-clippy
	$(MAKE) test-native
	$(MAKE) test-node
	$(MAKE) test-browser
	$(MAKE) package
	$(MAKE) test-package
	$(MAKE) test-cli
	$(MAKE) test-page
	$(MAKE) test-engines
	$(MAKE) test-bench-smoke
	@bash tests/summary.sh $(LOGS)

# The newcomer's loop: what the core needs checked after a change, natively, with nothing
# installed beyond Rust. The wasm lints, the package and the browsers are make test's.
check:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	CI=true INSTA_UPDATE=no cargo test

## ---- tools (each installed only if missing) ---------------------------------------------

tools: tool-target tool-wasm-pack tool-wasm-bindgen tool-browsers tool-geckodriver npm-deps

tool-target:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
	@command -v node >/dev/null || { echo "node is missing: install Node.js 20 or later" >&2; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

tool-wasm-pack:
	@if [ "$$(wasm-pack --version 2>/dev/null)" != "wasm-pack $(WASM_PACK_VERSION)" ]; then \
	  echo "installing wasm-pack $(WASM_PACK_VERSION) into .tools (about 3 minutes)"; \
	  cargo install --locked wasm-pack --version $(WASM_PACK_VERSION) --root $(TOOLS); \
	fi
	@mkdir -p $(WASM_PACK_CACHE)

# No --locked: the CLI's lockfile wants a webpki-roots version this registry lacks.
tool-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into .tools (about 3 minutes)"; \
	  cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --root $(TOOLS); \
	fi

# One apt-get for every browser that is missing (about 2 minutes on a fresh machine):
# Chromium and its driver, Firefox ESR, WebKitGTK's WebDriver (with MiniBrowser), Xvfb (WebKitGTK
# has no headless mode), and poppler's pdfinfo and pdftoppm (the print test reads its PDF).
BROWSER_PACKAGES := chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr WebKitWebDriver:webkit2gtk-driver Xvfb:xvfb pdftoppm:poppler-utils
tool-browsers:
	@missing=""; for p in $(BROWSER_PACKAGES); do command -v "$${p%%:*}" >/dev/null || missing="$$missing $${p#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian's$$missing"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq $$missing; \
	fi

# geckodriver from crates.io (no GitHub download), about 4 minutes.
tool-geckodriver:
	@if [ "$$($(GECKODRIVER) --version 2>/dev/null | head -1 | awk '{print $$2}')" != "$(GECKODRIVER_VERSION)" ]; then \
	  echo "installing geckodriver $(GECKODRIVER_VERSION) into .tools (about 4 minutes)"; \
	  cargo install geckodriver --version $(GECKODRIVER_VERSION) --root $(TOOLS); \
	fi

# npm ci when the lockfile changed since the last install (the stamp is inside node_modules).
npm-deps: pkg-config/node_modules/.stamp tests/js/node_modules/.stamp

%/node_modules/.stamp: %/package.json %/package-lock.json
	cd $* && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## ---- build ------------------------------------------------------------------------------

# wasm-pack builds the web (ESM) and Node (CommonJS) glue of the full engine, then the web glue
# of the widgets' smaller engine (no 766 answers, no sheets: Cargo.toml's features);
# pkg-config/assemble.mjs merges them into one npm package in pkg/ (the full .wasm shared by
# the web and Node glue, the widgets' beside it), then packs target/cchc-progress-*.tgz.
package: tools
	@command -v wasm-opt >/dev/null || { echo "wasm-opt (npm binaryen) is missing" >&2; exit 1; }
	wasm-pack build --release --mode no-install --target web --out-dir target/wasm-web --out-name cchc_progress
	wasm-pack build --release --mode no-install --target nodejs --out-dir target/wasm-node --out-name cchc_progress
	wasm-pack build --release --mode no-install --target web --out-dir target/wasm-lite --out-name cchc_progress_lite -- --no-default-features --features widgets
	node pkg-config/assemble.mjs

## ---- test suites ------------------------------------------------------------------------

check-fmt:
	cargo fmt --all --check

# Also the core alone (no wasm-bindgen, js-sys: Cargo.toml's features) and the widgets' build.
check-clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --tests --no-default-features -- -D warnings
	cargo clippy --lib --tests --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features widgets -- -D warnings

test-native:
	@mkdir -p $(LOGS)
	CI=true cargo test 2>&1 | tee $(LOGS)/native.log

test-node:
	@mkdir -p $(LOGS)
	wasm-pack test --node --mode no-install -- --test node -- --nocapture 2>&1 | tee $(LOGS)/node.log

# The shared wasm tests in headless Chromium and Firefox, each into its own log. A run must
# fail when zero tests ran: wasm-pack skips files not marked for the browser.
test-browser:
	@mkdir -p $(LOGS)
	wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) --mode no-install -- --test browser -- --nocapture 2>&1 | tee $(LOGS)/browser-chrome.log
	wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER) --mode no-install -- --test browser -- --nocapture 2>&1 | tee $(LOGS)/browser-firefox.log
	@for b in $(WASM_BROWSERS); do grep -Eq '^test result: ok\. [1-9][0-9]* passed' $(LOGS)/browser-$$b.log || { echo "no browser test ran in $$b" >&2; exit 1; }; done

test-package:
	@mkdir -p $(LOGS)
	node tests/js/package.test.mjs 2>&1 | tee $(LOGS)/package.log
	node tests/js/guard.test.mjs 2>&1 | tee -a $(LOGS)/package.log
	node tests/js/proxy.test.mjs 2>&1 | tee -a $(LOGS)/package.log
	node tests/js/report.test.mjs 2>&1 | tee -a $(LOGS)/package.log
	node tests/js/xlsx.test.mjs 2>&1 | tee -a $(LOGS)/package.log
	node tests/js/size.test.mjs 2>&1 | tee -a $(LOGS)/package.log

# The demo and the widgets in Chromium with playwright-core (CDP: console, CSP reports, axe).
test-page:
	@mkdir -p $(LOGS)
	node tests/js/page.test.mjs 2>&1 | tee $(LOGS)/page.log
	node tests/js/serve.test.mjs 2>&1 | tee -a $(LOGS)/page.log
	node tests/js/try.test.mjs 2>&1 | tee -a $(LOGS)/page.log
	node tests/js/author.test.mjs 2>&1 | tee -a $(LOGS)/page.log
	node tests/js/demo2026.test.mjs 2>&1 | tee -a $(LOGS)/page.log
	node tests/js/worker.test.mjs 2>&1 | tee -a $(LOGS)/page.log

# What must hold in every engine, through W3C WebDriver, one log per engine (screenshots in
# target/screenshots/).
test-engines:
	@mkdir -p $(LOGS)
	@for e in $(ENGINES); do echo "== $$e"; ENGINE=$$e node tests/js/engines.test.mjs 2>&1 | tee $(LOGS)/engines-$$e.log || exit 1; done

# The command `npx cchc-progress report`, from the packed tarball.
test-cli:
	@mkdir -p $(LOGS)
	node tests/js/cli.test.mjs 2>&1 | tee $(LOGS)/cli.log

# The benchmark script at scale S, once, checking only that it still runs (no timing is judged).
test-bench-smoke:
	node tests/js/bench/bench.mjs --smoke 2>&1 | tee $(LOGS)/bench-smoke.log
	node tests/js/bench/sources.mjs --smoke 2>&1 | tee -a $(LOGS)/bench-smoke.log
	node tests/js/bench/longtasks.mjs --runs 1 2>&1 | tee -a $(LOGS)/bench-smoke.log

# Benchmarks (never part of pass/fail): Criterion natively, then Node and Chromium over the
# built package at scales S, M, L with the marshalling floor and json-logic-js as references.
bench: tools package
	node tests/js/tools/size-profile.mjs --top 25 --depth 2
	cargo bench --bench evaluate
	node tests/js/bench/bench.mjs
	node tests/js/bench/sources.mjs
	node tests/js/bench/longtasks.mjs

# Coverage-guided fuzzing of rule packs, JSON, CSV and evaluation (not part of make test: the
# property tests catch regressions there). cargo-fuzz runs on stable with RUSTC_BOOTSTRAP.
FUZZ_SECONDS ?= 1800
fuzz: tool-target
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --root $(TOOLS)
	mkdir -p fuzz/corpus/inputs
	cd fuzz && RUSTC_BOOTSTRAP=1 nice cargo fuzz run --sanitizer none inputs corpus/inputs seeds/inputs -- -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=3072

clean-tools:
	rm -rf $(TOOLS) pkg-config/node_modules tests/js/node_modules

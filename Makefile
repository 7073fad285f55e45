# RelCom Desktop — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-data

# Debian packages Qt needs, listed once. Offscreen (tests) needs the first list;
# a real window (make run, screenshots) needs both.
QT_OFFSCREEN_PACKAGES := libglib2.0-0 libgl1 libxkbcommon0 libegl1 libfreetype6 libfontconfig1 libdbus-1-3
QT_WINDOW_PACKAGES := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-render-util0 libxcb-randr0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
PDF_TOOLS_PACKAGES := poppler-utils
# Tests that type into a real window on a private X screen, and run on another day's clock.
REAL_SCREEN_TEST_PACKAGES := xvfb xdotool faketime

.PHONY: run test lint format bench dist clean system-deps-test system-deps-run

run: system-deps-run $(VENV)/.installed ## open the app on a synthetic demo caseload
	$(BIN)/relcom --data-dir $(DEMO_DIR) --demo

test: system-deps-test $(VENV)/.installed ## lint, then run every test headless
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: system-deps-test $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]' --config-settings editable_mode=compat
	touch $@

# Install missing system packages with apt when we are root on Debian/Ubuntu; otherwise say
# which are missing and carry on (they may be provided another way).
define ensure_packages
	@if command -v dpkg >/dev/null 2>&1; then \
		missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then \
			if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
				echo "Installing system packages:$$missing"; \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
			else \
				echo "Qt may need these system packages:$$missing (sudo apt-get install$$missing)"; \
			fi; \
		fi; \
	fi
endef

system-deps-test:
	$(call ensure_packages,$(QT_OFFSCREEN_PACKAGES) $(QT_WINDOW_PACKAGES) $(PDF_TOOLS_PACKAGES) $(REAL_SCREEN_TEST_PACKAGES))

system-deps-run:
	$(call ensure_packages,$(QT_OFFSCREEN_PACKAGES) $(QT_WINDOW_PACKAGES))

# A one-folder app in dist/relcom (PyInstaller, installed into the venv only for this), then
# the built executable must say its version and open a demo file offscreen.
DIST_CHECK := build/dist-check
dist: system-deps-test $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	dist/relcom/relcom --version
	rm -rf $(DIST_CHECK)
	dist/relcom/relcom --data-dir $(DIST_CHECK) demo --scale tiny
	QT_QPA_PLATFORM=offscreen dist/relcom/relcom --data-dir $(DIST_CHECK) --startup-probe

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache $(DEMO_DIR)

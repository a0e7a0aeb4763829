# ArtExplore: `make demo` runs the app on the bundled demo collection, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WS ?= .workspace/demo
PORT ?= 8501
# Loopback only (no authentication in the app): see docs/SECURITY.md to serve others.
ADDRESS ?= 127.0.0.1
SUDO := $(shell [ "$$(id -u)" != "0" ] && command -v sudo >/dev/null && echo "sudo -n")

.PHONY: demo test install browser-deps lint bench clean-demo

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt
	$(BIN)/python -m pip install --no-deps -e .
	@touch $@

demo: install
	$(BIN)/artexplore demo --workspace $(WS)
	$(BIN)/streamlit run serve.py --server.address $(ADDRESS) --server.port $(PORT) \
	  -- --workspace $(WS)

# Headless Chromium for the end-to-end browser tests (Debian package `chromium`).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium for the browser tests"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; } \
	  || echo "warning: chromium could not be installed; browser tests will be skipped"

test: install browser-deps
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench.run_all

clean-demo:
	rm -rf $(WS)

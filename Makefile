# The front door: `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test test-tools bench lint fmt clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Opens the user's workspace when one exists, else the bundled demo (a fresh temp copy).
run: $(STAMP)
	@if [ -n "$$COCKPIT_DATA_DIR" ] || [ -f "$$($(BIN)/python -c 'import cockpit.core.paths as p; print(p.default_data_dir())')/workspace.json" ]; then \
		$(BIN)/cockpit; else $(BIN)/cockpit --demo; fi

test: $(STAMP) test-tools
	$(BIN)/python -m pytest -q -n 2

# tests/terminal/ drive the real app in tmux: install it where it is missing (as root
# through apt-get; the suite skips those tests, saying why, only when that is impossible).
test-tools:
	@command -v tmux >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y -qq tmux >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq tmux; }; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo -n apt-get install -y -qq tmux || { sudo -n apt-get update -qq && sudo -n apt-get install -y -qq tmux; }; \
	  else echo "make test: tmux is missing and cannot be installed here: tests/terminal will be skipped"; fi; }

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tools/typecheck.sh
	tools/layers.sh

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .typecheck

# The front door: `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench lint fmt clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

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

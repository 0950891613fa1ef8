# The front door: `make run` and `make test` work on a fresh machine with Python 3.11+.
#
# Everything is installed from the hashed lock in requirements/ (pinned from the ranges
# in pyproject.toml by `make lock`; see "Dependencies" in the README):
#   bootstrap.txt  pip and setuptools, which install cockpit itself (no build isolation)
#   runtime.txt    what `cockpit` needs: `make run`, `make install`
#   dev.txt        runtime + test and lint tools: `make test`, `make lint`, `make bench`
# Each set has its own stamp in .venv, so going from `make run` to `make test` and back
# installs nothing twice.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --quiet --disable-pip-version-check
REQ    := requirements

BOOTSTRAP := $(VENV)/.bootstrap
RUNTIME   := $(VENV)/.runtime
DEV       := $(VENV)/.dev

.PHONY: install run test test-tools bench lint fmt readme lock lock-upgrade clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "cockpit needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1). Try: make PYTHON=python3.12 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(BOOTSTRAP): $(REQ)/bootstrap.txt | $(BIN)/python
	$(PIP) install --require-hashes -r $(REQ)/bootstrap.txt
	touch $@

# `pip check` fails when pyproject.toml's ranges moved and the lock was not refreshed.
CHECK = @$(BIN)/python -m pip check --disable-pip-version-check >$(VENV)/pip-check.txt || \
	{ cat $(VENV)/pip-check.txt >&2; echo "the lock does not match pyproject.toml: run make lock" >&2; exit 1; }

$(RUNTIME): $(BOOTSTRAP) $(REQ)/runtime.txt pyproject.toml
	$(PIP) install --require-hashes -r $(REQ)/runtime.txt
	@# -qq: setuptools' notice that every editable install gets ("folders named like the
	@# package may take precedence") is noise here: they are the package.
	$(PIP) -qq install --no-deps --no-build-isolation -e .
	$(CHECK)
	touch $@

# The wheelhouse holds the runtime set's files (from pip's cache, checked against the
# lock) so tests/unit/test_wheel.py can install the built wheel into a fresh venv offline.
$(DEV): $(RUNTIME) $(REQ)/dev.txt
	$(PIP) install --require-hashes -r $(REQ)/dev.txt
	$(CHECK)
	$(PIP) download --require-hashes --no-deps -r $(REQ)/runtime.txt -d $(VENV)/wheelhouse
	touch $@

install: $(RUNTIME)

# Opens the user's workspace when one exists, else the bundled demo (a fresh temp copy).
run: $(RUNTIME)
	@if [ -n "$$COCKPIT_DATA_DIR" ] || [ -f "$$($(BIN)/python -c 'import cockpit.core.paths as p; print(p.default_data_dir())')/workspace.json" ]; then \
		$(BIN)/cockpit; else $(BIN)/cockpit --demo; fi

test: $(DEV) test-tools
	$(BIN)/python -m pytest -q -n 2

# Tools the tests drive for real: tmux (tests/terminal/ run the app in it), zsh and fish
# (the completion scripts are checked by the shells themselves). Installed where missing
# (as root through apt-get); the tests that need one skip, saying why, only when that is
# impossible.
TEST_TOOLS := tmux zsh fish
test-tools:
	@missing="$$(for t in $(TEST_TOOLS); do command -v $$t >/dev/null 2>&1 || printf '%s ' $$t; done)"; \
	[ -z "$$missing" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y -qq $$missing >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $$missing; }; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo -n apt-get install -y -qq $$missing || { sudo -n apt-get update -qq && sudo -n apt-get install -y -qq $$missing; }; \
	  else echo "make test: $$missing missing and cannot be installed here: the tests that need them will be skipped"; fi; }

# The bench's own packages (pyte, pyinstrument: ranges in bench/requirements.in, pinned
# with hashes in bench/requirements.txt by `make lock`), and its yardsticks from Debian
# (taskwarrior, newsboat): without them (no root, no network) their rows say so
# instead of failing.
$(VENV)/.bench: $(DEV) bench/requirements.txt
	$(PIP) install --require-hashes -r bench/requirements.txt
	touch $@

bench: $(VENV)/.bench
	@command -v task >/dev/null && command -v newsboat >/dev/null || \
		{ apt-get update -qq && apt-get install -y -qq taskwarrior newsboat; } >/dev/null 2>&1 || \
		echo "bench: taskwarrior / newsboat not installed: their yardsticks will be missing"
	$(BIN)/python bench/run.py

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tools/typecheck.sh
	tools/layers.sh

fmt: $(DEV)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The README's table of binding ids, from the code (tests/unit/test_readme_keys.py
# fails when they differ).
readme: $(RUNTIME)
	$(BIN)/python tools/readme_keys.py

# The lock: uv resolves pyproject.toml's ranges once for every platform and Python 3.11+
# (`--universal`) and records the hash of every wheel and sdist, so the same commit
# installs the same files on any Linux (x86_64, aarch64), macOS or Windows machine.
# `make lock` keeps every pin that still fits (after editing pyproject.toml);
# `make lock UPGRADE="textual httpx"` moves those to their newest allowed release;
# `make lock-upgrade` moves everything. dev.txt is constrained by runtime.txt, so the two
# sets never disagree on a shared package.
UV_VERSION := 0.13.9
UV         := $(VENV)/lock-tool/bin/uv
COMPILE     = $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(foreach p,$(UPGRADE),--upgrade-package $(p)) $(UV_FLAGS)

$(UV): | $(BIN)/python
	$(PIP) install --target $(VENV)/lock-tool 'uv==$(UV_VERSION)'

lock: $(UV)
	@mkdir -p $(REQ)
	$(COMPILE) --group pyproject.toml:bootstrap -o $(REQ)/bootstrap.txt
	$(COMPILE) pyproject.toml -o $(REQ)/runtime.txt
	$(COMPILE) pyproject.toml --extra dev -c $(REQ)/runtime.txt -o $(REQ)/dev.txt
	$(COMPILE) bench/requirements.in -c $(REQ)/dev.txt -o bench/requirements.txt

lock-upgrade:
	$(MAKE) lock UV_FLAGS=--upgrade

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .typecheck

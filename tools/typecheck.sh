#!/usr/bin/env bash
# mypy --strict on the installed layout (see tools/tree.sh for why a symlinked tree).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/tree.sh
cd .typecheck && ../.venv/bin/mypy --config-file ../pyproject.toml -p cockpit

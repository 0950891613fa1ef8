#!/usr/bin/env bash
# lint-imports (import-linter) on the installed layout: like mypy, grimp cannot see
# setuptools' package-dir mapping, so it reads the symlinked tree tools/tree.sh builds.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/tree.sh
cd .typecheck && PYTHONPATH=. ../.venv/bin/lint-imports ../pyproject.toml --no-cache "$@"

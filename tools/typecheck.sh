#!/usr/bin/env bash
# mypy cannot see setuptools' package-dir mapping (cockpit.storage -> storage/ ...), so
# build a throw-away tree with the installed layout out of symlinks and check that.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=.typecheck
rm -rf "$tree" && mkdir -p "$tree/cockpit"
for f in cockpit/*; do
  case "$(basename "$f")" in __pycache__) continue ;; esac
  ln -s "../../$f" "$tree/cockpit/$(basename "$f")"
done
for pkg in storage feeds screens; do ln -s "../../$pkg" "$tree/cockpit/$pkg"; done
cd "$tree" && ../.venv/bin/mypy --config-file ../pyproject.toml -p cockpit

#!/usr/bin/env bash
# Build .typecheck/cockpit: the installed package layout out of symlinks (cockpit/* plus
# storage/, feeds/ and screens/ as cockpit.storage, cockpit.feeds, cockpit.screens),
# for the tools that cannot follow setuptools' package-dir mapping (mypy, import-linter).
set -euo pipefail
cd "$(dirname "$0")/.."
tree=.typecheck
rm -rf "$tree" && mkdir -p "$tree/cockpit"
for f in cockpit/*; do
  case "$(basename "$f")" in __pycache__) continue ;; esac
  ln -s "../../$f" "$tree/cockpit/$(basename "$f")"
done
for pkg in storage feeds screens; do ln -s "../../$pkg" "$tree/cockpit/$pkg"; done

#!/usr/bin/env bash
# The module rules of docs/architecture.md, checked against Package.swift and the sources
# (see scripts/check-architecture.py for the list). Run by scripts/test.sh before the build.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/check-architecture.py "$@"

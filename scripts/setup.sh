#!/usr/bin/env bash
# Installs what dbooster needs on Debian 12: the C libraries it links (libpg_query, libargon2),
# PostgreSQL 15 with HypoPG, and the Python test helpers. Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(libpg-query-dev libargon2-dev pkg-config postgresql-15 postgresql-15-hypopg postgresql-contrib
          zlib1g-dev python3-pip ripgrep time)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "Swift 6 is required (https://www.swift.org/install/linux/); 'swift' was not found on PATH." >&2
    exit 1
fi

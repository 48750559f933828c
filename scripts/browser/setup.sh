#!/usr/bin/env bash
# Installs what the browser test needs on Debian 12: headless Chromium and its WebDriver from
# Debian's packages, and Selenium from PyPI. Runs 'apt-get update' only when a package is missing.
# Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(chromium chromium-driver fonts-liberation)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Selenium is given the chromedriver path, so its Selenium Manager never tries to download one.
# (4.52.0 needs a certifi release that PyPI's mirror here does not have yet.)
selenium_version="4.51.0"
if ! python3 -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
    if ! log="$(python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
                "selenium==$selenium_version" 2>&1)"; then
        echo "$log" >&2
        exit 1
    fi
fi

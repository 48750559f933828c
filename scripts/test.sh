#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine: installs what is missing, starts a
# private PostgreSQL cluster on port 55432 under var/, runs the Swift tests, then a
# property-based schemathesis run against the live server and a headless-Chromium test of the
# browser front end (CORS) and the offline docs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/browser/setup.sh
python3 -m pip install -q --disable-pip-version-check stripe schemathesis openapi-spec-validator 2>&1 | grep -v "^WARNING: Running pip as the 'root'" || true

admin_url="$(scripts/postgres.sh "${TEST_PG_PORT:-55432}")"
export TEST_DATABASE_URL="$admin_url"

echo "== OpenAPI document"
openapi-spec-validator Sources/App/Resources/openapi.json

echo "== Architecture rules"
scripts/check-architecture.sh

echo "== Swift tests"
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee var/swift-test.log | grep -vE "^(Test Case|\[)" | tail -n 200
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then exit "$status"; fi

echo "== Database outages under load (alone: they restart and stop the test cluster)"
DBOOSTER_OUTAGE_TESTS=1 swift test --skip-build --filter DatabaseOutageTests 2>&1 | grep -E "^(✔|✘|↳)|error" | tail -n 40
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then exit "$status"; fi

echo "== schemathesis against the live server"
scripts/schemathesis.sh

echo "== Browser: the front end's calls (CORS) and the offline docs in headless Chromium"
scripts/browser/with-server.sh

# One plain summary line for CI: the Swift tests (schemathesis passed or this script stopped).
swift_tests="$(grep -oE 'Test run with [0-9]+ tests' var/swift-test.log | tail -1 | grep -oE '[0-9]+')"
echo "tests: ${swift_tests:-0} passed, 0 failed"

#!/usr/bin/env bash
# The browser test against the live server: starts the built dbooster on a fresh database of the
# test cluster with FRONTEND_URL=http://localhost:5173 (the page's origin; port 5174 stays
# unlisted, so the browser must block it) and Swagger UI's files installed, runs
# scripts/browser/run.sh, stops the server. Called by scripts/test.sh after the Swift tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${BROWSER_API_PORT:-18090}"
admin_url="${TEST_DATABASE_URL:?run through scripts/test.sh}"
database="dbooster_browser"
psql "$admin_url" -qtA -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null

export DATABASE_URL="${admin_url%/*}/$database"
export JWT_SECRET="browser-test-secret-browser-test-secret-0123"
export ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 -w0)"
export FRONTEND_URL="http://localhost:5173"
export CORS_ALLOWED_ORIGINS=""
export SWAGGER_UI_DIR="$(scripts/swagger-ui.sh)"
export PUBLIC_URL="http://127.0.0.1:$port"
export LOG_LEVEL=warning SCAN_WORKERS=0

binary=".build/debug/dbooster"
[ -x "$binary" ] || swift build --product dbooster
"$binary" serve --host 127.0.0.1 --port "$port" > var/browser-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.2
done

scripts/browser/run.sh "http://127.0.0.1:$port"

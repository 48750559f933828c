#!/usr/bin/env bash
# Property-based API testing: starts the built server on a fresh database of the test cluster,
# signs up a user, and runs schemathesis against /openapi.json with that user's token.
# Fails on any 5xx or any answer that does not match the documented schema.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SCHEMATHESIS_PORT:-18080}"
admin_url="${TEST_DATABASE_URL:?run through scripts/test.sh}"
database="dbooster_schemathesis"
psql "$admin_url" -qtA -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null

export DATABASE_URL="${admin_url%/*}/$database"
export JWT_SECRET="schemathesis-secret-schemathesis-secret-0123"
export ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 -w0)"
export LOGIN_RATE_LIMIT=100000
export LOG_LEVEL=warning
# Every provider configured, as in production: OAuth redirects are built locally (the callback
# fails on the state check before any provider is called) and Stripe is a local stand-in.
stripe_port=$((port + 1))
export GOOGLE_CLIENT_ID=fuzz GOOGLE_CLIENT_SECRET=fuzz GITHUB_CLIENT_ID=fuzz GITHUB_CLIENT_SECRET=fuzz
export GOOGLE_AUTH_URL="http://127.0.0.1:$stripe_port/google/authorize"
export STRIPE_SECRET_KEY=sk_test_fuzz STRIPE_API_URL="http://127.0.0.1:$stripe_port"
export STRIPE_WEBHOOK_SECRET=whsec_fuzz STRIPE_PRICE_PRO=price_pro STRIPE_PRICE_TEAM=price_team

binary=".build/debug/dbooster"
[ -x "$binary" ] || swift build --product dbooster
scripts/stripe-stand-in.py "$stripe_port" &
stand_in=$!
"$binary" serve --host 127.0.0.1 --port "$port" > var/schemathesis-server.log 2>&1 &
server=$!
trap 'kill $server $stand_in 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.2
done

token="$(curl -fs -X POST "http://127.0.0.1:$port/auth/signup" -H 'Content-Type: application/json' \
    -d '{"email":"fuzzer@example.com","password":"fuzzer-password","full_name":"Fuzzer"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

schemathesis run "http://127.0.0.1:$port/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-30}" \
    --workers 1 \
    --seed 20261126 \
    --no-color \
    --report junit --report-dir var/schemathesis

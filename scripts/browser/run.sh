#!/usr/bin/env bash
# Runs the real-browser test (scripts/browser/browser_test.py) against a running API:
#   scripts/browser/run.sh http://127.0.0.1:8000
# Serves scripts/browser/app/ on two local origins, the allowed one (FRONTEND_URL, default
# http://localhost:5173: start the API with that same FRONTEND_URL) and one that must be blocked
# (port OTHER_ORIGIN_PORT, default 5174, which must not be in CORS_ALLOWED_ORIGINS), runs the
# test and stops both servers. Needs scripts/browser/setup.sh to have run. Exit status: the test's.
set -euo pipefail
cd "$(dirname "$0")/../.."

api="${1:-${API_URL:-}}"
if [ -z "$api" ]; then echo "usage: $0 API_URL" >&2; exit 2; fi
export FRONTEND_URL="${FRONTEND_URL:-http://localhost:5173}"
frontend_port="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.port or (443 if p.scheme == "https" else 80))' "$FRONTEND_URL")"
other_port="${OTHER_ORIGIN_PORT:-$((frontend_port + 1))}"

mkdir -p var
pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
for port in "$frontend_port" "$other_port"; do
    python3 -m http.server "$port" --bind 127.0.0.1 --directory scripts/browser/app \
        > "var/browser-static-$port.log" 2>&1 &
    pids+=($!)
done
for port in "$frontend_port" "$other_port"; do
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/index.html" >/dev/null 2>&1 && break
        if ! kill -0 "${pids[0]}" 2>/dev/null || ! kill -0 "${pids[1]}" 2>/dev/null; then
            echo "run.sh: a static server did not start (port in use?); see var/browser-static-$port.log" >&2
            exit 2
        fi
        sleep 0.1
    done
done

python3 scripts/browser/browser_test.py --api "$api" --frontend-port "$frontend_port" --other-port "$other_port"

#!/usr/bin/env bash
# Sets up and runs dbooster on http://localhost:8000 (docs at /docs).
# Without DATABASE_URL, a local PostgreSQL cluster is created and started under var/.
# Secrets missing from the environment and .env are generated once into var/secrets.env.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
if [ -z "${DATABASE_URL:-}" ] && ! grep -qs '^DATABASE_URL=.' .env; then
    export DATABASE_URL="$(scripts/postgres.sh 5432)"
fi

if [ ! -f var/secrets.env ]; then
    mkdir -p var
    umask 077
    {
        echo "JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0)"
        echo "ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    } > var/secrets.env
fi
for key in JWT_SECRET ENCRYPTION_KEY; do
    if [ -z "${!key:-}" ] && ! grep -qs "^$key=." .env; then
        export "$key=$(grep "^$key=" var/secrets.env | cut -d= -f2-)"
    fi
done

swift build -c release --product dbooster
# Swagger UI's files, so that /docs works without the internet.
export SWAGGER_UI_DIR="${SWAGGER_UI_DIR:-$(scripts/swagger-ui.sh)}"
exec .build/release/dbooster serve --port "${PORT:-8000}" "$@"

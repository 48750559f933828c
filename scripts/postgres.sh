#!/usr/bin/env bash
# Creates (once) and starts a local PostgreSQL 15 cluster under var/postgres-<port> of the project,
# with a login role `dbooster` that owns dbooster's tables, and prints its admin URL.
# pg_stat_statements is preloaded (workload analysis reads it); a cluster created before that
# gets it through ALTER SYSTEM and one restart.
# Usage: scripts/postgres.sh [port]   (default 5432)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5432}"
data="$root/var/postgres-$port"
bin="/usr/lib/postgresql/15/bin"

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$root/var"
if [ "$(id -u)" -eq 0 ]; then
    chmod 755 "$root/var"
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
    install -d -o postgres -g postgres -m 700 "$data"
else
    install -d -m 700 "$data"
fi

if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
shared_preload_libraries = 'pg_stat_statements'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
fi

psql_admin() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# An older cluster (initdb'd with shared_preload_libraries = ''): add the library, restart once.
preload="$(psql_admin -c "SHOW shared_preload_libraries")"
case ",${preload// /}," in
    *,pg_stat_statements,*) ;;
    *)
        psql_admin -c "ALTER SYSTEM SET shared_preload_libraries = '${preload:+$preload, }pg_stat_statements'"
        as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -m fast restart >/dev/null
        ;;
esac
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'dbooster'")" != "1" ]; then
    psql_admin -c "CREATE ROLE dbooster LOGIN PASSWORD 'dbooster' CREATEDB CREATEROLE"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'dbooster'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE dbooster OWNER dbooster"
fi
echo "postgresql://dbooster:dbooster@127.0.0.1:$port/dbooster"

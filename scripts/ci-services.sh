#!/usr/bin/env bash
# Starts the services the test suite needs (today: PostgreSQL for the PostgreSQL store engine)
# on loopback only, and prints how to reach them.
#
#   eval "$(scripts/ci-services.sh)"      # locally
#   scripts/ci-services.sh >/dev/null && source /tmp/verity-services.env   # in set -e scripts (.ci/run):
#                                          # eval "$(…)" would hide a failure's exit status
#
# Idempotent: run it any number of times; a running server is reused, a missing one is
# created. What it does:
#   1. installs PostgreSQL from Debian when `initdb`/`postgres` are missing (needs root);
#   2. creates a data folder (default /tmp/verity-pg) owned by the server user, initialised
#      with password authentication on 127.0.0.1 only (no other address is ever listened on);
#   3. starts the server on 127.0.0.1:${VERITY_PG_PORT:-54329} with its socket in the data folder;
#   4. creates the role and database for tests (verity_test / verity_test, CREATEDB so
#      tests may make their own databases; tests use their own schemas and drop them);
#   5. writes `export VERITY_TEST_PG_URL=...` to ${VERITY_SERVICES_ENV:-/tmp/verity-services.env}
#      and prints the same line on stdout. Everything else goes to stderr, so `eval` is safe.
#
# Run as root (CI), the server runs as the `postgres` user; run as another user, it runs as
# that user (then PostgreSQL must already be installed).
#
# Environment: VERITY_PG_PORT, VERITY_PG_DATA, VERITY_SERVICES_ENV, VERITY_PG_PASSWORD.
# Stop the server: scripts/ci-services.sh --stop
set -euo pipefail

PORT="${VERITY_PG_PORT:-54329}"
DATA="${VERITY_PG_DATA:-/tmp/verity-pg}"
ENV_FILE="${VERITY_SERVICES_ENV:-/tmp/verity-services.env}"
ROLE=verity_test
DB=verity_test
PASSWORD="${VERITY_PG_PASSWORD:-verity_test_pw}"
HOST=127.0.0.1

log() { printf 'ci-services: %s\n' "$*" >&2; }
die() { printf 'ci-services: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. install
pg_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  fi
  # Debian keeps the server binaries per major version, newest last.
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  return 1
}

if ! BIN="$(pg_bindir)"; then
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and this is not root. Fix: run 'apt-get install -y postgresql' as root, or run this script as root"
  log "installing PostgreSQL from Debian (apt-get install -y postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(pg_bindir)" || die "PostgreSQL was installed but initdb/postgres were not found under /usr/lib/postgresql/*/bin"
fi
log "PostgreSQL binaries: $BIN ($("$BIN/postgres" --version))"

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "no 'postgres' user to run the server as. Fix: install the Debian postgresql package, which creates it"
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  else
    log "no server running in $DATA"
  fi
  exit 0
fi

# ---------------------------------------------------------------- 2. data folder
if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initialising a new cluster in $DATA (owner $OWNER)"
  mkdir -p "$DATA"
  chown "$OWNER" "$DATA"
  chmod 700 "$DATA"
  pwfile="$(mktemp)"
  # The superuser gets a random password nobody needs: local socket access is by peer/trust
  # for the owner only, and TCP needs a password.
  head -c 24 /dev/urandom | base64 > "$pwfile"
  chown "$OWNER" "$pwfile"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >&2 \
    || as_owner "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C \
      --auth-local=trust --auth-host=scram-sha-256 >&2
  rm -f "$pwfile"
  # Loopback only: the socket lives in the data folder (mode 700), TCP on 127.0.0.1.
  {
    echo "listen_addresses = '$HOST'"
    echo "port = $PORT"
    echo "unix_socket_directories = '$DATA'"
    echo "shared_buffers = 64MB"
    echo "max_connections = 50"
  } >> "$DATA/postgresql.conf"
  # Only loopback clients, by password; the local socket is for the owner (trust, mode 700 folder).
  cat > "$DATA/pg_hba.conf" <<EOF
local all postgres trust
host  all all 127.0.0.1/32 scram-sha-256
EOF
  chown "$OWNER" "$DATA/pg_hba.conf"
fi

# ---------------------------------------------------------------- 3. start
psql_admin() { as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA" -p "$PORT" -U postgres -d postgres "$@"; }

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "server already running in $DATA"
else
  log "starting the server on $HOST:$PORT"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=$HOST -p $PORT -k $DATA" start >&2 \
    || { tail -n 20 "$DATA/server.log" >&2 || true; die "the server did not start; see $DATA/server.log"; }
fi
"$BIN/pg_isready" -q -h "$HOST" -p "$PORT" -t 30 || die "the server on $HOST:$PORT does not answer; see $DATA/server.log"

# ---------------------------------------------------------------- 4. role and database
psql_admin -v role="$ROLE" -v pw="$PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
psql_admin -v role="$ROLE" -v db="$DB" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'role')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

# ---------------------------------------------------------------- 5. tell the caller
URL="postgres://$ROLE:$PASSWORD@$HOST:$PORT/$DB"
line="export VERITY_TEST_PG_URL='$URL'"
mkdir -p "$(dirname "$ENV_FILE")"
printf '%s\n' "$line" > "$ENV_FILE"
log "ready: $ROLE@$HOST:$PORT/$DB (also written to $ENV_FILE)"
printf '%s\n' "$line"

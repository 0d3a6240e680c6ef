#!/usr/bin/env bash
# Starts the services the test suite needs (PostgreSQL for the PostgreSQL store engine, Redis
# for the Redis-backed job queue) on loopback only, and prints how to reach them.
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
#   5. starts redis-server on 127.0.0.1:${VERITY_REDIS_PORT:-63790} with no persistence (data in
#      memory only; pid and log in ${VERITY_REDIS_DIR:-/tmp/verity-redis}); a server already
#      answering there is reused. This script installs nothing for Redis: .ci/run installs the
#      Debian package; without redis-server it warns (fails under CI=true) and sets no Redis URL;
#   6. writes `export VERITY_TEST_PG_URL=...` and `export VERITY_TEST_REDIS_URL=...` to
#      ${VERITY_SERVICES_ENV:-/tmp/verity-services.env} and prints the same lines on stdout.
#      Everything else goes to stderr, so `eval` is safe.
#
# Run as root (CI), the server runs as the `postgres` user; run as another user, it runs as
# that user (then PostgreSQL must already be installed).
#
# Environment: VERITY_PG_PORT, VERITY_PG_DATA, VERITY_SERVICES_ENV, VERITY_PG_PASSWORD,
# VERITY_REDIS_PORT, VERITY_REDIS_DIR.
# Stop the servers: scripts/ci-services.sh --stop
set -euo pipefail

PORT="${VERITY_PG_PORT:-54329}"
DATA="${VERITY_PG_DATA:-/tmp/verity-pg}"
ENV_FILE="${VERITY_SERVICES_ENV:-/tmp/verity-services.env}"
ROLE=verity_test
DB=verity_test
PASSWORD="${VERITY_PG_PASSWORD:-verity_test_pw}"
HOST=127.0.0.1
REDIS_PORT="${VERITY_REDIS_PORT:-63790}"
REDIS_DIR="${VERITY_REDIS_DIR:-/tmp/verity-redis}"

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

# Whether a Redis server answers PING on $HOST:$REDIS_PORT (bash's /dev/tcp: no redis-cli needed).
redis_answers() {
  local reply=''
  { exec 3<>"/dev/tcp/$HOST/$REDIS_PORT"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  IFS= read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [ "${reply%$'\r'}" = "+PONG" ]
}

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$REDIS_DIR/redis.pid" ] && kill -0 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null; then
    log "stopping redis-server (pid $(cat "$REDIS_DIR/redis.pid"))"
    kill "$(cat "$REDIS_DIR/redis.pid")"
  else
    log "no redis-server started from $REDIS_DIR"
  fi
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

# ---------------------------------------------------------------- 5. Redis
REDIS_URL=''
if redis_answers; then
  log "redis-server already answering on $HOST:$REDIS_PORT"
  REDIS_URL="redis://$HOST:$REDIS_PORT/0"
elif command -v redis-server >/dev/null 2>&1; then
  log "starting redis-server on $HOST:$REDIS_PORT (no persistence)"
  mkdir -p "$REDIS_DIR"
  redis-server --bind "$HOST" --port "$REDIS_PORT" --protected-mode yes --save '' --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --daemonize yes >&2
  for _ in $(seq 1 50); do redis_answers && break; sleep 0.1; done
  redis_answers || { tail -n 20 "$REDIS_DIR/redis.log" >&2 || true; die "redis-server did not answer on $HOST:$REDIS_PORT; see $REDIS_DIR/redis.log"; }
  REDIS_URL="redis://$HOST:$REDIS_PORT/0"
elif [ "${CI:-}" = "true" ]; then
  die "redis-server is not installed. Fix: apt-get install -y redis-server (.ci/run does it)"
else
  log "warning: redis-server is not installed; the Redis queue tests will skip. Fix: apt-get install -y redis-server"
fi

# ---------------------------------------------------------------- 6. tell the caller
URL="postgres://$ROLE:$PASSWORD@$HOST:$PORT/$DB"
lines="export VERITY_TEST_PG_URL='$URL'"
[ -n "$REDIS_URL" ] && lines="$lines"$'\n'"export VERITY_TEST_REDIS_URL='$REDIS_URL'"
mkdir -p "$(dirname "$ENV_FILE")"
printf '%s\n' "$lines" > "$ENV_FILE"
log "ready: $ROLE@$HOST:$PORT/$DB${REDIS_URL:+ and Redis at $REDIS_URL} (also written to $ENV_FILE)"
printf '%s\n' "$lines"

#!/usr/bin/env bash
# The reference app's local stack: PostgreSQL and Redis of its own (own data directories and ports under
# .work/stack, never a system cluster), the migrations, and the api and payments services.
#
#   scripts/stack.sh start    start whatever is not running (idempotent), then wait for /readyz
#   scripts/stack.sh stop     SIGTERM the services (they drain), stop Redis and PostgreSQL cleanly
#   scripts/stack.sh status   what runs, where, and whether it is ready (exit 1 when something is down)
#   scripts/stack.sh env      the URLs as shell exports:  eval "$(scripts/stack.sh env)"
#   scripts/stack.sh smoke    an end-to-end request through api -> payments -> PostgreSQL
#   scripts/stack.sh logs     the last lines of every log
#   scripts/stack.sh restart  stop, then start
#
# Settings (environment): STACK_DIR (.work/stack), STACK_PG_PORT (55432), STACK_REDIS_PORT (56379),
# STACK_API_PORT (58080), STACK_PAYMENTS_PORT (58081), STACK_DB (reference_app), STACK_ADMIN_TOKEN
# (generated once into STACK_DIR/admin-token), PG_BIN (PostgreSQL's bin directory; found when unset),
# and for the services FAIL_MODE, SLOW_MODE, RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS, PAYMENTS_TIMEOUT_MS (1000), LOG_LEVEL.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$root/reference-app"
dir="${STACK_DIR:-$root/.work/stack}"
pg_port="${STACK_PG_PORT:-55432}"
redis_port="${STACK_REDIS_PORT:-56379}"
api_port="${STACK_API_PORT:-58080}"
payments_port="${STACK_PAYMENTS_PORT:-58081}"
db="${STACK_DB:-reference_app}"
ready_timeout="${STACK_READY_TIMEOUT:-60}"

pg_dir="$dir/postgres"
pg_data="$pg_dir/data"
redis_dir="$dir/redis"
log_dir="$dir/logs"
run_dir="$dir/run"

say() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

need() { # need COMMAND HOW-TO-INSTALL
  command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH. Install it with: $2"
}

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/pg_ctl" ] || die "PG_BIN=$PG_BIN has no pg_ctl"
    return
  fi
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$candidate" ] && [ -x "$candidate/pg_ctl" ]; then
    PG_BIN="$candidate"
  elif command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN="$(dirname "$(command -v pg_ctl)")"
  elif command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
    PG_BIN="$(pg_config --bindir)"
  else
    die "PostgreSQL server binaries (pg_ctl, initdb) not found. Install them with: bash scripts/bootstrap.sh postgres (or set PG_BIN)"
  fi
}

# PostgreSQL refuses to run as root: as root, run its binaries as the unprivileged postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user for PostgreSQL: useradd --system --home /var/lib/postgresql postgres"
    need runuser "apt-get install util-linux"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_owner() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

port_busy() { # port_busy PORT: true when something listens on 127.0.0.1:PORT
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# proc_alive PID: running (a zombie waiting for its parent to reap it counts as gone).
proc_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  if [ -r "/proc/$1/stat" ]; then
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [ "${stat%% *}" != "Z" ]
  fi
}

pid_alive() { [ -f "$1" ] && proc_alive "$(cat "$1")"; }

admin_token() {
  if [ -n "${STACK_ADMIN_TOKEN:-}" ]; then
    printf '%s' "$STACK_ADMIN_TOKEN"
    return
  fi
  if [ ! -s "$dir/admin-token" ]; then
    mkdir -p "$dir"
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))' >"$dir/admin-token")
  fi
  cat "$dir/admin-token"
}

database_url() { echo "postgres://postgres@127.0.0.1:$pg_port/$db"; }
redis_url() { echo "redis://127.0.0.1:$redis_port/0"; }

# ---------------------------------------------------------------------------------------------- PostgreSQL

pg_running() { [ -f "$pg_data/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; }

start_postgres() {
  find_pg_bin
  mkdir -p "$pg_dir"
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    say "postgres: creating a cluster in ${pg_data#"$root"/} ($("$PG_BIN/postgres" --version))"
    chown "$(pg_owner)" "$pg_dir"
    chmod 700 "$pg_dir"
    as_pg "$PG_BIN/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C --no-instructions >"$log_dir/initdb.log" 2>&1 ||
      die "initdb failed; see ${log_dir#"$root"/}/initdb.log"
  fi
  if pg_running; then
    say "postgres: already running on port $pg_port"
  else
    if port_busy "$pg_port"; then die "port $pg_port is taken by something else; choose another with STACK_PG_PORT"; fi
    say "postgres: starting on 127.0.0.1:$pg_port"
    # TCP on localhost; the socket lives in the cluster's own directory, never /var/run/postgresql (and
    # is left out when that path is too long for a socket name).
    local sockets="$pg_dir"
    if [ ${#pg_dir} -gt 90 ] || [[ "$pg_dir" == *" "* ]]; then sockets="''"; fi
    as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -l "$pg_dir/postgres.log" -w -t 60 \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sockets" start >/dev/null ||
      die "PostgreSQL did not start; see ${pg_dir#"$root"/}/postgres.log"
  fi
  local exists
  exists="$("$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  if [ "$exists" != "1" ]; then
    say "postgres: creating database $db"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$db"
  fi
}

stop_postgres() {
  if [ ! -f "$pg_data/PG_VERSION" ]; then return; fi
  find_pg_bin
  if pg_running; then
    say "postgres: stopping"
    as_pg "$PG_BIN/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null
  else
    say "postgres: not running"
  fi
}

# ---------------------------------------------------------------------------------------------- Redis

start_redis() {
  need redis-server "bash scripts/bootstrap.sh redis"
  mkdir -p "$redis_dir"
  if pid_alive "$run_dir/redis.pid"; then
    say "redis: already running on port $redis_port"
    return
  fi
  if port_busy "$redis_port"; then die "port $redis_port is taken by something else; choose another with STACK_REDIS_PORT"; fi
  say "redis: starting on 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redis_dir" --dbfilename dump.rdb \
    --save "900 1 300 10 60 10000" --appendonly no --daemonize yes \
    --pidfile "$run_dir/redis.pid" --logfile "$log_dir/redis.log" ||
    die "redis-server did not start; see ${log_dir#"$root"/}/redis.log"
  local i
  for i in $(seq 1 50); do
    port_busy "$redis_port" && return
    sleep 0.1
  done
  die "redis did not listen on $redis_port; see ${log_dir#"$root"/}/redis.log"
}

stop_redis() {
  if ! pid_alive "$run_dir/redis.pid"; then
    say "redis: not running"
    rm -f "$run_dir/redis.pid"
    return
  fi
  say "redis: stopping"
  local pid
  pid="$(cat "$run_dir/redis.pid")"
  kill -TERM "$pid" # redis saves its RDB and exits on SIGTERM
  wait_gone "$pid" 30 || { say "redis: still running after 30 s, killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$run_dir/redis.pid"
}

# ---------------------------------------------------------------------------------------------- services

wait_gone() { # wait_gone PID SECONDS
  local i
  for i in $(seq 1 $(($2 * 10))); do
    proc_alive "$1" || return 0
    sleep 0.1
  done
  return 1
}

build_app() {
  need node "Node.js 20 or newer (https://nodejs.org or your distribution's nodejs package)"
  need npm "Node.js 20 or newer, which ships npm"
  if [ ! -d "$app/node_modules" ]; then
    say "app: installing dependencies (npm ci --prefix reference-app)"
    npm ci --prefix "$app" --no-audit --no-fund >"$log_dir/npm-ci.log" 2>&1 || die "npm ci failed; see ${log_dir#"$root"/}/npm-ci.log"
  fi
  say "app: building"
  (cd "$app" && node build.mjs >/dev/null) || die "the build failed (cd reference-app && node build.mjs)"
}

migrate() {
  say "postgres: running migrations"
  DATABASE_URL="$(database_url)" MIGRATIONS_DIR="$app/migrations" node "$app/dist/migrate.js" 2>&1 | sed 's/^/[stack]   /' >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || die "migrations failed"
}

start_service() { # start_service NAME PORT
  local name="$1" port="$2" pidfile="$run_dir/$1.pid"
  if pid_alive "$pidfile"; then
    say "$name: already running on port $port (pid $(cat "$pidfile"))"
    return
  fi
  if port_busy "$port"; then die "port $port is taken by something else; choose another with STACK_$(echo "$name" | tr a-z A-Z)_PORT"; fi
  say "$name: starting on 127.0.0.1:$port (log ${log_dir#"$root"/}/$name.log)"
  (
    cd "$app"
    export PORT="$port" HOST=127.0.0.1 DATABASE_URL="$(database_url)" REDIS_URL="$(redis_url)" ADMIN_TOKEN="$(admin_token)"
    export PAYMENTS_URL="http://127.0.0.1:$payments_port"
    export SHUTDOWN_TIMEOUT_MS="${SHUTDOWN_TIMEOUT_MS:-10000}"
    # The api's budget for a payments call: a slow payments costs at most this, then 503 (the chaos experiment payments-slow).
    export PAYMENTS_TIMEOUT_MS="${PAYMENTS_TIMEOUT_MS:-1000}"
    nohup node "dist/$name.js" >>"$log_dir/$name.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
  )
}

stop_service() { # stop_service NAME
  local name="$1" pidfile="$run_dir/$1.pid"
  if ! pid_alive "$pidfile"; then
    say "$name: not running"
    rm -f "$pidfile"
    return
  fi
  local pid
  pid="$(cat "$pidfile")"
  say "$name: SIGTERM (pid $pid), draining"
  kill -TERM "$pid"
  wait_gone "$pid" 30 || { say "$name: still running after 30 s, killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$pidfile"
}

probe() { # probe URL: prints the HTTP status (000 when unreachable)
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => console.log(r.status), () => console.log("000"));
  ' "$1"
}

wait_ready() { # wait_ready NAME PORT
  local name="$1" port="$2" started=$SECONDS status
  while :; do
    status="$(probe "http://127.0.0.1:$port/readyz")"
    if [ "$status" = "200" ]; then
      say "$name: ready ($((SECONDS - started)) s)"
      return
    fi
    pid_alive "$run_dir/$name.pid" || die "$name exited; last lines of its log:
$(tail -n 20 "$log_dir/$name.log")"
    [ $((SECONDS - started)) -lt "$ready_timeout" ] || die "$name not ready after $ready_timeout s (last /readyz: $status); see ${log_dir#"$root"/}/$name.log"
    sleep 0.3
  done
}

# ---------------------------------------------------------------------------------------------- commands

cmd_start() {
  local started=$SECONDS
  mkdir -p "$dir" "$log_dir" "$run_dir"
  find_pg_bin
  need redis-server "bash scripts/bootstrap.sh redis"
  build_app
  start_postgres
  start_redis
  migrate
  start_service payments "$payments_port"
  start_service api "$api_port"
  wait_ready payments "$payments_port"
  wait_ready api "$api_port"
  say "up in $((SECONDS - started)) s: api http://127.0.0.1:$api_port  (eval \"\$(scripts/stack.sh env)\" for the URLs)"
}

cmd_stop() {
  stop_service api
  stop_service payments
  stop_redis
  stop_postgres
  say "stopped"
}

cmd_status() {
  local down=0
  if [ -f "$pg_data/PG_VERSION" ]; then find_pg_bin; fi
  if [ -f "$pg_data/PG_VERSION" ] && pg_running; then
    echo "postgres  running  $(database_url)"
  else
    echo "postgres  stopped"
    down=1
  fi
  if pid_alive "$run_dir/redis.pid"; then
    echo "redis     running  $(redis_url)  pid $(cat "$run_dir/redis.pid")"
  else
    echo "redis     stopped"
    down=1
  fi
  local name port
  for name in payments api; do
    port="$payments_port"
    [ "$name" = api ] && port="$api_port"
    if pid_alive "$run_dir/$name.pid"; then
      printf '%-9s running  http://127.0.0.1:%s  pid %s  /readyz %s\n' "$name" "$port" "$(cat "$run_dir/$name.pid")" "$(probe "http://127.0.0.1:$port/readyz")"
    else
      printf '%-9s stopped\n' "$name"
      down=1
    fi
  done
  return $down
}

cmd_env() {
  cat <<EOF
export DATABASE_URL='$(database_url)'
export REDIS_URL='$(redis_url)'
export API_URL='http://127.0.0.1:$api_port'
export PAYMENTS_URL='http://127.0.0.1:$payments_port'
export ADMIN_TOKEN='$(admin_token)'
EOF
}

cmd_smoke() {
  API_URL="http://127.0.0.1:$api_port" node "$app/dist/smoke.js"
}

cmd_logs() {
  local f
  for f in "$log_dir"/*.log "$pg_dir/postgres.log"; do
    [ -f "$f" ] || continue
    echo "== ${f#"$root"/}"
    tail -n "${LINES:-20}" "$f"
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  smoke) cmd_smoke ;;
  logs) cmd_logs ;;
  restart) cmd_stop && cmd_start ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
    [ -z "${1:-}" ] || [ "$1" = -h ] || [ "$1" = --help ] || exit 2
    ;;
esac

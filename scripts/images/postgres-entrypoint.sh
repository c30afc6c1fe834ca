#!/bin/sh
# Entrypoint of the resilience-gates.local/postgres image (scripts/images.sh): the part of the official
# image's docker-entrypoint.sh that charts/reference-app/templates/postgresql.yaml relies on. On an empty
# $PGDATA it runs initdb as the current (non-root) user with POSTGRES_USER as the superuser and
# POSTGRES_PASSWORD as its password, lets every host connect with scram-sha-256, listens on all
# addresses, and creates POSTGRES_DB; then it execs postgres. The password never reaches a command line:
# initdb reads it from a file on /tmp that is removed at once. Writes nothing outside $PGDATA, /tmp and
# /var/run/postgresql, so the root filesystem can stay read-only.
set -eu

if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

: "${PGDATA:?PGDATA must name the data directory}"
mkdir -p "$PGDATA"
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "postgres-entrypoint: POSTGRES_PASSWORD is empty; refusing to create a database nobody can log in to" >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  umask 077
  pwfile="${TMPDIR:-/tmp}/.initdb-password.$$"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
  if ! initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-}; then
    rm -f "$pwfile"
    exit 1
  fi
  rm -f "$pwfile"
  umask 022
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf '\nhost all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
    psql -v ON_ERROR_STOP=1 -v db="$db" --username="$user" --dbname=postgres --no-psqlrc <<'SQL'
CREATE DATABASE :"db";
SQL
    pg_ctl -D "$PGDATA" -m fast -w stop
  fi
  echo "postgres-entrypoint: initialised $PGDATA (superuser $user, database $db)"
fi

exec "$@"

#!/bin/sh
# Backs up the rate-limit Redis: copies a fresh RDB snapshot over the replication protocol
# (redis-cli --rdb), checks it with redis-check-rdb, then evidence and retention (backup-lib.sh).
# Connection: REDIS_HOST, REDIS_PORT, and REDISCLI_AUTH for the password.
set -eu
BACKUP_EXT=rdb BACKUP_METHOD=rdb-copy BACKUP_VERSION_COMMAND="redis-cli --version"
. "$(dirname "$0")/backup-lib.sh"

echo "backup $id: RDB copy from $REDIS_HOST:$REDIS_PORT"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --rdb "$partial"
redis-check-rdb "$partial" >/dev/null
backup_done

#!/bin/sh
# Backs up the ledger database: pg_dump (custom format) to the backup volume, checked with pg_restore
# --list, then evidence and retention (backup-lib.sh). Connection: the libpq variables PGHOST, PGPORT,
# PGUSER, PGPASSWORD, PGDATABASE.
set -eu
BACKUP_EXT=dump BACKUP_METHOD=pg_dump BACKUP_VERSION_COMMAND="pg_dump --version"
. "$(dirname "$0")/backup-lib.sh"

echo "backup $id: pg_dump of $PGDATABASE on $PGHOST:$PGPORT"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial"
pg_restore --list "$partial" >/dev/null
backup_done

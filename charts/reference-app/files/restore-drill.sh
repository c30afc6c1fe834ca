#!/bin/sh
# Restore drill: restores the latest backup of $STORE into a scratch copy with `resilience-gates drill`,
# which verifies it (row counts and checksums for PostgreSQL, key counts and digests for Redis), measures
# RTO and RPO, and writes a signed restore proof to $BACKUP_ROOT/proofs (default /backups/proofs) for the restore-proofs gate.
set -eu
root="${BACKUP_ROOT:-/backups}"
case "$ENGINE" in
  postgres) pattern="$STORE-*.dump" ;;
  redis) pattern="$STORE-*.rdb" ;;
  *) echo "restore drill: unknown engine $ENGINE"; exit 2 ;;
esac
latest="$(find "$root/$STORE" -maxdepth 1 -name "$pattern" | sort | tail -n 1)"
if [ -z "$latest" ]; then
  echo "restore drill: no backup of $STORE under $root/$STORE"
  exit 1
fi
mkdir -p "$root/proofs"
proof="$root/proofs/$STORE-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "restore drill: $STORE from $latest -> $proof"
if [ "$ENGINE" = postgres ]; then
  exec resilience-gates drill postgres --source "$SOURCE_URL" --backup "$latest" --scratch "$SCRATCH_URL" \
    --private-key /keys/private-key --output "$proof"
else
  exec resilience-gates drill redis --source "$SOURCE_URL" --backup "$latest" \
    --private-key /keys/private-key --output "$proof"
fi

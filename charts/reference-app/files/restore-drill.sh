#!/bin/sh
# Restore drill of $STORE with `resilience-gates drill`: a fresh backup of the store (pg_dump of an exported
# snapshot, or a BGSAVE), restored into a scratch copy (a new database on $SCRATCH_URL's server, or a
# scratch redis-server), verified against the source (row counts and checksums for PostgreSQL, key counts
# and digests for Redis), RTO and RPO measured, and a signed proof written to $BACKUP_ROOT/proofs (default
# /backups/proofs) for the restore-proofs gate. With PUBLISH=true the proof is also published as a
# ConfigMap in $POD_NAMESPACE (`resilience-gates drill publish`), for `check restore-proofs --cluster`.
# A failed drill still writes and publishes its (failed) proof, then exits 1.
set -eu
root="${BACKUP_ROOT:-/backups}"
mkdir -p "$root/proofs"
# Drills of different stores run as different users (the Redis one as Redis, to read its RDB file) and
# share this directory through the pod's fsGroup: keep it group-writable (only its owner can change that).
chmod 2775 "$root/proofs" 2>/dev/null || true
proof="$root/proofs/$STORE-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "restore drill: $STORE ($ENGINE) -> $proof"
status=0
case "$ENGINE" in
  postgres)
    resilience-gates drill postgres --source "$SOURCE_URL" --scratch "$SCRATCH_URL" --store "$STORE" \
      --key "${SIGNING_KEY:-/keys/private-key}" --out "$proof" || status=$?
    ;;
  redis)
    # RDB_FILE: where this pod reads the file the server's BGSAVE writes (its volume, mounted read-only).
    resilience-gates drill redis --source "$SOURCE_URL" --store "$STORE" ${RDB_FILE:+--rdb "$RDB_FILE"} \
      --key "${SIGNING_KEY:-/keys/private-key}" --out "$proof" || status=$?
    ;;
  *)
    echo "restore drill: unknown engine $ENGINE"
    exit 2
    ;;
esac
if [ "${PUBLISH:-false}" = true ] && [ -f "$proof" ]; then
  resilience-gates drill publish "$proof" --namespace "$POD_NAMESPACE"
fi
exit "$status"

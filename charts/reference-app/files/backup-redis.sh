#!/bin/sh
# Backs up the rate-limit Redis: copies a fresh RDB snapshot over the replication protocol
# (redis-cli --rdb), checks it with redis-check-rdb, then writes evidence like backup-postgres.sh.
# Connection: REDIS_HOST, REDIS_PORT, and REDISCLI_AUTH for the password.
set -eu
store="$STORE"
dir="${BACKUP_ROOT:-/backups}/$store"
id="$store-$(date -u +%Y%m%dT%H%M%SZ)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
mkdir -p "$dir/daily" "$dir/evidence"

evidence() { # evidence STATUS [SIZE SHA256]: a record of schemas/backup-evidence.schema.json
  sha_field=""
  [ -z "${3:-}" ] || sha_field=",\"sha256\":\"$3\""
  cat >"$dir/evidence/.$id.json" <<JSON
{"store":"$store","status":"$1","startedAt":"$started","finishedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","backupId":"$id","method":"rdb-copy","location":"$store/$id.rdb","sizeBytes":${2:-0}$sha_field,"message":"$(redis-cli --version)"}
JSON
  mv "$dir/evidence/.$id.json" "$dir/evidence/$id.json"
  if [ "$1" = succeeded ]; then
    cp "$dir/evidence/$id.json" "$dir/.latest.json" && mv "$dir/.latest.json" "$dir/latest.json"
  fi
}
trap 'code=$?; if [ "$code" -ne 0 ]; then rm -f "$dir/.$id.partial"; evidence failed; echo "backup $id: FAILED ($code)"; fi' EXIT

echo "backup $id: RDB copy from $REDIS_HOST:$REDIS_PORT"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --rdb "$dir/.$id.partial"
redis-check-rdb "$dir/.$id.partial" >/dev/null
mv "$dir/.$id.partial" "$dir/$id.rdb"
size="$(stat -c %s "$dir/$id.rdb")"
sha="$(sha256sum "$dir/$id.rdb" | cut -d' ' -f1)"
day="$(date -u +%Y%m%d)"
[ -e "$dir/daily/$store-$day.rdb" ] || cp "$dir/$id.rdb" "$dir/daily/$store-$day.rdb"
evidence succeeded "$size" "$sha"

find "$dir" -maxdepth 1 -name "$store-*.rdb" -mmin +"$((KEEP_ALL_HOURS * 60))" -delete
find "$dir/daily" -name "$store-*.rdb" -mtime +"$RETENTION_DAYS" -delete
find "$dir/evidence" -name "$store-*.json" -mtime +"$RETENTION_DAYS" -delete
echo "backup $id: ok ($size bytes, sha256 $sha)"

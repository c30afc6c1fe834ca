#!/bin/sh
# Backs up the ledger database: pg_dump (custom format) to the backup volume, checked with pg_restore
# --list, then evidence for the backups gate: evidence/<id>.json for every run (succeeded or failed) and
# latest.json for the last successful one. Keeps every dump for KEEP_ALL_HOURS, one a day for
# RETENTION_DAYS. Connection: the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
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
{"store":"$store","status":"$1","startedAt":"$started","finishedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","backupId":"$id","method":"pg_dump","location":"$store/$id.dump","sizeBytes":${2:-0}$sha_field,"message":"$(pg_dump --version)"}
JSON
  mv "$dir/evidence/.$id.json" "$dir/evidence/$id.json"
  if [ "$1" = succeeded ]; then
    cp "$dir/evidence/$id.json" "$dir/.latest.json" && mv "$dir/.latest.json" "$dir/latest.json"
  fi
}
trap 'code=$?; if [ "$code" -ne 0 ]; then rm -f "$dir/.$id.partial"; evidence failed; echo "backup $id: FAILED ($code)"; fi' EXIT

echo "backup $id: pg_dump of $PGDATABASE on $PGHOST:$PGPORT"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$dir/.$id.partial"
pg_restore --list "$dir/.$id.partial" >/dev/null
mv "$dir/.$id.partial" "$dir/$id.dump"
size="$(stat -c %s "$dir/$id.dump")"
sha="$(sha256sum "$dir/$id.dump" | cut -d' ' -f1)"
day="$(date -u +%Y%m%d)"
[ -e "$dir/daily/$store-$day.dump" ] || cp "$dir/$id.dump" "$dir/daily/$store-$day.dump"
evidence succeeded "$size" "$sha"

find "$dir" -maxdepth 1 -name "$store-*.dump" -mmin +"$((KEEP_ALL_HOURS * 60))" -delete
find "$dir/daily" -name "$store-*.dump" -mtime +"$RETENTION_DAYS" -delete
find "$dir/evidence" -name "$store-*.json" -mtime +"$RETENTION_DAYS" -delete
echo "backup $id: ok ($size bytes, sha256 $sha)"

# Sourced by backup-postgres.sh and backup-redis.sh, which set BACKUP_EXT (the file extension),
# BACKUP_METHOD and BACKUP_VERSION_COMMAND first. Gives them the backup's id and paths ($partial is where
# the copy is written), the evidence records the backups gate reads (schemas/backup-evidence.schema.json):
# evidence/<id>.json for every run, succeeded or failed, and latest.json for the last successful one, an
# exit trap that records a failed run, and backup_done, which puts the checked copy in place, records it,
# and keeps every backup for KEEP_ALL_HOURS and one a day for RETENTION_DAYS.
store="$STORE"
dir="${BACKUP_ROOT:-/backups}/$store"
id="$store-$(date -u +%Y%m%dT%H%M%SZ)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
partial="$dir/.$id.partial"
mkdir -p "$dir/daily" "$dir/evidence"

evidence() { # evidence STATUS [SIZE SHA256]
  sha_field=""
  [ -z "${3:-}" ] || sha_field=",\"sha256\":\"$3\""
  cat >"$dir/evidence/.$id.json" <<JSON
{"store":"$store","status":"$1","startedAt":"$started","finishedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","backupId":"$id","method":"$BACKUP_METHOD","location":"$store/$id.$BACKUP_EXT","sizeBytes":${2:-0}$sha_field,"message":"$($BACKUP_VERSION_COMMAND)"}
JSON
  mv "$dir/evidence/.$id.json" "$dir/evidence/$id.json"
  if [ "$1" = succeeded ]; then
    cp "$dir/evidence/$id.json" "$dir/.latest.json" && mv "$dir/.latest.json" "$dir/latest.json"
  fi
}
trap 'code=$?; if [ "$code" -ne 0 ]; then rm -f "$partial"; evidence failed; echo "backup $id: FAILED ($code)"; fi' EXIT

backup_done() {
  mv "$partial" "$dir/$id.$BACKUP_EXT"
  size="$(stat -c %s "$dir/$id.$BACKUP_EXT")"
  sha="$(sha256sum "$dir/$id.$BACKUP_EXT" | cut -d' ' -f1)"
  day="$(date -u +%Y%m%d)"
  [ -e "$dir/daily/$store-$day.$BACKUP_EXT" ] || cp "$dir/$id.$BACKUP_EXT" "$dir/daily/$store-$day.$BACKUP_EXT"
  evidence succeeded "$size" "$sha"

  find "$dir" -maxdepth 1 -name "$store-*.$BACKUP_EXT" -mmin +"$((KEEP_ALL_HOURS * 60))" -delete
  find "$dir/daily" -name "$store-*.$BACKUP_EXT" -mtime +"$RETENTION_DAYS" -delete
  find "$dir/evidence" -name "$store-*.json" -mtime +"$RETENTION_DAYS" -delete
  echo "backup $id: ok ($size bytes, sha256 $sha)"
}

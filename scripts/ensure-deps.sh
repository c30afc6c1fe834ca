#!/usr/bin/env bash
# Installs the npm dependencies from the lock files when they changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install() {
  local dir="$1" stamp="$1/node_modules/.resilience-gates-lock"
  [ -f "$dir/package-lock.json" ] || return 0
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "[deps] npm ci in ${dir#"$root"/}" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}
install "$root"
[ -d "$root/reference-app" ] && install "$root/reference-app"
exit 0

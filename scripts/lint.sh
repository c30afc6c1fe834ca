#!/usr/bin/env bash
# Types, ESLint, Regal on the policies, actionlint on workflows and actions.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "== tsc" && npx tsc --noEmit
echo "== tsc reference-app" && npx tsc --noEmit -p reference-app/tsconfig.json
echo "== eslint" && npx eslint --max-warnings 0 .
echo "== regal" && .tools/bin/regal lint --format compact policies
# Action metadata (action.yml, actions/*/action.yml) is checked where a workflow uses it: see
# test/workflows/actionlint.test.ts, which runs inside npm test.
echo "== actionlint" && .tools/bin/actionlint .github/workflows/*.yml workflows/*.yml

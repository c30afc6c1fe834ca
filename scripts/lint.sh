#!/usr/bin/env bash
# Types, ESLint, Regal on the policies, actionlint on workflows and actions.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "== tsc" && npx tsc --noEmit
echo "== eslint" && npx eslint --max-warnings 0 .
echo "== regal" && .tools/bin/regal lint --format compact policies

#!/usr/bin/env bash
# Rebuilds dist/ and fails when it differs from what is committed, so dist/ never drifts from src/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npm run --silent build
if ! git diff --quiet --exit-code -- dist fixtures/policy-cases || [ -n "$(git status --porcelain -- dist fixtures/policy-cases)" ]; then
  echo "dist/ or fixtures/policy-cases/ differ from a fresh build of src/ and policies/; run \`npm run build\` and commit:" >&2
  git status --short -- dist fixtures/policy-cases >&2
  git --no-pager diff --stat -- dist fixtures/policy-cases >&2
  exit 1
fi
echo "dist/ is up to date"

#!/usr/bin/env bash
# `npm run gates`: installs what is missing, then runs the gates on this project's own example inputs:
#   1. the reference app's configuration (.resilience/ in reference-app/): its Helm chart must pass;
#   2. the deliberately bad fixtures, which must block, to show what findings look like.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
bash scripts/ensure-deps.sh
[ -f dist/cli.js ] && [ -f dist/policies.wasm ] || npm run --silent build

echo
echo "== resilience-gates check --config reference-app/.resilience/gates.yaml"
set +e
node bin/resilience-gates.js check --config reference-app/.resilience/gates.yaml
app=$?
echo
echo "== resilience-gates check security-context --manifests 'fixtures/security-context/*-fail.yaml'   (these must block)"
node bin/resilience-gates.js check security-context --manifests 'fixtures/security-context/*-fail.yaml' --quiet
fixtures=$?
set -e
echo
if [ "$app" -eq 0 ] && [ "$fixtures" -eq 1 ]; then
  echo "quickstart: the reference app passes and the bad fixtures block, as they should."
  exit 0
fi
echo "quickstart: unexpected result (reference app exit $app, want 0; fixtures exit $fixtures, want 1)" >&2
exit 1

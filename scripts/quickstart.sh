#!/usr/bin/env bash
# `npm run gates`: installs what is missing, then runs every gate on this project's own example inputs.
#   1. starts the reference app (api, payments, PostgreSQL, Redis) as local processes (scripts/stack.sh)
#      and sends it a few requests;
#   2. takes backups with the chart's own backup scripts and runs real restore drills, which write the
#      backup evidence and the signed restore proofs the gates read (.work/evidence/), then runs the chaos
#      experiments of reference-app/.resilience/chaos.yaml against the stack (signed results, same key);
#   3. runs the gates of reference-app/.resilience/gates.yaml: security-context on the Helm chart,
#      migrations, backups, restore-proofs, chaos-readiness; then a short real k6 run judged by load-budget, whose summary
#      the slo gate judges; they must pass;
#   4. runs readiness on the reference app (catalog, runbooks, burn-rate rules proven with promtool, the
#      chart's routes, PDBs, HPAs and NetworkPolicies, the Envoy config, the kill-switch registry);
#   5. runs the gates on the deliberately bad fixtures, which must block, to show what findings look like.
# The stack is stopped at the end unless KEEP_STACK=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Only what these gates run: helm (the chart), k6 (the load run), PostgreSQL, Redis and promtool (readiness). The rest of the
# toolchain (opa, kustomize, regal, actionlint, kube-apiserver, etcd) is for the tests and `npm run build`.
bash scripts/bootstrap.sh helm k6 postgres redis promtool
bash scripts/ensure-deps.sh
[ -f dist/cli.js ] && [ -f dist/policies.wasm ] || npm run --silent build
gates() { node bin/resilience-gates.js "$@"; }

evidence=.work/evidence
keys=.work/drill-keys
stopped_before=1
bash scripts/stack.sh status 2>/dev/null | grep -q "^api .*running" && stopped_before=0
[ "${KEEP_STACK:-0}" = 1 ] || [ "$stopped_before" = 0 ] || trap 'bash scripts/stack.sh stop >/dev/null 2>&1 || true' EXIT

echo "== start the reference app"
bash scripts/stack.sh start
eval "$(bash scripts/stack.sh env)"
# Real traffic first, so that the stores hold data for the drills to compare: payments, rate limits, cache.
bash scripts/stack.sh smoke

echo
echo "== backups with the chart's scripts (charts/reference-app/files/backup-*.sh), evidence in $evidence/backups"
rm -rf "$evidence"
mkdir -p "$evidence"
STORE=ledger-db KEEP_ALL_HOURS=48 RETENTION_DAYS=100 BACKUP_ROOT="$evidence/backups" \
  PGHOST=127.0.0.1 PGPORT="${STACK_PG_PORT:-55432}" PGUSER=postgres PGDATABASE="${STACK_DB:-reference_app}" \
  sh charts/reference-app/files/backup-postgres.sh
STORE=ratelimit-redis KEEP_ALL_HOURS=48 RETENTION_DAYS=35 BACKUP_ROOT="$evidence/backups" \
  REDIS_HOST=127.0.0.1 REDIS_PORT="${STACK_REDIS_PORT:-56379}" \
  sh charts/reference-app/files/backup-redis.sh

echo
echo "== restore drills: restore into scratch instances, verify, sign the proofs ($evidence/restore-proofs)"
[ -f "$keys/drill-signing-key.pem" ] || gates drill keygen --out "$keys"
gates drill postgres --source "$DATABASE_URL" --store ledger-db --key "$keys/drill-signing-key.pem" \
  --out "$evidence/restore-proofs/ledger-db.json"
gates drill redis --source "$REDIS_URL" --store ratelimit-redis --key "$keys/drill-signing-key.pem" \
  --out "$evidence/restore-proofs/ratelimit-redis.json"
RESILIENCE_GATES_DRILL_PUBLIC_KEY="$(cat "$keys/drill-public-key.pem")"
export RESILIENCE_GATES_DRILL_PUBLIC_KEY

echo
echo "== chaos experiments on the running stack (reference-app/.resilience/chaos.yaml): Redis down (for api and for"
echo "   payments), payments slow, the ledger database down (for payments and for api), api and payments losing their"
echo "   process; signed results in $evidence/chaos-results"
set +e
gates chaos run --config reference-app/.resilience/gates.yaml --key "$keys/drill-signing-key.pem" --out "$evidence/chaos-results"
chaos=$?

echo
echo "== resilience-gates check security-context migrations backups restore-proofs chaos-readiness --config reference-app/.resilience/gates.yaml"
gates check security-context migrations backups restore-proofs chaos-readiness --config reference-app/.resilience/gates.yaml
app=$?
echo
echo "== a 10-second k6 run against the api, judged by load-budget, then by slo ($evidence/k6-summary.json)"
gates check load-budget --budgets reference-app/.resilience/load-budgets.yaml --script reference-app/load/reference-app.js \
  --target "$API_URL" --k6-env DURATION=10s --save-summary "$evidence/k6-summary.json"
load=$?
[ "$load" -ne 0 ] || { gates check slo --slo reference-app/.resilience/slos.yaml --summary "$evidence/k6-summary.json"; load=$?; }
echo
echo "== resilience-gates check readiness --config reference-app/.resilience/gates.yaml   (owners, runbooks, burn-rate alerts proven by promtool, routes, PDB/HPA/NetworkPolicy, kill switches)"
gates check readiness --config reference-app/.resilience/gates.yaml
ready=$?
echo
echo "== resilience-gates check security-context --manifests 'fixtures/security-context/*-fail.yaml'   (these must block)"
gates check security-context --manifests 'fixtures/security-context/*-fail.yaml' --quiet
fixtures=$?
echo "== resilience-gates check readiness --catalog fixtures/readiness/rd-030-061-weak-workloads.yaml --manifests fixtures/readiness/data/workloads-weak.yaml   (this must block)"
gates check readiness --catalog fixtures/readiness/rd-030-061-weak-workloads.yaml --manifests fixtures/readiness/data/workloads-weak.yaml --quiet
weak=$?
set -e
echo
if [ "$chaos" -eq 0 ] && [ "$app" -eq 0 ] && [ "$load" -eq 0 ] && [ "$ready" -eq 0 ] && [ "$fixtures" -eq 1 ] && [ "$weak" -eq 1 ]; then
  echo "quickstart: the reference app passes every gate and the bad fixtures block, as they should."
  exit 0
fi
echo "quickstart: unexpected result (chaos run exit $chaos, reference app exit $app, load-budget and slo exit $load, readiness exit $ready, want 0; fixtures exit $fixtures and $weak, want 1)" >&2
exit 1

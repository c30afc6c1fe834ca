#!/usr/bin/env bash
# The reference app deployed for real, and the gates judging what runs. `npm run e2e` (and .ci/run):
#
#   scripts/e2e.sh                 the local single-node cluster (scripts/cluster.sh) and local images
#   scripts/e2e.sh --existing      a cluster that already exists, with the images loaded (the kind
#                                  workflow: after `kind create cluster` and `kind load`), from KUBECONFIG
#
# Phases after "cluster exists" are the same for both: namespace labelled Pod Security `restricted`
# (enforced, so the chart's pods must pass upstream admission), the drill signing key as a Secret,
# `helm install --wait --atomic`, `helm test`, backup CronJobs on a one-minute schedule until the CronJob
# controller records a lastSuccessfulTime for each store, a restore-drill Job publishing its signed proof,
# `check security-context backups restore-proofs --cluster`, a k6 run through the api Service judged by
# load-budget and slo, the same during the deletion of an api pod, the Kubernetes chaos experiments of
# reference-app/.resilience/chaos-cluster.yaml (signed results), and a broken upgrade rolled back.
# A progress line per phase and a final table (phase, seconds, result).
#
# Settings: KEEP_CLUSTER=1 leaves the cluster and the release up; E2E_NAMESPACE (reference-app);
# E2E_VALUES (extra values files for the image names, ':'-separated, --existing only); E2E_DURATION (k6 run, 20s);
# E2E_UNTIL (a phase name: stop after it, listing the later phases as not run).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode=local
[ "${1:-}" = --existing ] && mode=existing
namespace="${E2E_NAMESPACE:-reference-app}"
release=reference-app
duration="${E2E_DURATION:-20s}"
work="$root/.work/e2e"
helm="$root/.tools/bin/helm"
kubectl="$root/.tools/bin/kubectl"
[ -x "$kubectl" ] || kubectl="$(command -v kubectl || true)"
[ -x "$helm" ] || helm="$(command -v helm || true)"

phases=()
stopped=0
results=()
seconds=()
failed=0
log() { printf '[e2e] %s\n' "$*" >&2; }
k() { "$kubectl" "$@"; }
kn() { "$kubectl" --namespace "$namespace" "$@"; }
gates() { node "$root/bin/resilience-gates.js" "$@"; }

phase() { # phase NAME FUNCTION: runs it, records seconds and result; later phases are skipped after a failure
  local name="$1" fn="$2" started=$SECONDS rc
  if [ $failed -ne 0 ] || [ $stopped -ne 0 ]; then
    phases+=("$name"); seconds+=(0); results+=("$([ $failed -ne 0 ] && echo skipped || echo "not run (E2E_UNTIL)")")
    return 0
  fi
  log "▶ $name"
  "$fn"
  rc=$?
  phases+=("$name"); seconds+=($((SECONDS - started)))
  if [ $rc -eq 0 ]; then
    results+=(ok); log "✔ $name ($((SECONDS - started))s)"
    [ "$name" = "${E2E_UNTIL:-}" ] && stopped=1
  else
    results+=("failed ($rc)"); failed=1; log "✘ $name failed after $((SECONDS - started))s"
    diagnostics
  fi
}

diagnostics() {
  log "diagnostics for namespace $namespace:"
  kn get all,pvc,events -o wide 2>&1 | tail -n 60 >&2 || true
  local pod
  for pod in $(kn get pods -o name 2>/dev/null | head -n 10); do
    kn describe "$pod" 2>/dev/null | sed -n '/^Events:/,$p' | tail -n 12 >&2 || true
    kn logs "$pod" --all-containers --tail=20 2>/dev/null >&2 || true
  done
}

# ---------------------------------------------------------------------------------------------------

tools() {
  local wanted=(helm k6 kubectl)
  [ "$mode" = local ] && wanted+=(etcd kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy containerd containerd-shim-runc-v2 ctr coredns)
  bash scripts/bootstrap.sh "${wanted[@]}" &&
    bash scripts/ensure-deps.sh &&
    { [ -f dist/cli.js ] && [ -f dist/policies.wasm ] || npm run --silent build; }
}

images() { bash scripts/images.sh build; }

cluster_up() {
  bash scripts/cluster.sh up || return 1
  # Images rebuilt since the cluster came up (their inputs changed) are imported too; import is idempotent.
  bash scripts/images.sh import --address "$root/.work/cluster/containerd/containerd.sock" >&2 || return 1
  eval "$(bash scripts/cluster.sh env)"
  export KUBECONFIG
}

# The local cluster has no storage provisioner: local PersistentVolumes (kubelet applies fsGroup to them)
# in .work/cluster/volumes, one per claim of the chart, in a StorageClass of their own.
storage() {
  local volumes="$root/.work/cluster/volumes" i
  k apply -f - <<EOF >/dev/null || return 1
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-static
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
EOF
  for i in 1 2 3 4 5 6; do
    if ! k get pv "local-pv-$i" >/dev/null 2>&1; then
      # A volume the cluster does not know yet starts empty: data left by an earlier cluster (another
      # install's PostgreSQL, with another password) must not be bound to this one's claims.
      rm -rf "${volumes:?}/pv-$i"
      mkdir -p "$volumes/pv-$i"
      k apply -f - <<EOF >/dev/null || return 1
apiVersion: v1
kind: PersistentVolume
metadata: { name: local-pv-$i }
spec:
  capacity: { storage: 32Gi }
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: local-static
  local: { path: $volumes/pv-$i }
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions: [{ key: kubernetes.io/hostname, operator: In, values: [$(k get nodes -o jsonpath='{.items[0].metadata.name}')] }]
EOF
    fi
  done
}

namespace_and_key() {
  mkdir -p "$work"
  k create namespace "$namespace" --dry-run=client -o yaml | k apply -f - >/dev/null || return 1
  # Enforced: a pod of the chart that restricted does not admit is refused by the API server itself.
  k label namespace "$namespace" --overwrite \
    pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest \
    pod-security.kubernetes.io/warn=restricted >/dev/null || return 1
  [ -f "$work/keys/drill-signing-key.pem" ] || gates drill keygen --out "$work/keys" >/dev/null || return 1
  kn create secret generic restore-drill-signing-key --from-file=private-key="$work/keys/drill-signing-key.pem" \
    --dry-run=client -o yaml | kn apply -f - >/dev/null
}

values_args() {
  local args=(--values charts/reference-app/values-dev.yaml)
  if [ "$mode" = local ]; then
    args+=(--values charts/reference-app/values-local-cluster.yaml --values "$(bash scripts/images.sh values)")
  else
    args+=(--set api.service.type=NodePort)
    local file files=()
    IFS=: read -r -a files <<<"${E2E_VALUES:-}"
    for file in "${files[@]}"; do [ -n "$file" ] && args+=(--values "$file"); done
  fi
  # Backups every minute, so the CronJob controller records a lastSuccessfulTime within the run; drills
  # publish their proofs as ConfigMaps for `check restore-proofs --cluster`.
  args+=(--set backup.postgresql.schedule='* * * * *' --set backup.redis.schedule='* * * * *' --set restoreDrill.publish=true)
  printf '%s\n' "${args[@]}"
}

install() {
  local args
  mapfile -t args < <(values_args)
  "$helm" upgrade --install "$release" charts/reference-app --namespace "$namespace" "${args[@]}" \
    --wait --atomic --timeout 8m
}

# The chart deletes its test pod once it succeeds (hook-delete-policy), so its logs cannot be read after.
helm_test() { "$helm" test "$release" --namespace "$namespace" --timeout 4m; }

scheduled_backups() {
  local deadline=$((SECONDS + 240)) missing
  while [ $SECONDS -lt $deadline ]; do
    missing="$(kn get cronjob -l resilience-gates.io/store \
      -o jsonpath='{range .items[*]}{.metadata.name}={.status.lastSuccessfulTime}{"\n"}{end}' | grep -c '=$')"
    if [ "$missing" = 0 ] && [ -n "$(kn get cronjob -l resilience-gates.io/store -o name)" ]; then
      kn get cronjob -l resilience-gates.io/store \
        -o jsonpath='{range .items[*]}{"  "}{.metadata.name}: lastSuccessfulTime {.status.lastSuccessfulTime}{"\n"}{end}' >&2
      return 0
    fi
    sleep 5
  done
  log "no lastSuccessfulTime for every store's CronJob after 240s"
  kn get cronjob,job -o wide >&2
  return 1
}

restore_drill() {
  local cronjob job
  for cronjob in $(kn get cronjob -l resilience-gates.io/restore-drill -o name); do
    job="e2e-${cronjob#cronjob.batch/}"
    job="${job:0:52}-$(date +%s)"
    kn create job --from="$cronjob" "$job" >/dev/null || return 1
    local deadline=$((SECONDS + 360)) state=""
    while [ $SECONDS -lt $deadline ]; do
      state="$(kn get "job/$job" -o jsonpath='{.status.succeeded}/{.status.failed}')"
      case "$state" in 1/*|*/[1-9]*) break ;; esac
      sleep 3
    done
    kn logs "job/$job" --all-containers --tail=8 >&2 || true
    [ "${state%%/*}" = 1 ] || { log "drill job $job did not succeed (succeeded/failed: $state)"; return 1; }
  done
  kn get configmap -l resilience-gates.io/restore-proof -o name >&2
}

gates_on_cluster() {
  RESILIENCE_GATES_DRILL_PUBLIC_KEY="$(cat "$work/keys/drill-public-key.pem")" \
    gates check security-context backups restore-proofs --config reference-app/.resilience/gates-cluster.yaml \
    --format json --output "$work/cluster-gates.json" >/dev/null
  local rc=$?
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const g of r.gates) console.error(`  ${g.id}: ${g.verdict} (${g.findings.length} findings)` + g.findings.filter(f => f.severity === "block").map(f => `\n    ${f.rule} ${f.message}`).join(""));
  ' "$work/cluster-gates.json"
  return $rc
}

live_tests() { npx vitest run --config vitest.e2e.config.ts; }

# The api's Service: its ClusterIP on the local cluster (the node routes Service addresses itself); on
# kind, whose Service addresses live inside a container, its NodePort on the node's address.
api_url() {
  local service
  service="$(kn get service -l app.kubernetes.io/component=api -o jsonpath='{.items[0].metadata.name}')" || return 1
  if [ "$mode" = local ]; then
    printf 'http://%s:%s' "$(kn get service "$service" -o jsonpath='{.spec.clusterIP}')" "$(kn get service "$service" -o jsonpath='{.spec.ports[0].port}')"
  else
    printf 'http://%s:%s' "$(k get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')" \
      "$(kn get service "$service" -o jsonpath='{.spec.ports[0].nodePort}')"
  fi
}

load_run() { # load_run NAME: k6 through the api Service, judged by load-budget, then slo
  local name="$1" url
  url="$(api_url)" || return 1
  gates check load-budget --budgets reference-app/.resilience/load-budgets.yaml --script reference-app/load/reference-app.js \
    --target "$url" --k6-env "DURATION=$duration" --save-summary "$work/$name-summary.json" || return 1
  gates check slo --slo reference-app/.resilience/slos.yaml --summary "$work/$name-summary.json"
}

load() { load_run steady; }

pod_loss() {
  # Delete one api pod a few seconds into the run; the other replica (and the replacement) must keep the
  # SLO. The chart's dev values run one replica: this phase scales the api to two first.
  kn scale deployment -l app.kubernetes.io/component=api --replicas=2 >/dev/null || return 1
  kn rollout status deployment -l app.kubernetes.io/component=api --timeout=2m >&2 || return 1
  (
    sleep 5
    victim="$(kn get pods -l app.kubernetes.io/component=api -o jsonpath='{.items[0].metadata.name}')"
    log "deleting api pod $victim during the run"
    kn delete pod "$victim" --wait=false >/dev/null
  ) &
  local killer=$!
  load_run pod-loss
  local rc=$?
  wait "$killer"
  return $rc
}

# reference-app/.resilience/chaos-cluster.yaml through the api Service, with Kubernetes faults (a pod
# deleted, Redis scaled to zero), every one undone; signed results, verified, counted by chaos-readiness.
chaos_on_cluster() {
  local url result
  url="$(api_url)" || return 1
  rm -rf "$work/chaos-results"
  # From reference-app/, the directory its paths are relative to (as with its gates.yaml).
  (cd reference-app && API_URL="$url" E2E_NAMESPACE="$namespace" gates chaos run --chaos .resilience/chaos-cluster.yaml \
    --key "$work/keys/drill-signing-key.pem" --out "$work/chaos-results") || return 1
  for result in "$work"/chaos-results/*.json; do
    gates chaos verify "$result" --public-key "$work/keys/drill-public-key.pem" >&2 || return 1
  done
  # Nothing the experiments changed is left behind: the api back at two replicas, Redis at one.
  [ "$(kn get statefulset "$release-redis" -o jsonpath='{.spec.replicas}')" = 1 ] || { log "Redis was not scaled back"; return 1; }
  kn rollout status statefulset "$release-redis" --timeout=2m >&2 || return 1
  kn rollout status deployment -l app.kubernetes.io/component=api --timeout=2m >&2
}

rollback() {
  local args revision
  mapfile -t args < <(values_args)
  revision="$("$helm" history "$release" --namespace "$namespace" --max 1 -o json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].revision))')"
  log "a deliberately broken upgrade (an api image that does not exist), which must fail"
  if "$helm" upgrade "$release" charts/reference-app --namespace "$namespace" "${args[@]}" \
    --set api.image.tag=does-not-exist --wait --timeout 45s >/dev/null 2>&1; then
    log "the broken upgrade succeeded: it should not have"
    return 1
  fi
  "$helm" rollback "$release" "$revision" --namespace "$namespace" --wait --timeout 3m >&2 || return 1
  kn rollout status deployment -l app.kubernetes.io/component=api --timeout=2m >&2 || return 1
  bash -c "curl -fsS --max-time 5 $(api_url)/readyz" >/dev/null
}

cleanup() {
  if [ "${KEEP_CLUSTER:-0}" = 1 ]; then
    log "KEEP_CLUSTER=1: the cluster and the release stay up ($( [ "$mode" = local ] && bash scripts/cluster.sh env))"
    return
  fi
  if [ "$mode" = local ]; then
    bash scripts/cluster.sh down >/dev/null 2>&1 || log "cluster down failed: see .work/cluster/logs"
    rm -rf "$root/.work/cluster/volumes"
  else
    "$helm" uninstall "$release" --namespace "$namespace" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

total=$SECONDS
if [ "$mode" = local ]; then
  phase "tools" tools
  phase "images" images
  phase "cluster up" cluster_up
  phase "storage" storage
fi
phase "namespace + drill key" namespace_and_key
phase "helm install" install
phase "helm test" helm_test
phase "scheduled backups" scheduled_backups
phase "restore drill" restore_drill
phase "gates --cluster" gates_on_cluster
phase "live-mode tests" live_tests
phase "k6 + load-budget + slo" load
phase "pod loss under load" pod_loss
phase "chaos on the cluster" chaos_on_cluster
phase "broken upgrade + rollback" rollback

printf '\n%-28s %8s  %s\n' phase seconds result >&2
for i in "${!phases[@]}"; do printf '%-28s %8s  %s\n' "${phases[$i]}" "${seconds[$i]}" "${results[$i]}" >&2; done
printf '%-28s %8s  %s\n' total "$((SECONDS - total))" "$([ $failed -eq 0 ] && echo ok || echo failed)" >&2
exit $failed

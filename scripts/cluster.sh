#!/usr/bin/env bash
# A real single-node Kubernetes from the project's own pinned binaries (scripts/tool-versions.tsv, built
# into .tools/bin by scripts/bootstrap.sh): etcd, kube-apiserver, kube-controller-manager, kube-scheduler,
# containerd 2 with runc, kubelet, kube-proxy (iptables) and CoreDNS, with the CNI bridge, host-local,
# loopback and portmap plugins from Debian's containernetworking-plugins. Every file it writes is under
# .work/cluster/; the few host paths the stock binaries write whatever their flags (see `down`) are
# recorded at `up` and removed at `down`. Needs root.
#
#   scripts/cluster.sh up              start what is not running (a second `up` is a no-op), wait until Ready
#   scripts/cluster.sh down            stop what `up` started, by pid, and undo what it changed
#   scripts/cluster.sh status          what runs (exit 1 when something is down)
#   scripts/cluster.sh kubectl ARGS    kubectl against this cluster
#   scripts/cluster.sh env             `export KUBECONFIG=...` for eval
#   scripts/cluster.sh logs [NAME]     the last lines of each component's log
#
# Addresses: the node and the API server live on a bridge of their own (rg-br0, 10.244.0.1/24, the pod
# range); Services on 10.96.0.0/16 (API 10.96.0.1, DNS 10.96.0.10). Pods can reach each other, the node and
# Services, and nothing beyond the bridge: a FORWARD rule drops any packet from the bridge to another
# interface, and CoreDNS answers only cluster.local (it forwards nothing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${CLUSTER_DIR:-$root/.work/cluster}"
bin="$root/.tools/bin"
cni_bin="${CNI_BIN_DIR:-/usr/lib/cni}"
node="${CLUSTER_NODE_NAME:-rg-node}"
bridge=rg-br0
node_ip=10.244.0.1
pod_cidr=10.244.0.0/24
service_cidr=10.96.0.0/16
api_service_ip=10.96.0.1
dns_ip=10.96.0.10
etcd_port=12379
api_port=6443
ready_timeout="${CLUSTER_READY_TIMEOUT:-180}"

pki="$dir/pki"
run="$dir/run"
logs="$dir/logs"
state="$dir/host-state"
kubeconfig="$dir/admin.kubeconfig"

say() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }
k() { "$bin/kubectl" --kubeconfig "$kubeconfig" "$@"; }

components=(etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet kube-proxy)

# ---------------------------------------------------------------------------------------------------
# Preconditions: each names what is missing and how to get it (under CI a missing piece fails the run).

preflight() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (kubelet, containerd and the CNI plugins manage mounts, cgroups and network namespaces)"
  local name missing=()
  for name in etcd kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl containerd containerd-shim-runc-v2 ctr; do
    [ -x "$bin/$name" ] || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] || die "not built: ${missing[*]}. Run: bash scripts/bootstrap.sh ${missing[*]}"
  command -v runc >/dev/null || die "runc not found. Install it: apt-get install runc"
  command -v iptables >/dev/null && command -v iptables-save >/dev/null || die "iptables not found. Install it: apt-get install iptables"
  command -v openssl >/dev/null || die "openssl not found. Install it: apt-get install openssl"
  command -v ip >/dev/null || die "ip (iproute2) not found. Install it: apt-get install iproute2"
  for name in bridge host-local loopback portmap; do
    [ -x "$cni_bin/$name" ] || die "CNI plugin $cni_bin/$name not found. Install them: apt-get install containernetworking-plugins (or set CNI_BIN_DIR)"
  done
  grep -qw overlay /proc/filesystems || die "the kernel has no overlay filesystem (containerd's overlayfs snapshotter needs it)"
  [ -e /proc/sys/net/bridge/bridge-nf-call-iptables ] || die "the kernel lacks br_netfilter (/proc/sys/net/bridge missing): Services between pods on one bridge need it"
  [ -d /sys/fs/cgroup/memory ] || [ -f /sys/fs/cgroup/cgroup.controllers ] || die "no memory cgroup found under /sys/fs/cgroup"
}

# ---------------------------------------------------------------------------------------------------
# Processes

pid_of() { cat "$run/$1.pid" 2>/dev/null || true; }
running() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

start() { # start NAME COMMAND... : in the background, its own session, logged, pid recorded
  local name="$1"; shift
  if running "$name"; then return 0; fi
  say "starting $name"
  setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
}

stop() {
  local name="$1" pid i
  pid="$(pid_of "$name")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$run/$name.pid"
}

wait_for() { # wait_for WHAT SECONDS COMMAND...
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      say "$what not ready after ${seconds}s; last log lines:"
      local name
      for name in "${components[@]}"; do
        [ -f "$logs/$name.log" ] && { echo "--- $name" >&2; tail -n 8 "$logs/$name.log" >&2; }
      done
      die "$what not ready after ${seconds}s"
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------------
# Certificates and kubeconfigs (openssl, EC P-256, valid for 30 days; made once per cluster directory)

cert() { # cert NAME SUBJECT [SAN]: a client or server certificate signed by the cluster CA
  local name="$1" subject="$2" san="${3:-}"
  [ -f "$pki/$name.crt" ] && return 0
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$pki/$name.key" \
    -out "$pki/$name.csr" -subj "$subject" 2>/dev/null
  local ext="$pki/$name.ext"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth,serverAuth\n' >"$ext"
  [ -n "$san" ] && printf 'subjectAltName=%s\n' "$san" >>"$ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -out "$pki/$name.crt" -days 30 -extfile "$ext" 2>/dev/null
  rm -f "$pki/$name.csr" "$ext"
}

make_pki() {
  mkdir -p "$pki"
  chmod 700 "$pki"
  if [ ! -f "$pki/ca.crt" ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$pki/ca.key" \
      -out "$pki/ca.crt" -days 30 -subj "/CN=resilience-gates-cluster-ca" 2>/dev/null
  fi
  [ -f "$pki/sa.key" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$pki/sa.key" 2>/dev/null
  [ -f "$pki/sa.pub" ] || openssl ec -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  cert apiserver "/CN=kube-apiserver" \
    "IP:$node_ip,IP:$api_service_ip,IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  cert admin "/O=system:masters/CN=admin"
  cert controller-manager "/CN=system:kube-controller-manager"
  cert scheduler "/CN=system:kube-scheduler"
  cert kubelet "/O=system:nodes/CN=system:node:$node" "IP:$node_ip,DNS:$node"
  cert kube-proxy "/CN=system:kube-proxy"
  local user
  for user in admin controller-manager scheduler kubelet kube-proxy; do
    cat >"$dir/$user.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: local
    cluster:
      server: https://$node_ip:$api_port
      certificate-authority: $pki/ca.crt
users:
  - name: $user
    user:
      client-certificate: $pki/$user.crt
      client-key: $pki/$user.key
contexts:
  - name: local
    context: { cluster: local, user: $user }
current-context: local
EOF
  done
}

# ---------------------------------------------------------------------------------------------------
# Host state: what `up` changes outside .work/cluster, recorded once so that `down` can undo exactly it

sysctls=(net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables net.ipv4.conf.all.route_localnet)
host_paths=(/var/log/containers /var/log/pods /var/lib/kubelet /run/containerd /var/lib/cni /etc/cni /opt/cni)

record_host_state() {
  [ -f "$state/recorded" ] && return 0
  mkdir -p "$state"
  local key path
  for key in "${sysctls[@]}"; do sysctl -n "$key" >"$state/sysctl.$key" 2>/dev/null || true; done
  for path in "${host_paths[@]}"; do [ -e "$path" ] && echo "$path"; done >"$state/existing-paths"
  ip netns list 2>/dev/null | awk '{print $1}' >"$state/netns-before" || true
  iptables-save >"$state/iptables.rules" 2>/dev/null || true
  ip6tables-save >"$state/ip6tables.rules" 2>/dev/null || true
  touch "$state/recorded"
}

restore_iptables() { # restore_iptables iptables|ip6tables FILE
  local cmd="$1" saved="$2" table
  for table in filter nat mangle raw; do
    if grep -q "^\*$table$" "$saved" 2>/dev/null; then
      awk -v t="*$table" '$0 == t {on = 1} on {print} on && $0 == "COMMIT" {exit}' "$saved" | "$cmd-restore" 2>/dev/null || true
    else
      "$cmd" -t "$table" -F 2>/dev/null || true
      "$cmd" -t "$table" -X 2>/dev/null || true
    fi
  done
  for table in INPUT FORWARD OUTPUT; do
    grep -q "^\*filter$" "$saved" 2>/dev/null || "$cmd" -P "$table" ACCEPT 2>/dev/null || true
  done
}

# ---------------------------------------------------------------------------------------------------
# Network: the bridge, CNI configuration, the containment rule

setup_network() {
  local key
  for key in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables; do
    sysctl -qw "$key=1"
  done
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
  fi
  ip addr show dev "$bridge" | grep -q "inet $node_ip/" || ip addr add "$node_ip/24" dev "$bridge"
  ip link set "$bridge" up
  # Nothing from a pod leaves through another interface: pods reach pods, Services and the node only.
  iptables -N RG-CLUSTER-EGRESS 2>/dev/null || iptables -F RG-CLUSTER-EGRESS
  iptables -A RG-CLUSTER-EGRESS -i "$bridge" -o "$bridge" -j RETURN
  iptables -A RG-CLUSTER-EGRESS -i "$bridge" -j DROP
  iptables -C FORWARD -j RG-CLUSTER-EGRESS 2>/dev/null || iptables -I FORWARD 1 -j RG-CLUSTER-EGRESS
  mkdir -p "$dir/cni/net.d" "$dir/cni/ipam"
  cat >"$dir/cni/net.d/10-resilience-gates.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "resilience-gates",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$bridge",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$dir/cni/ipam",
        "ranges": [[{ "subnet": "$pod_cidr", "rangeStart": "10.244.0.10", "gateway": "$node_ip" }]],
        "routes": [{ "dst": "0.0.0.0/0" }]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
EOF
}

# ---------------------------------------------------------------------------------------------------
# Components

image_ref() { # image_ref NAME: the reference of an image scripts/images.sh built, or nothing
  bash "$root/scripts/images.sh" list 2>/dev/null | awk -v n="$1" '$1 == n {print $2; exit}'
}

write_containerd_config() {
  local pause
  pause="$(image_ref pause)"
  [ -n "$pause" ] || pause="resilience-gates.local/pause:missing"
  mkdir -p "$dir/containerd"
  cat >"$dir/containerd/config.toml" <<EOF
version = 3
root = "$dir/containerd/root"
state = "$dir/containerd/state"

[grpc]
  address = "$dir/containerd/containerd.sock"

[ttrpc]
  address = "$dir/containerd/containerd.sock.ttrpc"

[debug]
  address = "$dir/containerd/debug.sock"

[plugins.'io.containerd.cri.v1.images']
  snapshotter = "overlayfs"
  # Images are imported by scripts/images.sh, never pulled.
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    sandbox = "$pause"

[plugins.'io.containerd.cri.v1.runtime']
  # The VM does not grant CAP_SYS_RESOURCE: containers keep the OOM score adjustment they inherit.
  restrict_oom_score_adj = true
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = ["$cni_bin"]
    conf_dir = "$dir/cni/net.d"
  [plugins.'io.containerd.cri.v1.runtime'.containerd]
    default_runtime_name = "runc"
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
        BinaryName = "$(command -v runc)"
        SystemdCgroup = false
EOF
}

write_kubelet_config() {
  mkdir -p "$dir/kubelet" "$dir/pod-logs"
  printf 'nameserver %s\n' "$dns_ip" >"$dir/resolv.conf"
  cat >"$dir/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $node_ip
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: { enabled: false }
  webhook: { enabled: true }
  x509: { clientCAFile: $pki/ca.crt }
authorization: { mode: Webhook }
tlsCertFile: $pki/kubelet.crt
tlsPrivateKeyFile: $pki/kubelet.key
containerRuntimeEndpoint: unix://$dir/containerd/containerd.sock
cgroupDriver: cgroupfs
# This VM mounts cgroup v1 hierarchies (with a cgroup2 mount beside them); kubelet >= 1.35 refuses v1
# unless told otherwise.
failCgroupV1: false
# No CAP_SYS_RESOURCE here: an OOM score adjustment fails, so the kubelet keeps its own.
oomScoreAdj: 0
clusterDomain: cluster.local
clusterDNS: [$dns_ip]
resolvConf: $dir/resolv.conf
podLogsDir: $dir/pod-logs
failSwapOn: false
# The images are imported locally and cannot be pulled again: never garbage-collect them, and never
# evict pods for a disk that other work on this machine fills.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: { memory.available: "100Mi", nodefs.available: "0%", imagefs.available: "0%", nodefs.inodesFree: "0%" }
serializeImagePulls: false
maxPods: 60
EOF
}

write_kube_proxy_config() {
  mkdir -p "$dir/kube-proxy"
  cat >"$dir/kube-proxy/config.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clientConnection: { kubeconfig: $dir/kube-proxy.kubeconfig }
hostnameOverride: $node
clusterCIDR: $pod_cidr
bindAddress: $node_ip
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
# No CAP_SYS_RESOURCE here.
oomScoreAdj: 0
# Leave the host's conntrack table size alone.
conntrack: { maxPerCore: 0 }
nodePortAddresses: ["$node_ip/32"]
EOF
}

api_ready() { "$bin/kubectl" --kubeconfig "$kubeconfig" --request-timeout=5s get --raw /readyz; }
node_ready() {
  [ "$(k get node "$node" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" = True ]
}

start_control_plane() {
  mkdir -p "$dir/etcd"
  start etcd "$bin/etcd" --name "$node" --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-cluster "$node=http://127.0.0.1:$((etcd_port + 1))" --listen-metrics-urls "" \
    --quota-backend-bytes 1073741824 --log-level warn
  start kube-apiserver "$bin/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address "$node_ip" --advertise-address "$node_ip" --secure-port "$api_port" \
    --service-cluster-ip-range "$service_cidr" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --kubelet-client-certificate "$pki/apiserver-kubelet-client.crt" --kubelet-client-key "$pki/apiserver-kubelet-client.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --authorization-mode Node,RBAC --kubelet-preferred-address-types InternalIP \
    --enable-admission-plugins NodeRestriction,PodSecurity \
    --allow-privileged=true --profiling=false --v=1
  wait_for "kube-apiserver" 90 api_ready
  start kube-controller-manager "$bin/kube-controller-manager" \
    --kubeconfig "$dir/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$dir/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$dir/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --leader-elect=false --use-service-account-credentials \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --service-cluster-ip-range "$service_cidr" --profiling=false --v=1
  start kube-scheduler "$bin/kube-scheduler" \
    --kubeconfig "$dir/scheduler.kubeconfig" \
    --authentication-kubeconfig "$dir/scheduler.kubeconfig" \
    --authorization-kubeconfig "$dir/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --leader-elect=false --profiling=false --v=1
}

start_node() {
  write_containerd_config
  write_kubelet_config
  write_kube_proxy_config
  PATH="$bin:$PATH" start containerd "$bin/containerd" --config "$dir/containerd/config.toml"
  wait_for "containerd" 60 "$bin/ctr" --address "$dir/containerd/containerd.sock" version
  if [ -n "$(image_ref pause)" ]; then
    "$root/scripts/images.sh" import --address "$dir/containerd/containerd.sock" >&2
  else
    say "no images built yet (scripts/images.sh build): pods cannot start until they are imported"
  fi
  start kubelet "$bin/kubelet" --config "$dir/kubelet/config.yaml" --kubeconfig "$dir/kubelet.kubeconfig" \
    --root-dir "$dir/kubelet" --cert-dir "$dir/kubelet/pki" --hostname-override "$node" --node-ip "$node_ip" --v=1
  start kube-proxy "$bin/kube-proxy" --config "$dir/kube-proxy/config.yaml" --v=1
  wait_for "node $node" "$ready_timeout" node_ready
}

install_addons() {
  local coredns
  coredns="$(image_ref coredns)"
  if [ -z "$coredns" ]; then
    say "no CoreDNS image built yet (scripts/images.sh build): cluster DNS is not installed"
    return 0
  fi
  sed -e "s|@COREDNS_IMAGE@|$coredns|g" -e "s|@DNS_IP@|$dns_ip|g" "$root/scripts/cluster/coredns.yaml" | k apply -f - >&2
  k -n kube-system rollout status deployment/coredns --timeout=120s >&2
}

up() {
  preflight
  mkdir -p "$dir" "$run" "$logs"
  if all_running && node_ready; then
    say "already up (node $node Ready); KUBECONFIG=$kubeconfig"
    return 0
  fi
  local started=$SECONDS
  record_host_state
  make_pki
  setup_network
  start_control_plane
  start_node
  install_addons
  say "up in $((SECONDS - started))s: node $node Ready; export KUBECONFIG=$kubeconfig"
}

all_running() {
  local name
  for name in "${components[@]}"; do running "$name" || return 1; done
}

# ---------------------------------------------------------------------------------------------------
# down: stop by pid, in the order that lets each part clean up after the one above it

remove_pods() {
  # Controllers first, so nothing recreates what goes next; then every pod, which the kubelet tears down
  # through CRI (CNI DEL releases each pod's address and veth).
  stop kube-controller-manager
  stop kube-scheduler
  if running kube-apiserver && running kubelet; then
    k delete pods --all --all-namespaces --grace-period=0 --force --wait=false >/dev/null 2>&1 || true
    local i
    for i in $(seq 1 60); do
      [ -z "$("$bin/ctr" --address "$dir/containerd/containerd.sock" -n k8s.io tasks list -q 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
}

remove_containers() {
  local sock="$dir/containerd/containerd.sock" id
  [ -S "$sock" ] && running containerd || return 0
  for id in $("$bin/ctr" --address "$sock" -n k8s.io tasks list -q 2>/dev/null); do
    "$bin/ctr" --address "$sock" -n k8s.io tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
  done
  sleep 0.5
  for id in $("$bin/ctr" --address "$sock" -n k8s.io tasks list -q 2>/dev/null); do
    "$bin/ctr" --address "$sock" -n k8s.io tasks delete -f "$id" >/dev/null 2>&1 || true
  done
  for id in $("$bin/ctr" --address "$sock" -n k8s.io containers list -q 2>/dev/null); do
    "$bin/ctr" --address "$sock" -n k8s.io containers delete "$id" >/dev/null 2>&1 || true
  done
}

unmount_under() { # every mount point below DIR, deepest first
  local target
  awk -v d="$1/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r target; do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
  done
}

remove_cgroups() { # the kubepods hierarchy the kubelet made in each cgroup v1 controller, leaves first
  local hierarchy
  for hierarchy in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods /sys/fs/cgroup/*/kubepods.slice; do
    [ -d "$hierarchy" ] || continue
    find "$hierarchy" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

down() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  remove_pods
  stop kubelet
  remove_containers
  stop containerd
  # The shims of any container left outlive containerd; their processes hold our mounts.
  pkill -f "containerd-shim-runc-v2 -namespace k8s.io -address $dir/containerd/containerd.sock" 2>/dev/null || true
  if [ -x "$bin/kube-proxy" ] && running kube-proxy; then stop kube-proxy; fi
  "$bin/kube-proxy" --cleanup --config "$dir/kube-proxy/config.yaml" >/dev/null 2>&1 || true
  stop kube-apiserver
  stop etcd
  unmount_under "$dir"
  remove_cgroups
  # Network namespaces the pods had, the bridge and its veths, our iptables rules, the sysctls.
  if [ -f "$state/netns-before" ]; then
    local ns
    for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do
      grep -qx "$ns" "$state/netns-before" || ip netns delete "$ns" 2>/dev/null || true
    done
  fi
  local link
  for link in $(ip -o link show master "$bridge" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
    ip link delete "$link" 2>/dev/null || true
  done
  ip link delete "$bridge" 2>/dev/null || true
  if [ -f "$state/recorded" ]; then
    restore_iptables iptables "$state/iptables.rules"
    restore_iptables ip6tables "$state/ip6tables.rules"
    local key value
    for key in "${sysctls[@]}"; do
      value="$(cat "$state/sysctl.$key" 2>/dev/null || true)"
      [ -n "$value" ] && sysctl -qw "$key=$value" 2>/dev/null || true
    done
    # Host paths the stock binaries write whatever their flags: removed when `up` found them absent.
    local path
    for path in "${host_paths[@]}"; do
      grep -qx "$path" "$state/existing-paths" || rm -rf "$path"
    done
    rm -f /var/lib/cni/results/resilience-gates-* 2>/dev/null || true
    rm -rf "$state"
  fi
  # Runtime state goes; certificates, the etcd data of a stopped cluster and logs stay for a look, and
  # are replaced by the next `up`.
  rm -rf "$dir/containerd/state" "$dir/kubelet" "$dir/cni/ipam" "$dir/etcd" "$run"
  say "down"
}

status() {
  local name rc=0 pid
  for name in "${components[@]}"; do
    pid="$(pid_of "$name")"
    if running "$name"; then printf '%-24s running (pid %s)\n' "$name" "$pid"; else printf '%-24s stopped\n' "$name"; rc=1; fi
  done
  if [ $rc -eq 0 ]; then
    if node_ready; then printf '%-24s Ready\n' "node $node"; else printf '%-24s not Ready\n' "node $node"; rc=1; fi
  fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kubectl) shift; k "$@" ;;
  env) printf 'export KUBECONFIG=%q\n' "$kubeconfig" ;;
  logs)
    shift
    [ $# -gt 0 ] || set -- "${components[@]}"
    for name in "$@"; do
      [ -f "$logs/$name.log" ] && { echo "--- $name"; tail -n 30 "$logs/$name.log"; }
    done ;;
  *) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

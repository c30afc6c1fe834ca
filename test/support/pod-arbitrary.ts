// Pod specs and pod templates for the differential tests against k8s.io/pod-security-admission: every
// field a Pod Security check reads, with valid and odd values, YAML 1.1 spellings (yes/on/y, 0x and 0
// octal integers, ~ nulls), anchors and `<<` merge keys, in Pods, Deployments, Jobs and CronJobs.
import fc from "fast-check";

/** A scalar written exactly as given. */
export class Raw {
  constructor(readonly text: string) {}
}

/** A mapping that carries an anchor (`&name`). */
export class Anchored {
  constructor(
    readonly name: string,
    readonly value: { [key: string]: Tree },
  ) {}
}

export type Tree = Raw | Anchored | Tree[] | { [key: string]: Tree };

/** At most `max` of a record's keys, so that a case differs from a hardened pod in a few places. */
function sparse<T extends object>(record: fc.Arbitrary<T>, max: number): fc.Arbitrary<Partial<T>> {
  return fc.tuple(record, fc.nat(max)).map(([value, count]) => Object.fromEntries(Object.entries(value).slice(0, count)) as Partial<T>);
}

const spell = (texts: readonly string[]) => fc.constantFrom(...texts).map((text) => new Raw(text));
const TRUE = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"];
const FALSE = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"];
const NULL = ["null", "~", "Null", "NULL"];

const bool = fc.oneof({ weight: 10, arbitrary: spell([...TRUE, ...FALSE]) }, { weight: 1, arbitrary: spell([...NULL, '"true"', "'no'"]) });
const uid = fc.oneof({ weight: 3, arbitrary: spell(["0", "00", "0x0", "+0", "-0"]) }, { weight: 3, arbitrary: spell(["1000", "01750", "0x3E8", "65534", "-1", "1e3"]) }, { weight: 1, arbitrary: spell(NULL) });
const word = (words: readonly string[]) => spell(words.map((w) => (w === "" ? '""' : w)));

const seccomp = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: word(["RuntimeDefault", "Localhost", "Unconfined", "runtimedefault", ""]) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constant(new Raw("null")) },
);
const apparmor = fc.record({ type: word(["RuntimeDefault", "Localhost", "Unconfined", "unconfined"]) }, { requiredKeys: ["type"] });
const selinux = fc.record(
  {
    type: word(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t", "spc_t"]),
    user: word(["", "system_u"]),
    role: word(["", "system_r"]),
    level: word(["s0:c1,c2"]),
  },
  { requiredKeys: [] },
);
const windowsOptions = fc.record({ hostProcess: bool }, { requiredKeys: [] });

const SYSCTLS = [
  "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat", "kernel.msgmax", "net.core.somaxconn",
];

const podSecurityContextFields = fc.record(
  {
    runAsNonRoot: bool,
    runAsUser: uid,
    seccompProfile: seccomp,
    seLinuxOptions: selinux,
    appArmorProfile: apparmor,
    windowsOptions,
    sysctls: fc.array(fc.record({ name: word(SYSCTLS), value: word(['"1"']) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const containerSecurityContextFields = fc.record(
  {
    privileged: bool,
    allowPrivilegeEscalation: bool,
    runAsNonRoot: bool,
    runAsUser: uid,
    procMount: word(["Default", "Unmasked", "default"]),
    capabilities: fc.record(
      {
        drop: fc.array(word(["ALL", "all", "NET_RAW"]), { maxLength: 2 }),
        add: fc.array(word(["NET_BIND_SERVICE", "SYS_ADMIN", "CHOWN", "net_bind_service", "CAP_NET_BIND_SERVICE", "NET_RAW"]), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    seccompProfile: seccomp,
    seLinuxOptions: selinux,
    appArmorProfile: apparmor,
    windowsOptions,
  },
  { requiredKeys: [] },
);

const HARDENED_POD = { runAsNonRoot: new Raw("true"), seccompProfile: { type: new Raw("RuntimeDefault") } };
const HARDENED_CONTAINER = { allowPrivilegeEscalation: new Raw("false"), capabilities: { drop: [new Raw("ALL")] } };

/** Hardened, hardened with a few fields changed, or anything. */
const podSecurityContext = fc.oneof(
  { weight: 3, arbitrary: fc.constant(HARDENED_POD) },
  { weight: 4, arbitrary: sparse(podSecurityContextFields, 2).map((fields) => ({ ...HARDENED_POD, ...fields })) },
  { weight: 2, arbitrary: sparse(podSecurityContextFields, 7) },
);
const containerSecurityContext = fc.oneof(
  { weight: 3, arbitrary: fc.constant(HARDENED_CONTAINER) },
  { weight: 4, arbitrary: sparse(containerSecurityContextFields, 2).map((fields) => ({ ...HARDENED_CONTAINER, ...fields })) },
  { weight: 2, arbitrary: sparse(containerSecurityContextFields, 10) },
);

const handler = fc.oneof(
  fc.record({ httpGet: fc.record({ port: spell(["8080"]), host: word(["", "127.0.0.1", "localhost"]) }, { requiredKeys: ["port"] }) }),
  fc.record({ tcpSocket: fc.record({ port: spell(["8080"]), host: word(["", "10.0.0.1"]) }, { requiredKeys: ["port"] }) }),
  fc.record({ exec: fc.constant({ command: [new Raw("/bin/true")] }) }),
);

/** A container without its name; the pod gives each a unique one. */
const containerFields = fc.record(
  {
    securityContext: fc.oneof({ weight: 8, arbitrary: containerSecurityContext }, { weight: 1, arbitrary: fc.constant(new Raw("null")) }),
    merge: fc.boolean(),
    ports: fc.array(fc.record({ containerPort: spell(["80", "8080"]), hostPort: spell(["0", "8080", "0x1F90", "00"]) }, { requiredKeys: ["containerPort"] }), { maxLength: 2 }),
    livenessProbe: handler,
    readinessProbe: handler,
    startupProbe: handler,
    lifecycle: fc.record({ postStart: handler, preStop: handler }, { requiredKeys: [] }),
  },
  { requiredKeys: ["merge"] },
);
const container = fc.tuple(containerFields, fc.nat(3)).map(([fields, extra]) => {
  const { merge, securityContext, ...rest } = fields;
  return { merge, ...(securityContext !== undefined ? { securityContext } : {}), ...Object.fromEntries(Object.entries(rest).slice(0, extra)) };
});

const VOLUMES: readonly Record<string, Tree>[] = [
  { emptyDir: {} },
  { configMap: { name: new Raw("cm") } },
  { secret: { secretName: new Raw("s") } },
  { hostPath: { path: new Raw("/var/run") } },
  { nfs: { server: new Raw("nfs.example"), path: new Raw("/x") } },
  { persistentVolumeClaim: { claimName: new Raw("data") } },
  { projected: { sources: [] } },
  { downwardAPI: { items: [] } },
  { csi: { driver: new Raw("csi.example") } },
  { ephemeral: { volumeClaimTemplate: { spec: {} } } },
  { gitRepo: { repository: new Raw("https://git.example/r") } },
  { image: { reference: new Raw("registry.example/data:1") } },
  { hostPath: new Raw("null") },
  {},
];

/** Absent four times in five. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const podCase = fc.record({
  kind: fc.constantFrom("Pod", "Deployment", "Job", "CronJob"),
  hostNetwork: rarely(bool),
  hostPID: rarely(bool),
  hostIPC: rarely(bool),
  hostUsers: rarely(bool),
  os: fc.option(word(["linux", "windows", "Windows"]), { nil: undefined, freq: 2 }),
  securityContext: fc.option(podSecurityContext, { nil: undefined, freq: 6 }),
  anchorPod: fc.boolean(),
  apparmorAnnotations: rarely(fc.array(fc.record({ container: fc.nat(5), value: word(["runtime/default", "localhost/p", "unconfined", ""]) }), { maxLength: 2 })).map((list) => list ?? []),
  volumes: fc.array(fc.constantFrom(...VOLUMES.keys()), { maxLength: 2 }),
  initContainers: fc.array(container, { maxLength: 2 }),
  containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  ephemeralContainers: fc.array(container, { maxLength: 1 }),
});

export type PodCase = typeof podCase extends fc.Arbitrary<infer T> ? T : never;

/** Where each kind keeps its pod template. */
export const TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};

const API_VERSIONS: Record<string, string> = { Pod: "v1", Deployment: "apps/v1", Job: "batch/v1", CronJob: "batch/v1" };

/** The case as a Kubernetes object tree: containers named c0, c1, ... across the three lists. */
export function caseTree(sample: PodCase, name: string): Tree {
  let next = 0;
  const anchors: string[] = [];
  const spec: Record<string, Tree> = {};
  for (const field of ["hostNetwork", "hostPID", "hostIPC", "hostUsers"] as const) {
    const value = sample[field];
    if (value) spec[field] = value;
  }
  if (sample.os) spec.os = { name: sample.os };
  if (sample.securityContext) {
    spec.securityContext = sample.anchorPod ? new Anchored("pod", sample.securityContext as Record<string, Tree>) : (sample.securityContext as Record<string, Tree>);
    if (sample.anchorPod) anchors.push("pod");
  }
  if (sample.volumes.length > 0) spec.volumes = sample.volumes.map((index, i) => ({ name: new Raw(`v${i}`), ...VOLUMES[index] }));
  const names: string[] = [];
  const list = (entries: PodCase["containers"]): Tree[] =>
    entries.map((entry) => {
      const containerName = `c${next++}`;
      names.push(containerName);
      const { merge, securityContext, ...rest } = entry;
      const tree: Record<string, Tree> = { name: new Raw(containerName), image: new Raw("registry.example/app:1") };
      if (securityContext !== undefined) {
        const fields = securityContext as Tree;
        const previous = anchors.at(-1);
        if (merge && previous && !(fields instanceof Raw)) tree.securityContext = { "<<": new Raw(`*${previous}`), ...(fields as Record<string, Tree>) };
        else if (merge && !(fields instanceof Raw)) {
          tree.securityContext = new Anchored(containerName, fields as Record<string, Tree>);
          anchors.push(containerName);
        } else tree.securityContext = fields;
      }
      return Object.assign(tree, rest as Record<string, Tree>);
    });
  const init = list(sample.initContainers);
  const main = list(sample.containers);
  const ephemeral = list(sample.ephemeralContainers);
  if (init.length) spec.initContainers = init;
  spec.containers = main;
  if (ephemeral.length) spec.ephemeralContainers = ephemeral;
  const annotations: Record<string, Tree> = {};
  for (const { container: index, value } of sample.apparmorAnnotations) {
    annotations[`container.apparmor.security.beta.kubernetes.io/${names[index % names.length] ?? "c0"}`] = value;
  }
  const metadata: Record<string, Tree> = { name: new Raw(name), ...(Object.keys(annotations).length ? { annotations } : {}) };
  const template: Record<string, Tree> = sample.kind === "Pod" ? {} : { metadata: { ...(Object.keys(annotations).length ? { annotations } : { labels: { app: new Raw("x") } }) }, spec };
  switch (sample.kind) {
    case "Pod":
      return { apiVersion: new Raw("v1"), kind: new Raw("Pod"), metadata, spec };
    case "CronJob":
      return { apiVersion: new Raw(API_VERSIONS.CronJob ?? ""), kind: new Raw("CronJob"), metadata: { name: new Raw(name) }, spec: { schedule: new Raw('"0 * * * *"'), jobTemplate: { spec: { template } } } };
    default:
      return { apiVersion: new Raw(API_VERSIONS[sample.kind] ?? ""), kind: new Raw(sample.kind), metadata: { name: new Raw(name) }, spec: { template } };
  }
}

/** Renders a tree as block YAML. */
export function renderTree(tree: Tree): string {
  const lines: string[] = [];
  const emit = (value: Tree, indent: number, prefix: string): void => {
    const pad = " ".repeat(indent);
    if (value instanceof Raw) throw new Error("a scalar has no block form");
    const anchor = value instanceof Anchored ? value.name : undefined;
    const body = value instanceof Anchored ? value.value : value;
    if (Array.isArray(body)) {
      for (const item of body) {
        if (item instanceof Raw) lines.push(`${pad}- ${item.text}`);
        else if (isEmpty(item)) lines.push(`${pad}- ${inline(item)}`);
        else {
          const start = lines.length;
          emit(item, indent + 2, "");
          const first = lines[start] ?? "";
          lines[start] = `${pad}- ${first.slice(indent + 2)}`;
        }
      }
      return;
    }
    void prefix;
    void anchor;
    for (const [key, child] of Object.entries(body)) {
      if (child instanceof Raw) lines.push(`${pad}${key}: ${child.text}`);
      else if (isEmpty(child)) lines.push(`${pad}${key}:${child instanceof Anchored ? ` &${child.name}` : ""} ${inline(child)}`);
      else {
        lines.push(`${pad}${key}:${child instanceof Anchored ? ` &${child.name}` : ""}`);
        emit(child, Array.isArray(child) ? indent : indent + 2, "");
      }
    }
  };
  emit(tree, 0, "");
  return `${lines.join("\n")}\n`;
}

function isEmpty(value: Tree): boolean {
  const body = value instanceof Anchored ? value.value : value;
  return Array.isArray(body) ? body.length === 0 : !(body instanceof Raw) && Object.keys(body).length === 0;
}

function inline(value: Tree): string {
  const body = value instanceof Anchored ? value.value : value;
  return Array.isArray(body) ? "[]" : "{}";
}

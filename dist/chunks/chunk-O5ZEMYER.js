import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  readSignedFile,
  signProof
} from "./chunk-XWMP5C5J.js";
import {
  formatMs,
  formatPercent,
  readSlos
} from "./chunk-VF2QWSIO.js";
import {
  loadKubeConfig
} from "./chunk-3ONCGH4O.js";
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  readValidatedDocument
} from "./chunk-2WGWLA3Q.js";
import {
  isRecord,
  readYamlFile
} from "./chunk-CWLLBQX2.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  displayPath,
  resolveInside
} from "./chunk-HDD5QP5V.js";
import {
  parseCatalogDuration,
  parseGoDuration
} from "./chunk-WWQ44ZA7.js";
import {
  CollectorError,
  ConfigurationError
} from "./chunk-2GHCG2EG.js";

// src/chaos/experiments.ts
import { existsSync as existsSync2 } from "node:fs";

// src/sources/catalog.ts
import { existsSync } from "node:fs";
var DEFAULT_CATALOG = ".resilience/catalog.yaml";
var TIER_DEFAULTS = {
  0: { rpo: 5 * 60, rto: 15 * 60, drillEvery: 90 * 86400 },
  1: { rpo: 30 * 60, rto: 60 * 60, drillEvery: 90 * 86400 },
  2: { rpo: 4 * 3600, rto: 8 * 3600, drillEvery: 30 * 86400 },
  3: { rpo: 24 * 3600, rto: 24 * 3600, drillEvery: 182 * 86400 }
};
function loadCatalog(workspace, path) {
  const given = path ?? DEFAULT_CATALOG;
  const file = resolveInside(workspace, given, "catalog");
  const shown = displayPath(workspace, file);
  if (!existsSync(file)) {
    throw new ConfigurationError(
      `catalog ${given} does not exist; write one (services with owner and tier, and their stores) or point --catalog at it`
    );
  }
  const documents = readYamlFile(workspace, file, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  if (documents.length !== 1) throw new ConfigurationError(`expected one YAML document in the catalog, found ${documents.length}`, { file: shown, line: 1 });
  const document = documents[0];
  const at = (path2) => {
    const position = document.locate(path2);
    return { file: shown, line: position.line, column: position.column };
  };
  if (!isRecord(document.value)) throw new ConfigurationError("the catalog must be a mapping with a `services:` list", at([]));
  const problems = validate("catalog", document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new ConfigurationError(`catalog: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
  }
  const services = document.value.services;
  const stores = [];
  const byName = /* @__PURE__ */ new Map();
  services.forEach((service, s) => {
    (service.stores ?? []).forEach((raw, i) => {
      const base = ["services", s, "stores", i];
      const previous = byName.get(raw.name);
      if (previous) {
        throw new ConfigurationError(
          `store name ${raw.name} is used twice (also at line ${previous.location.line}); store names must be unique across the catalog`,
          at([...base, "name"])
        );
      }
      const tier = raw.tier ?? service.tier;
      const defaults = TIER_DEFAULTS[tier];
      const overrides = [];
      const seconds2 = (key) => {
        const text = raw[key];
        if (text === void 0) return defaults[key];
        const value = parseCatalogDuration(text);
        if (value === void 0 || value <= 0) throw new ConfigurationError(`${key} ${text} is not a positive duration like 15m, 4h or 90d`, at([...base, key]));
        overrides.push(key);
        return value;
      };
      const store = {
        name: raw.name,
        service: service.name,
        owner: raw.owner ?? service.owner,
        engine: raw.engine,
        tier,
        rpo: seconds2("rpo"),
        rto: seconds2("rto"),
        drillEvery: seconds2("drillEvery"),
        overrides,
        backups: raw.backups ?? [],
        workloads: raw.workloads ?? [],
        location: at([...base, "name"]),
        locate: (path2) => at([...base, ...path2])
      };
      stores.push(store);
      byName.set(store.name, store);
    });
  });
  const serviceList = services.map((service, s) => ({
    name: service.name,
    owner: service.owner,
    tier: service.tier,
    dependencies: service.dependencies ?? [],
    ...service.onCall !== void 0 ? { onCall: service.onCall } : {},
    ...service.escalation !== void 0 ? { escalation: service.escalation } : {},
    ...service.dri !== void 0 ? { dri: service.dri } : {},
    runbooks: service.runbooks ?? [],
    workloads: service.workloads ?? [],
    location: at(["services", s, "name"]),
    locate: (path2) => at(["services", s, ...path2])
  }));
  return { file: shown, services: serviceList, stores, byName };
}
function storeFacts(store, id) {
  return {
    id,
    name: store.name,
    service: store.service,
    owner: store.owner,
    engine: store.engine,
    tier: store.tier,
    rpo_seconds: store.rpo,
    rto_seconds: store.rto,
    drill_every_seconds: store.drillEvery,
    overrides: [...store.overrides].sort()
  };
}

// src/chaos/experiments.ts
var DEFAULT_CHAOS_FILE = ".resilience/chaos.yaml";
var LOCAL_FAULTS = ["stop-process", "pause-process", "kill-process", "fault-switch"];
var VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
function expandEnvironment(value, env, at, path = []) {
  if (typeof value === "string") {
    return value.replace(VARIABLE, (_match, name, fallback) => {
      const found = env[name];
      if (found !== void 0 && found !== "") return found;
      if (fallback !== void 0) return fallback;
      throw new ConfigurationError(`\${${name}} is not set and has no default; set ${name} or write \${${name}:-default}`, at(path));
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandEnvironment(item, env, at, [...path, index]));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandEnvironment(item, env, at, [...path, key])]));
  return value;
}
function seconds(text, fallback, where) {
  const chosen = text ?? fallback;
  const value = parseGoDuration(chosen);
  if (value === void 0 || value <= 0) throw new ConfigurationError(`${chosen} is not a positive duration like 10s or 1m`, where);
  return { value, text: chosen };
}
function loadChaosConfig(workspace, path, env = process.env) {
  const given = path ?? DEFAULT_CHAOS_FILE;
  const absolute = resolveInside(workspace, given, "chaos file");
  const shown = displayPath(workspace, absolute);
  if (!existsSync2(absolute)) throw new ConfigurationError(`chaos file ${given} does not exist; write one (see docs/chaos.md) or point --chaos at it`);
  const document = readValidatedDocument(workspace, absolute, shown, "chaos");
  const at = (segments) => ({ file: shown, ...document.locate(segments) });
  const raw = expandEnvironment(document.value, env, at);
  const catalog = loadCatalog(workspace, raw.catalog);
  const slos = readSlos(workspace, raw.slos, raw.load.tag ?? "endpoint");
  const before = seconds(raw.phases?.before, "5s", at(["phases", "before"]));
  const during = seconds(raw.phases?.during, "10s", at(["phases", "during"]));
  const after = seconds(raw.phases?.after, "5s", at(["phases", "after"]));
  const local = { processes: raw.local?.processes ?? {}, switches: raw.local?.switches ?? {} };
  const blastRadius = {
    processes: raw.blastRadius?.processes ?? [],
    namespaces: raw.blastRadius?.namespaces ?? [],
    maxPods: raw.blastRadius?.maxPods ?? 1,
    maxPercent: raw.blastRadius?.maxPercent ?? 50
  };
  const services = new Map(catalog.services.map((service) => [service.name, service]));
  const sloNames = new Set(slos.slos.map((slo) => slo.name));
  const names = /* @__PURE__ */ new Map();
  const experiments = raw.experiments.map((experiment, index) => {
    const base = ["experiments", index];
    const where = (segments) => at([...base, ...segments]);
    const previous = names.get(experiment.name);
    if (previous !== void 0) throw new ConfigurationError(`experiment ${experiment.name} is defined twice (also at line ${previous}); names must be unique`, where(["name"]));
    names.set(experiment.name, where(["name"]).line);
    const service = services.get(experiment.service);
    if (!service) throw new ConfigurationError(`service ${experiment.service} is not in the catalog ${catalog.file} (it has ${[...services.keys()].join(", ") || "none"})`, where(["service"]));
    if (experiment.dependency !== void 0 && !service.dependencies.includes(experiment.dependency)) {
      throw new ConfigurationError(
        `${experiment.dependency} is not a declared dependency of ${service.name} (${catalog.file} line ${service.location.line} lists ${service.dependencies.join(", ") || "none"}); add it to the service's dependencies: or fix the name`,
        where(["dependency"])
      );
    }
    if (experiment.dependency === void 0 === (experiment.podLoss !== true)) {
      throw new ConfigurationError(`experiment ${experiment.name} needs exactly one of \`dependency: NAME\` (the fault hits a dependency) and \`podLoss: true\` (it kills a replica of ${service.name})`, where([]));
    }
    const { fault } = experiment;
    const localFault = LOCAL_FAULTS.includes(fault.kind);
    if (localFault !== (experiment.target === "local")) {
      throw new ConfigurationError(`fault ${fault.kind} is a ${localFault ? "local" : "Kubernetes"} fault; this experiment's target is ${experiment.target}`, where(["fault", "kind"]));
    }
    if (fault.process !== void 0 && !local.processes[fault.process]) {
      throw new ConfigurationError(`process ${fault.process} is not under local.processes (it has ${Object.keys(local.processes).join(", ") || "none"})`, where(["fault", "process"]));
    }
    if (fault.switch !== void 0 && !local.switches[fault.switch]) {
      throw new ConfigurationError(`fault switch ${fault.switch} is not under local.switches (it has ${Object.keys(local.switches).join(", ") || "none"})`, where(["fault", "switch"]));
    }
    (experiment.steadyState?.slos ?? []).forEach((name, slo) => {
      if (!sloNames.has(name)) throw new ConfigurationError(`SLO ${name} is not in ${slos.file}`, where(["steadyState", "slos", slo]));
    });
    (experiment.expect ?? []).forEach((expectation, e) => {
      const kinds = ["endpoint", "metric", "prometheus", "recoveryWithin"].filter((key) => expectation[key] !== void 0);
      if (kinds.length !== 1) throw new ConfigurationError(`expectation "${expectation.description}" needs exactly one of endpoint, metric, prometheus, recoveryWithin (has ${kinds.join(", ") || "none"})`, where(["expect", e]));
    });
    return { ...experiment, location: where(["name"]), locate: where };
  });
  return {
    file: shown,
    workspace,
    load: raw.load,
    phases: { before: before.value, during: during.value, after: after.value },
    phaseText: { before: before.text, during: during.text, after: after.text },
    recovery: { probes: raw.recovery?.probes ?? [], timeoutSeconds: seconds(raw.recovery?.timeout, "60s", at(["recovery", "timeout"])).value },
    versions: raw.versions ?? {},
    blastRadius,
    local,
    kubernetes: raw.kubernetes ?? {},
    catalog,
    slos,
    experiments
  };
}

// src/chaos/publish.ts
var CHAOS_RESULT_LABEL = "resilience-gates.io/chaos-result";
var CHAOS_RESULT_KEY = "result.json";
var CHAOS_RESULT_CONFIGMAP = { label: CHAOS_RESULT_LABEL, dataKey: CHAOS_RESULT_KEY, field: "experiment", namePrefix: "chaos-result-", noun: "chaos result" };

// src/chaos/result.ts
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
var RESULT_TYPE = "https://resilience-gates.dev/chaos-result/v1";
var CHAOS_RESULT = { schema: "chaos-result", noun: "chaos result" };
function sliText(record) {
  const value = record.quantileSeconds !== null ? formatMs(record.quantileSeconds * 1e3) : record.ratio !== null ? formatPercent(record.ratio) : "no data";
  return `${record.slo}#${record.objective} ${value} over ${record.samples} (target ${record.target})`;
}
function writeSignedResult(result, key, file) {
  const signed = signProof(result, key);
  makeDirectories(dirname(file));
  writeFileSync(file, `${JSON.stringify(signed, null, 2)}
`);
  return signed;
}
function readResultFile(workspace, absolute, shown, trusted) {
  return readSignedFile(workspace, absolute, shown, trusted, CHAOS_RESULT);
}

// src/chaos/kubernetes.ts
import { setTimeout as sleep } from "node:timers/promises";
function parseEqualitySelector(text, where) {
  const labels = {};
  for (const part of text.split(",")) {
    const match = /^\s*([A-Za-z0-9./_-]+)\s*==?\s*([A-Za-z0-9._-]*)\s*$/.exec(part);
    if (!match) throw new ConfigurationError(`label selector ${text}: ${part.trim()} is not key=value (only equality selectors are supported here)`, where());
    labels[match[1]] = match[2];
  }
  return labels;
}
function selects(selector, labels) {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const value = labels[expression.key];
    const values = expression.values ?? [];
    const ok = expression.operator === "In" ? value !== void 0 && values.includes(value) : expression.operator === "NotIn" ? value === void 0 || !values.includes(value) : expression.operator === "Exists" ? value !== void 0 : expression.operator === "DoesNotExist" ? value === void 0 : false;
    if (!ok) return false;
  }
  return true;
}
async function connect(config) {
  const { config: kube, contextName } = await loadKubeConfig(config.kubernetes.context);
  const { ApiException, AppsV1Api, CoreV1Api, NetworkingV1Api } = await import("./kube-client-KMNGKWQL.js");
  return {
    core: kube.makeApiClient(CoreV1Api),
    apps: kube.makeApiClient(AppsV1Api),
    networking: kube.makeApiClient(NetworkingV1Api),
    ApiException,
    namespace: config.kubernetes.namespace ?? kube.getContextObject(contextName)?.namespace ?? "default",
    context: contextName
  };
}
function apiError(clients, what, error) {
  if (error instanceof clients.ApiException) {
    const body = typeof error.body === "string" ? error.body : JSON.stringify(error.body);
    let message = body;
    try {
      message = JSON.parse(body).message ?? body;
    } catch {
    }
    return new CollectorError(`${what} (context ${clients.context}): HTTP ${error.code}: ${message.slice(0, 300)}`);
  }
  return new CollectorError(`${what} (context ${clients.context}): ${error instanceof Error ? error.message : String(error)}`);
}
async function call(clients, what, request) {
  try {
    return await request();
  } catch (error) {
    throw apiError(clients, what, error);
  }
}
function running(pod) {
  return !pod.metadata?.deletionTimestamp && pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed";
}
function faultNamespace(config, experiment, clients) {
  const namespace = experiment.fault.namespace ?? clients.namespace;
  if (!config.blastRadius.namespaces.includes(namespace)) {
    throw new ConfigurationError(
      `experiment ${experiment.name} would touch namespace ${namespace}, which is not in blastRadius.namespaces (${config.blastRadius.namespaces.join(", ") || "empty"}); add it there to allow it`,
      experiment.locate(["fault"])
    );
  }
  return namespace;
}
function admitting(peers, labels, sameNamespace, namespaceLabels) {
  return peers.filter((peer) => {
    if (peer.ipBlock) return false;
    const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels) : sameNamespace;
    return namespaceOk && selects(peer.podSelector, labels);
  });
}
async function planKubernetes(config, experiment, clients) {
  const { fault } = experiment;
  const namespace = faultNamespace(config, experiment, clients);
  if (fault.kind === "delete-pod") {
    const selector = fault.selector;
    const list = await call(clients, `listing pods ${selector} in ${namespace}`, () => clients.core.listNamespacedPod({ namespace, labelSelector: selector }));
    const pods = list.items.filter(running).sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
    const count = fault.count ?? 1;
    if (pods.length === 0) throw new CollectorError(`experiment ${experiment.name}: no running pod matches ${selector} in ${namespace}`);
    if (count > config.blastRadius.maxPods) {
      throw new ConfigurationError(`experiment ${experiment.name} would delete ${count} pods; blastRadius.maxPods allows ${config.blastRadius.maxPods}`, experiment.locate(["fault", "count"]));
    }
    if (count / pods.length * 100 > config.blastRadius.maxPercent) {
      throw new ConfigurationError(
        `experiment ${experiment.name} would delete ${count} of the ${pods.length} pods matching ${selector} (${Math.round(count / pods.length * 100)}%); blastRadius.maxPercent allows ${config.blastRadius.maxPercent}%`,
        experiment.locate(["fault"])
      );
    }
    const chosen = pods.slice(0, count);
    return { namespace, pods: chosen, touched: chosen.map((pod) => ({ kind: "Pod", name: String(pod.metadata?.name), namespace, action: "delete" })) };
  }
  if (fault.kind === "scale-to-zero") {
    const [kind, name2] = fault.workload.split("/");
    const read = kind === "deployment" ? () => clients.apps.readNamespacedDeploymentScale({ name: name2, namespace }) : () => clients.apps.readNamespacedStatefulSetScale({ name: name2, namespace });
    const scale = await call(clients, `reading the scale of ${fault.workload} in ${namespace}`, read);
    const replicas = scale.spec?.replicas ?? 0;
    if (replicas === 0) throw new CollectorError(`experiment ${experiment.name}: ${fault.workload} in ${namespace} already has 0 replicas; nothing to scale down`);
    return { namespace, replicas, touched: [{ kind: kind === "deployment" ? "Deployment" : "StatefulSet", name: name2, namespace, action: `scale ${replicas} -> 0, back to ${replicas} at the end` }] };
  }
  const callers = parseEqualitySelector(fault.selector, () => experiment.locate(["fault", "selector"]));
  if (Object.keys(callers).length !== 1) throw new ConfigurationError(`cut-network: selector must be one key=value, so the policy can admit every pod but those`, experiment.locate(["fault", "selector"]));
  const dependency = parseEqualitySelector(fault.to, () => experiment.locate(["fault", "to"]));
  const [[key, value]] = Object.entries(callers);
  const ns = await call(clients, `reading namespace ${namespace}`, () => clients.core.readNamespace({ name: namespace }));
  const namespaceLabels = ns.metadata?.labels ?? { "kubernetes.io/metadata.name": namespace };
  const policies = await call(clients, `listing NetworkPolicies in ${namespace}`, () => clients.networking.listNamespacedNetworkPolicy({ namespace }));
  const name = `chaos-${experiment.name}`.slice(0, 63);
  const changed = [];
  for (const policy of policies.items) {
    if (policy.metadata?.name === name) throw new CollectorError(`NetworkPolicy ${namespace}/${name} already exists: an earlier run of ${experiment.name} was not undone; delete it after checking`);
    if (!selects(policy.spec?.podSelector, dependency)) continue;
    const rules = policy.spec?.ingress;
    if (!rules) continue;
    let touched = false;
    const kept = rules.flatMap((rule) => {
      const peers = rule._from;
      if (!peers || peers.length === 0) {
        touched = true;
        return [{ ...rule, _from: [{ podSelector: { matchExpressions: [{ key, operator: "NotIn", values: [value] }] } }, { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [namespace] }] } }] }];
      }
      const admit = admitting(peers, callers, true, namespaceLabels);
      if (admit.length === 0) return [rule];
      touched = true;
      const rest = peers.filter((peer) => !admit.includes(peer));
      return rest.length === 0 ? [] : [{ ...rule, _from: rest }];
    });
    if (touched) changed.push({ original: policy, cut: { ...policy, spec: { ...policy.spec, podSelector: policy.spec?.podSelector ?? {}, ingress: kept } } });
  }
  const created = {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace, labels: { "resilience-gates.io/chaos-experiment": experiment.name } },
    spec: {
      podSelector: { matchLabels: dependency },
      policyTypes: ["Ingress"],
      ingress: [
        {
          _from: [
            { podSelector: { matchExpressions: [{ key, operator: "NotIn", values: [value] }] } },
            { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [namespace] }] } }
          ]
        }
      ]
    }
  };
  return {
    namespace,
    policies: changed,
    created,
    touched: [
      { kind: "NetworkPolicy", name, namespace, action: `create: pods ${fault.to} admit every pod but ${fault.selector}` },
      ...changed.map(({ original }) => ({ kind: "NetworkPolicy", name: String(original.metadata?.name), namespace, action: `replace without the peers admitting ${fault.selector}, restored at the end` }))
    ]
  };
}
async function dryRunKubernetes(config, experiment) {
  const clients = await connect(config);
  return (await planKubernetes(config, experiment, clients)).touched;
}
async function deployedVersion(config, service) {
  const clients = await connect(config);
  try {
    const deployment = await clients.apps.readNamespacedDeployment({ name: service, namespace: clients.namespace });
    const image = deployment.spec?.template.spec?.containers[0]?.image ?? "";
    const tag = /:([^:/@]+)(@.*)?$/.exec(image)?.[1];
    return tag ?? null;
  } catch {
    return null;
  }
}
function stripForReplace(policy, resourceVersion) {
  const { metadata, spec } = policy;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: metadata?.name, namespace: metadata?.namespace, labels: metadata?.labels, annotations: metadata?.annotations, resourceVersion },
    spec
  };
}
async function injectKubernetes(config, experiment, ledger) {
  const clients = await connect(config);
  const plan = await planKubernetes(config, experiment, clients);
  const { namespace } = plan;
  const { fault } = experiment;
  if (fault.kind === "delete-pod") {
    const pods = plan.pods ?? [];
    const before = (await call(clients, "listing pods", () => clients.core.listNamespacedPod({ namespace, labelSelector: fault.selector }))).items.filter(running).length;
    for (const pod of pods) {
      const name = String(pod.metadata?.name);
      await call(clients, `deleting pod ${namespace}/${name}`, () => clients.core.deleteNamespacedPod({ name, namespace }));
    }
    ledger.push(`wait until ${before} pods match ${fault.selector} in ${namespace} again (their controller replaces the deleted ones)`, async () => {
      const deadline = Date.now() + config.recovery.timeoutSeconds * 1e3;
      for (; ; ) {
        const list = await call(clients, "listing pods", () => clients.core.listNamespacedPod({ namespace, labelSelector: fault.selector }));
        const now = list.items.filter(running).filter((pod) => !pods.some((gone) => gone.metadata?.uid === pod.metadata?.uid)).length;
        if (now >= before) return `${now} pods match again`;
        if (Date.now() > deadline) throw new CollectorError(`only ${now} of ${before} pods match ${fault.selector} in ${namespace} ${config.recovery.timeoutSeconds}s after the deletion`);
        await sleep(1e3);
      }
    });
    return { detail: `deleted ${pods.map((pod) => `pod ${namespace}/${String(pod.metadata?.name)}`).join(", ")}`, touched: plan.touched };
  }
  if (fault.kind === "scale-to-zero") {
    const [kind, name] = fault.workload.split("/");
    const replicas = plan.replicas;
    const scaleTo = async (count) => {
      const body = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name, namespace }, spec: { replicas: count } };
      await call(
        clients,
        `scaling ${fault.workload} in ${namespace} to ${count}`,
        () => kind === "deployment" ? clients.apps.replaceNamespacedDeploymentScale({ name, namespace, body }) : clients.apps.replaceNamespacedStatefulSetScale({ name, namespace, body })
      );
    };
    await scaleTo(0);
    ledger.push(`scale ${fault.workload} in ${namespace} back to ${replicas}`, async () => {
      await scaleTo(replicas);
      return `${replicas} replicas`;
    });
    return { detail: `${fault.workload} in ${namespace} scaled from ${replicas} to 0`, touched: plan.touched };
  }
  const created = plan.created;
  const createdName = String(created.metadata?.name);
  await call(clients, `creating NetworkPolicy ${namespace}/${createdName}`, () => clients.networking.createNamespacedNetworkPolicy({ namespace, body: created }));
  ledger.push(`delete NetworkPolicy ${namespace}/${createdName}`, async () => {
    await call(clients, `deleting NetworkPolicy ${namespace}/${createdName}`, () => clients.networking.deleteNamespacedNetworkPolicy({ name: createdName, namespace }));
  });
  for (const { original, cut } of plan.policies ?? []) {
    const name = String(original.metadata?.name);
    await call(clients, `replacing NetworkPolicy ${namespace}/${name}`, () => clients.networking.replaceNamespacedNetworkPolicy({ name, namespace, body: stripForReplace(cut, original.metadata?.resourceVersion) }));
    ledger.push(`restore NetworkPolicy ${namespace}/${name}`, async () => {
      const current = await call(clients, `reading NetworkPolicy ${namespace}/${name}`, () => clients.networking.readNamespacedNetworkPolicy({ name, namespace }));
      await call(
        clients,
        `restoring NetworkPolicy ${namespace}/${name}`,
        () => clients.networking.replaceNamespacedNetworkPolicy({ name, namespace, body: stripForReplace(original, current.metadata?.resourceVersion) })
      );
    });
  }
  return { detail: `pods ${fault.to} in ${namespace} no longer admit ${fault.selector} (${plan.touched.length} NetworkPolicies touched)`, touched: plan.touched };
}

export {
  TIER_DEFAULTS,
  loadCatalog,
  storeFacts,
  loadChaosConfig,
  CHAOS_RESULT_CONFIGMAP,
  RESULT_TYPE,
  CHAOS_RESULT,
  sliText,
  writeSignedResult,
  readResultFile,
  selects,
  dryRunKubernetes,
  deployedVersion,
  injectKubernetes
};

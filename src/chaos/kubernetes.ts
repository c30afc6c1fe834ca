/**
 * Faults on a Kubernetes cluster, through the API server: delete pods of a workload, scale a dependency
 * to zero, cut the network between callers and a dependency. Every change is registered with the undo
 * ledger before the next one is made; the blast radius is checked before anything is touched.
 *
 * cut-network: NetworkPolicies only allow, and allows add up, so a cut cannot be one more policy. It
 * (1) creates `chaos-<experiment>`, selecting the dependency's pods and admitting ingress from every pod
 * but the callers (this isolates the pods if nothing did), and (2) replaces each existing policy that
 * admits the callers to those pods with a copy without the peers that do (a rule left with no peer is
 * dropped, never left empty, which would admit everyone). The undo deletes (1) and puts back (2).
 */
import type { V1LabelSelector, V1NetworkPolicy, V1NetworkPolicyPeer, V1Pod } from "@kubernetes/client-node";
import { setTimeout as sleep } from "node:timers/promises";
import { CollectorError, ConfigurationError } from "../engine/errors.js";
import { loadKubeConfig } from "../sources/cluster.js";
import type { ChaosConfig, Experiment } from "./experiments.js";
import type { Injected } from "./local.js";
import type { Touched } from "./result.js";
import type { UndoLedger } from "./undo.js";

type Labels = Readonly<Record<string, string>>;

/** `app=api,tier!=x` (equality-based selectors only) as matchLabels; anything else is refused at its line. */
export function parseEqualitySelector(text: string, where: () => ReturnType<Experiment["locate"]>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(",")) {
    const match = /^\s*([A-Za-z0-9./_-]+)\s*==?\s*([A-Za-z0-9._-]*)\s*$/.exec(part);
    if (!match) throw new ConfigurationError(`label selector ${text}: ${part.trim()} is not key=value (only equality selectors are supported here)`, where());
    labels[match[1] as string] = match[2] as string;
  }
  return labels;
}

/** Whether a LabelSelector selects an object with these labels (an empty selector selects everything). */
export function selects(selector: V1LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const value = labels[expression.key];
    const values = expression.values ?? [];
    const ok =
      expression.operator === "In" ? value !== undefined && values.includes(value)
      : expression.operator === "NotIn" ? value === undefined || !values.includes(value)
      : expression.operator === "Exists" ? value !== undefined
      : expression.operator === "DoesNotExist" ? value === undefined
      : false;
    if (!ok) return false;
  }
  return true;
}

interface Clients {
  core: import("@kubernetes/client-node").CoreV1Api;
  apps: import("@kubernetes/client-node").AppsV1Api;
  networking: import("@kubernetes/client-node").NetworkingV1Api;
  ApiException: typeof import("@kubernetes/client-node").ApiException;
  namespace: string;
  context: string;
}

async function connect(config: ChaosConfig): Promise<Clients> {
  const { config: kube, contextName } = await loadKubeConfig(config.kubernetes.context);
  const { ApiException, AppsV1Api, CoreV1Api, NetworkingV1Api } = await import("../sources/kube-client.js");
  return {
    core: kube.makeApiClient(CoreV1Api),
    apps: kube.makeApiClient(AppsV1Api),
    networking: kube.makeApiClient(NetworkingV1Api),
    ApiException,
    namespace: config.kubernetes.namespace ?? kube.getContextObject(contextName)?.namespace ?? "default",
    context: contextName,
  };
}

function apiError(clients: Clients, what: string, error: unknown): CollectorError {
  if (error instanceof clients.ApiException) {
    const body = typeof error.body === "string" ? error.body : JSON.stringify(error.body);
    let message = body;
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      // not JSON
    }
    return new CollectorError(`${what} (context ${clients.context}): HTTP ${error.code}: ${message.slice(0, 300)}`);
  }
  return new CollectorError(`${what} (context ${clients.context}): ${error instanceof Error ? error.message : String(error)}`);
}

async function call<T>(clients: Clients, what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw apiError(clients, what, error);
  }
}

function running(pod: V1Pod): boolean {
  return !pod.metadata?.deletionTimestamp && pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed";
}

interface Plan {
  namespace: string;
  touched: Touched[];
  /** delete-pod: the chosen pods; cut-network: the callers' and the dependency's labels. */
  pods?: V1Pod[];
  policies?: { original: V1NetworkPolicy; cut: V1NetworkPolicy }[];
  created?: V1NetworkPolicy;
  replicas?: number;
}

function faultNamespace(config: ChaosConfig, experiment: Experiment, clients: Clients): string {
  const namespace = experiment.fault.namespace ?? clients.namespace;
  if (!config.blastRadius.namespaces.includes(namespace)) {
    throw new ConfigurationError(
      `experiment ${experiment.name} would touch namespace ${namespace}, which is not in blastRadius.namespaces (${config.blastRadius.namespaces.join(", ") || "empty"}); add it there to allow it`,
      experiment.locate(["fault"]),
    );
  }
  return namespace;
}

/** Peers of a rule that admit a pod with `labels` in namespace `namespace` (whose labels are `namespaceLabels`). */
function admitting(peers: readonly V1NetworkPolicyPeer[], labels: Labels, sameNamespace: boolean, namespaceLabels: Labels): V1NetworkPolicyPeer[] {
  return peers.filter((peer) => {
    if (peer.ipBlock) return false;
    const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels) : sameNamespace;
    return namespaceOk && selects(peer.podSelector, labels);
  });
}

async function planKubernetes(config: ChaosConfig, experiment: Experiment, clients: Clients): Promise<Plan> {
  const { fault } = experiment;
  const namespace = faultNamespace(config, experiment, clients);
  if (fault.kind === "delete-pod") {
    const selector = fault.selector as string;
    const list = await call(clients, `listing pods ${selector} in ${namespace}`, () => clients.core.listNamespacedPod({ namespace, labelSelector: selector }));
    const pods = list.items.filter(running).sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
    const count = fault.count ?? 1;
    if (pods.length === 0) throw new CollectorError(`experiment ${experiment.name}: no running pod matches ${selector} in ${namespace}`);
    if (count > config.blastRadius.maxPods) {
      throw new ConfigurationError(`experiment ${experiment.name} would delete ${count} pods; blastRadius.maxPods allows ${config.blastRadius.maxPods}`, experiment.locate(["fault", "count"]));
    }
    if ((count / pods.length) * 100 > config.blastRadius.maxPercent) {
      throw new ConfigurationError(
        `experiment ${experiment.name} would delete ${count} of the ${pods.length} pods matching ${selector} (${Math.round((count / pods.length) * 100)}%); blastRadius.maxPercent allows ${config.blastRadius.maxPercent}%`,
        experiment.locate(["fault"]),
      );
    }
    const chosen = pods.slice(0, count);
    return { namespace, pods: chosen, touched: chosen.map((pod) => ({ kind: "Pod", name: String(pod.metadata?.name), namespace, action: "delete" })) };
  }
  if (fault.kind === "scale-to-zero") {
    const [kind, name] = (fault.workload as string).split("/") as ["deployment" | "statefulset", string];
    const read = kind === "deployment" ? () => clients.apps.readNamespacedDeploymentScale({ name, namespace }) : () => clients.apps.readNamespacedStatefulSetScale({ name, namespace });
    const scale = await call(clients, `reading the scale of ${fault.workload} in ${namespace}`, read);
    const replicas = scale.spec?.replicas ?? 0;
    if (replicas === 0) throw new CollectorError(`experiment ${experiment.name}: ${fault.workload} in ${namespace} already has 0 replicas; nothing to scale down`);
    return { namespace, replicas, touched: [{ kind: kind === "deployment" ? "Deployment" : "StatefulSet", name, namespace, action: `scale ${replicas} -> 0, back to ${replicas} at the end` }] };
  }
  // cut-network
  const callers = parseEqualitySelector(fault.selector as string, () => experiment.locate(["fault", "selector"]));
  if (Object.keys(callers).length !== 1) throw new ConfigurationError(`cut-network: selector must be one key=value, so the policy can admit every pod but those`, experiment.locate(["fault", "selector"]));
  const dependency = parseEqualitySelector(fault.to as string, () => experiment.locate(["fault", "to"]));
  const [[key, value]] = Object.entries(callers) as [[string, string]];
  const ns = await call(clients, `reading namespace ${namespace}`, () => clients.core.readNamespace({ name: namespace }));
  const namespaceLabels = ns.metadata?.labels ?? { "kubernetes.io/metadata.name": namespace };
  const policies = await call(clients, `listing NetworkPolicies in ${namespace}`, () => clients.networking.listNamespacedNetworkPolicy({ namespace }));
  const name = `chaos-${experiment.name}`.slice(0, 63);
  const changed: { original: V1NetworkPolicy; cut: V1NetworkPolicy }[] = [];
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
        // An empty `from` admits everyone, the callers too: narrow it to everyone but them.
        return [{ ...rule, _from: [{ podSelector: { matchExpressions: [{ key, operator: "NotIn", values: [value] }] } }, { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [namespace] }] } }] }];
      }
      const admit = admitting(peers, callers, true, namespaceLabels);
      if (admit.length === 0) return [rule];
      touched = true;
      const rest = peers.filter((peer: V1NetworkPolicyPeer) => !admit.includes(peer));
      return rest.length === 0 ? [] : [{ ...rule, _from: rest }];
    });
    if (touched) changed.push({ original: policy, cut: { ...policy, spec: { ...policy.spec, podSelector: policy.spec?.podSelector ?? {}, ingress: kept } } });
  }
  const created: V1NetworkPolicy = {
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
            { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [namespace] }] } },
          ],
        },
      ],
    },
  };
  return {
    namespace,
    policies: changed,
    created,
    touched: [
      { kind: "NetworkPolicy", name, namespace, action: `create: pods ${fault.to} admit every pod but ${fault.selector}` },
      ...changed.map(({ original }) => ({ kind: "NetworkPolicy", name: String(original.metadata?.name), namespace, action: `replace without the peers admitting ${fault.selector}, restored at the end` })),
    ],
  };
}

/** What the fault would touch, after the blast-radius checks: the dry run. */
export async function dryRunKubernetes(config: ChaosConfig, experiment: Experiment): Promise<Touched[]> {
  const clients = await connect(config);
  return (await planKubernetes(config, experiment, clients)).touched;
}

/** The version of a service on the cluster: the image tag of its Deployment's first container, if there is one. */
export async function deployedVersion(config: ChaosConfig, service: string): Promise<string | null> {
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

function stripForReplace(policy: V1NetworkPolicy, resourceVersion: string | undefined): V1NetworkPolicy {
  const { metadata, spec } = policy;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: metadata?.name, namespace: metadata?.namespace, labels: metadata?.labels, annotations: metadata?.annotations, resourceVersion },
    spec,
  } as V1NetworkPolicy;
}

export async function injectKubernetes(config: ChaosConfig, experiment: Experiment, ledger: UndoLedger): Promise<Injected> {
  const clients = await connect(config);
  const plan = await planKubernetes(config, experiment, clients);
  const { namespace } = plan;
  const { fault } = experiment;
  if (fault.kind === "delete-pod") {
    const pods = plan.pods ?? [];
    const before = (await call(clients, "listing pods", () => clients.core.listNamespacedPod({ namespace, labelSelector: fault.selector as string }))).items.filter(running).length;
    for (const pod of pods) {
      const name = String(pod.metadata?.name);
      await call(clients, `deleting pod ${namespace}/${name}`, () => clients.core.deleteNamespacedPod({ name, namespace }));
    }
    ledger.push(`wait until ${before} pods match ${fault.selector} in ${namespace} again (their controller replaces the deleted ones)`, async () => {
      const deadline = Date.now() + config.recovery.timeoutSeconds * 1000;
      for (;;) {
        const list = await call(clients, "listing pods", () => clients.core.listNamespacedPod({ namespace, labelSelector: fault.selector as string }));
        const now = list.items.filter(running).filter((pod) => !pods.some((gone) => gone.metadata?.uid === pod.metadata?.uid)).length;
        if (now >= before) return `${now} pods match again`;
        if (Date.now() > deadline) throw new CollectorError(`only ${now} of ${before} pods match ${fault.selector} in ${namespace} ${config.recovery.timeoutSeconds}s after the deletion`);
        await sleep(1000);
      }
    });
    return { detail: `deleted ${pods.map((pod) => `pod ${namespace}/${String(pod.metadata?.name)}`).join(", ")}`, touched: plan.touched };
  }
  if (fault.kind === "scale-to-zero") {
    const [kind, name] = (fault.workload as string).split("/") as ["deployment" | "statefulset", string];
    const replicas = plan.replicas as number;
    const scaleTo = async (count: number) => {
      const body = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name, namespace }, spec: { replicas: count } };
      await call(clients, `scaling ${fault.workload} in ${namespace} to ${count}`, () =>
        kind === "deployment" ? clients.apps.replaceNamespacedDeploymentScale({ name, namespace, body }) : clients.apps.replaceNamespacedStatefulSetScale({ name, namespace, body }),
      );
    };
    await scaleTo(0);
    ledger.push(`scale ${fault.workload} in ${namespace} back to ${replicas}`, async () => {
      await scaleTo(replicas);
      return `${replicas} replicas`;
    });
    return { detail: `${fault.workload} in ${namespace} scaled from ${replicas} to 0`, touched: plan.touched };
  }
  const created = plan.created as V1NetworkPolicy;
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
      await call(clients, `restoring NetworkPolicy ${namespace}/${name}`, () =>
        clients.networking.replaceNamespacedNetworkPolicy({ name, namespace, body: stripForReplace(original, current.metadata?.resourceVersion) }),
      );
    });
  }
  return { detail: `pods ${fault.to} in ${namespace} no longer admit ${fault.selector} (${plan.touched.length} NetworkPolicies touched)`, touched: plan.touched };
}

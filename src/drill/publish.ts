import type { V1ConfigMap } from "@kubernetes/client-node";
import { CollectorError, ConfigurationError } from "../engine/errors.js";
import { loadKubeConfig } from "../sources/cluster.js";
import { parseJsonText } from "../sources/json.js";
import { isRecord } from "../sources/kubernetes.js";
import { readStandaloneTextFile } from "../sources/files.js";

/** Label of a ConfigMap that holds a restore proof (its value: the store); the restore-proofs gate lists by it. */
export const PROOF_LABEL = "resilience-gates.io/restore-proof";
/** The ConfigMap's data key holding the signed proof JSON, byte for byte as the drill wrote it. */
export const PROOF_KEY = "proof.json";

export interface PublishOptions {
  context?: string;
  /** Default: the context's namespace, else default. */
  namespace?: string;
  /** Default: restore-proof-<store>. */
  name?: string;
}

/** Where a kind of signed evidence is published: its label (valued with `field`), data key and default name prefix. */
export interface PublishedKind {
  label: string;
  dataKey: string;
  field: string;
  namePrefix: string;
  noun: string;
}

export const RESTORE_PROOF_CONFIGMAP: PublishedKind = { label: PROOF_LABEL, dataKey: PROOF_KEY, field: "store", namePrefix: "restore-proof-", noun: "restore proof" };

/**
 * Publishes a signed proof where `check restore-proofs --cluster` finds it: a ConfigMap labelled with the
 * store, created or replaced. The proof is stored as written, so its signature still verifies; the gate,
 * not the publisher, decides whether to trust it.
 */
export async function publishProof(file: string, shown: string, options: PublishOptions): Promise<{ namespace: string; name: string; store: string }> {
  const published = await publishSigned(file, shown, options, RESTORE_PROOF_CONFIGMAP);
  return { namespace: published.namespace, name: published.name, store: published.value };
}

/** The same for any signed evidence (chaos results too): a labelled ConfigMap holding the file as written. */
export async function publishSigned(file: string, shown: string, options: PublishOptions, kind: PublishedKind): Promise<{ namespace: string; name: string; value: string }> {
  const text = readStandaloneTextFile(file, shown);
  const json = parseJsonText(text, shown);
  const value = isRecord(json.value) ? json.value[kind.field] : undefined;
  if (typeof value !== "string" || !/^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/.test(value)) {
    throw new ConfigurationError(`${shown} has no \`${kind.field}\` that can be a label value; is it a ${kind.noun}?`, json.locate([kind.field]));
  }
  const { config, contextName } = await loadKubeConfig(options.context);
  const { ApiException, CoreV1Api } = await import("../sources/kube-client.js");
  const namespace = options.namespace ?? config.getContextObject(contextName)?.namespace ?? "default";
  const name = options.name ?? `${kind.namePrefix}${value}`;
  const body: V1ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, labels: { [kind.label]: value } }, data: { [kind.dataKey]: text } };
  const api = config.makeApiClient(CoreV1Api);
  try {
    try {
      await api.createNamespacedConfigMap({ namespace, body });
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 409) throw error;
      await api.replaceNamespacedConfigMap({ name, namespace, body });
    }
  } catch (error) {
    const detail = error instanceof ApiException ? `HTTP ${error.code}: ${apiMessage(error.body)}` : String(error);
    throw new CollectorError(
      `cannot publish ${shown} as ConfigMap ${namespace}/${name} (context ${contextName}): ${detail}${error instanceof ApiException && error.code === 403 ? ' (the drill\'s service account needs "create" and "update" on "configmaps" in that namespace)' : ""}`,
    );
  }
  return { namespace, name, value };
}

function apiMessage(body: unknown): string {
  if (typeof body === "string") {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (isRecord(parsed) && typeof parsed.message === "string") return parsed.message;
    } catch {
      return body.slice(0, 300);
    }
  }
  return isRecord(body) && typeof body.message === "string" ? body.message : JSON.stringify(body).slice(0, 300);
}

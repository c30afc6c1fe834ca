/**
 * What the gates that judge signed evidence (restore-proofs, chaos-readiness) share: the trusted keys of
 * a gate's options, and the signed documents published in a cluster as labelled ConfigMaps, each checked
 * exactly like a file (strict JSON, its schema, its signature).
 */
import type { KeyObject } from "node:crypto";
import { ConfigurationError } from "../engine/errors.js";
import type { GateContext } from "../engine/gate.js";
import type { ResourceRef } from "../engine/types.js";
import { ClusterReader, type ClusterOptions, type ResourceType } from "../sources/cluster.js";
import { displayPath, resolveInside } from "../sources/files.js";
import { isRecord } from "../sources/kubernetes.js";
import type { PublishedKind } from "./publish.js";
import { parsePublicKey, PUBLIC_KEY_ENV, readPublicKeyFile } from "./signing.js";
import { readSignedText, type ReadSigned, type SignedKind } from "./verify.js";

/** The keys a gate trusts: its `publicKey` files (inside the workspace), then the PEM in `publicKeyEnv`; none is an error. */
export function trustedKeys(context: GateContext, gate: string, option: { publicKey?: string | string[]; publicKeyEnv?: string }, noun: string): KeyObject[] {
  const files = option.publicKey === undefined ? [] : Array.isArray(option.publicKey) ? option.publicKey : [option.publicKey];
  const keys = files.map((file) => {
    const absolute = resolveInside(context.workspace, file, "public key");
    return readPublicKeyFile(absolute, displayPath(context.workspace, absolute));
  });
  const variable = option.publicKeyEnv ?? PUBLIC_KEY_ENV;
  const fromEnv = process.env[variable];
  if (fromEnv?.trim()) keys.push(parsePublicKey(fromEnv, `$${variable}`));
  if (keys.length === 0) {
    throw new ConfigurationError(`${gate}: no public key to verify ${noun}s with, so none could be trusted: give --public-key F (gates.${gate}.publicKey) or set ${variable}`);
  }
  return keys;
}

/** One signed document read from a ConfigMap: what messages call it, the ConfigMap, and the checked result. */
export interface PublishedSigned<T> {
  shown: string;
  resource: ResourceRef;
  result: ReadSigned<T>;
}

/** The ConfigMaps a gate lists for a kind of published evidence: what the RBAC in charts/resilience-gates-rbac grants. */
export function publishedResourceType(kind: PublishedKind): ResourceType {
  return { kind: "ConfigMap", group: "", version: "v1", plural: "configmaps", labelSelector: kind.label };
}

/** Reads every ConfigMap labelled for `published`, checking its data key like a file of `signed`. */
export async function readPublishedSigned<T>(context: GateContext, gate: string, options: ClusterOptions, keys: readonly KeyObject[], published: PublishedKind, signed: SignedKind): Promise<PublishedSigned<T>[]> {
  const reader = await ClusterReader.connect(options, context.logger);
  context.logger.info(`${gate}: reading ConfigMaps labelled ${published.label} from ${reader.describe()}`);
  const [result] = await reader.listAll([publishedResourceType(published)]);
  const objects = result && "objects" in result ? result.objects : [];
  return objects.map((object) => {
    const metadata = isRecord(object.metadata) ? object.metadata : {};
    const resource: ResourceRef = { kind: "ConfigMap", name: String(metadata.name), namespace: String(metadata.namespace) };
    const shown = `configmaps/${resource.namespace}/${resource.name}/${published.dataKey}`;
    const text = isRecord(object.data) ? object.data[published.dataKey] : undefined;
    return {
      shown,
      resource,
      result:
        typeof text === "string"
          ? readSignedText<T>(text, shown, keys, signed)
          : { ok: false, message: `ConfigMap ${resource.namespace}/${resource.name} is labelled ${published.label} but has no data key ${published.dataKey}`, location: { file: shown, line: 1 } },
    };
  });
}

import type { KeyObject } from "node:crypto";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, ResourceRef, SourceLocation } from "../../engine/types.js";
import { publishedResourceType, readPublishedSigned, trustedKeys } from "../../drill/evidence.js";
import type { RestoreProof } from "../../drill/proof.js";
import { RESTORE_PROOF_CONFIGMAP } from "../../drill/publish.js";
import { readProofFile, RESTORE_PROOF, type ReadProof } from "../../drill/verify.js";
import { clusterFromFlags, type ClusterOptions, type ResourceType } from "../../sources/cluster.js";
import type { JsonFile } from "../../sources/json.js";
import { expandJsonInputs } from "../../sources/json.js";
import { loadCatalog, storeFacts } from "../../sources/catalog.js";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath, standaloneWorkspace } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";
import { proofContradictions } from "./consistency.js";
import { RESTORE_PROOFS_FLAGS } from "./flags.js";
import { flagList } from "../flag-values.js";

export interface RestoreProofsOptions {
  catalog?: string;
  proofs?: string[];
  publicKey?: string | string[];
  publicKeyEnv?: string;
  /** Also read the proofs the restore-drill Jobs published in the cluster, as labelled ConfigMaps. */
  cluster?: true | ClusterOptions;
}

/** The kind the live restore-proofs read lists: what the RBAC in charts/resilience-gates-rbac grants. */
export const PROOF_RESOURCE_TYPE: ResourceType = publishedResourceType(RESTORE_PROOF_CONFIGMAP);

interface ProofSource {
  /** What messages call it: the file, or `configmaps/<namespace>/<name>/proof.json`. */
  shown: string;
  result: ReadProof;
  /** The ConfigMap a proof read from the cluster is in; findings name it rather than a file. */
  resource?: ResourceRef;
}

/** Reads the proofs published as ConfigMaps labelled resilience-gates.io/restore-proof. */
async function clusterProofs(context: GateContext, options: ClusterOptions, keys: readonly KeyObject[]): Promise<ProofSource[]> {
  return readPublishedSigned<RestoreProof>(context, "restore-proofs", options, keys, RESTORE_PROOF_CONFIGMAP, RESTORE_PROOF);
}

async function collect(context: GateContext, options: RestoreProofsOptions): Promise<CollectedInput> {
  const { workspace } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const keys = trustedKeys(context, "restore-proofs", options, "proof");
  const files = expandJsonInputs(workspace, options.proofs ?? [], "proofs");
  const storeIndex = new Map(catalog.stores.map((store, id) => [store.name, id]));
  const sources: ProofSource[] = files.map((absolute) => {
    const shown = displayPath(workspace, absolute);
    return { shown, result: readProofFile(workspace, absolute, shown, keys) };
  });
  if (options.cluster) sources.push(...(await clusterProofs(context, options.cluster === true ? {} : options.cluster, keys)));

  const read: { json: JsonFile; resource: ResourceRef | undefined }[] = [];
  const proofs: Record<string, unknown>[] = [];
  const problems: { id: number; file: string; message: string; location: SourceLocation; resource: ResourceRef | undefined }[] = [];
  for (const { shown, result, resource } of sources) {
    if (!result.ok) {
      problems.push({ id: problems.length, file: shown, message: result.message, location: result.location, resource });
      continue;
    }
    const { proof, signature, json } = result;
    const times = {
      backup_time: proof.backup.time,
      drill_started: proof.drill.startedAt,
      restore_started: proof.drill.restoreStartedAt,
      drill_finished: proof.drill.finishedAt,
      verified_at: proof.drill.verifiedAt ?? null,
    };
    const epochs: Record<string, number | null> = {};
    let bad: string | undefined;
    for (const [key, value] of Object.entries(times)) {
      const seconds = value === null ? null : epochSeconds(value);
      if (seconds === undefined) bad = `${key} ${String(value)} is not a real calendar time`;
      epochs[key] = seconds ?? null;
    }
    if (bad) {
      problems.push({ id: problems.length, file: shown, message: bad, location: json.locate(["drill"]), resource });
      continue;
    }
    // A proof nobody trusted signed is already blocked for that (RP-003, RP-004); one a trusted key signed
    // must also be possible.
    const contradictions = signature.status === "valid" ? proofContradictions(proof) : [];
    if (contradictions.length > 0) {
      for (const { path, message } of contradictions) {
        problems.push({ id: problems.length, file: shown, message: `it contradicts itself: ${message}`, location: json.locate(path), resource });
      }
      continue;
    }
    read.push({ json, resource });
    proofs.push({
      id: proofs.length,
      file: shown,
      store: proof.store,
      store_known: storeIndex.has(proof.store),
      engine: proof.engine,
      result: proof.result,
      signature: signature.status,
      signature_detail: signature.detail,
      key_id: signature.keyId,
      ...epochs,
      rto_seconds: proof.measured.rtoSeconds,
      rpo_seconds: proof.measured.rpoSeconds,
      integrity_passed: proof.integrity.passed,
      checks: proof.integrity.checks.map((check, index) => ({
        index,
        kind: check.kind,
        name: check.name,
        passed: check.passed,
        detail: check.detail ?? null,
      })),
      smoke: proof.smoke.map((check, index) => ({ index, name: check.name, passed: check.passed, detail: check.detail ?? null })),
      failures: proof.failures,
    });
  }

  const locate = (finding: PolicyFinding): FindingPlace => {
    if (typeof finding.proof === "number") {
      const source = read[finding.proof];
      const fact = proofs[finding.proof];
      if (!source || !fact) throw new CollectorError(`policy finding ${finding.rule} names unknown proof ${finding.proof}`);
      const path = Array.isArray(finding.path) ? (finding.path as PathSegment[]) : [];
      // A proof read from a ConfigMap is no file of the repository: the finding names the ConfigMap.
      if (source.resource) return { resource: source.resource };
      const store = catalog.byName.get(String(fact.store));
      return { ...(store ? { resource: { kind: "Store", name: store.name } } : {}), location: source.json.locate(path) };
    }
    if (typeof finding.problem === "number") {
      const problem = problems[finding.problem];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown problem ${finding.problem}`);
      return problem.resource ? { resource: problem.resource } : { location: problem.location };
    }
    const store = typeof finding.store === "number" ? catalog.stores[finding.store] : undefined;
    if (!store) throw new CollectorError(`policy finding ${finding.rule} has no locator the restore-proofs collector knows`);
    return { resource: { kind: "Store", name: store.name }, location: store.location };
  };

  return {
    input: {
      catalog: catalog.file,
      trusted_keys: keys.length,
      stores: catalog.stores.map((store, id) => storeFacts(store, id)),
      proofs,
      problems: problems.map(({ id, file, message }) => ({ id, file, message })),
    },
    locate,
    stats: { files: files.length, proofs: proofs.length, problems: problems.length, stores: catalog.stores.length, ...(options.cluster ? { configMaps: sources.length - files.length } : {}) },
  };
}

export const restoreProofsGate: Gate<RestoreProofsOptions> = {
  id: "restore-proofs",
  summary: "Every store has a passing, fresh, signed restore-drill proof within its tier's RTO and RPO",
  cliFlags: RESTORE_PROOFS_FLAGS,
  optionsFromFlags(flags) {
    const proofs = flagList(flags.proofs);
    const keys = flagList(flags["public-key"]);
    const cluster = clusterFromFlags(flags);
    if (proofs.length === 0 && !cluster) return undefined;
    return {
      ...(proofs.length ? { proofs } : {}),
      ...(cluster ? { cluster } : {}),
      ...(typeof flags.catalog === "string" ? { catalog: flags.catalog } : {}),
      ...(keys.length === 1 ? { publicKey: keys[0] as string } : keys.length > 1 ? { publicKey: keys } : {}),
    };
  },
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of restore-proofs options`);
    return document.value as unknown as RestoreProofsOptions;
  },
};

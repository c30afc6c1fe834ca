import type { KeyObject } from "node:crypto";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { parsePublicKey, PUBLIC_KEY_ENV, readPublicKeyFile } from "../../drill/signing.js";
import { readProofFile } from "../../drill/verify.js";
import type { JsonFile } from "../../sources/json.js";
import { expandJsonInputs } from "../../sources/json.js";
import { loadCatalog, storeFacts } from "../../sources/catalog.js";
import { epochSeconds } from "../../sources/duration.js";
import { displayPath, resolveInside } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";
import { RESTORE_PROOFS_FLAGS } from "./flags.js";

export interface RestoreProofsOptions {
  catalog?: string;
  proofs: string[];
  publicKey?: string | string[];
  publicKeyEnv?: string;
}

function trustedKeys(context: GateContext, options: RestoreProofsOptions): KeyObject[] {
  const files = options.publicKey === undefined ? [] : Array.isArray(options.publicKey) ? options.publicKey : [options.publicKey];
  const keys = files.map((file) => {
    const absolute = resolveInside(context.workspace, file, "public key");
    return readPublicKeyFile(absolute, displayPath(context.workspace, absolute));
  });
  const variable = options.publicKeyEnv ?? PUBLIC_KEY_ENV;
  const fromEnv = process.env[variable];
  if (fromEnv?.trim()) keys.push(parsePublicKey(fromEnv, `$${variable}`));
  if (keys.length === 0) {
    throw new ConfigurationError(
      `restore-proofs: no public key to verify proofs with, so none could be trusted: give --public-key F (gates.restore-proofs.publicKey) or set ${variable}`,
    );
  }
  return keys;
}

async function collect(context: GateContext, options: RestoreProofsOptions): Promise<CollectedInput> {
  const { workspace } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const keys = trustedKeys(context, options);
  const files = expandJsonInputs(workspace, options.proofs, "proofs");
  const storeIndex = new Map(catalog.stores.map((store, id) => [store.name, id]));

  const read: JsonFile[] = [];
  const proofs: Record<string, unknown>[] = [];
  const problems: { id: number; file: string; message: string; location: SourceLocation }[] = [];
  for (const absolute of files) {
    const shown = displayPath(workspace, absolute);
    const result = readProofFile(absolute, shown, keys);
    if (!result.ok) {
      problems.push({ id: problems.length, file: shown, message: result.message, location: result.location });
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
      problems.push({ id: problems.length, file: shown, message: bad, location: json.locate(["drill"]) });
      continue;
    }
    read.push(json);
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
      const json = read[finding.proof];
      const fact = proofs[finding.proof];
      if (!json || !fact) throw new CollectorError(`policy finding ${finding.rule} names unknown proof ${finding.proof}`);
      const path = Array.isArray(finding.path) ? (finding.path as PathSegment[]) : [];
      const store = catalog.byName.get(String(fact.store));
      return { ...(store ? { resource: { kind: "Store", name: store.name } } : {}), location: json.locate(path) };
    }
    if (typeof finding.problem === "number") {
      const problem = problems[finding.problem];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown problem ${finding.problem}`);
      return { location: problem.location };
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
    stats: { files: files.length, proofs: proofs.length, problems: problems.length, stores: catalog.stores.length },
  };
}

export const restoreProofsGate: Gate<RestoreProofsOptions> = {
  id: "restore-proofs",
  summary: "Every store has a passing, fresh, signed restore-drill proof within its tier's RTO and RPO",
  cliFlags: RESTORE_PROOFS_FLAGS,
  optionsFromFlags(flags) {
    const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);
    const proofs = list(flags.proofs);
    const keys = list(flags["public-key"]);
    if (proofs.length === 0) return undefined;
    return {
      proofs,
      ...(typeof flags.catalog === "string" ? { catalog: flags.catalog } : {}),
      ...(keys.length === 1 ? { publicKey: keys[0] as string } : keys.length > 1 ? { publicKey: keys } : {}),
    };
  },
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of restore-proofs options`);
    return document.value as unknown as RestoreProofsOptions;
  },
};

import type { CliFlag } from "../../engine/gate.js";
import { CLUSTER_FLAGS } from "../cluster-flags.js";

/** Kept apart from the collector so `--help` can list it without loading the proof verifier. */
export const RESTORE_PROOFS_FLAGS: readonly CliFlag[] = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "proofs", type: "string", multiple: true, description: "restore-drill proofs: a directory or a glob of JSON files (repeatable)" },
  { name: "public-key", type: "string", multiple: true, description: "Ed25519 public key (PEM) that signs drill proofs (repeatable for rotation)" },
  { name: "namespace", type: "string", description: "the namespace --cluster reads" },
  ...CLUSTER_FLAGS,
];

import type { CliFlag } from "../../engine/gate.js";
import { CLUSTER_FLAGS } from "../cluster-flags.js";

/** Kept apart from the collector so `--help` can list it without loading the result verifier. */
export const CHAOS_READINESS_FLAGS: readonly CliFlag[] = [
  { name: "catalog", type: "string", description: "service catalog (default .resilience/catalog.yaml)" },
  { name: "results", type: "string", multiple: true, description: "signed chaos results of `chaos run`: a directory or a glob of JSON files (repeatable)" },
  { name: "experiments", type: "string", description: "the chaos experiments file (.resilience/chaos.yaml), to name the declared experiment a missing result belongs to" },
  { name: "public-key", type: "string", multiple: true, description: "Ed25519 public key (PEM) that signs chaos results (the drill key; repeatable for rotation)" },
  { name: "namespace", type: "string", description: "the namespace --cluster reads" },
  ...CLUSTER_FLAGS,
];

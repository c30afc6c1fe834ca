import type { PublishedKind } from "../drill/publish.js";

/** Label of a ConfigMap that holds a chaos result (its value: the experiment); chaos-readiness --cluster lists by it. */
export const CHAOS_RESULT_LABEL = "resilience-gates.io/chaos-result";
export const CHAOS_RESULT_KEY = "result.json";

export const CHAOS_RESULT_CONFIGMAP: PublishedKind = { label: CHAOS_RESULT_LABEL, dataKey: CHAOS_RESULT_KEY, field: "experiment", namePrefix: "chaos-result-", noun: "chaos result" };

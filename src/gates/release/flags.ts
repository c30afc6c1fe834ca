import type { CliFlag } from "../../engine/gate.js";

/** Kept apart from the collector so `--help` can list it without loading the GitHub client. */
export const RELEASE_FLAGS: readonly CliFlag[] = [
  { name: "tag", type: "string", description: "release tag to approve (default: the tag of GITHUB_REF)" },
  { name: "commit", type: "string", description: "commit the tag points at (default: GITHUB_SHA)" },
  { name: "required-gate", type: "string", multiple: true, description: "gate whose check run must have passed on the commit (repeatable)" },
  { name: "tag-pattern", type: "string", description: "glob of release tags (default v*); other tags are not releases" },
  { name: "check-runs-file", type: "string", description: "recorded check-run facts (YAML/JSON) instead of the GitHub API" },
];

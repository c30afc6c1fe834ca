import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  GATES,
  RELEASE_GATE,
  consoleReporter,
  describeResource,
  loadBundle,
  releaseFactsFor,
  runGates
} from "./chunk-22FXOKJT.js";
import {
  createStderrLogger
} from "./chunk-647UBY3D.js";
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  EXIT,
  UsageError,
  gateFlagOptions,
  helpUri,
  parseCommandLine,
  projectUrl,
  toolVersion
} from "./chunk-JVGNGV63.js";
import {
  loadConfig
} from "./chunk-2WGWLA3Q.js";
import {
  ConfigurationError,
  formatLocation
} from "./chunk-2GHCG2EG.js";

// src/commands/check.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, resolve as resolve2 } from "node:path";

// src/gates/release/attestation.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
var ATTESTATION_TYPE = "https://resilience-gates.dev/attestation/release/v1";
var DEFAULT_SIGNING_KEY_ENV = "RESILIENCE_GATES_SIGNING_KEY";
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function buildPayload(facts, result2, digest, now, version) {
  return {
    type: ATTESTATION_TYPE,
    repository: facts.repository,
    tag: facts.tag,
    commit: facts.commit,
    decidedAt: now.toISOString(),
    verdict: result2.verdict,
    approved: result2.verdict === "pass" || result2.verdict === "warn",
    ...result2.verdict === "error" ? { error: result2.error ?? "the gate could not run" } : {},
    requiredGates: facts.requiredGates,
    gates: Object.fromEntries(
      facts.requiredGates.map((gate) => {
        const run = facts.checkRuns.find((candidate) => candidate.gate === gate);
        const workflow = run?.workflow ? { workflow: { path: run.workflow.path, branch: run.workflow.head_branch, run: run.workflow.run_id } } : {};
        return [gate, { conclusion: run?.conclusion ?? null, status: run?.status ?? "missing", checkRun: run?.id ?? null, url: run?.url ?? null, completedAt: run?.completed_at ?? null, ...workflow }];
      })
    ),
    freshness: Object.fromEntries(facts.freshness.map((fact) => [fact.gate, { verdict: fact.verdict, findings: fact.findings }])),
    findings: result2.findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, message: finding.message })),
    ruleBundleDigest: digest,
    tool: { name: "resilience-gates", version }
  };
}
function signingKey(pem) {
  if (!pem?.trim()) return { key: generateKeyPairSync("ed25519").privateKey, ephemeral: true };
  let key;
  try {
    key = createPrivateKey(pem.includes("-----BEGIN") ? pem : Buffer.from(pem, "base64").toString("utf8"));
  } catch (error) {
    throw new ConfigurationError(`the release signing key is not a PEM private key: ${error.message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`the release signing key is ${key.asymmetricKeyType ?? "unknown"}, not Ed25519`);
  return { key, ephemeral: false };
}
function signPayload(payload, privateKey, ephemeral) {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    payload,
    signature: {
      algorithm: "ed25519",
      keyId: createHash("sha256").update(der).digest("hex"),
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      ephemeral,
      value: sign(null, Buffer.from(canonicalJson(payload)), privateKey).toString("base64")
    }
  };
}
function writeAttestation(path, attestation) {
  makeDirectories(dirname(path));
  writeFileSync(path, `${JSON.stringify(attestation, null, 2)}
`);
}
function factsWithoutCollection(options, env) {
  const ref = options.tag ? `refs/tags/${options.tag}` : env.GITHUB_REF;
  const tag = options.tag ?? (ref?.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : void 0);
  return {
    repository: options.repository ?? env.GITHUB_REPOSITORY ?? null,
    ref: ref ?? null,
    tag: tag ?? null,
    tagPattern: options.tagPattern ?? "v*",
    commit: options.commit ?? env.GITHUB_SHA ?? null,
    tagCommit: null,
    requiredGates: options.requiredGates ?? [],
    checkRuns: [],
    freshness: [],
    source: options.checkRunsFile ? "file" : "api"
  };
}
function attestRelease(request) {
  const planned = request.gates.find(([id]) => id === RELEASE_GATE);
  const result2 = request.report.gates.find((gate) => gate.id === RELEASE_GATE);
  if (!planned || !result2) return void 0;
  const options = planned[1];
  if (options.attestation?.enabled === false) return void 0;
  const env = request.env ?? process.env;
  const facts = releaseFactsFor(options) ?? factsWithoutCollection(options, env);
  const keyEnv = options.attestation?.signingKeyEnv ?? DEFAULT_SIGNING_KEY_ENV;
  const { key, ephemeral } = signingKey(env[keyEnv]);
  if (ephemeral) request.logger.warn(`release: ${keyEnv} is not set; the attestation is signed with a throwaway key (integrity only, not origin)`);
  const attestation = signPayload(buildPayload(facts, result2, request.bundleDigest, request.now, request.version), key, ephemeral);
  const path = resolve(request.base, options.attestation?.path ?? "release-attestation.json");
  writeAttestation(path, attestation);
  request.logger.info(`release: attestation (${result2.verdict}) written to ${path}, key ${attestation.signature.keyId.slice(0, 16)}`);
  return path;
}

// src/report/json.ts
var jsonReporter = {
  format: "json",
  render: (report) => `${JSON.stringify(report, null, 2)}
`
};

// src/report/github/commands.ts
var ANNOTATIONS_PER_LEVEL = 10;
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(annotation) {
  const properties = [
    ["file", annotation.file],
    ["line", annotation.line],
    ["endLine", annotation.endLine],
    ["col", annotation.col],
    ["title", annotation.title]
  ];
  const list = properties.filter(([, value]) => value !== void 0 && value !== "").map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${annotation.level}${list.length ? ` ${list.join(",")}` : ""}::${escapeData(annotation.message)}`;
}
function findingAnnotation(finding, gateId) {
  const subject = describeResource(finding.resource);
  return {
    level: finding.audit ? "notice" : finding.severity === "block" ? "error" : "warning",
    title: `${finding.audit ? "[audit] " : ""}${gateId} ${finding.rule}: ${finding.title}`,
    message: `${subject ? `${subject}: ` : ""}${finding.message}
fix: ${finding.remediation}`,
    ...finding.location ? {
      file: finding.location.file,
      line: finding.location.line,
      ...finding.location.endLine && finding.location.endLine !== finding.location.line ? { endLine: finding.location.endLine } : {},
      ...finding.location.column ? { col: finding.location.column } : {}
    } : {}
  };
}
function reportAnnotations(report, limit = ANNOTATIONS_PER_LEVEL, reservedErrors = 0) {
  const candidates = [];
  for (const gate of report.gates) {
    if (gate.verdict === "error") candidates.push({ level: "error", title: `${gate.id} could not run`, message: gate.error ?? "error" });
  }
  for (const gate of report.gates) for (const finding of gate.findings) candidates.push(findingAnnotation(finding, gate.id));
  const kept = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  for (const annotation of candidates) {
    if (used[annotation.level] < (annotation.level === "error" ? limit - reservedErrors : limit)) {
      used[annotation.level] += 1;
      kept.push(annotation);
    } else {
      dropped += 1;
    }
  }
  if (dropped > 0) {
    kept.push({
      level: "notice",
      title: "resilience-gates: more findings",
      message: `${dropped} more finding${dropped === 1 ? "" : "s"} not annotated here (GitHub shows ${limit} per level per step); the job summary lists every one.`
    });
  }
  return kept;
}
var githubReporter = {
  format: "github",
  render(report) {
    const lines = reportAnnotations(report).map(workflowCommand);
    lines.push(`resilience-gates: ${report.verdict.toUpperCase()} (${report.gates.map((gate) => `${gate.id} ${gate.verdict}`).join(", ")})`);
    return `${lines.join("\n")}
`;
  }
};

// src/report/junit.ts
var junitReporter = {
  format: "junit",
  render(report) {
    const suites = report.gates.map(suite);
    const count = (key) => suites.reduce((sum, s) => sum + s[key], 0);
    const time = seconds(report.gates.reduce((sum, gate) => sum + gate.durationMs, 0));
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="resilience-gates" tests="${count("tests")}" failures="${count("failures")}" errors="${count("errors")}" skipped="${count("skipped")}" time="${time}">`,
      ...suites.map((s) => s.xml),
      "</testsuites>",
      ""
    ].join("\n");
  }
};
function suite(gate) {
  const cases = [];
  const classname = `resilience-gates.${gate.id}`;
  const used = /* @__PURE__ */ new Map();
  const caseName = (finding) => {
    const name = baseName(finding);
    const seen = (used.get(name) ?? 0) + 1;
    used.set(name, seen);
    return seen === 1 ? name : `${name} (${seen})`;
  };
  for (const finding of gate.findings.filter((candidate) => candidate.audit)) {
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>
      <skipped ${attributes({ message: `audit mode (reported, not enforced): ${finding.severity}: ${finding.message}` })}/>
    </testcase>`
    );
  }
  for (const finding of gate.findings.filter((candidate) => !candidate.audit)) {
    const body = [
      finding.message,
      finding.location ? `at ${formatLocation(finding.location)}` : "",
      finding.resource ? `resource: ${describeResource(finding.resource)}` : "",
      finding.container ? `container: ${finding.container}` : "",
      `fix: ${finding.remediation}`,
      finding.docs ? `docs: ${finding.docs}` : ""
    ].filter(Boolean);
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>
      <failure ${attributes({ message: finding.message, type: finding.severity })}>${text(body.join("\n"))}</failure>
    </testcase>`
    );
  }
  for (const { finding, waiver } of gate.waived) {
    const reason = `waived: ${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""}; ${formatLocation(waiver.source)})`;
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>
      <skipped ${attributes({ message: reason })}/>
    </testcase>`
    );
  }
  let errors = 0;
  if (gate.verdict === "error") {
    errors = 1;
    cases.push(
      `    <testcase ${attributes({ name: `${gate.id} could not run`, classname, time: seconds(gate.durationMs) })}>
      <error ${attributes({ message: gate.error ?? "error", type: "error" })}>${text(gate.error ?? "")}</error>
    </testcase>`
    );
  } else if (gate.findings.length === 0) {
    cases.push(`    <testcase ${attributes({ name: `${gate.id}: no findings`, classname, time: seconds(gate.durationMs) })}/>`);
  }
  const tests = cases.length;
  const failures = gate.findings.filter((finding) => !finding.audit).length;
  const skipped = gate.waived.length + gate.findings.length - failures;
  const head = `  <testsuite ${attributes({
    name: gate.id,
    tests: String(tests),
    failures: String(failures),
    errors: String(errors),
    skipped: String(skipped),
    time: seconds(gate.durationMs)
  })}>`;
  const properties = `    <properties>
      <property ${attributes({ name: "verdict", value: gate.verdict })}/>
    </properties>`;
  return { xml: [head, properties, ...cases, "  </testsuite>"].join("\n"), tests, failures, errors, skipped };
}
function baseName(finding) {
  const subject = describeResource(finding.resource);
  const where = finding.location ? formatLocation(finding.location) : "";
  return [finding.rule, subject, finding.container ? `container ${finding.container}` : "", where].filter(Boolean).join(" ");
}
function fileAttributes(finding) {
  return finding.location ? { file: finding.location.file, line: String(finding.location.line) } : {};
}
function seconds(ms) {
  return (ms / 1e3).toFixed(3);
}
function attributes(values) {
  return Object.entries(values).map(([key, value]) => `${key}="${escapeXml(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;")}"`).join(" ");
}
function text(value) {
  return escapeXml(value);
}
function escapeXml(value) {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// src/report/sarif.ts
import { createHash as createHash2 } from "node:crypto";
var sarifReporter = {
  format: "sarif",
  render(report, context) {
    return `${JSON.stringify(toSarif(report, context.catalog, context.category), null, 2)}
`;
  }
};
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var FINGERPRINT_KEY = "resilienceGatesFinding/v1";
var SECURITY_GATES = /* @__PURE__ */ new Set(["security-context"]);
var SECURITY_SEVERITY = { block: "7.5", warn: "4.0" };
function toSarif(report, catalog, category = "resilience-gates") {
  const errors = report.gates.filter((gate) => gate.verdict === "error");
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: report.gates.filter((gate) => gate.verdict !== "error").map((gate) => gateRun(gate, catalog, category)),
    ...errors.length > 0 ? { properties: { gateErrors: Object.fromEntries(errors.map((gate) => [gate.id, gate.error ?? "error"])) } } : {}
  };
}
function gateRun(gate, catalog, category) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const indexOf = (finding) => {
    let index = ruleIndex.get(finding.rule);
    if (index === void 0) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push(describeRule(finding, gate.id, catalog?.get(finding.rule)));
    }
    return index;
  };
  const results = [];
  for (const finding of gate.findings) results.push(result(finding, gate, indexOf(finding)));
  for (const applied of gate.waived) results.push({ ...result(applied.finding, gate, indexOf(applied.finding)), suppressions: [suppression(applied)] });
  return {
    tool: {
      driver: {
        name: "resilience-gates",
        semanticVersion: toolVersion(),
        informationUri: projectUrl(),
        rules
      }
    },
    automationDetails: { id: `${category}/${gate.id}/` },
    originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root; every artifact URI is relative to it." } } },
    invocations: [{ executionSuccessful: true }],
    results,
    properties: { gate: gate.id, verdict: gate.verdict }
  };
}
function fingerprintOf(finding) {
  const identity = finding.resource ? [finding.rule, finding.resource.kind, finding.resource.namespace ?? "", finding.resource.name, finding.container ?? ""] : [finding.rule, finding.location?.file ?? "", finding.message];
  return createHash2("sha256").update(identity.join("\0")).digest("hex");
}
function describeRule(finding, gate, metadata) {
  const title = metadata?.title ?? finding.title;
  const description = metadata?.description?.trim() || title;
  const remediation = metadata?.remediation ?? finding.remediation;
  const docs = metadata?.docs ?? finding.docs;
  const severity = metadata?.severity ?? finding.severity;
  const uri = helpUri(finding.rule, docs);
  return {
    id: finding.rule,
    name: pascalCase(title),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: `${description}

Fix: ${remediation}

More: ${uri}`,
      markdown: `${description}

**Fix:** ${remediation}

[Documentation](${uri})`
    },
    helpUri: uri,
    defaultConfiguration: { level: severity === "block" ? "error" : "warning" },
    properties: {
      tags: ["resilience", metadata?.gate ?? gate, ...SECURITY_GATES.has(metadata?.gate ?? gate) ? ["security"] : []],
      gate: metadata?.gate ?? gate,
      ...metadata?.source ? { source: metadata.source } : {},
      ...SECURITY_GATES.has(metadata?.gate ?? gate) ? { "security-severity": SECURITY_SEVERITY[severity] } : {}
    }
  };
}
function result(finding, gate, ruleIndex) {
  const subject = describeResource(finding.resource);
  const location = {};
  if (finding.location) {
    const region = { startLine: finding.location.line };
    if (finding.location.column) region.startColumn = finding.location.column;
    if (finding.location.endLine && finding.location.endLine >= finding.location.line) region.endLine = finding.location.endLine;
    location.physicalLocation = { artifactLocation: { uri: encodeUri(finding.location.file), uriBaseId: "%SRCROOT%" }, region };
  }
  if (finding.resource) {
    location.logicalLocations = [{ name: finding.resource.name, fullyQualifiedName: `${subject}${finding.container ? `/${finding.container}` : ""}`, kind: finding.resource.kind.toLowerCase() }];
  }
  return {
    ruleId: finding.rule,
    ruleIndex,
    // An audit finding (mode: audit) is a note: code scanning lists it without failing a protection rule.
    level: finding.audit ? "note" : finding.severity === "block" ? "error" : "warning",
    message: { text: `${subject ? `${subject}: ` : ""}${finding.message}` },
    ...Object.keys(location).length > 0 ? { locations: [location] } : {},
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(finding) },
    properties: { gate: gate.id, severity: finding.severity, ...finding.container ? { container: finding.container } : {}, ...finding.audit ? { audit: true } : {} }
  };
}
function suppression(applied) {
  const { waiver } = applied;
  return {
    kind: "external",
    status: "accepted",
    justification: `${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""})`,
    location: {
      physicalLocation: {
        artifactLocation: { uri: encodeUri(waiver.source.file), uriBaseId: "%SRCROOT%" },
        region: { startLine: waiver.source.line, ...waiver.source.column ? { startColumn: waiver.source.column } : {} }
      }
    }
  };
}
function encodeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function pascalCase(text2) {
  return text2.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}

// src/report/index.ts
var REPORTERS = new Map([consoleReporter, jsonReporter, sarifReporter, junitReporter, githubReporter].map((reporter) => [reporter.format, reporter]));

// src/commands/check.ts
function defaultGates(configured, env) {
  const onTag = env.GITHUB_REF?.startsWith("refs/tags/") === true;
  return Object.keys(configured).filter((id) => id !== RELEASE_GATE || onTag);
}
function planGates(positionals, flags, configured, configFile, env = process.env) {
  for (const id of positionals) {
    if (!GATES.has(id)) throw new UsageError(`unknown gate ${id}; known gates: ${[...GATES.keys()].join(", ")}`);
  }
  const ids = positionals.length > 0 ? [...new Set(positionals)] : defaultGates(configured, env);
  if (ids.length === 0) {
    throw new UsageError(
      `no gates to run: name one (resilience-gates check security-context --manifests 'deploy/**/*.yaml') or configure gates in ${configFile ?? ".resilience/gates.yaml"} (resilience-gates init)`
    );
  }
  return ids.map((id) => {
    const gate = GATES.get(id);
    const fromFlags = gate?.optionsFromFlags(flags);
    const options = fromFlags ?? configured[id];
    if (!options) {
      throw new UsageError(`gate ${id} has no inputs: give its flags (see --help) or configure gates.${id} in ${configFile ?? ".resilience/gates.yaml"}`);
    }
    return [id, options];
  });
}
function spreadListFlags(args) {
  const repeatable = new Set([...GATES.values()].flatMap((gate) => gate.cliFlags.filter((flag) => flag.multiple).map((flag) => `--${flag.name}`)));
  const spread = [];
  let list;
  let awaitingValue = false;
  for (const arg of args) {
    if (arg === "--") {
      list = void 0;
      spread.push(arg);
    } else if (arg.startsWith("-")) {
      list = repeatable.has(arg) ? arg : void 0;
      awaitingValue = list !== void 0;
      spread.push(arg);
    } else if (list && !awaitingValue && !GATES.has(arg)) {
      spread.push(list, arg);
    } else {
      if (!awaitingValue) list = void 0;
      awaitingValue = false;
      spread.push(arg);
    }
  }
  return spread;
}
function exitCodeFor(report, failOn) {
  if (report.verdict === "error") return EXIT.error;
  if (report.verdict === "block") return EXIT.block;
  if (report.verdict === "warn" && failOn === "warn") return EXIT.block;
  return EXIT.ok;
}
async function check(args) {
  const { values, positionals } = parseCommandLine(spreadListFlags(args), {
    config: { type: "string" },
    format: { type: "string", default: "console" },
    output: { type: "string" },
    "fail-on": { type: "string", default: "block" },
    now: { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
    ...gateFlagOptions()
  });
  const format = String(values.format);
  const reporter = REPORTERS.get(format);
  if (!reporter) throw new UsageError(`unknown --format ${format}; one of ${[...REPORTERS.keys()].join(", ")}`);
  const failOn = values["fail-on"];
  if (failOn !== "block" && failOn !== "warn") throw new UsageError(`--fail-on must be block or warn, not ${String(failOn)}`);
  const now = values.now ? new Date(String(values.now)) : /* @__PURE__ */ new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${String(values.now)} is not an ISO 8601 time`);
  const logger = createStderrLogger({ quiet: Boolean(values.quiet), verbose: Boolean(values.verbose) });
  const cwd = process.cwd();
  const config = loadConfig({ cwd, ...typeof values.config === "string" ? { config: values.config } : {} });
  const gates = planGates(positionals, values, config.gates, config.file);
  const bundle = await loadBundle(config, logger);
  const commandLineGates = gates.filter(([id]) => GATES.get(id)?.optionsFromFlags(values) !== void 0).map(([id]) => id);
  const githubToken = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  const report = await runGates({ config, gates, now, logger, commandLineGates, ...githubToken ? { githubToken } : {} }, bundle);
  attestRelease({ report, gates, bundleDigest: bundle.digest, now, base: config.workspace.base, version: toolVersion(), logger });
  const rendered = reporter.render(report, {
    color: !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
    catalog: bundle.catalog
  });
  if (typeof values.output === "string") {
    const target = resolve2(cwd, values.output);
    try {
      makeDirectories(dirname2(target));
      writeFileSync2(target, rendered);
    } catch (error) {
      throw new ConfigurationError(`cannot write --output ${values.output}: ${error.message}`);
    }
    logger.info(`report written to ${values.output}`);
    if (!values.quiet && format !== "console") process.stderr.write(REPORTERS.get("console")?.render(report, { color: false }) ?? "");
  } else {
    process.stdout.write(rendered);
  }
  return exitCodeFor(report, failOn);
}

export {
  attestRelease,
  ANNOTATIONS_PER_LEVEL,
  reportAnnotations,
  junitReporter,
  sarifReporter,
  defaultGates,
  planGates,
  spreadListFlags,
  exitCodeFor,
  check
};

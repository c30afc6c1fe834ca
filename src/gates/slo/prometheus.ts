/**
 * The Prometheus side of the slo gate: the documented HTTP query API (`GET /api/v1/query`), the text
 * exposition format of a service's own `/metrics`, and the small part of PromQL both need: a series
 * selector `name{label="v",status!~"5.."}` inside `sum(rate(...[5m]))`.
 */
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import { basicAuthRequest, fetchFailure, redactSecrets, redactUrl } from "../../sources/credentials.js";

export interface Matcher {
  label: string;
  op: "=" | "!=" | "=~" | "!~";
  value: string;
}

export interface Selector {
  name: string;
  matchers: Matcher[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

/** Parses `name{matchers}`; undefined when the text is not a bare selector. */
export function parseSelector(text: string): Selector | undefined {
  const match = new RegExp(`^\\s*(${NAME})\\s*(?:\\{(.*)\\})?\\s*$`, "s").exec(text);
  if (!match) return undefined;
  const matchers: Matcher[] = [];
  let rest = (match[2] ?? "").trim();
  while (rest) {
    const part = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,\s*)?/.exec(rest);
    if (!part) return undefined;
    matchers.push({ label: part[1] as string, op: part[2] as Matcher["op"], value: unescape(part[3] as string) });
    rest = rest.slice(part[0].length).trim();
  }
  return { name: match[1] as string, matchers };
}

export function formatSelector(selector: Selector): string {
  const inner = selector.matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(",");
  return `${selector.name}{${inner}}`;
}

export function matches(selector: Selector, name: string, labels: Readonly<Record<string, string>>): boolean {
  if (name !== selector.name) return false;
  return selector.matchers.every((m) => {
    const value = labels[m.label] ?? "";
    switch (m.op) {
      case "=":
        return value === m.value;
      case "!=":
        return value !== m.value;
      case "=~":
        return new RegExp(`^(?:${m.value})$`).test(value);
      case "!~":
        return !new RegExp(`^(?:${m.value})$`).test(value);
    }
  });
}

/** The selector inside `sum(rate(SEL[5m]))`, `sum(increase(SEL[5m]))`, `rate(SEL[5m])` or a bare `SEL`. */
export function counterSelector(query: string): Selector | undefined {
  const match = /^\s*(?:sum\s*\(\s*)?(?:(?:rate|increase)\s*\(\s*)?([^[\]()]+?)(?:\[[^\]]+\])?\s*\)?\s*\)?\s*$/.exec(query);
  return match ? parseSelector(match[1] as string) : undefined;
}

/** The query with every range `[5m]` replaced by `[window]`; undefined when it has none. */
export function withRange(query: string, window: string): string | undefined {
  const range = /\[\s*[0-9]+[a-z]+(?:[0-9]+[a-z]+)*\s*\]/;
  return range.test(query) ? query.replace(new RegExp(range.source, "g"), `[${window}]`) : undefined;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (version 0.0.4); a line it cannot read is an error. */
export function parseExposition(text: string, source: string): Sample[] {
  const samples: Sample[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const match = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`).exec(line);
    const labels: Record<string, string> = {};
    let rest = (match?.[2] ?? "").trim();
    while (match && rest) {
      const part = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/.exec(rest);
      if (!part) break;
      labels[part[1] as string] = unescape(part[2] as string);
      rest = rest.slice(part[0].length);
    }
    const value = match ? parseFloat(match[3] === "+Inf" ? "Infinity" : match[3] === "-Inf" ? "-Infinity" : (match[3] as string)) : Number.NaN;
    if (!match || rest || (Number.isNaN(value) && match[3] !== "NaN")) {
      throw new ConfigurationError(`${source} line ${index + 1} is not in the Prometheus text format (\`name{label="value"} 1.5\`): ${line.slice(0, 120)}`);
    }
    samples.push({ name: match[1] as string, labels, value });
  });
  return samples;
}

const SCRAPE_TIMEOUT_SECONDS = 15;
const QUERY_TIMEOUT_SECONDS = 30;

export async function scrape(url: string, timeoutSeconds = SCRAPE_TIMEOUT_SECONDS): Promise<Sample[]> {
  const shown = redactUrl(url);
  const request = basicAuthRequest(url);
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, { headers: { accept: "text/plain;version=0.0.4", ...request.headers }, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
    text = await response.text();
  } catch (error) {
    throw new CollectorError(`cannot scrape ${shown}: ${fetchFailure(error, timeoutSeconds)}; is the service running and is the URL its /metrics?`);
  }
  if (!response.ok) throw new CollectorError(`scraping ${shown} answered ${response.status}: ${text.slice(0, 200)}`);
  return parseExposition(text, shown);
}

/** The sum of the samples that match `selector`. */
export function sumMatching(samples: readonly Sample[], selector: Selector): { value: number; series: number } {
  let value = 0;
  let series = 0;
  for (const sample of samples) {
    if (!matches(selector, sample.name, sample.labels)) continue;
    value += sample.value;
    series++;
  }
  return { value, series };
}

/** Client of the documented query API: `GET /api/v1/query?query=...` answering `{status, data: {resultType, result}}`. */
export class PrometheusClient {
  /** The base URL as messages show it, with any password masked. */
  readonly shown: string;

  constructor(
    readonly base: string,
    private readonly timeoutSeconds = QUERY_TIMEOUT_SECONDS,
  ) {
    try {
      new URL(base);
    } catch {
      throw new ConfigurationError(`--prometheus ${redactSecrets(base)} is not a URL; give the Prometheus base URL, like http://prometheus:9090`);
    }
    this.shown = redactUrl(base);
  }

  /** An instant query whose result is one number; null when it returns no series. */
  async scalar(query: string): Promise<number | null> {
    const request = basicAuthRequest(this.base.endsWith("/") ? this.base : `${this.base}/`);
    const url = new URL("api/v1/query", request.url);
    url.searchParams.set("query", query);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { headers: request.headers, signal: AbortSignal.timeout(this.timeoutSeconds * 1000) });
      text = await response.text();
    } catch (error) {
      throw new CollectorError(`cannot reach Prometheus at ${this.shown}: ${fetchFailure(error, this.timeoutSeconds)}`);
    }
    let body: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new CollectorError(`Prometheus at ${this.shown} answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`);
    }
    if (body.status !== "success") {
      throw new CollectorError(`Prometheus rejected the query ${query}: ${body.errorType ?? "error"}: ${body.error ?? `HTTP ${response.status}`}`);
    }
    const { resultType, result } = body.data ?? {};
    if (resultType === "scalar" && Array.isArray(result)) return Number(result[1]);
    if (resultType !== "vector" || !Array.isArray(result)) {
      throw new CollectorError(`Prometheus answered the query ${query} with a ${String(resultType)}, expected an instant vector`);
    }
    if (result.length === 0) return null;
    if (result.length > 1) throw new CollectorError(`the query ${query} returned ${result.length} series; aggregate it to one (wrap it in sum(...))`);
    const value = Number((result[0] as { value?: [number, string] }).value?.[1]);
    return Number.isFinite(value) ? value : null;
  }
}

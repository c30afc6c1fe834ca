// Scalars as Kubernetes reads them. The API server, kubectl and Helm turn YAML into JSON with
// sigs.k8s.io/yaml (v1.6.0), which decodes through go.yaml.in/yaml/v2 (v2.4.4, go-yaml v2's
// resolve.go and decode.go) into interface{} values and then marshals them as JSON. This file is that
// resolution, rule for rule: YAML 1.1 booleans in the casings go-yaml lists (y, Y, yes, Yes, YES, on,
// On, ON, true, True, TRUE and their negations), `~`/null/empty as null, Go's strconv integer syntax
// (`0644` octal, `0o`, `0x`, `0b`, `_` separators, int64 then uint64 range), floats as go-yaml's
// yamlStyleFloat pattern, `.inf`/`.nan` (which JSON cannot carry: sigs.k8s.io/yaml then fails), no
// sexagesimal numbers (go-yaml v2 dropped them), timestamps kept as their text (go-yaml v2 does so for
// interface{} targets). tools/k8s-reference checks every rule against the Go code itself.

/** What a scalar resolved to, or why it cannot be decoded. */
export type Resolved = Decoded | { error: string };

export interface Decoded {
  value: string | number | boolean | null;
  /** go-yaml's resolved tag (long form): keys are turned into JSON by it. */
  tag: string;
  /** The text of `.inf` or `.nan`, which decode to a float JSON cannot carry. */
  nonFinite?: string;
  /** An integer exactly (keys keep every digit), and whether it only fit Go's uint64. */
  integer?: bigint;
  unsigned?: boolean;
}

const LONG_TAG_PREFIX = "tag:yaml.org,2002:";
export const STR_TAG = `${LONG_TAG_PREFIX}str`;
export const MERGE_TAG = `${LONG_TAG_PREFIX}merge`;
const BOOL_TAG = `${LONG_TAG_PREFIX}bool`;
const INT_TAG = `${LONG_TAG_PREFIX}int`;
const FLOAT_TAG = `${LONG_TAG_PREFIX}float`;
const NULL_TAG = `${LONG_TAG_PREFIX}null`;
const TIMESTAMP_TAG = `${LONG_TAG_PREFIX}timestamp`;
const BINARY_TAG = `${LONG_TAG_PREFIX}binary`;
const RESOLVABLE = new Set(["", STR_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, NULL_TAG, TIMESTAMP_TAG]);

/** go-yaml's resolveMap: the spellings looked up whole. */
const KNOWN = new Map<string, { tag: string; value: boolean | null | number | "<<" }>();
for (const [value, tag, spellings] of [
  [true, BOOL_TAG, ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]],
  [false, BOOL_TAG, ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]],
  [null, NULL_TAG, ["", "~", "null", "Null", "NULL"]],
  [Number.NaN, FLOAT_TAG, [".nan", ".NaN", ".NAN"]],
  [Number.POSITIVE_INFINITY, FLOAT_TAG, [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]],
  [Number.NEGATIVE_INFINITY, FLOAT_TAG, ["-.inf", "-.Inf", "-.INF"]],
  ["<<", MERGE_TAG, ["<<"]],
] as const) {
  for (const spelling of spellings) KNOWN.set(spelling, { tag, value });
}

/** go-yaml's resolveTable: the first characters that may start something other than a string. */
function hintOf(text: string): "S" | "D" | "M" | "." | undefined {
  if (text === "") return "M";
  const first = text[0] as string;
  if (first === "+" || first === "-") return "S";
  if (first >= "0" && first <= "9") return "D";
  if ("yYnNtTfFoO~".includes(first)) return "M";
  if (first === ".") return ".";
  return undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(text, 0, 64) (signed) or ParseUint(text, 0, 64), as a BigInt; undefined on error. */
function parseGoInteger(text: string, signed: boolean): bigint | undefined {
  let rest = text;
  let negative = false;
  if (signed && (rest[0] === "+" || rest[0] === "-")) {
    negative = rest[0] === "-";
    rest = rest.slice(1);
  }
  let digits = /^[0-9]+$/;
  let prefix = "";
  let body = rest;
  if (/^0[xX]/.test(rest)) [prefix, digits, body] = ["0x", /^[0-9a-fA-F]+$/, rest.slice(2)];
  else if (/^0[oO]/.test(rest)) [prefix, digits, body] = ["0o", /^[0-7]+$/, rest.slice(2)];
  else if (/^0[bB]/.test(rest)) [prefix, digits, body] = ["0b", /^[01]+$/, rest.slice(2)];
  else if (/^0./.test(rest)) [prefix, digits, body] = ["0o", /^[0-7]+$/, rest.slice(1)];
  if (!digits.test(body)) return undefined;
  const magnitude = BigInt(`${prefix}${body}`);
  const value = negative ? -magnitude : magnitude;
  if (signed ? value < INT64_MIN || value > INT64_MAX : value > UINT64_MAX) return undefined;
  return value;
}

/** Go's strconv.ParseFloat(text, 64) for the decimal forms go-yaml lets reach it; undefined on error or overflow. */
function parseGoFloat(text: string): number | undefined {
  if (!YAML_STYLE_FLOAT.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function integer(value: bigint): number {
  const number = Number(value);
  return number === 0 ? 0 : number;
}

/** go-yaml v2's resolve(tag, in) for a plain scalar (tag "") or an explicitly tagged one (long tag form). */
function resolveTagged(tag: string, text: string): { tag: string; value: string | number | boolean | null; integer?: bigint; unsigned?: boolean } {
  const hint = hintOf(text);
  if (hint === undefined || tag === STR_TAG || tag === BINARY_TAG) return { tag: STR_TAG, value: text };
  const known = KNOWN.get(text);
  if (known) return known;
  if (hint === ".") {
    const value = /^\.[0-9]/.test(text) ? parseGoFloat(text) : undefined;
    if (value !== undefined) return { tag: FLOAT_TAG, value };
  } else if (hint === "D" || hint === "S") {
    if ((tag === "" || tag === TIMESTAMP_TAG) && looksLikeTimestamp(text)) return { tag: TIMESTAMP_TAG, value: text };
    const plain = text.replaceAll("_", "");
    const signed = parseGoInteger(plain, true);
    if (signed !== undefined) return { tag: INT_TAG, value: integer(signed), integer: signed };
    const unsigned = parseGoInteger(plain, false);
    if (unsigned !== undefined) return { tag: INT_TAG, value: integer(unsigned), integer: unsigned, unsigned: true };
    const float = parseGoFloat(plain);
    if (float !== undefined) return { tag: FLOAT_TAG, value: float === 0 && plain.startsWith("-") ? -0 : float };
  }
  return { tag: STR_TAG, value: text };
}

/**
 * go-yaml's parseTimestamp: four digits, a dash, then one of its time.Parse layouts. Decoded into
 * interface{}, a timestamp stays its text, so only whether it is one matters (it is not then an int).
 */
function looksLikeTimestamp(text: string): boolean {
  if (!/^[0-9]{4}-/.test(text)) return false;
  const date = "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})";
  const time = "([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?";
  const zone = "(Z|[+-][0-9]{2}:[0-9]{2})";
  const layouts = [new RegExp(`^${date}[Tt]${time}${zone}$`), new RegExp(`^${date} ${time}$`), new RegExp(`^${date}$`)];
  for (const layout of layouts) {
    const match = layout.exec(text);
    if (!match) continue;
    const [month, day] = [Number(match[2]), Number(match[3])];
    const year = Number(match[1]);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > days) continue;
    if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59)) continue;
    if (match[8] !== undefined && match[8] !== "Z" && (Number(match[8].slice(1, 3)) > 23 || Number(match[8].slice(4, 6)) > 59)) continue;
    return true;
  }
  return false;
}

/** The long form of a tag as written (`!!int`, `!<tag:yaml.org,2002:int>`, `!local`). */
export function longTag(written: string): string {
  if (written.startsWith("!!")) return `${LONG_TAG_PREFIX}${written.slice(2)}`;
  if (written.startsWith("!<") && written.endsWith(">")) return written.slice(2, -1);
  return written;
}

const SHORT = (tag: string) => (tag.startsWith(LONG_TAG_PREFIX) ? `!!${tag.slice(LONG_TAG_PREFIX.length)}` : tag);

/**
 * The value go-yaml v2 decodes a scalar to. `plain` is false for quoted and block scalars, which are
 * strings unless tagged; `tag` is the long form of an explicit tag, or "".
 */
export function resolveScalar(text: string, plain: boolean, tag: string): Resolved {
  if (tag === "" && !plain) return { value: text, tag: STR_TAG };
  if (!RESOLVABLE.has(tag)) {
    if (tag === BINARY_TAG) return decodeBinary(text);
    // go-yaml keeps the text of a scalar with a tag it does not know (a local `!thing`).
    return { value: text, tag: STR_TAG };
  }
  const resolved = resolveTagged(tag, text);
  let { value, tag: resolvedTag } = resolved;
  if (tag !== "" && tag !== resolvedTag && tag !== STR_TAG) {
    // go-yaml turns an int (not a uint64) into the float a !!float tag asks for.
    if (tag !== FLOAT_TAG || resolvedTag !== INT_TAG || resolved.unsigned) return { error: `cannot decode ${SHORT(resolvedTag)} \`${text}\` as a ${SHORT(tag)}` };
    [value, resolvedTag] = [Number(value), FLOAT_TAG];
  }
  if (resolvedTag === MERGE_TAG) return { value: "<<", tag: STR_TAG };
  if (typeof value === "number" && !Number.isFinite(value)) return { value: null, tag: resolvedTag, nonFinite: text };
  if (resolvedTag === INT_TAG && resolved.integer !== undefined) return { value, tag: resolvedTag, integer: resolved.integer, ...(resolved.unsigned ? { unsigned: true } : {}) };
  return { value, tag: resolvedTag };
}

function decodeBinary(text: string): Resolved {
  const compact = text.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return { error: "!!binary value contains invalid base64 data" };
  return { value: new TextDecoder("utf-8").decode(Buffer.from(compact, "base64")), tag: STR_TAG };
}

/** Whether a plain (or `!!merge`-tagged) key is go-yaml's merge key `<<`. */
export function isMergeKey(text: string, plain: boolean, tag: string): boolean {
  return text === "<<" && ((plain && tag === "") || tag === MERGE_TAG);
}

/**
 * The JSON object key sigs.k8s.io/yaml makes of a decoded key: strings as they are, integers in
 * decimal, floats as Go's FormatFloat(f, 'g', -1, 32) (float32 precision), booleans as true/false;
 * null keys are refused there, and so here.
 */
export function jsonKey(key: Decoded): string | undefined {
  const { value, tag, nonFinite } = key;
  if (nonFinite !== undefined) return /nan/i.test(nonFinite) ? ".nan" : nonFinite.startsWith("-") ? "-.inf" : ".inf";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return undefined;
  // sigs.k8s.io/yaml converts int and int64 keys; a uint64 one is "unsupported".
  if (tag === INT_TAG) return key.unsigned || key.integer === undefined ? undefined : key.integer.toString();
  return formatFloat32(value);
}

/** Go's strconv.FormatFloat(x, 'g', -1, 32): the shortest digits that round-trip through float32. */
function formatFloat32(x: number): string {
  const target = Math.fround(x);
  if (target === 0) return Object.is(target, -0) ? "-0" : "0";
  if (!Number.isFinite(target)) return target > 0 ? "+Inf" : "-Inf";
  let digits = "";
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Math.abs(target).toExponential(precision - 1);
    if (Math.fround(Number(candidate)) === Math.abs(target)) {
      const [mantissa, exp] = candidate.split("e") as [string, string];
      digits = mantissa.replace(".", "");
      exponent = Number(exp);
      break;
    }
  }
  const sign = target < 0 ? "-" : "";
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${"0".repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

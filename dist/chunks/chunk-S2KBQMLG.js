import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

// src/sources/credentials.ts
var SECRET_PARAMETER = /pass|secret|token|key/i;
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    const secretKeys = [...parsed.searchParams.keys()].filter((key) => SECRET_PARAMETER.test(key));
    if (!parsed.password && secretKeys.length === 0) return url;
    if (parsed.password) parsed.password = "***";
    for (const key of secretKeys) parsed.searchParams.set(key, "***");
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
function redactSecrets(text) {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@").replace(/([?&;\s](?:[a-z_]*pass(?:word)?|[a-z_]*secret|[a-z_]*token|sslpassword)=)[^\s&;'"]*/gi, "$1***");
}
function passwordForEnvironment(url) {
  const parsed = new URL(url);
  let password = parsed.password ? decodeURIComponent(parsed.password) : void 0;
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (key !== "password") continue;
    password = parsed.searchParams.get(key) ?? password;
    parsed.searchParams.delete(key);
  }
  return { url: parsed.toString(), password };
}
function basicAuthRequest(url) {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url: parsed, headers: {} };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = "";
  parsed.password = "";
  return { url: parsed, headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` } };
}
function fetchFailure(error, limitSeconds) {
  const failure = error;
  if (failure.name === "TimeoutError" || failure.name === "AbortError") return `no answer within ${limitSeconds}s`;
  return redactSecrets(failure.cause instanceof Error ? failure.cause.message : failure.message);
}

export {
  redactUrl,
  redactSecrets,
  passwordForEnvironment,
  basicAuthRequest,
  fetchFailure
};

// Passwords in URLs (userinfo or a query parameter such as ?password=, which libpq and node-postgres
// accept) never reach output, reports, proofs or a child process's command line.

const SECRET_PARAMETER = /pass|secret|token|key/i;

/** A URL with its password and secret query parameters replaced by ***: what messages may show. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const secretKeys = [...parsed.searchParams.keys()].filter((key) => SECRET_PARAMETER.test(key));
    // Unchanged when there is nothing to mask, so a message shows the URL as the user wrote it.
    if (!parsed.password && secretKeys.length === 0) return url;
    if (parsed.password) parsed.password = "***";
    for (const key of secretKeys) parsed.searchParams.set(key, "***");
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/**
 * Free text (a tool's or a driver's error message, a URL someone typed) with every credential of an
 * embedded URL masked: `scheme://user:secret@` and `password=secret` / `pass=...` parameters.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@")
    .replace(/([?&;\s](?:[a-z_]*pass(?:word)?|[a-z_]*secret|[a-z_]*token|sslpassword)=)[^\s&;'"]*/gi, "$1***");
}

/**
 * A libpq URL split for a child process (pg_dump, pg_restore, psql): the URL without any password (in
 * the userinfo or as a `password` query parameter), and the password for PGPASSWORD, so that it shows
 * neither in the process list nor in the tool's messages.
 */
export function passwordForEnvironment(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  let password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  // libpq reads the query after the userinfo: a password parameter wins.
  for (const key of [...parsed.searchParams.keys()]) {
    if (key !== "password") continue;
    password = parsed.searchParams.get(key) ?? password;
    parsed.searchParams.delete(key);
  }
  return { url: parsed.toString(), password };
}

/**
 * A URL with userinfo as fetch needs it: fetch refuses a URL that carries credentials, so they become an
 * Authorization: Basic header, and the URL keeps only what may be shown.
 */
export function basicAuthRequest(url: string): { url: URL; headers: Record<string, string> } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url: parsed, headers: {} };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = "";
  parsed.password = "";
  return { url: parsed, headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` } };
}

/** Why a fetch failed, for a message that names the peer: the timeout as the limit, else the cause. */
export function fetchFailure(error: unknown, limitSeconds: number): string {
  const failure = error as Error;
  if (failure.name === "TimeoutError" || failure.name === "AbortError") return `no answer within ${limitSeconds}s`;
  return redactSecrets(failure.cause instanceof Error ? failure.cause.message : failure.message);
}

import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, keyIdOf, parsePublicKey, signedBytes, signProof, verifyProof } from "../../src/drill/signing.js";
import { repoRoot } from "../support/cli.js";

const keys = join(repoRoot, "fixtures", "restore-proofs", "data", "keys");
const trusted = parsePublicKey(readFileSync(join(keys, "drill-public-key.pem"), "utf8"), "fixture key");
const proofFile = (name: string) => JSON.parse(readFileSync(join(repoRoot, "fixtures", "restore-proofs", "data", "proofs", `${name}.json`), "utf8")) as Record<string, unknown>;

describe("canonical JSON (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units, drops whitespace, and writes numbers the ECMAScript way", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], "\u00e9": 0.5, A: 1e21, "\ud83d\ude00": 2, z: 100 })).toBe(
      '{"A":1e+21,"a":[true,null,"x"],"b":1,"z":100,"é":0.5,"😀":2}',
    );
    // The RFC 8785 section 3.2.3 example: keys sorted by their UTF-16 code units.
    const sample = { "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis" };
    const order = [...canonicalJson(sample).matchAll(/"([^"]*)":"[^"]*"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
    expect(order).toEqual(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"]);
    expect(canonicalJson({ s: "a\"\\\n\u0001" })).toBe('{"s":"a\\"\\\\\\n\\u0001"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });

  it("signs the proof without its signature member", () => {
    const bytes = signedBytes({ store: "a", signature: { value: "x" }, type: "t" }).toString("utf8");
    expect(bytes).toBe('{"store":"a","type":"t"}');
  });
});

describe("proof signatures", () => {
  it("verifies the fixture proofs and ignores formatting and key order", () => {
    const proof = proofFile("ledger-passed");
    expect(verifyProof(proof, [trusted])).toMatchObject({ status: "valid", keyId: keyIdOf(trusted) });
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(proof).reverse()), null, 7)) as Record<string, unknown>;
    expect(verifyProof(reordered, [trusted]).status).toBe("valid");
  });

  it.each([
    ["the result", (p: Record<string, unknown>) => (p.result = "failed")],
    ["the RTO", (p: Record<string, unknown>) => ((p.measured as Record<string, number>).rtoSeconds = 1)],
    ["a checksum", (p: Record<string, unknown>) => (((p.integrity as { checks: { source: { checksum: string } }[] }).checks[0] as { source: { checksum: string } }).source.checksum = "0".repeat(64))],
    ["the store", (p: Record<string, unknown>) => (p.store = "other")],
    ["an added field", (p: Record<string, unknown>) => (p.note = "ok")],
    ["a removed smoke check", (p: Record<string, unknown>) => (p.smoke = [])],
  ])("rejects a proof whose %s changed after signing", (_what, change) => {
    const proof = proofFile("ledger-passed");
    change(proof);
    const check = verifyProof(proof, [trusted]);
    expect(check.status).toBe("invalid");
    expect(check.detail).toMatch(/changed after it was signed/);
  });

  it("says missing, forged, malformed and untrusted apart", () => {
    const { signature: _signature, ...unsigned } = proofFile("ledger-passed");
    expect(verifyProof(unsigned, [trusted]).status).toBe("missing");
    const stranger = generateKeyPairSync("ed25519");
    const foreign = signProof(unsigned, stranger.privateKey);
    expect(verifyProof(foreign, [trusted])).toMatchObject({ status: "invalid", keyId: keyIdOf(stranger.publicKey) });
    expect(verifyProof(foreign, [trusted]).detail).toMatch(/not a trusted key/);
    expect(verifyProof(foreign, [trusted, stranger.publicKey]).status).toBe("valid");
    expect(verifyProof({ ...unsigned, signature: { algorithm: "rsa", keyId: "k", value: "AA==" } }, [trusted]).detail).toMatch(/not ed25519/);
    expect(verifyProof({ ...unsigned, signature: { algorithm: "ed25519", keyId: "k", value: "AAAA" } }, [trusted]).detail).toMatch(/3 bytes/);
    expect(verifyProof(proofFile("ledger-forged"), [trusted]).status).toBe("invalid");
    expect(verifyProof(proofFile("ledger-tampered"), [trusted]).status).toBe("invalid");
    expect(verifyProof([], [trusted]).status).toBe("invalid");
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => parsePublicKey(rsa.publicKey.export({ type: "spki", format: "pem" }).toString(), "k.pem")).toThrow(/rsa key; drill proofs use Ed25519/);
    expect(() => parsePublicKey("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n", "k.pem")).toThrow(/not a PEM public key/);
  });
});

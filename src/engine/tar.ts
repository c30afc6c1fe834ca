import { gunzipSync } from "node:zlib";

/** Reads one member of a .tar.gz (as `opa build` writes it); enough of ustar for that, no more. */
export function readTarGzMember(archive: Buffer, wanted: string): Buffer | undefined {
  const tar = gunzipSync(archive);
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) return undefined;
    const prefix = header.subarray(345, 500).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("utf8").replace(/\0.*$/s, "").trim() || "0", 8);
    const full = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, "");
    const start = offset + 512;
    if (full === wanted.replace(/^\/+/, "")) return tar.subarray(start, start + size);
    offset = start + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

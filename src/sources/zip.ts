import { inflateRawSync } from "node:zlib";
import { ConfigurationError } from "../engine/errors.js";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The files of a zip archive (stored or deflated, as GitHub's artifact downloads are), by name. */
export function readZip(archive: Buffer, shown: string, maxEntryBytes = 16 * 1024 * 1024): Map<string, Buffer> {
  const broken = (what: string) => new ConfigurationError(`${shown} is not a zip archive this reader takes: ${what}`);
  let end = -1;
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken("no end of central directory (truncated, or not a zip)");
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  if (count === 0xffff || entry === 0xffffffff) throw broken("zip64 archives are not supported");
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (entry + 46 > archive.length || archive.readUInt32LE(entry) !== CENTRAL_DIRECTORY_ENTRY) throw broken(`central directory entry ${index + 1} is damaged`);
    const method = archive.readUInt16LE(entry + 10);
    const compressedSize = archive.readUInt32LE(entry + 20);
    const size = archive.readUInt32LE(entry + 24);
    const nameLength = archive.readUInt16LE(entry + 28);
    const extraLength = archive.readUInt16LE(entry + 30);
    const commentLength = archive.readUInt16LE(entry + 32);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.toString("utf8", entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (size > maxEntryBytes) throw broken(`${name} unpacks to ${size} bytes, more than the ${maxEntryBytes} allowed`);
    if (local + 30 > archive.length || archive.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw broken(`the local header of ${name} is damaged`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + compressedSize);
    if (data.length !== compressedSize) throw broken(`${name} is cut short`);
    let content: Buffer;
    if (method === STORED) content = Buffer.from(data);
    else if (method === DEFLATED) {
      try {
        content = inflateRawSync(data, { maxOutputLength: maxEntryBytes });
      } catch (error) {
        throw broken(`${name} does not inflate: ${(error as Error).message}`);
      }
    } else throw broken(`${name} uses compression method ${method}; only stored and deflated are read`);
    if (content.length !== size) throw broken(`${name} unpacks to ${content.length} bytes, not the ${size} its entry says`);
    files.set(name, content);
  }
  return files;
}

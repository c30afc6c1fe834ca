// Writes one OCI image archive (an OCI image layout in a tar file) from a plan of the image's files, with
// nothing but Node's own modules, so that the same plan gives the same bytes: entries sorted by path,
// owned by 0:0, mtime 0, modes normalised (0755 for directories and executables, 0644 otherwise).
//
//   node scripts/images/oci.mjs key   --plan P --config C [--salt S]
//       the sha256 of everything the image is made of (paths, modes, link targets, file contents, config)
//   node scripts/images/oci.mjs build --plan P --config C --ref NAME:TAG [--ref ...] --out FILE.tar
//       writes the archive; prints the manifest digest
//
// A plan is a TSV file, one entry a line (paths in the image are absolute):
//   file  DEST  SRC      the content of SRC (symlinks followed); executable when SRC has an x bit
//   link  DEST  TARGET   a symbolic link
//   dir   DEST  MODE     a directory with an octal mode (parents of every entry are added as 0755)
//   tree  DEST  SRCDIR   SRCDIR's files, links and directories below DEST
// A config file is the JSON of the image config's "config" object (User, Env, Entrypoint, Cmd, ...).
import { createHash } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

class PlanError extends Error {}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = { command, refs: [] };
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (value === undefined) throw new PlanError(`${flag} needs a value`);
    if (flag === "--ref") options.refs.push(value);
    else if (["--plan", "--config", "--out", "--salt"].includes(flag)) options[flag.slice(2)] = value;
    else throw new PlanError(`unknown option ${flag}`);
  }
  return options;
}

/** The plan's entries, expanded and sorted by path: {path (relative, no leading /), type, mode, src?, target?}. */
function readPlan(file) {
  const entries = new Map();
  const put = (entry, where) => {
    const existing = entries.get(entry.path);
    if (existing) {
      const same = existing.type === entry.type && existing.mode === entry.mode && existing.target === entry.target && (entry.type !== "file" || existing.src === entry.src || sha256File(existing.src) === sha256File(entry.src));
      if (!same) throw new PlanError(`${where}: /${entry.path} is already in the image as a different ${existing.type}`);
      return;
    }
    entries.set(entry.path, entry);
  };
  const relative = (dest, where) => {
    if (!dest.startsWith("/")) throw new PlanError(`${where}: image path ${dest} must be absolute`);
    const path = posix.normalize(dest).replace(/^\/+/, "").replace(/\/+$/, "");
    if (!path || path.startsWith("..")) throw new PlanError(`${where}: bad image path ${dest}`);
    return path;
  };
  const fileMode = (src) => ((statSync(src).mode & 0o111) !== 0 ? 0o755 : 0o644);
  const walk = (dest, src, where) => {
    for (const name of readdirSync(src).sort()) {
      const from = join(src, name);
      const to = `${dest}/${name}`;
      const stat = lstatSync(from);
      if (stat.isSymbolicLink()) put({ path: to, type: "link", mode: 0o777, target: readlinkSync(from) }, where);
      else if (stat.isDirectory()) {
        put({ path: to, type: "dir", mode: 0o755 }, where);
        walk(to, from, where);
      } else if (stat.isFile()) put({ path: to, type: "file", mode: fileMode(from), src: from }, where);
      else throw new PlanError(`${where}: ${from} is neither a file, a directory nor a link`);
    }
  };
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${file}:${index + 1}`;
      const [type, dest, arg] = line.split("\t");
      if (!dest || arg === undefined) throw new PlanError(`${where}: expected TYPE<tab>DEST<tab>ARG, got ${JSON.stringify(line)}`);
      const path = relative(dest, where);
      if (type === "file") {
        if (!statSync(arg, { throwIfNoEntry: false })?.isFile()) throw new PlanError(`${where}: ${arg} is not a file`);
        put({ path, type: "file", mode: fileMode(arg), src: arg }, where);
      } else if (type === "link") put({ path, type: "link", mode: 0o777, target: arg }, where);
      else if (type === "dir") {
        if (!/^[0-7]{3,4}$/.test(arg)) throw new PlanError(`${where}: mode ${arg} is not octal`);
        put({ path, type: "dir", mode: parseInt(arg, 8) }, where);
      } else if (type === "tree") {
        if (!statSync(arg, { throwIfNoEntry: false })?.isDirectory()) throw new PlanError(`${where}: ${arg} is not a directory`);
        put({ path, type: "dir", mode: 0o755 }, where);
        walk(path, arg, where);
      } else throw new PlanError(`${where}: unknown entry type ${type}`);
    });
  for (const path of [...entries.keys()]) {
    for (let parent = posix.dirname(path); parent !== "."; parent = posix.dirname(parent)) {
      if (!entries.has(parent)) entries.set(parent, { path: parent, type: "dir", mode: 0o755 });
    }
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const fileHashes = new Map();
function sha256File(file) {
  let hash = fileHashes.get(file);
  if (!hash) {
    hash = createHash("sha256").update(readFileSync(file)).digest("hex");
    fileHashes.set(file, hash);
  }
  return hash;
}

function inputKey(entries, config, salt) {
  const hash = createHash("sha256");
  hash.update(`salt ${salt ?? ""}\nconfig ${config}\n`);
  for (const entry of entries) {
    const what = entry.type === "file" ? sha256File(entry.src) : entry.type === "link" ? entry.target : "";
    hash.update(`${entry.type} /${entry.path} ${entry.mode.toString(8)} ${what}\n`);
  }
  return hash.digest("hex");
}

// ---- tar (POSIX ustar with pax extended headers for long names) ----

function octal(value, width) {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header({ name, mode, size, type, linkname = "" }) {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, "utf8");
  block.write(octal(mode, 8), 100, 8, "ascii");
  block.write(octal(0, 8), 108, 8, "ascii");
  block.write(octal(0, 8), 116, 8, "ascii");
  block.write(octal(size, 12), 124, 12, "ascii");
  block.write(octal(0, 12), 136, 12, "ascii");
  block.fill(" ", 148, 156);
  block.write(type, 156, 1, "ascii");
  block.write(linkname, 157, 100, "utf8");
  block.write("ustar\0", 257, 6, "ascii");
  block.write("00", 263, 2, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, 8, "ascii");
  return block;
}

function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

const padding = (size) => Buffer.alloc((512 - (size % 512)) % 512);
const fitsUstar = (text) => Buffer.byteLength(text) < 100 && /^[\x20-\x7e]*$/.test(text);

/** Synchronous tar writer onto a file descriptor; `onChunk` sees every byte written (for hashing). */
class TarWriter {
  constructor(fd, onChunk = () => {}) {
    this.fd = fd;
    this.onChunk = onChunk;
  }
  write(buffer) {
    writeSync(this.fd, buffer);
    this.onChunk(buffer);
  }
  entry({ name, mode, type, size = 0, linkname = "" }) {
    const records = (fitsUstar(name) ? "" : paxRecord("path", name)) + (fitsUstar(linkname) ? "" : paxRecord("linkpath", linkname));
    if (records) {
      const body = Buffer.from(records, "utf8");
      this.write(header({ name: "PaxHeaders/entry", mode: 0o644, size: body.length, type: "x" }));
      this.write(body);
      this.write(padding(body.length));
    }
    this.write(header({ name: fitsUstar(name) ? name : "PaxHeaders/long-name", mode, size, type, linkname: fitsUstar(linkname) ? linkname : "" }));
  }
  directory(name, mode) {
    this.entry({ name: `${name}/`, mode, type: "5" });
  }
  symlink(name, target) {
    this.entry({ name, mode: 0o777, type: "2", linkname: target });
  }
  fileFrom(name, mode, src) {
    const fd = openSync(src, "r");
    try {
      const size = fstatSync(fd).size;
      this.entry({ name, mode, type: "0", size });
      const chunk = Buffer.alloc(1 << 20);
      let left = size;
      while (left > 0) {
        const read = readSync(fd, chunk, 0, Math.min(chunk.length, left), null);
        if (read === 0) throw new PlanError(`${src} shrank while it was being read`);
        this.write(chunk.subarray(0, read));
        left -= read;
      }
      this.write(padding(size));
    } finally {
      closeSync(fd);
    }
  }
  fileData(name, mode, data) {
    this.entry({ name, mode, type: "0", size: data.length });
    this.write(data);
    this.write(padding(data.length));
  }
  end() {
    this.write(Buffer.alloc(1024));
  }
}

async function gzipFile(from, to) {
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), createGzip({ level: 6 }), tap, createWriteStream(to));
  return { digest: `sha256:${hash.digest("hex")}`, size };
}

async function build(entries, configText, refs, out) {
  if (refs.length === 0) throw new PlanError("build needs at least one --ref");
  const work = `${out}.parts`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const layerTar = join(work, "layer.tar");
    const diffHash = createHash("sha256");
    const fd = openSync(layerTar, "w");
    const tar = new TarWriter(fd, (chunk) => diffHash.update(chunk));
    for (const entry of entries) {
      if (entry.type === "dir") tar.directory(entry.path, entry.mode);
      else if (entry.type === "link") tar.symlink(entry.path, entry.target);
      else tar.fileFrom(entry.path, entry.mode, entry.src);
    }
    tar.end();
    closeSync(fd);
    const diffId = `sha256:${diffHash.digest("hex")}`;
    const layerGz = join(work, "layer.tar.gz");
    const layer = await gzipFile(layerTar, layerGz);
    rmSync(layerTar);

    const imageConfig = {
      created: "1970-01-01T00:00:00Z",
      architecture: "amd64",
      os: "linux",
      config: JSON.parse(configText),
      rootfs: { type: "layers", diff_ids: [diffId] },
      history: [{ created: "1970-01-01T00:00:00Z", created_by: "scripts/images.sh" }],
    };
    const configBlob = Buffer.from(JSON.stringify(imageConfig));
    const digestOf = (buffer) => `sha256:${createHash("sha256").update(buffer).digest("hex")}`;
    const manifest = {
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(configBlob), size: configBlob.length },
      layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: layer.digest, size: layer.size }],
    };
    const manifestBlob = Buffer.from(JSON.stringify(manifest));
    const manifestDigest = digestOf(manifestBlob);
    const index = {
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: refs.map((ref) => ({
        mediaType: manifest.mediaType,
        digest: manifestDigest,
        size: manifestBlob.length,
        platform: { architecture: "amd64", os: "linux" },
        annotations: { "io.containerd.image.name": ref, "org.opencontainers.image.ref.name": ref },
      })),
    };

    const partial = join(work, "image.tar");
    const outFd = openSync(partial, "w");
    const archive = new TarWriter(outFd);
    const blob = (digest) => `blobs/sha256/${digest.slice("sha256:".length)}`;
    const blobs = [
      { name: blob(manifest.config.digest), data: configBlob },
      { name: blob(layer.digest), src: layerGz },
      { name: blob(manifestDigest), data: manifestBlob },
    ].sort((a, b) => (a.name < b.name ? -1 : 1));
    archive.directory("blobs", 0o755);
    archive.directory("blobs/sha256", 0o755);
    for (const item of blobs) {
      if (item.src) archive.fileFrom(item.name, 0o644, item.src);
      else archive.fileData(item.name, 0o644, item.data);
    }
    archive.fileData("index.json", 0o644, Buffer.from(JSON.stringify(index)));
    archive.fileData("oci-layout", 0o644, Buffer.from(JSON.stringify({ imageLayoutVersion: "1.0.0" })));
    archive.end();
    closeSync(outFd);
    renameSync(partial, out);
    return { manifestDigest, layerSize: layer.size, diffId };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!["key", "build"].includes(options.command)) throw new PlanError("usage: oci.mjs key|build --plan P --config C ...");
  if (!options.plan || !options.config) throw new PlanError("--plan and --config are required");
  const configText = readFileSync(options.config, "utf8").trim();
  JSON.parse(configText);
  const entries = readPlan(options.plan);
  if (options.command === "key") {
    process.stdout.write(`${inputKey(entries, configText, options.salt)}\n`);
    return;
  }
  if (!options.out) throw new PlanError("build needs --out");
  statSync(dirname(options.out));
  const result = await build(entries, configText, options.refs, options.out);
  process.stdout.write(`${result.manifestDigest}\n`);
}

main().catch((error) => {
  process.stderr.write(`oci.mjs: ${error instanceof PlanError ? error.message : error.stack}\n`);
  process.exit(error instanceof PlanError ? 2 : 1);
});

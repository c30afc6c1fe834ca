import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  parseCatalogDuration
} from "./chunk-PGBLLVI7.js";
import {
  isRecord,
  readYamlFile
} from "./chunk-IVIJ4RNO.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  displayPath,
  resolveInside
} from "./chunk-I5GRNHRJ.js";
import {
  ConfigurationError
} from "./chunk-2GHCG2EG.js";

// src/sources/catalog.ts
import { existsSync } from "node:fs";
var DEFAULT_CATALOG = ".resilience/catalog.yaml";
var TIER_DEFAULTS = {
  0: { rpo: 5 * 60, rto: 15 * 60, drillEvery: 90 * 86400 },
  1: { rpo: 30 * 60, rto: 60 * 60, drillEvery: 90 * 86400 },
  2: { rpo: 4 * 3600, rto: 8 * 3600, drillEvery: 30 * 86400 },
  3: { rpo: 24 * 3600, rto: 24 * 3600, drillEvery: 182 * 86400 }
};
function loadCatalog(workspace, path) {
  const given = path ?? DEFAULT_CATALOG;
  const file = resolveInside(workspace, given, "catalog");
  const shown = displayPath(workspace, file);
  if (!existsSync(file)) {
    throw new ConfigurationError(
      `catalog ${given} does not exist; write one (services with owner and tier, and their stores) or point --catalog at it`
    );
  }
  const documents = readYamlFile(workspace, file, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  if (documents.length !== 1) throw new ConfigurationError(`expected one YAML document in the catalog, found ${documents.length}`, { file: shown, line: 1 });
  const document = documents[0];
  const at = (path2) => {
    const position = document.locate(path2);
    return { file: shown, line: position.line, column: position.column };
  };
  if (!isRecord(document.value)) throw new ConfigurationError("the catalog must be a mapping with a `services:` list", at([]));
  const problems = validate("catalog", document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new ConfigurationError(`catalog: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
  }
  const services = document.value.services;
  const stores = [];
  const byName = /* @__PURE__ */ new Map();
  services.forEach((service, s) => {
    (service.stores ?? []).forEach((raw, i) => {
      const base = ["services", s, "stores", i];
      const previous = byName.get(raw.name);
      if (previous) {
        throw new ConfigurationError(
          `store name ${raw.name} is used twice (also at line ${previous.location.line}); store names must be unique across the catalog`,
          at([...base, "name"])
        );
      }
      const tier = raw.tier ?? service.tier;
      const defaults = TIER_DEFAULTS[tier];
      const overrides = [];
      const seconds = (key) => {
        const text = raw[key];
        if (text === void 0) return defaults[key];
        const value = parseCatalogDuration(text);
        if (value === void 0 || value <= 0) throw new ConfigurationError(`${key} ${text} is not a positive duration like 15m, 4h or 90d`, at([...base, key]));
        overrides.push(key);
        return value;
      };
      const store = {
        name: raw.name,
        service: service.name,
        owner: raw.owner ?? service.owner,
        engine: raw.engine,
        tier,
        rpo: seconds("rpo"),
        rto: seconds("rto"),
        drillEvery: seconds("drillEvery"),
        overrides,
        backups: raw.backups ?? [],
        location: at([...base, "name"]),
        locate: (path2) => at([...base, ...path2])
      };
      stores.push(store);
      byName.set(store.name, store);
    });
  });
  const serviceList = services.map((service, s) => ({
    name: service.name,
    owner: service.owner,
    tier: service.tier,
    dependencies: service.dependencies ?? [],
    location: at(["services", s, "name"]),
    locate: (path2) => at(["services", s, ...path2])
  }));
  return { file: shown, services: serviceList, stores, byName };
}
function storeFacts(store, id) {
  return {
    id,
    name: store.name,
    service: store.service,
    owner: store.owner,
    engine: store.engine,
    tier: store.tier,
    rpo_seconds: store.rpo,
    rto_seconds: store.rto,
    drill_every_seconds: store.drillEvery,
    overrides: [...store.overrides].sort()
  };
}

export {
  loadCatalog,
  storeFacts
};

import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  GitHubApi,
  GitHubApiError,
  readBaseline,
  repoPath,
  sloGate
} from "./chunk-6XJCI72K.js";
import {
  CHAOS_RESULT,
  CHAOS_RESULT_CONFIGMAP,
  TIER_DEFAULTS,
  loadCatalog,
  loadChaosConfig,
  readResultFile,
  selects,
  sliText,
  storeFacts
} from "./chunk-O5ZEMYER.js";
import {
  PUBLIC_KEY_ENV,
  RESTORE_PROOF,
  RESTORE_PROOF_CONFIGMAP,
  parsePublicKey,
  readProofFile,
  readPublicKeyFile,
  readSignedText
} from "./chunk-XWMP5C5J.js";
import {
  DEFAULT_SLOS,
  PrometheusClient,
  flagList,
  formatPercent,
  loadBudgetGate,
  objectSourcesFromFlags,
  prometheusMeasurer,
  readSlos
} from "./chunk-VF2QWSIO.js";
import {
  ClusterReader,
  clusterFromFlags,
  expandJsonInputs,
  liveManifest,
  objectKey,
  readJsonFile,
  repositoryIndex
} from "./chunk-3ONCGH4O.js";
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  BACKUPS_FLAGS,
  CHAOS_READINESS_FLAGS,
  MIGRATIONS_FLAGS,
  READINESS_FLAGS,
  RELEASE_FLAGS,
  RESTORE_PROOFS_FLAGS,
  SECURITY_CONTEXT_FLAGS
} from "./chunk-HD6LMWO3.js";
import {
  PolicyBundle,
  checkInput,
  loadBuiltInBundle,
  sliceEvaluator
} from "./chunk-7R4QGSKL.js";
import {
  SqlText,
  clauseExtent,
  failureError,
  loadSqlParser,
  longIdentifiers,
  numericLiterals,
  parseSqlRecovering,
  readSqlFiles,
  sqlComments,
  sqlIdentifiers,
  sqlParserWasm,
  statementsOf
} from "./chunk-VO4ZWWVO.js";
import {
  BUILT_IN_POD_TEMPLATE_PATHS,
  findWorkloads,
  getPath,
  isRecord,
  locateInDocument,
  manifestObjects,
  parseFieldPath,
  parseYamlDocuments,
  parseYamlValue,
  readYamlFile
} from "./chunk-CWLLBQX2.js";
import {
  hasSchema,
  validate
} from "./chunk-QSZOVTT4.js";
import {
  admitFile,
  displayPath,
  expandGlobs,
  filesBelow,
  readAdmittedBytes,
  readStandaloneTextFile,
  readTextFile,
  requireDirectory,
  require_picomatch,
  resolveInside,
  standaloneWorkspace
} from "./chunk-HDD5QP5V.js";
import {
  childEnv,
  epochSeconds,
  formatDuration,
  parseCatalogDuration,
  parseGoDuration,
  parsePrometheusDuration,
  runTool
} from "./chunk-WWQ44ZA7.js";
import {
  CollectorError,
  ConfigurationError,
  PolicyEvaluationError,
  describeThrown,
  formatLocation,
  packageRoot
} from "./chunk-2GHCG2EG.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-JPIEGBNI.js";

// node_modules/cron-parser/dist/fields/types.js
var require_types = __commonJS({
  "node_modules/cron-parser/dist/fields/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/cron-parser/dist/fields/CronField.js
var require_CronField = __commonJS({
  "node_modules/cron-parser/dist/fields/CronField.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronField = void 0;
    var CronField = class _CronField {
      #hasLastChar = false;
      #hasQuestionMarkChar = false;
      #wildcard = false;
      #values = [];
      options = { rawValue: "" };
      /**
       * Returns the minimum value allowed for this field.
       */
      /* istanbul ignore next */
      static get min() {
        throw new Error("min must be overridden");
      }
      /**
       * Returns the maximum value allowed for this field.
       */
      /* istanbul ignore next */
      static get max() {
        throw new Error("max must be overridden");
      }
      /**
       * Returns the allowed characters for this field.
       */
      /* istanbul ignore next */
      static get chars() {
        return Object.freeze([]);
      }
      /**
       * Returns whether a string value, such as `L`, is allowed in this field.
       * @param {string} value - The value to check
       * @returns {boolean}
       */
      static isValidChar(value) {
        return this.chars.includes(value);
      }
      /**
       * Returns the regular expression used to validate this field.
       */
      static get validChars() {
        return /^[?,*\dH/-]+$|^.*H\(\d+-\d+\)\/\d+.*$|^.*H\(\d+-\d+\).*$|^.*H\/\d+.*$/;
      }
      /**
       * Returns the constraints for this field.
       */
      static get constraints() {
        return { min: this.min, max: this.max, chars: this.chars, validChars: this.validChars };
      }
      /**
       * CronField constructor. Initializes the field with the provided values.
       * @param {number[] | string[]} values - Values for this field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       * @throws {TypeError} if the constructor is called directly
       * @throws {Error} if validation fails
       */
      constructor(values, options = { rawValue: "" }) {
        if (!Array.isArray(values)) {
          throw new Error(`${this.constructor.name} Validation error, values is not an array`);
        }
        if (!(values.length > 0)) {
          throw new Error(`${this.constructor.name} Validation error, values contains no values`);
        }
        this.options = {
          ...options,
          rawValue: options.rawValue ?? ""
        };
        this.#values = [...values].sort(_CronField.sorter);
        this.#wildcard = this.options.wildcard !== void 0 ? this.options.wildcard : this.#isWildcardValue();
        this.#hasLastChar = this.options.rawValue.includes("L") || values.includes("L");
        this.#hasQuestionMarkChar = this.options.rawValue.includes("?") || values.includes("?");
      }
      /**
       * Returns the minimum value allowed for this field.
       * @returns {number}
       */
      get min() {
        return this.constructor.min;
      }
      /**
       * Returns the maximum value allowed for this field.
       * @returns {number}
       */
      get max() {
        return this.constructor.max;
      }
      /**
       * Returns an array of allowed special characters for this field.
       * @returns {string[]}
       */
      get chars() {
        return this.constructor.chars;
      }
      /**
       * Indicates whether this field has a "last" character.
       * @returns {boolean}
       */
      get hasLastChar() {
        return this.#hasLastChar;
      }
      /**
       * Indicates whether this field has a "question mark" character.
       * @returns {boolean}
       */
      get hasQuestionMarkChar() {
        return this.#hasQuestionMarkChar;
      }
      /**
       * Indicates whether this field is a wildcard.
       * @returns {boolean}
       */
      get isWildcard() {
        return this.#wildcard;
      }
      /**
       * Returns an array of allowed values for this field.
       * @returns {CronFieldType}
       */
      get values() {
        return this.#values;
      }
      /**
       * Helper function to sort values in ascending order.
       * @param {number | string} a - First value to compare
       * @param {number | string} b - Second value to compare
       * @returns {number} - A negative, zero, or positive value, depending on the sort order
       */
      static sorter(a, b) {
        const aIsNumber = typeof a === "number";
        const bIsNumber = typeof b === "number";
        if (aIsNumber && bIsNumber)
          return a - b;
        if (!aIsNumber && !bIsNumber)
          return a.localeCompare(b);
        return aIsNumber ? (
          /* istanbul ignore next - A will always be a number until L-2 is supported */
          -1
        ) : 1;
      }
      /**
       * Find the next (or previous when `reverse` is true) numeric value in a sorted list.
       * Returns null if there's no value strictly after/before the current one.
       *
       * @param values - Sorted numeric values
       * @param currentValue - Current value to compare against
       * @param reverse - When true, search in reverse for previous smaller value
       */
      static findNearestValueInList(values, currentValue, reverse) {
        if (reverse) {
          for (let i = values.length - 1; i >= 0; i--) {
            if (values[i] < currentValue)
              return values[i];
          }
          return null;
        }
        for (let i = 0; i < values.length; i++) {
          if (values[i] > currentValue)
            return values[i];
        }
        return null;
      }
      /**
       * Instance helper that operates on this field's numeric `values`.
       *
       * @param currentValue - Current value to compare against
       * @param reverse - When true, search in reverse for previous smaller value
       */
      findNearestValue(currentValue, reverse) {
        return this.constructor.findNearestValueInList(this.values, currentValue, reverse);
      }
      /**
       * Serializes the field to an object.
       * @returns {SerializedCronField}
       */
      serialize() {
        return {
          wildcard: this.#wildcard,
          values: this.#values
        };
      }
      /**
       * Validates the field values against the allowed range and special characters.
       * @throws {Error} if validation fails
       */
      validate() {
        let badValue;
        const charsString = this.chars.length > 0 ? ` or chars ${this.chars.join("")}` : "";
        const field = this.constructor;
        const rangeTest = (value) => {
          badValue = value;
          return typeof value === "number" ? value >= this.min && value <= this.max : field.isValidChar(value);
        };
        const isValidRange = this.#values.every(rangeTest);
        if (!isValidRange) {
          throw new Error(`${this.constructor.name} Validation error, got value ${badValue} expected range ${this.min}-${this.max}${charsString}`);
        }
        const duplicate = this.#values.find((value, index) => this.#values.indexOf(value) !== index);
        if (duplicate !== void 0) {
          throw new Error(`${this.constructor.name} Validation error, duplicate values found: ${duplicate}`);
        }
      }
      /**
       * Determines if the field is a wildcard based on the values.
       * When options.rawValue is not empty, it checks if the raw value is a wildcard, otherwise it checks if all values in the range are included.
       * @returns {boolean}
       */
      #isWildcardValue() {
        if (this.options.rawValue.length > 0) {
          return ["*", "?"].includes(this.options.rawValue);
        }
        return Array.from({ length: this.max - this.min + 1 }, (_, i) => i + this.min).every((value) => this.#values.includes(value));
      }
    };
    exports.CronField = CronField;
  }
});

// node_modules/luxon/build/node/luxon.js
var require_luxon = __commonJS({
  "node_modules/luxon/build/node/luxon.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var LuxonError = class extends Error {
    };
    var InvalidDateTimeError = class extends LuxonError {
      constructor(reason) {
        super(`Invalid DateTime: ${reason.toMessage()}`);
      }
    };
    var InvalidIntervalError = class extends LuxonError {
      constructor(reason) {
        super(`Invalid Interval: ${reason.toMessage()}`);
      }
    };
    var InvalidDurationError = class extends LuxonError {
      constructor(reason) {
        super(`Invalid Duration: ${reason.toMessage()}`);
      }
    };
    var ConflictingSpecificationError = class extends LuxonError {
    };
    var InvalidUnitError = class extends LuxonError {
      constructor(unit) {
        super(`Invalid unit ${unit}`);
      }
    };
    var InvalidArgumentError = class extends LuxonError {
    };
    var ZoneIsAbstractError = class extends LuxonError {
      constructor() {
        super("Zone is an abstract class");
      }
    };
    var n = "numeric";
    var s = "short";
    var l = "long";
    var DATE_SHORT = {
      year: n,
      month: n,
      day: n
    };
    var DATE_MED = {
      year: n,
      month: s,
      day: n
    };
    var DATE_MED_WITH_WEEKDAY = {
      year: n,
      month: s,
      day: n,
      weekday: s
    };
    var DATE_FULL = {
      year: n,
      month: l,
      day: n
    };
    var DATE_HUGE = {
      year: n,
      month: l,
      day: n,
      weekday: l
    };
    var TIME_SIMPLE = {
      hour: n,
      minute: n
    };
    var TIME_WITH_SECONDS = {
      hour: n,
      minute: n,
      second: n
    };
    var TIME_WITH_SHORT_OFFSET = {
      hour: n,
      minute: n,
      second: n,
      timeZoneName: s
    };
    var TIME_WITH_LONG_OFFSET = {
      hour: n,
      minute: n,
      second: n,
      timeZoneName: l
    };
    var TIME_24_SIMPLE = {
      hour: n,
      minute: n,
      hourCycle: "h23"
    };
    var TIME_24_WITH_SECONDS = {
      hour: n,
      minute: n,
      second: n,
      hourCycle: "h23"
    };
    var TIME_24_WITH_SHORT_OFFSET = {
      hour: n,
      minute: n,
      second: n,
      hourCycle: "h23",
      timeZoneName: s
    };
    var TIME_24_WITH_LONG_OFFSET = {
      hour: n,
      minute: n,
      second: n,
      hourCycle: "h23",
      timeZoneName: l
    };
    var DATETIME_SHORT = {
      year: n,
      month: n,
      day: n,
      hour: n,
      minute: n
    };
    var DATETIME_SHORT_WITH_SECONDS = {
      year: n,
      month: n,
      day: n,
      hour: n,
      minute: n,
      second: n
    };
    var DATETIME_MED = {
      year: n,
      month: s,
      day: n,
      hour: n,
      minute: n
    };
    var DATETIME_MED_WITH_SECONDS = {
      year: n,
      month: s,
      day: n,
      hour: n,
      minute: n,
      second: n
    };
    var DATETIME_MED_WITH_WEEKDAY = {
      year: n,
      month: s,
      day: n,
      weekday: s,
      hour: n,
      minute: n
    };
    var DATETIME_FULL = {
      year: n,
      month: l,
      day: n,
      hour: n,
      minute: n,
      timeZoneName: s
    };
    var DATETIME_FULL_WITH_SECONDS = {
      year: n,
      month: l,
      day: n,
      hour: n,
      minute: n,
      second: n,
      timeZoneName: s
    };
    var DATETIME_HUGE = {
      year: n,
      month: l,
      day: n,
      weekday: l,
      hour: n,
      minute: n,
      timeZoneName: l
    };
    var DATETIME_HUGE_WITH_SECONDS = {
      year: n,
      month: l,
      day: n,
      weekday: l,
      hour: n,
      minute: n,
      second: n,
      timeZoneName: l
    };
    var Zone = class {
      /**
       * The type of zone
       * @abstract
       * @type {string}
       */
      get type() {
        throw new ZoneIsAbstractError();
      }
      /**
       * The name of this zone.
       * @abstract
       * @type {string}
       */
      get name() {
        throw new ZoneIsAbstractError();
      }
      /**
       * The IANA name of this zone.
       * Defaults to `name` if not overwritten by a subclass.
       * @abstract
       * @type {string}
       */
      get ianaName() {
        return this.name;
      }
      /**
       * Returns whether the offset is known to be fixed for the whole year.
       * @abstract
       * @type {boolean}
       */
      get isUniversal() {
        throw new ZoneIsAbstractError();
      }
      /**
       * Returns the offset's common name (such as EST) at the specified timestamp
       * @abstract
       * @param {number} ts - Epoch milliseconds for which to get the name
       * @param {Object} opts - Options to affect the format
       * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
       * @param {string} opts.locale - What locale to return the offset name in.
       * @return {string}
       */
      offsetName(ts, opts) {
        throw new ZoneIsAbstractError();
      }
      /**
       * Returns the offset's value as a string
       * @abstract
       * @param {number} ts - Epoch milliseconds for which to get the offset
       * @param {string} format - What style of offset to return.
       *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
       * @return {string}
       */
      formatOffset(ts, format) {
        throw new ZoneIsAbstractError();
      }
      /**
       * Return the offset in minutes for this zone at the specified timestamp.
       * @abstract
       * @param {number} ts - Epoch milliseconds for which to compute the offset
       * @return {number}
       */
      offset(ts) {
        throw new ZoneIsAbstractError();
      }
      /**
       * Return whether this Zone is equal to another zone
       * @abstract
       * @param {Zone} otherZone - the zone to compare
       * @return {boolean}
       */
      equals(otherZone) {
        throw new ZoneIsAbstractError();
      }
      /**
       * Return whether this Zone is valid.
       * @abstract
       * @type {boolean}
       */
      get isValid() {
        throw new ZoneIsAbstractError();
      }
    };
    var singleton$1 = null;
    var SystemZone = class _SystemZone extends Zone {
      /**
       * Get a singleton instance of the local zone
       * @return {SystemZone}
       */
      static get instance() {
        if (singleton$1 === null) {
          singleton$1 = new _SystemZone();
        }
        return singleton$1;
      }
      /** @override **/
      get type() {
        return "system";
      }
      /** @override **/
      get name() {
        return new Intl.DateTimeFormat().resolvedOptions().timeZone;
      }
      /** @override **/
      get isUniversal() {
        return false;
      }
      /** @override **/
      offsetName(ts, {
        format,
        locale
      }) {
        return parseZoneInfo(ts, format, locale);
      }
      /** @override **/
      formatOffset(ts, format) {
        return formatOffset(this.offset(ts), format);
      }
      /** @override **/
      offset(ts) {
        return -new Date(ts).getTimezoneOffset();
      }
      /** @override **/
      equals(otherZone) {
        return otherZone.type === "system";
      }
      /** @override **/
      get isValid() {
        return true;
      }
    };
    var dtfCache = /* @__PURE__ */ new Map();
    function makeDTF(zoneName) {
      let dtf = dtfCache.get(zoneName);
      if (dtf === void 0) {
        dtf = new Intl.DateTimeFormat("en-US", {
          hour12: false,
          timeZone: zoneName,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
          era: "short"
        });
        dtfCache.set(zoneName, dtf);
      }
      return dtf;
    }
    var typeToPos = {
      year: 0,
      month: 1,
      day: 2,
      era: 3,
      hour: 4,
      minute: 5,
      second: 6
    };
    function hackyOffset(dtf, date) {
      const formatted = dtf.format(date).replace(/\u200E/g, ""), parsed = /(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)/.exec(formatted), [, fMonth, fDay, fYear, fadOrBc, fHour, fMinute, fSecond] = parsed;
      return [fYear, fMonth, fDay, fadOrBc, fHour, fMinute, fSecond];
    }
    function partsOffset(dtf, date) {
      const formatted = dtf.formatToParts(date);
      const filled = [];
      for (let i = 0; i < formatted.length; i++) {
        const {
          type,
          value
        } = formatted[i];
        const pos = typeToPos[type];
        if (type === "era") {
          filled[pos] = value;
        } else if (!isUndefined(pos)) {
          filled[pos] = parseInt(value, 10);
        }
      }
      return filled;
    }
    var ianaZoneCache = /* @__PURE__ */ new Map();
    var IANAZone = class _IANAZone extends Zone {
      /**
       * @param {string} name - Zone name
       * @return {IANAZone}
       */
      static create(name) {
        let zone = ianaZoneCache.get(name);
        if (zone === void 0) {
          ianaZoneCache.set(name, zone = new _IANAZone(name));
        }
        return zone;
      }
      /**
       * Reset local caches. Should only be necessary in testing scenarios.
       * @return {void}
       */
      static resetCache() {
        ianaZoneCache.clear();
        dtfCache.clear();
      }
      /**
       * Returns whether the provided string is a valid specifier. This only checks the string's format, not that the specifier identifies a known zone; see isValidZone for that.
       * @param {string} s - The string to check validity on
       * @example IANAZone.isValidSpecifier("America/New_York") //=> true
       * @example IANAZone.isValidSpecifier("Sport~~blorp") //=> false
       * @deprecated For backward compatibility, this forwards to isValidZone, better use `isValidZone()` directly instead.
       * @return {boolean}
       */
      static isValidSpecifier(s2) {
        return this.isValidZone(s2);
      }
      /**
       * Returns whether the provided string identifies a real zone
       * @param {string} zone - The string to check
       * @example IANAZone.isValidZone("America/New_York") //=> true
       * @example IANAZone.isValidZone("Fantasia/Castle") //=> false
       * @example IANAZone.isValidZone("Sport~~blorp") //=> false
       * @return {boolean}
       */
      static isValidZone(zone) {
        if (!zone) {
          return false;
        }
        try {
          new Intl.DateTimeFormat("en-US", {
            timeZone: zone
          }).format();
          return true;
        } catch (e) {
          return false;
        }
      }
      constructor(name) {
        super();
        this.zoneName = name;
        this.valid = _IANAZone.isValidZone(name);
      }
      /**
       * The type of zone. `iana` for all instances of `IANAZone`.
       * @override
       * @type {string}
       */
      get type() {
        return "iana";
      }
      /**
       * The name of this zone (i.e. the IANA zone name).
       * @override
       * @type {string}
       */
      get name() {
        return this.zoneName;
      }
      /**
       * Returns whether the offset is known to be fixed for the whole year:
       * Always returns false for all IANA zones.
       * @override
       * @type {boolean}
       */
      get isUniversal() {
        return false;
      }
      /**
       * Returns the offset's common name (such as EST) at the specified timestamp
       * @override
       * @param {number} ts - Epoch milliseconds for which to get the name
       * @param {Object} opts - Options to affect the format
       * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
       * @param {string} opts.locale - What locale to return the offset name in.
       * @return {string}
       */
      offsetName(ts, {
        format,
        locale
      }) {
        return parseZoneInfo(ts, format, locale, this.name);
      }
      /**
       * Returns the offset's value as a string
       * @override
       * @param {number} ts - Epoch milliseconds for which to get the offset
       * @param {string} format - What style of offset to return.
       *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
       * @return {string}
       */
      formatOffset(ts, format) {
        return formatOffset(this.offset(ts), format);
      }
      /**
       * Return the offset in minutes for this zone at the specified timestamp.
       * @override
       * @param {number} ts - Epoch milliseconds for which to compute the offset
       * @return {number}
       */
      offset(ts) {
        if (!this.valid) return NaN;
        const date = new Date(ts);
        if (isNaN(date)) return NaN;
        const dtf = makeDTF(this.name);
        let [year, month, day, adOrBc, hour, minute, second] = dtf.formatToParts ? partsOffset(dtf, date) : hackyOffset(dtf, date);
        if (adOrBc === "BC") {
          year = -Math.abs(year) + 1;
        }
        const adjustedHour = hour === 24 ? 0 : hour;
        const asUTC = objToLocalTS({
          year,
          month,
          day,
          hour: adjustedHour,
          minute,
          second,
          millisecond: 0
        });
        let asTS = +date;
        const over = asTS % 1e3;
        asTS -= over >= 0 ? over : 1e3 + over;
        return (asUTC - asTS) / (60 * 1e3);
      }
      /**
       * Return whether this Zone is equal to another zone
       * @override
       * @param {Zone} otherZone - the zone to compare
       * @return {boolean}
       */
      equals(otherZone) {
        return otherZone.type === "iana" && otherZone.name === this.name;
      }
      /**
       * Return whether this Zone is valid.
       * @override
       * @type {boolean}
       */
      get isValid() {
        return this.valid;
      }
    };
    var intlLFCache = {};
    function getCachedLF(locString, opts = {}) {
      const key = JSON.stringify([locString, opts]);
      let dtf = intlLFCache[key];
      if (!dtf) {
        dtf = new Intl.ListFormat(locString, opts);
        intlLFCache[key] = dtf;
      }
      return dtf;
    }
    var intlDTCache = /* @__PURE__ */ new Map();
    function getCachedDTF(locString, opts = {}) {
      const key = JSON.stringify([locString, opts]);
      let dtf = intlDTCache.get(key);
      if (dtf === void 0) {
        dtf = new Intl.DateTimeFormat(locString, opts);
        intlDTCache.set(key, dtf);
      }
      return dtf;
    }
    var intlNumCache = /* @__PURE__ */ new Map();
    function getCachedINF(locString, opts = {}) {
      const key = JSON.stringify([locString, opts]);
      let inf = intlNumCache.get(key);
      if (inf === void 0) {
        inf = new Intl.NumberFormat(locString, opts);
        intlNumCache.set(key, inf);
      }
      return inf;
    }
    var intlRelCache = /* @__PURE__ */ new Map();
    function getCachedRTF(locString, opts = {}) {
      const {
        base,
        ...cacheKeyOpts
      } = opts;
      const key = JSON.stringify([locString, cacheKeyOpts]);
      let inf = intlRelCache.get(key);
      if (inf === void 0) {
        inf = new Intl.RelativeTimeFormat(locString, opts);
        intlRelCache.set(key, inf);
      }
      return inf;
    }
    var sysLocaleCache = null;
    function systemLocale() {
      if (sysLocaleCache) {
        return sysLocaleCache;
      } else {
        sysLocaleCache = new Intl.DateTimeFormat().resolvedOptions().locale;
        return sysLocaleCache;
      }
    }
    var intlResolvedOptionsCache = /* @__PURE__ */ new Map();
    function getCachedIntResolvedOptions(locString) {
      let opts = intlResolvedOptionsCache.get(locString);
      if (opts === void 0) {
        opts = new Intl.DateTimeFormat(locString).resolvedOptions();
        intlResolvedOptionsCache.set(locString, opts);
      }
      return opts;
    }
    var weekInfoCache = /* @__PURE__ */ new Map();
    function getCachedWeekInfo(locString) {
      let data = weekInfoCache.get(locString);
      if (!data) {
        const locale = new Intl.Locale(locString);
        data = "getWeekInfo" in locale ? locale.getWeekInfo() : locale.weekInfo;
        if (!("minimalDays" in data)) {
          data = {
            ...fallbackWeekSettings,
            ...data
          };
        }
        weekInfoCache.set(locString, data);
      }
      return data;
    }
    function parseLocaleString(localeStr) {
      const xIndex = localeStr.indexOf("-x-");
      if (xIndex !== -1) {
        localeStr = localeStr.substring(0, xIndex);
      }
      const uIndex = localeStr.indexOf("-u-");
      if (uIndex === -1) {
        return [localeStr];
      } else {
        let options;
        let selectedStr;
        try {
          options = getCachedDTF(localeStr).resolvedOptions();
          selectedStr = localeStr;
        } catch (e) {
          const smaller = localeStr.substring(0, uIndex);
          options = getCachedDTF(smaller).resolvedOptions();
          selectedStr = smaller;
        }
        const {
          numberingSystem,
          calendar
        } = options;
        return [selectedStr, numberingSystem, calendar];
      }
    }
    function intlConfigString(localeStr, numberingSystem, outputCalendar) {
      if (outputCalendar || numberingSystem) {
        if (!localeStr.includes("-u-")) {
          localeStr += "-u";
        }
        if (outputCalendar) {
          localeStr += `-ca-${outputCalendar}`;
        }
        if (numberingSystem) {
          localeStr += `-nu-${numberingSystem}`;
        }
        return localeStr;
      } else {
        return localeStr;
      }
    }
    function mapMonths(f) {
      const ms = [];
      for (let i = 1; i <= 12; i++) {
        const dt = DateTime.utc(2009, i, 1);
        ms.push(f(dt));
      }
      return ms;
    }
    function mapWeekdays(f) {
      const ms = [];
      for (let i = 1; i <= 7; i++) {
        const dt = DateTime.utc(2016, 11, 13 + i);
        ms.push(f(dt));
      }
      return ms;
    }
    function listStuff(loc, length, englishFn, intlFn) {
      const mode = loc.listingMode();
      if (mode === "error") {
        return null;
      } else if (mode === "en") {
        return englishFn(length);
      } else {
        return intlFn(length);
      }
    }
    function supportsFastNumbers(loc) {
      if (loc.numberingSystem && loc.numberingSystem !== "latn") {
        return false;
      } else {
        return loc.numberingSystem === "latn" || !loc.locale || loc.locale.startsWith("en") || getCachedIntResolvedOptions(loc.locale).numberingSystem === "latn";
      }
    }
    var PolyNumberFormatter = class {
      constructor(intl, forceSimple, opts) {
        this.padTo = opts.padTo || 0;
        this.floor = opts.floor || false;
        const {
          padTo,
          floor,
          ...otherOpts
        } = opts;
        if (!forceSimple || Object.keys(otherOpts).length > 0) {
          const intlOpts = {
            useGrouping: false,
            ...opts
          };
          if (opts.padTo > 0) intlOpts.minimumIntegerDigits = opts.padTo;
          this.inf = getCachedINF(intl, intlOpts);
        }
      }
      format(i) {
        if (this.inf) {
          const fixed = this.floor ? Math.floor(i) : i;
          return this.inf.format(fixed);
        } else {
          const fixed = this.floor ? Math.floor(i) : roundTo(i, 3);
          return padStart(fixed, this.padTo);
        }
      }
    };
    var PolyDateFormatter = class {
      constructor(dt, intl, opts) {
        this.opts = opts;
        this.originalZone = void 0;
        let z = void 0;
        if (this.opts.timeZone) {
          this.dt = dt;
        } else if (dt.zone.type === "fixed") {
          const gmtOffset = -1 * (dt.offset / 60);
          const offsetZ = gmtOffset >= 0 ? `Etc/GMT+${gmtOffset}` : `Etc/GMT${gmtOffset}`;
          if (dt.offset !== 0 && IANAZone.create(offsetZ).valid) {
            z = offsetZ;
            this.dt = dt;
          } else {
            z = "UTC";
            this.dt = dt.offset === 0 ? dt : dt.setZone("UTC").plus({
              minutes: dt.offset
            });
            this.originalZone = dt.zone;
          }
        } else if (dt.zone.type === "system") {
          this.dt = dt;
        } else if (dt.zone.type === "iana") {
          this.dt = dt;
          z = dt.zone.name;
        } else {
          z = "UTC";
          this.dt = dt.setZone("UTC").plus({
            minutes: dt.offset
          });
          this.originalZone = dt.zone;
        }
        const intlOpts = {
          ...this.opts
        };
        intlOpts.timeZone = intlOpts.timeZone || z;
        this.dtf = getCachedDTF(intl, intlOpts);
      }
      format() {
        if (this.originalZone) {
          return this.formatToParts().map(({
            value
          }) => value).join("");
        }
        return this.dtf.format(this.dt.toJSDate());
      }
      formatToParts() {
        const parts = this.dtf.formatToParts(this.dt.toJSDate());
        if (this.originalZone) {
          return parts.map((part) => {
            if (part.type === "timeZoneName") {
              const offsetName = this.originalZone.offsetName(this.dt.ts, {
                locale: this.dt.locale,
                format: this.opts.timeZoneName
              });
              return {
                ...part,
                value: offsetName
              };
            } else {
              return part;
            }
          });
        }
        return parts;
      }
      resolvedOptions() {
        return this.dtf.resolvedOptions();
      }
    };
    var PolyRelFormatter = class {
      constructor(intl, isEnglish, opts) {
        this.opts = {
          style: "long",
          ...opts
        };
        if (!isEnglish && hasRelative()) {
          this.rtf = getCachedRTF(intl, opts);
        }
      }
      format(count, unit) {
        if (this.rtf) {
          return this.rtf.format(count, unit);
        } else {
          return formatRelativeTime(unit, count, this.opts.numeric, this.opts.style !== "long");
        }
      }
      formatToParts(count, unit) {
        if (this.rtf) {
          return this.rtf.formatToParts(count, unit);
        } else {
          return [];
        }
      }
    };
    var fallbackWeekSettings = {
      firstDay: 1,
      minimalDays: 4,
      weekend: [6, 7]
    };
    var Locale = class _Locale {
      static fromOpts(opts) {
        return _Locale.create(opts.locale, opts.numberingSystem, opts.outputCalendar, opts.weekSettings, opts.defaultToEN);
      }
      static create(locale, numberingSystem, outputCalendar, weekSettings, defaultToEN = false) {
        const specifiedLocale = locale || Settings.defaultLocale;
        const localeR = specifiedLocale || (defaultToEN ? "en-US" : systemLocale());
        const numberingSystemR = numberingSystem || Settings.defaultNumberingSystem;
        const outputCalendarR = outputCalendar || Settings.defaultOutputCalendar;
        const weekSettingsR = validateWeekSettings(weekSettings) || Settings.defaultWeekSettings;
        return new _Locale(localeR, numberingSystemR, outputCalendarR, weekSettingsR, specifiedLocale);
      }
      static resetCache() {
        sysLocaleCache = null;
        intlDTCache.clear();
        intlNumCache.clear();
        intlRelCache.clear();
        intlResolvedOptionsCache.clear();
        weekInfoCache.clear();
      }
      static fromObject({
        locale,
        numberingSystem,
        outputCalendar,
        weekSettings
      } = {}) {
        return _Locale.create(locale, numberingSystem, outputCalendar, weekSettings);
      }
      constructor(locale, numbering, outputCalendar, weekSettings, specifiedLocale) {
        const [parsedLocale, parsedNumberingSystem, parsedOutputCalendar] = parseLocaleString(locale);
        this.locale = parsedLocale;
        this.numberingSystem = numbering || parsedNumberingSystem || null;
        this.outputCalendar = outputCalendar || parsedOutputCalendar || null;
        this.weekSettings = weekSettings;
        this.intl = intlConfigString(this.locale, this.numberingSystem, this.outputCalendar);
        this.weekdaysCache = {
          format: {},
          standalone: {}
        };
        this.monthsCache = {
          format: {},
          standalone: {}
        };
        this.meridiemCache = null;
        this.eraCache = {};
        this.specifiedLocale = specifiedLocale;
        this.fastNumbersCached = null;
      }
      get fastNumbers() {
        if (this.fastNumbersCached == null) {
          this.fastNumbersCached = supportsFastNumbers(this);
        }
        return this.fastNumbersCached;
      }
      listingMode() {
        const isActuallyEn = this.isEnglish();
        const hasNoWeirdness = (this.numberingSystem === null || this.numberingSystem === "latn") && (this.outputCalendar === null || this.outputCalendar === "gregory");
        return isActuallyEn && hasNoWeirdness ? "en" : "intl";
      }
      clone(alts) {
        if (!alts || Object.getOwnPropertyNames(alts).length === 0) {
          return this;
        } else {
          return _Locale.create(alts.locale || this.specifiedLocale, alts.numberingSystem || this.numberingSystem, alts.outputCalendar || this.outputCalendar, validateWeekSettings(alts.weekSettings) || this.weekSettings, alts.defaultToEN || false);
        }
      }
      redefaultToEN(alts = {}) {
        return this.clone({
          ...alts,
          defaultToEN: true
        });
      }
      redefaultToSystem(alts = {}) {
        return this.clone({
          ...alts,
          defaultToEN: false
        });
      }
      months(length, format = false) {
        return listStuff(this, length, months, () => {
          const monthSpecialCase = this.intl === "ja" || this.intl.startsWith("ja-");
          format &= !monthSpecialCase;
          const intl = format ? {
            month: length,
            day: "numeric"
          } : {
            month: length
          }, formatStr = format ? "format" : "standalone";
          if (!this.monthsCache[formatStr][length]) {
            const mapper = !monthSpecialCase ? (dt) => this.extract(dt, intl, "month") : (dt) => this.dtFormatter(dt, intl).format();
            this.monthsCache[formatStr][length] = mapMonths(mapper);
          }
          return this.monthsCache[formatStr][length];
        });
      }
      weekdays(length, format = false) {
        return listStuff(this, length, weekdays, () => {
          const intl = format ? {
            weekday: length,
            year: "numeric",
            month: "long",
            day: "numeric"
          } : {
            weekday: length
          }, formatStr = format ? "format" : "standalone";
          if (!this.weekdaysCache[formatStr][length]) {
            this.weekdaysCache[formatStr][length] = mapWeekdays((dt) => this.extract(dt, intl, "weekday"));
          }
          return this.weekdaysCache[formatStr][length];
        });
      }
      meridiems() {
        return listStuff(this, void 0, () => meridiems, () => {
          if (!this.meridiemCache) {
            const intl = {
              hour: "numeric",
              hourCycle: "h12"
            };
            this.meridiemCache = [DateTime.utc(2016, 11, 13, 9), DateTime.utc(2016, 11, 13, 19)].map((dt) => this.extract(dt, intl, "dayperiod"));
          }
          return this.meridiemCache;
        });
      }
      eras(length) {
        return listStuff(this, length, eras, () => {
          const intl = {
            era: length
          };
          if (!this.eraCache[length]) {
            this.eraCache[length] = [DateTime.utc(-40, 1, 1), DateTime.utc(2017, 1, 1)].map((dt) => this.extract(dt, intl, "era"));
          }
          return this.eraCache[length];
        });
      }
      extract(dt, intlOpts, field) {
        const df = this.dtFormatter(dt, intlOpts), results = df.formatToParts(), matching = results.find((m) => m.type.toLowerCase() === field);
        return matching ? matching.value : null;
      }
      numberFormatter(opts = {}) {
        return new PolyNumberFormatter(this.intl, opts.forceSimple || this.fastNumbers, opts);
      }
      dtFormatter(dt, intlOpts = {}) {
        return new PolyDateFormatter(dt, this.intl, intlOpts);
      }
      relFormatter(opts = {}) {
        return new PolyRelFormatter(this.intl, this.isEnglish(), opts);
      }
      listFormatter(opts = {}) {
        return getCachedLF(this.intl, opts);
      }
      isEnglish() {
        return this.locale === "en" || this.locale.toLowerCase() === "en-us" || getCachedIntResolvedOptions(this.intl).locale.startsWith("en-us");
      }
      getWeekSettings() {
        if (this.weekSettings) {
          return this.weekSettings;
        } else if (!hasLocaleWeekInfo()) {
          return fallbackWeekSettings;
        } else {
          return getCachedWeekInfo(this.locale);
        }
      }
      getStartOfWeek() {
        return this.getWeekSettings().firstDay;
      }
      getMinDaysInFirstWeek() {
        return this.getWeekSettings().minimalDays;
      }
      getWeekendDays() {
        return this.getWeekSettings().weekend;
      }
      equals(other) {
        return this.locale === other.locale && this.numberingSystem === other.numberingSystem && this.outputCalendar === other.outputCalendar;
      }
      toString() {
        return `Locale(${this.locale}, ${this.numberingSystem}, ${this.outputCalendar})`;
      }
    };
    var singleton = null;
    var FixedOffsetZone = class _FixedOffsetZone extends Zone {
      /**
       * Get a singleton instance of UTC
       * @return {FixedOffsetZone}
       */
      static get utcInstance() {
        if (singleton === null) {
          singleton = new _FixedOffsetZone(0);
        }
        return singleton;
      }
      /**
       * Get an instance with a specified offset
       * @param {number} offset - The offset in minutes
       * @return {FixedOffsetZone}
       */
      static instance(offset2) {
        return offset2 === 0 ? _FixedOffsetZone.utcInstance : new _FixedOffsetZone(offset2);
      }
      /**
       * Get an instance of FixedOffsetZone from a UTC offset string, like "UTC+6"
       * @param {string} s - The offset string to parse
       * @example FixedOffsetZone.parseSpecifier("UTC+6")
       * @example FixedOffsetZone.parseSpecifier("UTC+06")
       * @example FixedOffsetZone.parseSpecifier("UTC-6:00")
       * @return {FixedOffsetZone}
       */
      static parseSpecifier(s2) {
        if (s2) {
          const r = s2.match(/^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i);
          if (r) {
            return new _FixedOffsetZone(signedOffset(r[1], r[2]));
          }
        }
        return null;
      }
      constructor(offset2) {
        super();
        this.fixed = offset2;
      }
      /**
       * The type of zone. `fixed` for all instances of `FixedOffsetZone`.
       * @override
       * @type {string}
       */
      get type() {
        return "fixed";
      }
      /**
       * The name of this zone.
       * All fixed zones' names always start with "UTC" (plus optional offset)
       * @override
       * @type {string}
       */
      get name() {
        return this.fixed === 0 ? "UTC" : `UTC${formatOffset(this.fixed, "narrow")}`;
      }
      /**
       * The IANA name of this zone, i.e. `Etc/UTC` or `Etc/GMT+/-nn`
       *
       * @override
       * @type {string}
       */
      get ianaName() {
        if (this.fixed === 0) {
          return "Etc/UTC";
        } else {
          return `Etc/GMT${formatOffset(-this.fixed, "narrow")}`;
        }
      }
      /**
       * Returns the offset's common name at the specified timestamp.
       *
       * For fixed offset zones this equals to the zone name.
       * @override
       */
      offsetName() {
        return this.name;
      }
      /**
       * Returns the offset's value as a string
       * @override
       * @param {number} ts - Epoch milliseconds for which to get the offset
       * @param {string} format - What style of offset to return.
       *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
       * @return {string}
       */
      formatOffset(ts, format) {
        return formatOffset(this.fixed, format);
      }
      /**
       * Returns whether the offset is known to be fixed for the whole year:
       * Always returns true for all fixed offset zones.
       * @override
       * @type {boolean}
       */
      get isUniversal() {
        return true;
      }
      /**
       * Return the offset in minutes for this zone at the specified timestamp.
       *
       * For fixed offset zones, this is constant and does not depend on a timestamp.
       * @override
       * @return {number}
       */
      offset() {
        return this.fixed;
      }
      /**
       * Return whether this Zone is equal to another zone (i.e. also fixed and same offset)
       * @override
       * @param {Zone} otherZone - the zone to compare
       * @return {boolean}
       */
      equals(otherZone) {
        return otherZone.type === "fixed" && otherZone.fixed === this.fixed;
      }
      /**
       * Return whether this Zone is valid:
       * All fixed offset zones are valid.
       * @override
       * @type {boolean}
       */
      get isValid() {
        return true;
      }
    };
    var InvalidZone = class extends Zone {
      constructor(zoneName) {
        super();
        this.zoneName = zoneName;
      }
      /** @override **/
      get type() {
        return "invalid";
      }
      /** @override **/
      get name() {
        return this.zoneName;
      }
      /** @override **/
      get isUniversal() {
        return false;
      }
      /** @override **/
      offsetName() {
        return null;
      }
      /** @override **/
      formatOffset() {
        return "";
      }
      /** @override **/
      offset() {
        return NaN;
      }
      /** @override **/
      equals() {
        return false;
      }
      /** @override **/
      get isValid() {
        return false;
      }
    };
    function normalizeZone(input, defaultZone2) {
      if (isUndefined(input) || input === null) {
        return defaultZone2;
      } else if (input instanceof Zone) {
        return input;
      } else if (isString(input)) {
        const lowered = input.toLowerCase();
        if (lowered === "default") return defaultZone2;
        else if (lowered === "local" || lowered === "system") return SystemZone.instance;
        else if (lowered === "utc" || lowered === "gmt") return FixedOffsetZone.utcInstance;
        else return FixedOffsetZone.parseSpecifier(lowered) || IANAZone.create(input);
      } else if (isNumber(input)) {
        return FixedOffsetZone.instance(input);
      } else if (typeof input === "object" && "offset" in input && typeof input.offset === "function") {
        return input;
      } else {
        return new InvalidZone(input);
      }
    }
    var numberingSystems = {
      arab: "[\u0660-\u0669]",
      arabext: "[\u06F0-\u06F9]",
      bali: "[\u1B50-\u1B59]",
      beng: "[\u09E6-\u09EF]",
      deva: "[\u0966-\u096F]",
      fullwide: "[\uFF10-\uFF19]",
      gujr: "[\u0AE6-\u0AEF]",
      hanidec: "[\u3007|\u4E00|\u4E8C|\u4E09|\u56DB|\u4E94|\u516D|\u4E03|\u516B|\u4E5D]",
      khmr: "[\u17E0-\u17E9]",
      knda: "[\u0CE6-\u0CEF]",
      laoo: "[\u0ED0-\u0ED9]",
      limb: "[\u1946-\u194F]",
      mlym: "[\u0D66-\u0D6F]",
      mong: "[\u1810-\u1819]",
      mymr: "[\u1040-\u1049]",
      orya: "[\u0B66-\u0B6F]",
      tamldec: "[\u0BE6-\u0BEF]",
      telu: "[\u0C66-\u0C6F]",
      thai: "[\u0E50-\u0E59]",
      tibt: "[\u0F20-\u0F29]",
      latn: "\\d"
    };
    var numberingSystemsUTF16 = {
      arab: [1632, 1641],
      arabext: [1776, 1785],
      bali: [6992, 7001],
      beng: [2534, 2543],
      deva: [2406, 2415],
      fullwide: [65296, 65303],
      gujr: [2790, 2799],
      khmr: [6112, 6121],
      knda: [3302, 3311],
      laoo: [3792, 3801],
      limb: [6470, 6479],
      mlym: [3430, 3439],
      mong: [6160, 6169],
      mymr: [4160, 4169],
      orya: [2918, 2927],
      tamldec: [3046, 3055],
      telu: [3174, 3183],
      thai: [3664, 3673],
      tibt: [3872, 3881]
    };
    var hanidecChars = numberingSystems.hanidec.replace(/[\[|\]]/g, "").split("");
    function parseDigits(str2) {
      let value = parseInt(str2, 10);
      if (isNaN(value)) {
        value = "";
        for (let i = 0; i < str2.length; i++) {
          const code = str2.charCodeAt(i);
          if (str2[i].search(numberingSystems.hanidec) !== -1) {
            value += hanidecChars.indexOf(str2[i]);
          } else {
            for (const key in numberingSystemsUTF16) {
              const [min, max] = numberingSystemsUTF16[key];
              if (code >= min && code <= max) {
                value += code - min;
              }
            }
          }
        }
        return parseInt(value, 10);
      } else {
        return value;
      }
    }
    var digitRegexCache = /* @__PURE__ */ new Map();
    function resetDigitRegexCache() {
      digitRegexCache.clear();
    }
    function digitRegex({
      numberingSystem
    }, append = "") {
      const ns = numberingSystem || "latn";
      let appendCache = digitRegexCache.get(ns);
      if (appendCache === void 0) {
        appendCache = /* @__PURE__ */ new Map();
        digitRegexCache.set(ns, appendCache);
      }
      let regex = appendCache.get(append);
      if (regex === void 0) {
        regex = new RegExp(`${numberingSystems[ns]}${append}`);
        appendCache.set(append, regex);
      }
      return regex;
    }
    var now = () => Date.now();
    var defaultZone = "system";
    var defaultLocale = null;
    var defaultNumberingSystem = null;
    var defaultOutputCalendar = null;
    var twoDigitCutoffYear = 60;
    var throwOnInvalid;
    var defaultWeekSettings = null;
    var Settings = class {
      /**
       * Get the callback for returning the current timestamp.
       * @type {function}
       */
      static get now() {
        return now;
      }
      /**
       * Set the callback for returning the current timestamp.
       * The function should return a number, which will be interpreted as an Epoch millisecond count
       * @type {function}
       * @example Settings.now = () => Date.now() + 3000 // pretend it is 3 seconds in the future
       * @example Settings.now = () => 0 // always pretend it's Jan 1, 1970 at midnight in UTC time
       */
      static set now(n2) {
        now = n2;
      }
      /**
       * Set the default time zone to create DateTimes in. Does not affect existing instances.
       * Use the value "system" to reset this value to the system's time zone.
       * @type {string}
       */
      static set defaultZone(zone) {
        defaultZone = zone;
      }
      /**
       * Get the default time zone object currently used to create DateTimes. Does not affect existing instances.
       * The default value is the system's time zone (the one set on the machine that runs this code).
       * @type {Zone}
       */
      static get defaultZone() {
        return normalizeZone(defaultZone, SystemZone.instance);
      }
      /**
       * Get the default locale to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static get defaultLocale() {
        return defaultLocale;
      }
      /**
       * Set the default locale to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static set defaultLocale(locale) {
        defaultLocale = locale;
      }
      /**
       * Get the default numbering system to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static get defaultNumberingSystem() {
        return defaultNumberingSystem;
      }
      /**
       * Set the default numbering system to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static set defaultNumberingSystem(numberingSystem) {
        defaultNumberingSystem = numberingSystem;
      }
      /**
       * Get the default output calendar to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static get defaultOutputCalendar() {
        return defaultOutputCalendar;
      }
      /**
       * Set the default output calendar to create DateTimes with. Does not affect existing instances.
       * @type {string}
       */
      static set defaultOutputCalendar(outputCalendar) {
        defaultOutputCalendar = outputCalendar;
      }
      /**
       * @typedef {Object} WeekSettings
       * @property {number} firstDay
       * @property {number} minimalDays
       * @property {number[]} weekend
       */
      /**
       * @return {WeekSettings|null}
       */
      static get defaultWeekSettings() {
        return defaultWeekSettings;
      }
      /**
       * Allows overriding the default locale week settings, i.e. the start of the week, the weekend and
       * how many days are required in the first week of a year.
       * Does not affect existing instances.
       *
       * @param {WeekSettings|null} weekSettings
       */
      static set defaultWeekSettings(weekSettings) {
        defaultWeekSettings = validateWeekSettings(weekSettings);
      }
      /**
       * Get the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
       * @type {number}
       */
      static get twoDigitCutoffYear() {
        return twoDigitCutoffYear;
      }
      /**
       * Set the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
       * @type {number}
       * @example Settings.twoDigitCutoffYear = 0 // all 'yy' are interpreted as 20th century
       * @example Settings.twoDigitCutoffYear = 99 // all 'yy' are interpreted as 21st century
       * @example Settings.twoDigitCutoffYear = 50 // '49' -> 2049; '50' -> 1950
       * @example Settings.twoDigitCutoffYear = 1950 // interpreted as 50
       * @example Settings.twoDigitCutoffYear = 2050 // ALSO interpreted as 50
       */
      static set twoDigitCutoffYear(cutoffYear) {
        twoDigitCutoffYear = cutoffYear % 100;
      }
      /**
       * Get whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
       * @type {boolean}
       */
      static get throwOnInvalid() {
        return throwOnInvalid;
      }
      /**
       * Set whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
       * @type {boolean}
       */
      static set throwOnInvalid(t) {
        throwOnInvalid = t;
      }
      /**
       * Reset Luxon's global caches. Should only be necessary in testing scenarios.
       * @return {void}
       */
      static resetCaches() {
        Locale.resetCache();
        IANAZone.resetCache();
        DateTime.resetCache();
        resetDigitRegexCache();
      }
    };
    var Invalid = class {
      constructor(reason, explanation) {
        this.reason = reason;
        this.explanation = explanation;
      }
      toMessage() {
        if (this.explanation) {
          return `${this.reason}: ${this.explanation}`;
        } else {
          return this.reason;
        }
      }
    };
    var nonLeapLadder = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    var leapLadder = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
    function unitOutOfRange(unit, value) {
      return new Invalid("unit out of range", `you specified ${value} (of type ${typeof value}) as a ${unit}, which is invalid`);
    }
    function dayOfWeek(year, month, day) {
      const d = new Date(Date.UTC(year, month - 1, day));
      if (year < 100 && year >= 0) {
        d.setUTCFullYear(d.getUTCFullYear() - 1900);
      }
      const js = d.getUTCDay();
      return js === 0 ? 7 : js;
    }
    function computeOrdinal(year, month, day) {
      return day + (isLeapYear(year) ? leapLadder : nonLeapLadder)[month - 1];
    }
    function uncomputeOrdinal(year, ordinal) {
      const table = isLeapYear(year) ? leapLadder : nonLeapLadder, month0 = table.findIndex((i) => i < ordinal), day = ordinal - table[month0];
      return {
        month: month0 + 1,
        day
      };
    }
    function isoWeekdayToLocal(isoWeekday, startOfWeek) {
      return (isoWeekday - startOfWeek + 7) % 7 + 1;
    }
    function gregorianToWeek(gregObj, minDaysInFirstWeek = 4, startOfWeek = 1) {
      const {
        year,
        month,
        day
      } = gregObj, ordinal = computeOrdinal(year, month, day), weekday = isoWeekdayToLocal(dayOfWeek(year, month, day), startOfWeek);
      let weekNumber = Math.floor((ordinal - weekday + 14 - minDaysInFirstWeek) / 7), weekYear;
      if (weekNumber < 1) {
        weekYear = year - 1;
        weekNumber = weeksInWeekYear(weekYear, minDaysInFirstWeek, startOfWeek);
      } else if (weekNumber > weeksInWeekYear(year, minDaysInFirstWeek, startOfWeek)) {
        weekYear = year + 1;
        weekNumber = 1;
      } else {
        weekYear = year;
      }
      return {
        weekYear,
        weekNumber,
        weekday,
        ...timeObject(gregObj)
      };
    }
    function weekToGregorian(weekData, minDaysInFirstWeek = 4, startOfWeek = 1) {
      const {
        weekYear,
        weekNumber,
        weekday
      } = weekData, weekdayOfJan4 = isoWeekdayToLocal(dayOfWeek(weekYear, 1, minDaysInFirstWeek), startOfWeek), yearInDays = daysInYear(weekYear);
      let ordinal = weekNumber * 7 + weekday - weekdayOfJan4 - 7 + minDaysInFirstWeek, year;
      if (ordinal < 1) {
        year = weekYear - 1;
        ordinal += daysInYear(year);
      } else if (ordinal > yearInDays) {
        year = weekYear + 1;
        ordinal -= daysInYear(weekYear);
      } else {
        year = weekYear;
      }
      const {
        month,
        day
      } = uncomputeOrdinal(year, ordinal);
      return {
        year,
        month,
        day,
        ...timeObject(weekData)
      };
    }
    function gregorianToOrdinal(gregData) {
      const {
        year,
        month,
        day
      } = gregData;
      const ordinal = computeOrdinal(year, month, day);
      return {
        year,
        ordinal,
        ...timeObject(gregData)
      };
    }
    function ordinalToGregorian(ordinalData) {
      const {
        year,
        ordinal
      } = ordinalData;
      const {
        month,
        day
      } = uncomputeOrdinal(year, ordinal);
      return {
        year,
        month,
        day,
        ...timeObject(ordinalData)
      };
    }
    function usesLocalWeekValues(obj, loc) {
      const hasLocaleWeekData = !isUndefined(obj.localWeekday) || !isUndefined(obj.localWeekNumber) || !isUndefined(obj.localWeekYear);
      if (hasLocaleWeekData) {
        const hasIsoWeekData = !isUndefined(obj.weekday) || !isUndefined(obj.weekNumber) || !isUndefined(obj.weekYear);
        if (hasIsoWeekData) {
          throw new ConflictingSpecificationError("Cannot mix locale-based week fields with ISO-based week fields");
        }
        if (!isUndefined(obj.localWeekday)) obj.weekday = obj.localWeekday;
        if (!isUndefined(obj.localWeekNumber)) obj.weekNumber = obj.localWeekNumber;
        if (!isUndefined(obj.localWeekYear)) obj.weekYear = obj.localWeekYear;
        delete obj.localWeekday;
        delete obj.localWeekNumber;
        delete obj.localWeekYear;
        return {
          minDaysInFirstWeek: loc.getMinDaysInFirstWeek(),
          startOfWeek: loc.getStartOfWeek()
        };
      } else {
        return {
          minDaysInFirstWeek: 4,
          startOfWeek: 1
        };
      }
    }
    function hasInvalidWeekData(obj, minDaysInFirstWeek = 4, startOfWeek = 1) {
      const validYear = isInteger(obj.weekYear), validWeek = integerBetween(obj.weekNumber, 1, weeksInWeekYear(obj.weekYear, minDaysInFirstWeek, startOfWeek)), validWeekday = integerBetween(obj.weekday, 1, 7);
      if (!validYear) {
        return unitOutOfRange("weekYear", obj.weekYear);
      } else if (!validWeek) {
        return unitOutOfRange("week", obj.weekNumber);
      } else if (!validWeekday) {
        return unitOutOfRange("weekday", obj.weekday);
      } else return false;
    }
    function hasInvalidOrdinalData(obj) {
      const validYear = isInteger(obj.year), validOrdinal = integerBetween(obj.ordinal, 1, daysInYear(obj.year));
      if (!validYear) {
        return unitOutOfRange("year", obj.year);
      } else if (!validOrdinal) {
        return unitOutOfRange("ordinal", obj.ordinal);
      } else return false;
    }
    function hasInvalidGregorianData(obj) {
      const validYear = isInteger(obj.year), validMonth = integerBetween(obj.month, 1, 12), validDay = integerBetween(obj.day, 1, daysInMonth(obj.year, obj.month));
      if (!validYear) {
        return unitOutOfRange("year", obj.year);
      } else if (!validMonth) {
        return unitOutOfRange("month", obj.month);
      } else if (!validDay) {
        return unitOutOfRange("day", obj.day);
      } else return false;
    }
    function hasInvalidTimeData(obj) {
      const {
        hour,
        minute,
        second,
        millisecond
      } = obj;
      const validHour = integerBetween(hour, 0, 23) || hour === 24 && minute === 0 && second === 0 && millisecond === 0, validMinute = integerBetween(minute, 0, 59), validSecond = integerBetween(second, 0, 59), validMillisecond = integerBetween(millisecond, 0, 999);
      if (!validHour) {
        return unitOutOfRange("hour", hour);
      } else if (!validMinute) {
        return unitOutOfRange("minute", minute);
      } else if (!validSecond) {
        return unitOutOfRange("second", second);
      } else if (!validMillisecond) {
        return unitOutOfRange("millisecond", millisecond);
      } else return false;
    }
    function isUndefined(o) {
      return typeof o === "undefined";
    }
    function isNumber(o) {
      return typeof o === "number";
    }
    function isInteger(o) {
      return typeof o === "number" && o % 1 === 0;
    }
    function isString(o) {
      return typeof o === "string";
    }
    function isDate(o) {
      return Object.prototype.toString.call(o) === "[object Date]";
    }
    function hasRelative() {
      try {
        return typeof Intl !== "undefined" && !!Intl.RelativeTimeFormat;
      } catch (e) {
        return false;
      }
    }
    function hasLocaleWeekInfo() {
      try {
        return typeof Intl !== "undefined" && !!Intl.Locale && ("weekInfo" in Intl.Locale.prototype || "getWeekInfo" in Intl.Locale.prototype);
      } catch (e) {
        return false;
      }
    }
    function maybeArray(thing) {
      return Array.isArray(thing) ? thing : [thing];
    }
    function bestBy(arr, by, compare) {
      if (arr.length === 0) {
        return void 0;
      }
      return arr.reduce((best, next) => {
        const pair = [by(next), next];
        if (!best) {
          return pair;
        } else if (compare(best[0], pair[0]) === best[0]) {
          return best;
        } else {
          return pair;
        }
      }, null)[1];
    }
    function pick(obj, keys) {
      return keys.reduce((a, k) => {
        a[k] = obj[k];
        return a;
      }, {});
    }
    function hasOwnProperty(obj, prop) {
      return Object.prototype.hasOwnProperty.call(obj, prop);
    }
    function validateWeekSettings(settings) {
      if (settings == null) {
        return null;
      } else if (typeof settings !== "object") {
        throw new InvalidArgumentError("Week settings must be an object");
      } else {
        if (!integerBetween(settings.firstDay, 1, 7) || !integerBetween(settings.minimalDays, 1, 7) || !Array.isArray(settings.weekend) || settings.weekend.some((v) => !integerBetween(v, 1, 7))) {
          throw new InvalidArgumentError("Invalid week settings");
        }
        return {
          firstDay: settings.firstDay,
          minimalDays: settings.minimalDays,
          weekend: Array.from(settings.weekend)
        };
      }
    }
    function integerBetween(thing, bottom, top) {
      return isInteger(thing) && thing >= bottom && thing <= top;
    }
    function floorMod(x, n2) {
      return x - n2 * Math.floor(x / n2);
    }
    function padStart(input, n2 = 2) {
      const isNeg = input < 0;
      let padded;
      if (isNeg) {
        padded = "-" + ("" + -input).padStart(n2, "0");
      } else {
        padded = ("" + input).padStart(n2, "0");
      }
      return padded;
    }
    function parseInteger(string) {
      if (isUndefined(string) || string === null || string === "") {
        return void 0;
      } else {
        return parseInt(string, 10);
      }
    }
    function parseFloating(string) {
      if (isUndefined(string) || string === null || string === "") {
        return void 0;
      } else {
        return parseFloat(string);
      }
    }
    function parseMillis(fraction) {
      if (isUndefined(fraction) || fraction === null || fraction === "") {
        return void 0;
      } else {
        const f = parseFloat("0." + fraction) * 1e3;
        return Math.floor(f);
      }
    }
    function roundTo(number, digits, rounding = "round") {
      const factor = 10 ** digits;
      switch (rounding) {
        case "expand":
          return number > 0 ? Math.ceil(number * factor) / factor : Math.floor(number * factor) / factor;
        case "trunc":
          return Math.trunc(number * factor) / factor;
        case "round":
          return Math.round(number * factor) / factor;
        case "floor":
          return Math.floor(number * factor) / factor;
        case "ceil":
          return Math.ceil(number * factor) / factor;
        default:
          throw new RangeError(`Value rounding ${rounding} is out of range`);
      }
    }
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    function daysInYear(year) {
      return isLeapYear(year) ? 366 : 365;
    }
    function daysInMonth(year, month) {
      const modMonth = floorMod(month - 1, 12) + 1, modYear = year + (month - modMonth) / 12;
      if (modMonth === 2) {
        return isLeapYear(modYear) ? 29 : 28;
      } else {
        return [31, null, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][modMonth - 1];
      }
    }
    function objToLocalTS(obj) {
      let d = Date.UTC(obj.year, obj.month - 1, obj.day, obj.hour, obj.minute, obj.second, obj.millisecond);
      if (obj.year < 100 && obj.year >= 0) {
        d = new Date(d);
        d.setUTCFullYear(obj.year, obj.month - 1, obj.day);
      }
      return +d;
    }
    function firstWeekOffset(year, minDaysInFirstWeek, startOfWeek) {
      const fwdlw = isoWeekdayToLocal(dayOfWeek(year, 1, minDaysInFirstWeek), startOfWeek);
      return -fwdlw + minDaysInFirstWeek - 1;
    }
    function weeksInWeekYear(weekYear, minDaysInFirstWeek = 4, startOfWeek = 1) {
      const weekOffset = firstWeekOffset(weekYear, minDaysInFirstWeek, startOfWeek);
      const weekOffsetNext = firstWeekOffset(weekYear + 1, minDaysInFirstWeek, startOfWeek);
      return (daysInYear(weekYear) - weekOffset + weekOffsetNext) / 7;
    }
    function untruncateYear(year) {
      if (year > 99) {
        return year;
      } else return year > Settings.twoDigitCutoffYear ? 1900 + year : 2e3 + year;
    }
    function parseZoneInfo(ts, offsetFormat, locale, timeZone = null) {
      const date = new Date(ts), intlOpts = {
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit"
      };
      if (timeZone) {
        intlOpts.timeZone = timeZone;
      }
      const modified = {
        timeZoneName: offsetFormat,
        ...intlOpts
      };
      const parsed = new Intl.DateTimeFormat(locale, modified).formatToParts(date).find((m) => m.type.toLowerCase() === "timezonename");
      return parsed ? parsed.value : null;
    }
    function signedOffset(offHourStr, offMinuteStr) {
      let offHour = parseInt(offHourStr, 10);
      if (Number.isNaN(offHour)) {
        offHour = 0;
      }
      const offMin = parseInt(offMinuteStr, 10) || 0, offMinSigned = offHour < 0 || Object.is(offHour, -0) ? -offMin : offMin;
      return offHour * 60 + offMinSigned;
    }
    function asNumber(value) {
      const numericValue = Number(value);
      if (typeof value === "boolean" || value === "" || !Number.isFinite(numericValue)) throw new InvalidArgumentError(`Invalid unit value ${value}`);
      return numericValue;
    }
    function normalizeObject(obj, normalizer) {
      const normalized = {};
      for (const u in obj) {
        if (hasOwnProperty(obj, u)) {
          const v = obj[u];
          if (v === void 0 || v === null) continue;
          normalized[normalizer(u)] = asNumber(v);
        }
      }
      return normalized;
    }
    function formatOffset(offset2, format) {
      const hours = Math.trunc(Math.abs(offset2 / 60)), minutes = Math.trunc(Math.abs(offset2 % 60)), sign = offset2 >= 0 ? "+" : "-";
      switch (format) {
        case "short":
          return `${sign}${padStart(hours, 2)}:${padStart(minutes, 2)}`;
        case "narrow":
          return `${sign}${hours}${minutes > 0 ? `:${minutes}` : ""}`;
        case "techie":
          return `${sign}${padStart(hours, 2)}${padStart(minutes, 2)}`;
        default:
          throw new RangeError(`Value format ${format} is out of range for property format`);
      }
    }
    function timeObject(obj) {
      return pick(obj, ["hour", "minute", "second", "millisecond"]);
    }
    var monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    var monthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    var monthsNarrow = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
    function months(length) {
      switch (length) {
        case "narrow":
          return [...monthsNarrow];
        case "short":
          return [...monthsShort];
        case "long":
          return [...monthsLong];
        case "numeric":
          return ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
        case "2-digit":
          return ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
        default:
          return null;
      }
    }
    var weekdaysLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    var weekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    var weekdaysNarrow = ["M", "T", "W", "T", "F", "S", "S"];
    function weekdays(length) {
      switch (length) {
        case "narrow":
          return [...weekdaysNarrow];
        case "short":
          return [...weekdaysShort];
        case "long":
          return [...weekdaysLong];
        case "numeric":
          return ["1", "2", "3", "4", "5", "6", "7"];
        default:
          return null;
      }
    }
    var meridiems = ["AM", "PM"];
    var erasLong = ["Before Christ", "Anno Domini"];
    var erasShort = ["BC", "AD"];
    var erasNarrow = ["B", "A"];
    function eras(length) {
      switch (length) {
        case "narrow":
          return [...erasNarrow];
        case "short":
          return [...erasShort];
        case "long":
          return [...erasLong];
        default:
          return null;
      }
    }
    function meridiemForDateTime(dt) {
      return meridiems[dt.hour < 12 ? 0 : 1];
    }
    function weekdayForDateTime(dt, length) {
      return weekdays(length)[dt.weekday - 1];
    }
    function monthForDateTime(dt, length) {
      return months(length)[dt.month - 1];
    }
    function eraForDateTime(dt, length) {
      return eras(length)[dt.year < 0 ? 0 : 1];
    }
    function formatRelativeTime(unit, count, numeric = "always", narrow = false) {
      const units = {
        years: ["year", "yr."],
        quarters: ["quarter", "qtr."],
        months: ["month", "mo."],
        weeks: ["week", "wk."],
        days: ["day", "day", "days"],
        hours: ["hour", "hr."],
        minutes: ["minute", "min."],
        seconds: ["second", "sec."]
      };
      const lastable = ["hours", "minutes", "seconds"].indexOf(unit) === -1;
      if (numeric === "auto" && lastable) {
        const isDay = unit === "days";
        switch (count) {
          case 1:
            return isDay ? "tomorrow" : `next ${units[unit][0]}`;
          case -1:
            return isDay ? "yesterday" : `last ${units[unit][0]}`;
          case 0:
            return isDay ? "today" : `this ${units[unit][0]}`;
        }
      }
      const isInPast = Object.is(count, -0) || count < 0, fmtValue = Math.abs(count), singular = fmtValue === 1, lilUnits = units[unit], fmtUnit = narrow ? singular ? lilUnits[1] : lilUnits[2] || lilUnits[1] : singular ? units[unit][0] : unit;
      return isInPast ? `${fmtValue} ${fmtUnit} ago` : `in ${fmtValue} ${fmtUnit}`;
    }
    function stringifyTokens(splits, tokenToString) {
      let s2 = "";
      for (const token of splits) {
        if (token.literal) {
          s2 += token.val;
        } else {
          s2 += tokenToString(token.val);
        }
      }
      return s2;
    }
    var macroTokenToFormatOpts = {
      D: DATE_SHORT,
      DD: DATE_MED,
      DDD: DATE_FULL,
      DDDD: DATE_HUGE,
      t: TIME_SIMPLE,
      tt: TIME_WITH_SECONDS,
      ttt: TIME_WITH_SHORT_OFFSET,
      tttt: TIME_WITH_LONG_OFFSET,
      T: TIME_24_SIMPLE,
      TT: TIME_24_WITH_SECONDS,
      TTT: TIME_24_WITH_SHORT_OFFSET,
      TTTT: TIME_24_WITH_LONG_OFFSET,
      f: DATETIME_SHORT,
      ff: DATETIME_MED,
      fff: DATETIME_FULL,
      ffff: DATETIME_HUGE,
      F: DATETIME_SHORT_WITH_SECONDS,
      FF: DATETIME_MED_WITH_SECONDS,
      FFF: DATETIME_FULL_WITH_SECONDS,
      FFFF: DATETIME_HUGE_WITH_SECONDS
    };
    var Formatter = class _Formatter {
      static create(locale, opts = {}) {
        return new _Formatter(locale, opts);
      }
      static parseFormat(fmt) {
        let current = null, currentFull = "", bracketed = false;
        const splits = [];
        for (let i = 0; i < fmt.length; i++) {
          const c = fmt.charAt(i);
          if (c === "'") {
            if (currentFull.length > 0 || bracketed) {
              splits.push({
                literal: bracketed || /^\s+$/.test(currentFull),
                val: currentFull === "" ? "'" : currentFull
              });
            }
            current = null;
            currentFull = "";
            bracketed = !bracketed;
          } else if (bracketed) {
            currentFull += c;
          } else if (c === current) {
            currentFull += c;
          } else {
            if (currentFull.length > 0) {
              splits.push({
                literal: /^\s+$/.test(currentFull),
                val: currentFull
              });
            }
            currentFull = c;
            current = c;
          }
        }
        if (currentFull.length > 0) {
          splits.push({
            literal: bracketed || /^\s+$/.test(currentFull),
            val: currentFull
          });
        }
        return splits;
      }
      static macroTokenToFormatOpts(token) {
        return macroTokenToFormatOpts[token];
      }
      constructor(locale, formatOpts) {
        this.opts = formatOpts;
        this.loc = locale;
        this.systemLoc = null;
      }
      formatWithSystemDefault(dt, opts) {
        if (this.systemLoc === null) {
          this.systemLoc = this.loc.redefaultToSystem();
        }
        const df = this.systemLoc.dtFormatter(dt, {
          ...this.opts,
          ...opts
        });
        return df.format();
      }
      dtFormatter(dt, opts = {}) {
        return this.loc.dtFormatter(dt, {
          ...this.opts,
          ...opts
        });
      }
      formatDateTime(dt, opts) {
        return this.dtFormatter(dt, opts).format();
      }
      formatDateTimeParts(dt, opts) {
        return this.dtFormatter(dt, opts).formatToParts();
      }
      formatInterval(interval, opts) {
        const df = this.dtFormatter(interval.start, opts);
        return df.dtf.formatRange(interval.start.toJSDate(), interval.end.toJSDate());
      }
      resolvedOptions(dt, opts) {
        return this.dtFormatter(dt, opts).resolvedOptions();
      }
      num(n2, p = 0, signDisplay = void 0) {
        if (this.opts.forceSimple) {
          return padStart(n2, p);
        }
        const opts = {
          ...this.opts
        };
        if (p > 0) {
          opts.padTo = p;
        }
        if (signDisplay) {
          opts.signDisplay = signDisplay;
        }
        return this.loc.numberFormatter(opts).format(n2);
      }
      formatDateTimeFromString(dt, fmt) {
        const knownEnglish = this.loc.listingMode() === "en", useDateTimeFormatter = this.loc.outputCalendar && this.loc.outputCalendar !== "gregory", string = (opts, extract) => this.loc.extract(dt, opts, extract), formatOffset2 = (opts) => {
          if (dt.isOffsetFixed && dt.offset === 0 && opts.allowZ) {
            return "Z";
          }
          return dt.isValid ? dt.zone.formatOffset(dt.ts, opts.format) : "";
        }, meridiem = () => knownEnglish ? meridiemForDateTime(dt) : string({
          hour: "numeric",
          hourCycle: "h12"
        }, "dayperiod"), month = (length, standalone) => knownEnglish ? monthForDateTime(dt, length) : string(standalone ? {
          month: length
        } : {
          month: length,
          day: "numeric"
        }, "month"), weekday = (length, standalone) => knownEnglish ? weekdayForDateTime(dt, length) : string(standalone ? {
          weekday: length
        } : {
          weekday: length,
          month: "long",
          day: "numeric"
        }, "weekday"), maybeMacro = (token) => {
          const formatOpts = _Formatter.macroTokenToFormatOpts(token);
          if (formatOpts) {
            return this.formatWithSystemDefault(dt, formatOpts);
          } else {
            return token;
          }
        }, era = (length) => knownEnglish ? eraForDateTime(dt, length) : string({
          era: length
        }, "era"), tokenToString = (token) => {
          switch (token) {
            // ms
            case "S":
              return this.num(dt.millisecond);
            case "u":
            // falls through
            case "SSS":
              return this.num(dt.millisecond, 3);
            // seconds
            case "s":
              return this.num(dt.second);
            case "ss":
              return this.num(dt.second, 2);
            // fractional seconds
            case "uu":
              return this.num(Math.floor(dt.millisecond / 10), 2);
            case "uuu":
              return this.num(Math.floor(dt.millisecond / 100));
            // minutes
            case "m":
              return this.num(dt.minute);
            case "mm":
              return this.num(dt.minute, 2);
            // hours
            case "h":
              return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12);
            case "hh":
              return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12, 2);
            case "H":
              return this.num(dt.hour);
            case "HH":
              return this.num(dt.hour, 2);
            // offset
            case "Z":
              return formatOffset2({
                format: "narrow",
                allowZ: this.opts.allowZ
              });
            case "ZZ":
              return formatOffset2({
                format: "short",
                allowZ: this.opts.allowZ
              });
            case "ZZZ":
              return formatOffset2({
                format: "techie",
                allowZ: this.opts.allowZ
              });
            case "ZZZZ":
              return dt.zone.offsetName(dt.ts, {
                format: "short",
                locale: this.loc.locale
              });
            case "ZZZZZ":
              return dt.zone.offsetName(dt.ts, {
                format: "long",
                locale: this.loc.locale
              });
            // zone
            case "z":
              return dt.zoneName;
            // meridiems
            case "a":
              return meridiem();
            // dates
            case "d":
              return useDateTimeFormatter ? string({
                day: "numeric"
              }, "day") : this.num(dt.day);
            case "dd":
              return useDateTimeFormatter ? string({
                day: "2-digit"
              }, "day") : this.num(dt.day, 2);
            // weekdays - standalone
            case "c":
              return this.num(dt.weekday);
            case "ccc":
              return weekday("short", true);
            case "cccc":
              return weekday("long", true);
            case "ccccc":
              return weekday("narrow", true);
            // weekdays - format
            case "E":
              return this.num(dt.weekday);
            case "EEE":
              return weekday("short", false);
            case "EEEE":
              return weekday("long", false);
            case "EEEEE":
              return weekday("narrow", false);
            // months - standalone
            case "L":
              return useDateTimeFormatter ? string({
                month: "numeric",
                day: "numeric"
              }, "month") : this.num(dt.month);
            case "LL":
              return useDateTimeFormatter ? string({
                month: "2-digit",
                day: "numeric"
              }, "month") : this.num(dt.month, 2);
            case "LLL":
              return month("short", true);
            case "LLLL":
              return month("long", true);
            case "LLLLL":
              return month("narrow", true);
            // months - format
            case "M":
              return useDateTimeFormatter ? string({
                month: "numeric"
              }, "month") : this.num(dt.month);
            case "MM":
              return useDateTimeFormatter ? string({
                month: "2-digit"
              }, "month") : this.num(dt.month, 2);
            case "MMM":
              return month("short", false);
            case "MMMM":
              return month("long", false);
            case "MMMMM":
              return month("narrow", false);
            // years
            case "y":
              return useDateTimeFormatter ? string({
                year: "numeric"
              }, "year") : this.num(dt.year);
            case "yy":
              return useDateTimeFormatter ? string({
                year: "2-digit"
              }, "year") : this.num(dt.year.toString().slice(-2), 2);
            case "yyyy":
              return useDateTimeFormatter ? string({
                year: "numeric"
              }, "year") : this.num(dt.year, 4);
            case "yyyyyy":
              return useDateTimeFormatter ? string({
                year: "numeric"
              }, "year") : this.num(dt.year, 6);
            // eras
            case "G":
              return era("short");
            case "GG":
              return era("long");
            case "GGGGG":
              return era("narrow");
            case "kk":
              return this.num(dt.weekYear.toString().slice(-2), 2);
            case "kkkk":
              return this.num(dt.weekYear, 4);
            case "W":
              return this.num(dt.weekNumber);
            case "WW":
              return this.num(dt.weekNumber, 2);
            case "n":
              return this.num(dt.localWeekNumber);
            case "nn":
              return this.num(dt.localWeekNumber, 2);
            case "ii":
              return this.num(dt.localWeekYear.toString().slice(-2), 2);
            case "iiii":
              return this.num(dt.localWeekYear, 4);
            case "o":
              return this.num(dt.ordinal);
            case "ooo":
              return this.num(dt.ordinal, 3);
            case "q":
              return this.num(dt.quarter);
            case "qq":
              return this.num(dt.quarter, 2);
            case "X":
              return this.num(Math.floor(dt.ts / 1e3));
            case "x":
              return this.num(dt.ts);
            default:
              return maybeMacro(token);
          }
        };
        return stringifyTokens(_Formatter.parseFormat(fmt), tokenToString);
      }
      formatDurationFromString(dur, fmt) {
        const invertLargest = this.opts.signMode === "negativeLargestOnly" ? -1 : 1;
        const tokenToField = (token) => {
          switch (token[0]) {
            case "S":
              return "milliseconds";
            case "s":
              return "seconds";
            case "m":
              return "minutes";
            case "h":
              return "hours";
            case "d":
              return "days";
            case "w":
              return "weeks";
            case "M":
              return "months";
            case "y":
              return "years";
            default:
              return null;
          }
        }, tokenToString = (lildur, info) => (token) => {
          const mapped = tokenToField(token);
          if (mapped) {
            const inversionFactor = info.isNegativeDuration && mapped !== info.largestUnit ? invertLargest : 1;
            let signDisplay;
            if (this.opts.signMode === "negativeLargestOnly" && mapped !== info.largestUnit) {
              signDisplay = "never";
            } else if (this.opts.signMode === "all") {
              signDisplay = "always";
            } else {
              signDisplay = "auto";
            }
            return this.num(lildur.get(mapped) * inversionFactor, token.length, signDisplay);
          } else {
            return token;
          }
        }, tokens = _Formatter.parseFormat(fmt), realTokens = tokens.reduce((found, {
          literal,
          val
        }) => literal ? found : found.concat(val), []), collapsed = dur.shiftTo(...realTokens.map(tokenToField).filter((t) => t)), durationInfo = {
          isNegativeDuration: collapsed < 0,
          // this relies on "collapsed" being based on "shiftTo", which builds up the object
          // in order
          largestUnit: Object.keys(collapsed.values)[0]
        };
        return stringifyTokens(tokens, tokenToString(collapsed, durationInfo));
      }
    };
    var ianaRegex = /[A-Za-z_+-]{1,256}(?::?\/[A-Za-z0-9_+-]{1,256}(?:\/[A-Za-z0-9_+-]{1,256})?)?/;
    function combineRegexes(...regexes) {
      const full = regexes.reduce((f, r) => f + r.source, "");
      return RegExp(`^${full}$`);
    }
    function combineExtractors(...extractors) {
      return (m) => extractors.reduce(([mergedVals, mergedZone, cursor], ex) => {
        const [val, zone, next] = ex(m, cursor);
        return [{
          ...mergedVals,
          ...val
        }, zone || mergedZone, next];
      }, [{}, null, 1]).slice(0, 2);
    }
    function parse(s2, ...patterns) {
      if (s2 == null) {
        return [null, null];
      }
      for (const [regex, extractor] of patterns) {
        const m = regex.exec(s2);
        if (m) {
          return extractor(m);
        }
      }
      return [null, null];
    }
    function simpleParse(...keys) {
      return (match2, cursor) => {
        const ret = {};
        let i;
        for (i = 0; i < keys.length; i++) {
          ret[keys[i]] = parseInteger(match2[cursor + i]);
        }
        return [ret, null, cursor + i];
      };
    }
    var offsetRegex = /(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)/;
    var isoExtendedZone = `(?:${offsetRegex.source}?(?:\\[(${ianaRegex.source})\\])?)?`;
    var isoTimeBaseRegex = /(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)?/;
    var isoTimeRegex = RegExp(`${isoTimeBaseRegex.source}${isoExtendedZone}`);
    var isoTimeExtensionRegex = RegExp(`(?:[Tt]${isoTimeRegex.source})?`);
    var isoYmdRegex = /([+-]\d{6}|\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?/;
    var isoWeekRegex = /(\d{4})-?W(\d\d)(?:-?(\d))?/;
    var isoOrdinalRegex = /(\d{4})-?(\d{3})/;
    var extractISOWeekData = simpleParse("weekYear", "weekNumber", "weekDay");
    var extractISOOrdinalData = simpleParse("year", "ordinal");
    var sqlYmdRegex = /(\d{4})-(\d\d)-(\d\d)/;
    var sqlTimeRegex = RegExp(`${isoTimeBaseRegex.source} ?(?:${offsetRegex.source}|(${ianaRegex.source}))?`);
    var sqlTimeExtensionRegex = RegExp(`(?: ${sqlTimeRegex.source})?`);
    function int(match2, pos, fallback) {
      const m = match2[pos];
      return isUndefined(m) ? fallback : parseInteger(m);
    }
    function extractISOYmd(match2, cursor) {
      const item = {
        year: int(match2, cursor),
        month: int(match2, cursor + 1, 1),
        day: int(match2, cursor + 2, 1)
      };
      return [item, null, cursor + 3];
    }
    function extractISOTime(match2, cursor) {
      const item = {
        hours: int(match2, cursor, 0),
        minutes: int(match2, cursor + 1, 0),
        seconds: int(match2, cursor + 2, 0),
        milliseconds: parseMillis(match2[cursor + 3])
      };
      return [item, null, cursor + 4];
    }
    function extractISOOffset(match2, cursor) {
      const local = !match2[cursor] && !match2[cursor + 1], fullOffset = signedOffset(match2[cursor + 1], match2[cursor + 2]), zone = local ? null : FixedOffsetZone.instance(fullOffset);
      return [{}, zone, cursor + 3];
    }
    function extractIANAZone(match2, cursor) {
      const zone = match2[cursor] ? IANAZone.create(match2[cursor]) : null;
      return [{}, zone, cursor + 1];
    }
    var isoTimeOnly = RegExp(`^T?${isoTimeBaseRegex.source}$`);
    var isoDuration = /^-?P(?:(?:(-?\d{1,20}(?:\.\d{1,20})?)Y)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20}(?:\.\d{1,20})?)W)?(?:(-?\d{1,20}(?:\.\d{1,20})?)D)?(?:T(?:(-?\d{1,20}(?:\.\d{1,20})?)H)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20})(?:[.,](-?\d{1,20}))?S)?)?)$/;
    function extractISODuration(match2) {
      const [s2, yearStr, monthStr, weekStr, dayStr, hourStr, minuteStr, secondStr, millisecondsStr] = match2;
      const hasNegativePrefix = s2[0] === "-";
      const negativeSeconds = secondStr && secondStr[0] === "-";
      const maybeNegate = (num2, force = false) => num2 !== void 0 && (force || num2 && hasNegativePrefix) ? -num2 : num2;
      return [{
        years: maybeNegate(parseFloating(yearStr)),
        months: maybeNegate(parseFloating(monthStr)),
        weeks: maybeNegate(parseFloating(weekStr)),
        days: maybeNegate(parseFloating(dayStr)),
        hours: maybeNegate(parseFloating(hourStr)),
        minutes: maybeNegate(parseFloating(minuteStr)),
        seconds: maybeNegate(parseFloating(secondStr), secondStr === "-0"),
        milliseconds: maybeNegate(parseMillis(millisecondsStr), negativeSeconds)
      }];
    }
    var obsOffsets = {
      GMT: 0,
      EDT: -4 * 60,
      EST: -5 * 60,
      CDT: -5 * 60,
      CST: -6 * 60,
      MDT: -6 * 60,
      MST: -7 * 60,
      PDT: -7 * 60,
      PST: -8 * 60
    };
    function fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr) {
      const result = {
        year: yearStr.length === 2 ? untruncateYear(parseInteger(yearStr)) : parseInteger(yearStr),
        month: monthsShort.indexOf(monthStr) + 1,
        day: parseInteger(dayStr),
        hour: parseInteger(hourStr),
        minute: parseInteger(minuteStr)
      };
      if (secondStr) result.second = parseInteger(secondStr);
      if (weekdayStr) {
        result.weekday = weekdayStr.length > 3 ? weekdaysLong.indexOf(weekdayStr) + 1 : weekdaysShort.indexOf(weekdayStr) + 1;
      }
      return result;
    }
    var rfc2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|(?:([+-]\d\d)(\d\d)))$/;
    function extractRFC2822(match2) {
      const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr, obsOffset, milOffset, offHourStr, offMinuteStr] = match2, result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
      let offset2;
      if (obsOffset) {
        offset2 = obsOffsets[obsOffset];
      } else if (milOffset) {
        offset2 = 0;
      } else {
        offset2 = signedOffset(offHourStr, offMinuteStr);
      }
      return [result, new FixedOffsetZone(offset2)];
    }
    function preprocessRFC2822(s2) {
      return s2.replace(/\([^()]*\)|[\n\t]/g, " ").replace(/(\s\s+)/g, " ").trim();
    }
    var rfc1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
    var rfc850 = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d\d)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/;
    var ascii = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;
    function extractRFC1123Or850(match2) {
      const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr] = match2, result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
      return [result, FixedOffsetZone.utcInstance];
    }
    function extractASCII(match2) {
      const [, weekdayStr, monthStr, dayStr, hourStr, minuteStr, secondStr, yearStr] = match2, result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
      return [result, FixedOffsetZone.utcInstance];
    }
    var isoYmdWithTimeExtensionRegex = combineRegexes(isoYmdRegex, isoTimeExtensionRegex);
    var isoWeekWithTimeExtensionRegex = combineRegexes(isoWeekRegex, isoTimeExtensionRegex);
    var isoOrdinalWithTimeExtensionRegex = combineRegexes(isoOrdinalRegex, isoTimeExtensionRegex);
    var isoTimeCombinedRegex = combineRegexes(isoTimeRegex);
    var extractISOYmdTimeAndOffset = combineExtractors(extractISOYmd, extractISOTime, extractISOOffset, extractIANAZone);
    var extractISOWeekTimeAndOffset = combineExtractors(extractISOWeekData, extractISOTime, extractISOOffset, extractIANAZone);
    var extractISOOrdinalDateAndTime = combineExtractors(extractISOOrdinalData, extractISOTime, extractISOOffset, extractIANAZone);
    var extractISOTimeAndOffset = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);
    function parseISODate(s2) {
      return parse(s2, [isoYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [isoWeekWithTimeExtensionRegex, extractISOWeekTimeAndOffset], [isoOrdinalWithTimeExtensionRegex, extractISOOrdinalDateAndTime], [isoTimeCombinedRegex, extractISOTimeAndOffset]);
    }
    function parseRFC2822Date(s2) {
      return parse(preprocessRFC2822(s2), [rfc2822, extractRFC2822]);
    }
    function parseHTTPDate(s2) {
      return parse(s2, [rfc1123, extractRFC1123Or850], [rfc850, extractRFC1123Or850], [ascii, extractASCII]);
    }
    function parseISODuration(s2) {
      return parse(s2, [isoDuration, extractISODuration]);
    }
    var extractISOTimeOnly = combineExtractors(extractISOTime);
    function parseISOTimeOnly(s2) {
      return parse(s2, [isoTimeOnly, extractISOTimeOnly]);
    }
    var sqlYmdWithTimeExtensionRegex = combineRegexes(sqlYmdRegex, sqlTimeExtensionRegex);
    var sqlTimeCombinedRegex = combineRegexes(sqlTimeRegex);
    var extractISOTimeOffsetAndIANAZone = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);
    function parseSQL(s2) {
      return parse(s2, [sqlYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [sqlTimeCombinedRegex, extractISOTimeOffsetAndIANAZone]);
    }
    var INVALID$2 = "Invalid Duration";
    var lowOrderMatrix = {
      weeks: {
        days: 7,
        hours: 7 * 24,
        minutes: 7 * 24 * 60,
        seconds: 7 * 24 * 60 * 60,
        milliseconds: 7 * 24 * 60 * 60 * 1e3
      },
      days: {
        hours: 24,
        minutes: 24 * 60,
        seconds: 24 * 60 * 60,
        milliseconds: 24 * 60 * 60 * 1e3
      },
      hours: {
        minutes: 60,
        seconds: 60 * 60,
        milliseconds: 60 * 60 * 1e3
      },
      minutes: {
        seconds: 60,
        milliseconds: 60 * 1e3
      },
      seconds: {
        milliseconds: 1e3
      }
    };
    var casualMatrix = {
      years: {
        quarters: 4,
        months: 12,
        weeks: 52,
        days: 365,
        hours: 365 * 24,
        minutes: 365 * 24 * 60,
        seconds: 365 * 24 * 60 * 60,
        milliseconds: 365 * 24 * 60 * 60 * 1e3
      },
      quarters: {
        months: 3,
        weeks: 13,
        days: 91,
        hours: 91 * 24,
        minutes: 91 * 24 * 60,
        seconds: 91 * 24 * 60 * 60,
        milliseconds: 91 * 24 * 60 * 60 * 1e3
      },
      months: {
        weeks: 4,
        days: 30,
        hours: 30 * 24,
        minutes: 30 * 24 * 60,
        seconds: 30 * 24 * 60 * 60,
        milliseconds: 30 * 24 * 60 * 60 * 1e3
      },
      ...lowOrderMatrix
    };
    var daysInYearAccurate = 146097 / 400;
    var daysInMonthAccurate = 146097 / 4800;
    var accurateMatrix = {
      years: {
        quarters: 4,
        months: 12,
        weeks: daysInYearAccurate / 7,
        days: daysInYearAccurate,
        hours: daysInYearAccurate * 24,
        minutes: daysInYearAccurate * 24 * 60,
        seconds: daysInYearAccurate * 24 * 60 * 60,
        milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1e3
      },
      quarters: {
        months: 3,
        weeks: daysInYearAccurate / 28,
        days: daysInYearAccurate / 4,
        hours: daysInYearAccurate * 24 / 4,
        minutes: daysInYearAccurate * 24 * 60 / 4,
        seconds: daysInYearAccurate * 24 * 60 * 60 / 4,
        milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1e3 / 4
      },
      months: {
        weeks: daysInMonthAccurate / 7,
        days: daysInMonthAccurate,
        hours: daysInMonthAccurate * 24,
        minutes: daysInMonthAccurate * 24 * 60,
        seconds: daysInMonthAccurate * 24 * 60 * 60,
        milliseconds: daysInMonthAccurate * 24 * 60 * 60 * 1e3
      },
      ...lowOrderMatrix
    };
    var orderedUnits$1 = ["years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"];
    var reverseUnits = orderedUnits$1.slice(0).reverse();
    function clone$1(dur, alts, clear = false) {
      const conf = {
        values: clear ? alts.values : {
          ...dur.values,
          ...alts.values || {}
        },
        loc: dur.loc.clone(alts.loc),
        conversionAccuracy: alts.conversionAccuracy || dur.conversionAccuracy,
        matrix: alts.matrix || dur.matrix
      };
      return new Duration(conf);
    }
    function durationToMillis(matrix, vals) {
      var _vals$milliseconds;
      let sum = (_vals$milliseconds = vals.milliseconds) != null ? _vals$milliseconds : 0;
      for (const unit of reverseUnits.slice(1)) {
        if (vals[unit]) {
          sum += vals[unit] * matrix[unit]["milliseconds"];
        }
      }
      return sum;
    }
    function normalizeValues(matrix, vals) {
      const factor = durationToMillis(matrix, vals) < 0 ? -1 : 1;
      orderedUnits$1.reduceRight((previous, current) => {
        if (!isUndefined(vals[current])) {
          if (previous) {
            const previousVal = vals[previous] * factor;
            const conv = matrix[current][previous];
            const rollUp = Math.floor(previousVal / conv);
            vals[current] += rollUp * factor;
            vals[previous] -= rollUp * conv * factor;
          }
          return current;
        } else {
          return previous;
        }
      }, null);
      orderedUnits$1.reduce((previous, current) => {
        if (!isUndefined(vals[current])) {
          if (previous) {
            const fraction = vals[previous] % 1;
            vals[previous] -= fraction;
            vals[current] += fraction * matrix[previous][current];
          }
          return current;
        } else {
          return previous;
        }
      }, null);
    }
    function removeZeroes(vals) {
      const newVals = {};
      for (const [key, value] of Object.entries(vals)) {
        if (value !== 0) {
          newVals[key] = value;
        }
      }
      return newVals;
    }
    var Duration = class _Duration {
      /**
       * @private
       */
      constructor(config) {
        const accurate = config.conversionAccuracy === "longterm" || false;
        let matrix = accurate ? accurateMatrix : casualMatrix;
        if (config.matrix) {
          matrix = config.matrix;
        }
        this.values = config.values;
        this.loc = config.loc || Locale.create();
        this.conversionAccuracy = accurate ? "longterm" : "casual";
        this.invalid = config.invalid || null;
        this.matrix = matrix;
        this.isLuxonDuration = true;
      }
      /**
       * Create Duration from a number of milliseconds.
       * @param {number} count of milliseconds
       * @param {Object} opts - options for parsing
       * @param {string} [opts.locale='en-US'] - the locale to use
       * @param {string} opts.numberingSystem - the numbering system to use
       * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
       * @return {Duration}
       */
      static fromMillis(count, opts) {
        return _Duration.fromObject({
          milliseconds: count
        }, opts);
      }
      /**
       * Create a Duration from a JavaScript object with keys like 'years' and 'hours'.
       * If this object is empty then a zero milliseconds duration is returned.
       * @param {Object} obj - the object to create the DateTime from
       * @param {number} obj.years
       * @param {number} obj.quarters
       * @param {number} obj.months
       * @param {number} obj.weeks
       * @param {number} obj.days
       * @param {number} obj.hours
       * @param {number} obj.minutes
       * @param {number} obj.seconds
       * @param {number} obj.milliseconds
       * @param {Object} [opts=[]] - options for creating this Duration
       * @param {string} [opts.locale='en-US'] - the locale to use
       * @param {string} opts.numberingSystem - the numbering system to use
       * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
       * @param {string} [opts.matrix=Object] - the custom conversion system to use
       * @return {Duration}
       */
      static fromObject(obj, opts = {}) {
        if (obj == null || typeof obj !== "object") {
          throw new InvalidArgumentError(`Duration.fromObject: argument expected to be an object, got ${obj === null ? "null" : typeof obj}`);
        }
        return new _Duration({
          values: normalizeObject(obj, _Duration.normalizeUnit),
          loc: Locale.fromObject(opts),
          conversionAccuracy: opts.conversionAccuracy,
          matrix: opts.matrix
        });
      }
      /**
       * Create a Duration from DurationLike.
       *
       * @param {Object | number | Duration} durationLike
       * One of:
       * - object with keys like 'years' and 'hours'.
       * - number representing milliseconds
       * - Duration instance
       * @return {Duration}
       */
      static fromDurationLike(durationLike) {
        if (isNumber(durationLike)) {
          return _Duration.fromMillis(durationLike);
        } else if (_Duration.isDuration(durationLike)) {
          return durationLike;
        } else if (typeof durationLike === "object") {
          return _Duration.fromObject(durationLike);
        } else {
          throw new InvalidArgumentError(`Unknown duration argument ${durationLike} of type ${typeof durationLike}`);
        }
      }
      /**
       * Create a Duration from an ISO 8601 duration string.
       * @param {string} text - text to parse
       * @param {Object} opts - options for parsing
       * @param {string} [opts.locale='en-US'] - the locale to use
       * @param {string} opts.numberingSystem - the numbering system to use
       * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
       * @param {string} [opts.matrix=Object] - the preset conversion system to use
       * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
       * @example Duration.fromISO('P3Y6M1W4DT12H30M5S').toObject() //=> { years: 3, months: 6, weeks: 1, days: 4, hours: 12, minutes: 30, seconds: 5 }
       * @example Duration.fromISO('PT23H').toObject() //=> { hours: 23 }
       * @example Duration.fromISO('P5Y3M').toObject() //=> { years: 5, months: 3 }
       * @return {Duration}
       */
      static fromISO(text, opts) {
        const [parsed] = parseISODuration(text);
        if (parsed) {
          return _Duration.fromObject(parsed, opts);
        } else {
          return _Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
        }
      }
      /**
       * Create a Duration from an ISO 8601 time string.
       * @param {string} text - text to parse
       * @param {Object} opts - options for parsing
       * @param {string} [opts.locale='en-US'] - the locale to use
       * @param {string} opts.numberingSystem - the numbering system to use
       * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
       * @param {string} [opts.matrix=Object] - the conversion system to use
       * @see https://en.wikipedia.org/wiki/ISO_8601#Times
       * @example Duration.fromISOTime('11:22:33.444').toObject() //=> { hours: 11, minutes: 22, seconds: 33, milliseconds: 444 }
       * @example Duration.fromISOTime('11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
       * @example Duration.fromISOTime('T11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
       * @example Duration.fromISOTime('1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
       * @example Duration.fromISOTime('T1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
       * @return {Duration}
       */
      static fromISOTime(text, opts) {
        const [parsed] = parseISOTimeOnly(text);
        if (parsed) {
          return _Duration.fromObject(parsed, opts);
        } else {
          return _Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
        }
      }
      /**
       * Create an invalid Duration.
       * @param {string} reason - simple string of why this datetime is invalid. Should not contain parameters or anything else data-dependent
       * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
       * @return {Duration}
       */
      static invalid(reason, explanation = null) {
        if (!reason) {
          throw new InvalidArgumentError("need to specify a reason the Duration is invalid");
        }
        const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
        if (Settings.throwOnInvalid) {
          throw new InvalidDurationError(invalid);
        } else {
          return new _Duration({
            invalid
          });
        }
      }
      /**
       * @private
       */
      static normalizeUnit(unit) {
        const normalized = {
          year: "years",
          years: "years",
          quarter: "quarters",
          quarters: "quarters",
          month: "months",
          months: "months",
          week: "weeks",
          weeks: "weeks",
          day: "days",
          days: "days",
          hour: "hours",
          hours: "hours",
          minute: "minutes",
          minutes: "minutes",
          second: "seconds",
          seconds: "seconds",
          millisecond: "milliseconds",
          milliseconds: "milliseconds"
        }[unit ? unit.toLowerCase() : unit];
        if (!normalized) throw new InvalidUnitError(unit);
        return normalized;
      }
      /**
       * Check if an object is a Duration. Works across context boundaries
       * @param {object} o
       * @return {boolean}
       */
      static isDuration(o) {
        return o && o.isLuxonDuration || false;
      }
      /**
       * Get  the locale of a Duration, such 'en-GB'
       * @type {string}
       */
      get locale() {
        return this.isValid ? this.loc.locale : null;
      }
      /**
       * Get the numbering system of a Duration, such 'beng'. The numbering system is used when formatting the Duration
       *
       * @type {string}
       */
      get numberingSystem() {
        return this.isValid ? this.loc.numberingSystem : null;
      }
      /**
       * Returns a string representation of this Duration formatted according to the specified format string. You may use these tokens:
       * * `S` for milliseconds
       * * `s` for seconds
       * * `m` for minutes
       * * `h` for hours
       * * `d` for days
       * * `w` for weeks
       * * `M` for months
       * * `y` for years
       * Notes:
       * * Add padding by repeating the token, e.g. "yy" pads the years to two digits, "hhhh" pads the hours out to four digits
       * * Tokens can be escaped by wrapping with single quotes.
       * * The duration will be converted to the set of units in the format string using {@link Duration#shiftTo} and the Durations's conversion accuracy setting.
       * @param {string} fmt - the format string
       * @param {Object} opts - options
       * @param {boolean} [opts.floor=true] - floor numerical values
       * @param {'negative'|'all'|'negativeLargestOnly'} [opts.signMode=negative] - How to handle signs
       * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("y d s") //=> "1 6 2"
       * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("yy dd sss") //=> "01 06 002"
       * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("M S") //=> "12 518402000"
       * @example Duration.fromObject({ days: 6, seconds: 2 }).toFormat("d s", { signMode: "all" }) //=> "+6 +2"
       * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "all" }) //=> "-6 -2"
       * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "negativeLargestOnly" }) //=> "-6 2"
       * @return {string}
       */
      toFormat(fmt, opts = {}) {
        const fmtOpts = {
          ...opts,
          floor: opts.round !== false && opts.floor !== false
        };
        return this.isValid ? Formatter.create(this.loc, fmtOpts).formatDurationFromString(this, fmt) : INVALID$2;
      }
      /**
       * Returns a string representation of a Duration with all units included.
       * To modify its behavior, use `listStyle` and any Intl.NumberFormat option, though `unitDisplay` is especially relevant.
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat#options
       * @param {Object} opts - Formatting options. Accepts the same keys as the options parameter of the native `Intl.NumberFormat` constructor, as well as `listStyle`.
       * @param {string} [opts.listStyle='narrow'] - How to format the merged list. Corresponds to the `style` property of the options parameter of the native `Intl.ListFormat` constructor.
       * @param {boolean} [opts.showZeros=true] - Show all units previously used by the duration even if they are zero
       * @example
       * ```js
       * var dur = Duration.fromObject({ months: 1, weeks: 0, hours: 5, minutes: 6 })
       * dur.toHuman() //=> '1 month, 0 weeks, 5 hours, 6 minutes'
       * dur.toHuman({ listStyle: "long" }) //=> '1 month, 0 weeks, 5 hours, and 6 minutes'
       * dur.toHuman({ unitDisplay: "short" }) //=> '1 mth, 0 wks, 5 hr, 6 min'
       * dur.toHuman({ showZeros: false }) //=> '1 month, 5 hours, 6 minutes'
       * ```
       */
      toHuman(opts = {}) {
        if (!this.isValid) return INVALID$2;
        const showZeros = opts.showZeros !== false;
        const l2 = orderedUnits$1.map((unit) => {
          const val = this.values[unit];
          if (isUndefined(val) || val === 0 && !showZeros) {
            return null;
          }
          return this.loc.numberFormatter({
            style: "unit",
            unitDisplay: "long",
            ...opts,
            unit: unit.slice(0, -1)
          }).format(val);
        }).filter((n2) => n2);
        return this.loc.listFormatter({
          type: "conjunction",
          style: opts.listStyle || "narrow",
          ...opts
        }).format(l2);
      }
      /**
       * Returns a JavaScript object with this Duration's values.
       * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toObject() //=> { years: 1, days: 6, seconds: 2 }
       * @return {Object}
       */
      toObject() {
        if (!this.isValid) return {};
        return {
          ...this.values
        };
      }
      /**
       * Returns an ISO 8601-compliant string representation of this Duration.
       * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
       * @example Duration.fromObject({ years: 3, seconds: 45 }).toISO() //=> 'P3YT45S'
       * @example Duration.fromObject({ months: 4, seconds: 45 }).toISO() //=> 'P4MT45S'
       * @example Duration.fromObject({ months: 5 }).toISO() //=> 'P5M'
       * @example Duration.fromObject({ minutes: 5 }).toISO() //=> 'PT5M'
       * @example Duration.fromObject({ milliseconds: 6 }).toISO() //=> 'PT0.006S'
       * @return {string}
       */
      toISO() {
        if (!this.isValid) return null;
        let s2 = "P";
        if (this.years !== 0) s2 += this.years + "Y";
        if (this.months !== 0 || this.quarters !== 0) s2 += this.months + this.quarters * 3 + "M";
        if (this.weeks !== 0) s2 += this.weeks + "W";
        if (this.days !== 0) s2 += this.days + "D";
        if (this.hours !== 0 || this.minutes !== 0 || this.seconds !== 0 || this.milliseconds !== 0) s2 += "T";
        if (this.hours !== 0) s2 += this.hours + "H";
        if (this.minutes !== 0) s2 += this.minutes + "M";
        if (this.seconds !== 0 || this.milliseconds !== 0)
          s2 += roundTo(this.seconds + this.milliseconds / 1e3, 3) + "S";
        if (s2 === "P") s2 += "T0S";
        return s2;
      }
      /**
       * Returns an ISO 8601-compliant string representation of this Duration, formatted as a time of day.
       * Note that this will return null if the duration is invalid, negative, or equal to or greater than 24 hours.
       * @see https://en.wikipedia.org/wiki/ISO_8601#Times
       * @param {Object} opts - options
       * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
       * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
       * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
       * @param {string} [opts.format='extended'] - choose between the basic and extended format
       * @example Duration.fromObject({ hours: 11 }).toISOTime() //=> '11:00:00.000'
       * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressMilliseconds: true }) //=> '11:00:00'
       * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressSeconds: true }) //=> '11:00'
       * @example Duration.fromObject({ hours: 11 }).toISOTime({ includePrefix: true }) //=> 'T11:00:00.000'
       * @example Duration.fromObject({ hours: 11 }).toISOTime({ format: 'basic' }) //=> '110000.000'
       * @return {string}
       */
      toISOTime(opts = {}) {
        if (!this.isValid) return null;
        const millis = this.toMillis();
        if (millis < 0 || millis >= 864e5) return null;
        opts = {
          suppressMilliseconds: false,
          suppressSeconds: false,
          includePrefix: false,
          format: "extended",
          ...opts,
          includeOffset: false
        };
        const dateTime = DateTime.fromMillis(millis, {
          zone: "UTC"
        });
        return dateTime.toISOTime(opts);
      }
      /**
       * Returns an ISO 8601 representation of this Duration appropriate for use in JSON.
       * @return {string}
       */
      toJSON() {
        return this.toISO();
      }
      /**
       * Returns an ISO 8601 representation of this Duration appropriate for use in debugging.
       * @return {string}
       */
      toString() {
        return this.toISO();
      }
      /**
       * Returns a string representation of this Duration appropriate for the REPL.
       * @return {string}
       */
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        if (this.isValid) {
          return `Duration { values: ${JSON.stringify(this.values)} }`;
        } else {
          return `Duration { Invalid, reason: ${this.invalidReason} }`;
        }
      }
      /**
       * Returns an milliseconds value of this Duration.
       * @return {number}
       */
      toMillis() {
        if (!this.isValid) return NaN;
        return durationToMillis(this.matrix, this.values);
      }
      /**
       * Returns an milliseconds value of this Duration. Alias of {@link toMillis}
       * @return {number}
       */
      valueOf() {
        return this.toMillis();
      }
      /**
       * Make this Duration longer by the specified amount. Return a newly-constructed Duration.
       * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
       * @return {Duration}
       */
      plus(duration2) {
        if (!this.isValid) return this;
        const dur = _Duration.fromDurationLike(duration2), result = {};
        for (const k of orderedUnits$1) {
          if (hasOwnProperty(dur.values, k) || hasOwnProperty(this.values, k)) {
            result[k] = dur.get(k) + this.get(k);
          }
        }
        return clone$1(this, {
          values: result
        }, true);
      }
      /**
       * Make this Duration shorter by the specified amount. Return a newly-constructed Duration.
       * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
       * @return {Duration}
       */
      minus(duration2) {
        if (!this.isValid) return this;
        const dur = _Duration.fromDurationLike(duration2);
        return this.plus(dur.negate());
      }
      /**
       * Scale this Duration by the specified amount. Return a newly-constructed Duration.
       * @param {function} fn - The function to apply to each unit. Arity is 1 or 2: the value of the unit and, optionally, the unit name. Must return a number.
       * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits(x => x * 2) //=> { hours: 2, minutes: 60 }
       * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits((x, u) => u === "hours" ? x * 2 : x) //=> { hours: 2, minutes: 30 }
       * @return {Duration}
       */
      mapUnits(fn) {
        if (!this.isValid) return this;
        const result = {};
        for (const k of Object.keys(this.values)) {
          result[k] = asNumber(fn(this.values[k], k));
        }
        return clone$1(this, {
          values: result
        }, true);
      }
      /**
       * Get the value of unit.
       * @param {string} unit - a unit such as 'minute' or 'day'
       * @example Duration.fromObject({years: 2, days: 3}).get('years') //=> 2
       * @example Duration.fromObject({years: 2, days: 3}).get('months') //=> 0
       * @example Duration.fromObject({years: 2, days: 3}).get('days') //=> 3
       * @return {number}
       */
      get(unit) {
        return this[_Duration.normalizeUnit(unit)];
      }
      /**
       * "Set" the values of specified units. Return a newly-constructed Duration.
       * @param {Object} values - a mapping of units to numbers
       * @example dur.set({ years: 2017 })
       * @example dur.set({ hours: 8, minutes: 30 })
       * @return {Duration}
       */
      set(values) {
        if (!this.isValid) return this;
        const mixed = {
          ...this.values,
          ...normalizeObject(values, _Duration.normalizeUnit)
        };
        return clone$1(this, {
          values: mixed
        });
      }
      /**
       * "Set" the locale and/or numberingSystem.  Returns a newly-constructed Duration.
       * @example dur.reconfigure({ locale: 'en-GB' })
       * @return {Duration}
       */
      reconfigure({
        locale,
        numberingSystem,
        conversionAccuracy,
        matrix
      } = {}) {
        const loc = this.loc.clone({
          locale,
          numberingSystem
        });
        const opts = {
          loc,
          matrix,
          conversionAccuracy
        };
        return clone$1(this, opts);
      }
      /**
       * Return the length of the duration in the specified unit.
       * @param {string} unit - a unit such as 'minutes' or 'days'
       * @example Duration.fromObject({years: 1}).as('days') //=> 365
       * @example Duration.fromObject({years: 1}).as('months') //=> 12
       * @example Duration.fromObject({hours: 60}).as('days') //=> 2.5
       * @return {number}
       */
      as(unit) {
        return this.isValid ? this.shiftTo(unit).get(unit) : NaN;
      }
      /**
       * Reduce this Duration to its canonical representation in its current units.
       * Assuming the overall value of the Duration is positive, this means:
       * - excessive values for lower-order units are converted to higher-order units (if possible, see first and second example)
       * - negative lower-order units are converted to higher order units (there must be such a higher order unit, otherwise
       *   the overall value would be negative, see third example)
       * - fractional values for higher-order units are converted to lower-order units (if possible, see fourth example)
       *
       * If the overall value is negative, the result of this method is equivalent to `this.negate().normalize().negate()`.
       * @example Duration.fromObject({ years: 2, days: 5000 }).normalize().toObject() //=> { years: 15, days: 255 }
       * @example Duration.fromObject({ days: 5000 }).normalize().toObject() //=> { days: 5000 }
       * @example Duration.fromObject({ hours: 12, minutes: -45 }).normalize().toObject() //=> { hours: 11, minutes: 15 }
       * @example Duration.fromObject({ years: 2.5, days: 0, hours: 0 }).normalize().toObject() //=> { years: 2, days: 182, hours: 12 }
       * @return {Duration}
       */
      normalize() {
        if (!this.isValid) return this;
        const vals = this.toObject();
        normalizeValues(this.matrix, vals);
        return clone$1(this, {
          values: vals
        }, true);
      }
      /**
       * Rescale units to its largest representation
       * @example Duration.fromObject({ milliseconds: 90000 }).rescale().toObject() //=> { minutes: 1, seconds: 30 }
       * @return {Duration}
       */
      rescale() {
        if (!this.isValid) return this;
        const vals = removeZeroes(this.normalize().shiftToAll().toObject());
        return clone$1(this, {
          values: vals
        }, true);
      }
      /**
       * Convert this Duration into its representation in a different set of units.
       * @example Duration.fromObject({ hours: 1, seconds: 30 }).shiftTo('minutes', 'milliseconds').toObject() //=> { minutes: 60, milliseconds: 30000 }
       * @return {Duration}
       */
      shiftTo(...units) {
        if (!this.isValid) return this;
        if (units.length === 0) {
          return this;
        }
        units = units.map((u) => _Duration.normalizeUnit(u));
        const built = {}, accumulated = {}, vals = this.toObject();
        let lastUnit;
        for (const k of orderedUnits$1) {
          if (units.indexOf(k) >= 0) {
            lastUnit = k;
            let own = 0;
            for (const ak in accumulated) {
              own += this.matrix[ak][k] * accumulated[ak];
              accumulated[ak] = 0;
            }
            if (isNumber(vals[k])) {
              own += vals[k];
            }
            const i = Math.trunc(own);
            built[k] = i;
            accumulated[k] = (own * 1e3 - i * 1e3) / 1e3;
          } else if (isNumber(vals[k])) {
            accumulated[k] = vals[k];
          }
        }
        for (const key in accumulated) {
          if (accumulated[key] !== 0) {
            built[lastUnit] += key === lastUnit ? accumulated[key] : accumulated[key] / this.matrix[lastUnit][key];
          }
        }
        normalizeValues(this.matrix, built);
        return clone$1(this, {
          values: built
        }, true);
      }
      /**
       * Shift this Duration to all available units.
       * Same as shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds")
       * @return {Duration}
       */
      shiftToAll() {
        if (!this.isValid) return this;
        return this.shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds");
      }
      /**
       * Return the negative of this Duration.
       * @example Duration.fromObject({ hours: 1, seconds: 30 }).negate().toObject() //=> { hours: -1, seconds: -30 }
       * @return {Duration}
       */
      negate() {
        if (!this.isValid) return this;
        const negated = {};
        for (const k of Object.keys(this.values)) {
          negated[k] = this.values[k] === 0 ? 0 : -this.values[k];
        }
        return clone$1(this, {
          values: negated
        }, true);
      }
      /**
       * Removes all units with values equal to 0 from this Duration.
       * @example Duration.fromObject({ years: 2, days: 0, hours: 0, minutes: 0 }).removeZeros().toObject() //=> { years: 2 }
       * @return {Duration}
       */
      removeZeros() {
        if (!this.isValid) return this;
        const vals = removeZeroes(this.values);
        return clone$1(this, {
          values: vals
        }, true);
      }
      /**
       * Get the years.
       * @type {number}
       */
      get years() {
        return this.isValid ? this.values.years || 0 : NaN;
      }
      /**
       * Get the quarters.
       * @type {number}
       */
      get quarters() {
        return this.isValid ? this.values.quarters || 0 : NaN;
      }
      /**
       * Get the months.
       * @type {number}
       */
      get months() {
        return this.isValid ? this.values.months || 0 : NaN;
      }
      /**
       * Get the weeks
       * @type {number}
       */
      get weeks() {
        return this.isValid ? this.values.weeks || 0 : NaN;
      }
      /**
       * Get the days.
       * @type {number}
       */
      get days() {
        return this.isValid ? this.values.days || 0 : NaN;
      }
      /**
       * Get the hours.
       * @type {number}
       */
      get hours() {
        return this.isValid ? this.values.hours || 0 : NaN;
      }
      /**
       * Get the minutes.
       * @type {number}
       */
      get minutes() {
        return this.isValid ? this.values.minutes || 0 : NaN;
      }
      /**
       * Get the seconds.
       * @return {number}
       */
      get seconds() {
        return this.isValid ? this.values.seconds || 0 : NaN;
      }
      /**
       * Get the milliseconds.
       * @return {number}
       */
      get milliseconds() {
        return this.isValid ? this.values.milliseconds || 0 : NaN;
      }
      /**
       * Returns whether the Duration is invalid. Invalid durations are returned by diff operations
       * on invalid DateTimes or Intervals.
       * @return {boolean}
       */
      get isValid() {
        return this.invalid === null;
      }
      /**
       * Returns an error code if this Duration became invalid, or null if the Duration is valid
       * @return {string}
       */
      get invalidReason() {
        return this.invalid ? this.invalid.reason : null;
      }
      /**
       * Returns an explanation of why this Duration became invalid, or null if the Duration is valid
       * @type {string}
       */
      get invalidExplanation() {
        return this.invalid ? this.invalid.explanation : null;
      }
      /**
       * Equality check
       * Two Durations are equal iff they have the same units and the same values for each unit.
       * @param {Duration} other
       * @return {boolean}
       */
      equals(other) {
        if (!this.isValid || !other.isValid) {
          return false;
        }
        if (!this.loc.equals(other.loc)) {
          return false;
        }
        function eq(v1, v2) {
          if (v1 === void 0 || v1 === 0) return v2 === void 0 || v2 === 0;
          return v1 === v2;
        }
        for (const u of orderedUnits$1) {
          if (!eq(this.values[u], other.values[u])) {
            return false;
          }
        }
        return true;
      }
    };
    var INVALID$1 = "Invalid Interval";
    function validateStartEnd(start, end) {
      if (!start || !start.isValid) {
        return Interval.invalid("missing or invalid start");
      } else if (!end || !end.isValid) {
        return Interval.invalid("missing or invalid end");
      } else if (end < start) {
        return Interval.invalid("end before start", `The end of an interval must be after its start, but you had start=${start.toISO()} and end=${end.toISO()}`);
      } else {
        return null;
      }
    }
    var Interval = class _Interval {
      /**
       * @private
       */
      constructor(config) {
        this.s = config.start;
        this.e = config.end;
        this.invalid = config.invalid || null;
        this.isLuxonInterval = true;
      }
      /**
       * Create an invalid Interval.
       * @param {string} reason - simple string of why this Interval is invalid. Should not contain parameters or anything else data-dependent
       * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
       * @return {Interval}
       */
      static invalid(reason, explanation = null) {
        if (!reason) {
          throw new InvalidArgumentError("need to specify a reason the Interval is invalid");
        }
        const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
        if (Settings.throwOnInvalid) {
          throw new InvalidIntervalError(invalid);
        } else {
          return new _Interval({
            invalid
          });
        }
      }
      /**
       * Create an Interval from a start DateTime and an end DateTime. Inclusive of the start but not the end.
       * @param {DateTime|Date|Object} start
       * @param {DateTime|Date|Object} end
       * @return {Interval}
       */
      static fromDateTimes(start, end) {
        const builtStart = friendlyDateTime(start), builtEnd = friendlyDateTime(end);
        const validateError = validateStartEnd(builtStart, builtEnd);
        if (validateError == null) {
          return new _Interval({
            start: builtStart,
            end: builtEnd
          });
        } else {
          return validateError;
        }
      }
      /**
       * Create an Interval from a start DateTime and a Duration to extend to.
       * @param {DateTime|Date|Object} start
       * @param {Duration|Object|number} duration - the length of the Interval.
       * @return {Interval}
       */
      static after(start, duration2) {
        const dur = Duration.fromDurationLike(duration2), dt = friendlyDateTime(start);
        return _Interval.fromDateTimes(dt, dt.plus(dur));
      }
      /**
       * Create an Interval from an end DateTime and a Duration to extend backwards to.
       * @param {DateTime|Date|Object} end
       * @param {Duration|Object|number} duration - the length of the Interval.
       * @return {Interval}
       */
      static before(end, duration2) {
        const dur = Duration.fromDurationLike(duration2), dt = friendlyDateTime(end);
        return _Interval.fromDateTimes(dt.minus(dur), dt);
      }
      /**
       * Create an Interval from an ISO 8601 string.
       * Accepts `<start>/<end>`, `<start>/<duration>`, and `<duration>/<end>` formats.
       * @param {string} text - the ISO string to parse
       * @param {Object} [opts] - options to pass {@link DateTime#fromISO} and optionally {@link Duration#fromISO}
       * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
       * @return {Interval}
       */
      static fromISO(text, opts) {
        const [s2, e] = (text || "").split("/", 2);
        if (s2 && e) {
          let start, startIsValid;
          try {
            start = DateTime.fromISO(s2, opts);
            startIsValid = start.isValid;
          } catch (e2) {
            startIsValid = false;
          }
          let end, endIsValid;
          try {
            end = DateTime.fromISO(e, opts);
            endIsValid = end.isValid;
          } catch (e2) {
            endIsValid = false;
          }
          if (startIsValid && endIsValid) {
            return _Interval.fromDateTimes(start, end);
          }
          if (startIsValid) {
            const dur = Duration.fromISO(e, opts);
            if (dur.isValid) {
              return _Interval.after(start, dur);
            }
          } else if (endIsValid) {
            const dur = Duration.fromISO(s2, opts);
            if (dur.isValid) {
              return _Interval.before(end, dur);
            }
          }
        }
        return _Interval.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
      }
      /**
       * Check if an object is an Interval. Works across context boundaries
       * @param {object} o
       * @return {boolean}
       */
      static isInterval(o) {
        return o && o.isLuxonInterval || false;
      }
      /**
       * Returns the start of the Interval
       * @type {DateTime}
       */
      get start() {
        return this.isValid ? this.s : null;
      }
      /**
       * Returns the end of the Interval. This is the first instant which is not part of the interval
       * (Interval is half-open).
       * @type {DateTime}
       */
      get end() {
        return this.isValid ? this.e : null;
      }
      /**
       * Returns the last DateTime included in the interval (since end is not part of the interval)
       * @type {DateTime}
       */
      get lastDateTime() {
        return this.isValid ? this.e ? this.e.minus(1) : null : null;
      }
      /**
       * Returns whether this Interval's end is at least its start, meaning that the Interval isn't 'backwards'.
       * @type {boolean}
       */
      get isValid() {
        return this.invalidReason === null;
      }
      /**
       * Returns an error code if this Interval is invalid, or null if the Interval is valid
       * @type {string}
       */
      get invalidReason() {
        return this.invalid ? this.invalid.reason : null;
      }
      /**
       * Returns an explanation of why this Interval became invalid, or null if the Interval is valid
       * @type {string}
       */
      get invalidExplanation() {
        return this.invalid ? this.invalid.explanation : null;
      }
      /**
       * Returns the length of the Interval in the specified unit.
       * @param {string} unit - the unit (such as 'hours' or 'days') to return the length in.
       * @return {number}
       */
      length(unit = "milliseconds") {
        return this.isValid ? this.toDuration(...[unit]).get(unit) : NaN;
      }
      /**
       * Returns the count of minutes, hours, days, months, or years included in the Interval, even in part.
       * Unlike {@link Interval#length} this counts sections of the calendar, not periods of time, e.g. specifying 'day'
       * asks 'what dates are included in this interval?', not 'how many days long is this interval?'
       * @param {string} [unit='milliseconds'] - the unit of time to count.
       * @param {Object} opts - options
       * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; this operation will always use the locale of the start DateTime
       * @return {number}
       */
      count(unit = "milliseconds", opts) {
        if (!this.isValid) return NaN;
        const start = this.start.startOf(unit, opts);
        let end;
        if (opts != null && opts.useLocaleWeeks) {
          end = this.end.reconfigure({
            locale: start.locale
          });
        } else {
          end = this.end;
        }
        end = end.startOf(unit, opts);
        return Math.floor(end.diff(start, unit).get(unit)) + (end.valueOf() !== this.end.valueOf());
      }
      /**
       * Returns whether this Interval's start and end are both in the same unit of time
       * @param {string} unit - the unit of time to check sameness on
       * @return {boolean}
       */
      hasSame(unit) {
        return this.isValid ? this.isEmpty() || this.e.minus(1).hasSame(this.s, unit) : false;
      }
      /**
       * Return whether this Interval has the same start and end DateTimes.
       * @return {boolean}
       */
      isEmpty() {
        return this.s.valueOf() === this.e.valueOf();
      }
      /**
       * Return whether this Interval's start is after the specified DateTime.
       * @param {DateTime} dateTime
       * @return {boolean}
       */
      isAfter(dateTime) {
        if (!this.isValid) return false;
        return this.s > dateTime;
      }
      /**
       * Return whether this Interval's end is before the specified DateTime.
       * @param {DateTime} dateTime
       * @return {boolean}
       */
      isBefore(dateTime) {
        if (!this.isValid) return false;
        return this.e <= dateTime;
      }
      /**
       * Return whether this Interval contains the specified DateTime.
       * @param {DateTime} dateTime
       * @return {boolean}
       */
      contains(dateTime) {
        if (!this.isValid) return false;
        return this.s <= dateTime && this.e > dateTime;
      }
      /**
       * "Sets" the start and/or end dates. Returns a newly-constructed Interval.
       * @param {Object} values - the values to set
       * @param {DateTime} values.start - the starting DateTime
       * @param {DateTime} values.end - the ending DateTime
       * @return {Interval}
       */
      set({
        start,
        end
      } = {}) {
        if (!this.isValid) return this;
        return _Interval.fromDateTimes(start || this.s, end || this.e);
      }
      /**
       * Split this Interval at each of the specified DateTimes
       * @param {...DateTime} dateTimes - the unit of time to count.
       * @return {Array}
       */
      splitAt(...dateTimes) {
        if (!this.isValid) return [];
        const sorted = dateTimes.map(friendlyDateTime).filter((d) => this.contains(d)).sort((a, b) => a.toMillis() - b.toMillis()), results = [];
        let {
          s: s2
        } = this, i = 0;
        while (s2 < this.e) {
          const added = sorted[i] || this.e, next = +added > +this.e ? this.e : added;
          results.push(_Interval.fromDateTimes(s2, next));
          s2 = next;
          i += 1;
        }
        return results;
      }
      /**
       * Split this Interval into smaller Intervals, each of the specified length.
       * Left over time is grouped into a smaller interval
       * @param {Duration|Object|number} duration - The length of each resulting interval.
       * @return {Array}
       */
      splitBy(duration2) {
        const dur = Duration.fromDurationLike(duration2);
        if (!this.isValid || !dur.isValid || dur.as("milliseconds") === 0) {
          return [];
        }
        let {
          s: s2
        } = this, idx = 1, next;
        const results = [];
        while (s2 < this.e) {
          const added = this.start.plus(dur.mapUnits((x) => x * idx));
          next = +added > +this.e ? this.e : added;
          results.push(_Interval.fromDateTimes(s2, next));
          s2 = next;
          idx += 1;
        }
        return results;
      }
      /**
       * Split this Interval into the specified number of smaller intervals.
       * @param {number} numberOfParts - The number of Intervals to divide the Interval into.
       * @return {Array}
       */
      divideEqually(numberOfParts) {
        if (!this.isValid) return [];
        return this.splitBy(this.length() / numberOfParts).slice(0, numberOfParts);
      }
      /**
       * Return whether this Interval overlaps with the specified Interval
       * @param {Interval} other
       * @return {boolean}
       */
      overlaps(other) {
        return this.e > other.s && this.s < other.e;
      }
      /**
       * Return whether this Interval's end is adjacent to the specified Interval's start.
       * @param {Interval} other
       * @return {boolean}
       */
      abutsStart(other) {
        if (!this.isValid) return false;
        return +this.e === +other.s;
      }
      /**
       * Return whether this Interval's start is adjacent to the specified Interval's end.
       * @param {Interval} other
       * @return {boolean}
       */
      abutsEnd(other) {
        if (!this.isValid) return false;
        return +other.e === +this.s;
      }
      /**
       * Returns true if this Interval fully contains the specified Interval, specifically if the intersect (of this Interval and the other Interval) is equal to the other Interval; false otherwise.
       * @param {Interval} other
       * @return {boolean}
       */
      engulfs(other) {
        if (!this.isValid) return false;
        return this.s <= other.s && this.e >= other.e;
      }
      /**
       * Return whether this Interval has the same start and end as the specified Interval.
       * @param {Interval} other
       * @return {boolean}
       */
      equals(other) {
        if (!this.isValid || !other.isValid) {
          return false;
        }
        return this.s.equals(other.s) && this.e.equals(other.e);
      }
      /**
       * Return an Interval representing the intersection of this Interval and the specified Interval.
       * Specifically, the resulting Interval has the maximum start time and the minimum end time of the two Intervals.
       * Returns null if the intersection is empty, meaning, the intervals don't intersect.
       * @param {Interval} other
       * @return {Interval}
       */
      intersection(other) {
        if (!this.isValid) return this;
        const s2 = this.s > other.s ? this.s : other.s, e = this.e < other.e ? this.e : other.e;
        if (s2 >= e) {
          return null;
        } else {
          return _Interval.fromDateTimes(s2, e);
        }
      }
      /**
       * Return an Interval representing the union of this Interval and the specified Interval.
       * Specifically, the resulting Interval has the minimum start time and the maximum end time of the two Intervals.
       * @param {Interval} other
       * @return {Interval}
       */
      union(other) {
        if (!this.isValid) return this;
        const s2 = this.s < other.s ? this.s : other.s, e = this.e > other.e ? this.e : other.e;
        return _Interval.fromDateTimes(s2, e);
      }
      /**
       * Merge an array of Intervals into an equivalent minimal set of Intervals.
       * Combines overlapping and adjacent Intervals.
       * The resulting array will contain the Intervals in ascending order, that is, starting with the earliest Interval
       * and ending with the latest.
       *
       * @param {Array} intervals
       * @return {Array}
       */
      static merge(intervals) {
        const [found, final] = intervals.sort((a, b) => a.s - b.s).reduce(([sofar, current], item) => {
          if (!current) {
            return [sofar, item];
          } else if (current.overlaps(item) || current.abutsStart(item)) {
            return [sofar, current.union(item)];
          } else {
            return [sofar.concat([current]), item];
          }
        }, [[], null]);
        if (final) {
          found.push(final);
        }
        return found;
      }
      /**
       * Return an array of Intervals representing the spans of time that only appear in one of the specified Intervals.
       * @param {Array} intervals
       * @return {Array}
       */
      static xor(intervals) {
        let start = null, currentCount = 0;
        const results = [], ends = intervals.map((i) => [{
          time: i.s,
          type: "s"
        }, {
          time: i.e,
          type: "e"
        }]), flattened = Array.prototype.concat(...ends), arr = flattened.sort((a, b) => a.time - b.time);
        for (const i of arr) {
          currentCount += i.type === "s" ? 1 : -1;
          if (currentCount === 1) {
            start = i.time;
          } else {
            if (start && +start !== +i.time) {
              results.push(_Interval.fromDateTimes(start, i.time));
            }
            start = null;
          }
        }
        return _Interval.merge(results);
      }
      /**
       * Return an Interval representing the span of time in this Interval that doesn't overlap with any of the specified Intervals.
       * @param {...Interval} intervals
       * @return {Array}
       */
      difference(...intervals) {
        return _Interval.xor([this].concat(intervals)).map((i) => this.intersection(i)).filter((i) => i && !i.isEmpty());
      }
      /**
       * Returns a string representation of this Interval appropriate for debugging.
       * @return {string}
       */
      toString() {
        if (!this.isValid) return INVALID$1;
        return `[${this.s.toISO()} \u2013 ${this.e.toISO()})`;
      }
      /**
       * Returns a string representation of this Interval appropriate for the REPL.
       * @return {string}
       */
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        if (this.isValid) {
          return `Interval { start: ${this.s.toISO()}, end: ${this.e.toISO()} }`;
        } else {
          return `Interval { Invalid, reason: ${this.invalidReason} }`;
        }
      }
      /**
       * Returns a localized string representing this Interval. Accepts the same options as the
       * Intl.DateTimeFormat constructor and any presets defined by Luxon, such as
       * {@link DateTime.DATE_FULL} or {@link DateTime.TIME_SIMPLE}. The exact behavior of this method
       * is browser-specific, but in general it will return an appropriate representation of the
       * Interval in the assigned locale. Defaults to the system's locale if no locale has been
       * specified.
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
       * @param {Object} [formatOpts=DateTime.DATE_SHORT] - Either a DateTime preset or
       * Intl.DateTimeFormat constructor options.
       * @param {Object} opts - Options to override the configuration of the start DateTime.
       * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(); //=> 11/7/2022 – 11/8/2022
       * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL); //=> November 7 – 8, 2022
       * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL, { locale: 'fr-FR' }); //=> 7–8 novembre 2022
       * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString(DateTime.TIME_SIMPLE); //=> 6:00 – 8:00 PM
       * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> Mon, Nov 07, 6:00 – 8:00 p
       * @return {string}
       */
      toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
        return this.isValid ? Formatter.create(this.s.loc.clone(opts), formatOpts).formatInterval(this) : INVALID$1;
      }
      /**
       * Returns an ISO 8601-compliant string representation of this Interval.
       * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
       * @param {Object} opts - The same options as {@link DateTime#toISO}
       * @return {string}
       */
      toISO(opts) {
        if (!this.isValid) return INVALID$1;
        return `${this.s.toISO(opts)}/${this.e.toISO(opts)}`;
      }
      /**
       * Returns an ISO 8601-compliant string representation of date of this Interval.
       * The time components are ignored.
       * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
       * @return {string}
       */
      toISODate() {
        if (!this.isValid) return INVALID$1;
        return `${this.s.toISODate()}/${this.e.toISODate()}`;
      }
      /**
       * Returns an ISO 8601-compliant string representation of time of this Interval.
       * The date components are ignored.
       * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
       * @param {Object} opts - The same options as {@link DateTime#toISO}
       * @return {string}
       */
      toISOTime(opts) {
        if (!this.isValid) return INVALID$1;
        return `${this.s.toISOTime(opts)}/${this.e.toISOTime(opts)}`;
      }
      /**
       * Returns a string representation of this Interval formatted according to the specified format
       * string. **You may not want this.** See {@link Interval#toLocaleString} for a more flexible
       * formatting tool.
       * @param {string} dateFormat - The format string. This string formats the start and end time.
       * See {@link DateTime#toFormat} for details.
       * @param {Object} opts - Options.
       * @param {string} [opts.separator =  ' – '] - A separator to place between the start and end
       * representations.
       * @return {string}
       */
      toFormat(dateFormat, {
        separator = " \u2013 "
      } = {}) {
        if (!this.isValid) return INVALID$1;
        return `${this.s.toFormat(dateFormat)}${separator}${this.e.toFormat(dateFormat)}`;
      }
      /**
       * Return a Duration representing the time spanned by this interval.
       * @param {string|string[]} [unit=['milliseconds']] - the unit or units (such as 'hours' or 'days') to include in the duration.
       * @param {Object} opts - options that affect the creation of the Duration
       * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
       * @example Interval.fromDateTimes(dt1, dt2).toDuration().toObject() //=> { milliseconds: 88489257 }
       * @example Interval.fromDateTimes(dt1, dt2).toDuration('days').toObject() //=> { days: 1.0241812152777778 }
       * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes']).toObject() //=> { hours: 24, minutes: 34.82095 }
       * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes', 'seconds']).toObject() //=> { hours: 24, minutes: 34, seconds: 49.257 }
       * @example Interval.fromDateTimes(dt1, dt2).toDuration('seconds').toObject() //=> { seconds: 88489.257 }
       * @return {Duration}
       */
      toDuration(unit, opts) {
        if (!this.isValid) {
          return Duration.invalid(this.invalidReason);
        }
        return this.e.diff(this.s, unit, opts);
      }
      /**
       * Run mapFn on the interval start and end, returning a new Interval from the resulting DateTimes
       * @param {function} mapFn
       * @return {Interval}
       * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.toUTC())
       * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.plus({ hours: 2 }))
       */
      mapEndpoints(mapFn) {
        return _Interval.fromDateTimes(mapFn(this.s), mapFn(this.e));
      }
    };
    var Info = class {
      /**
       * Return whether the specified zone contains a DST.
       * @param {string|Zone} [zone='local'] - Zone to check. Defaults to the environment's local zone.
       * @return {boolean}
       */
      static hasDST(zone = Settings.defaultZone) {
        const proto = DateTime.now().setZone(zone).set({
          month: 12
        });
        return !zone.isUniversal && proto.offset !== proto.set({
          month: 6
        }).offset;
      }
      /**
       * Return whether the specified zone is a valid IANA specifier.
       * @param {string} zone - Zone to check
       * @return {boolean}
       */
      static isValidIANAZone(zone) {
        return IANAZone.isValidZone(zone);
      }
      /**
       * Converts the input into a {@link Zone} instance.
       *
       * * If `input` is already a Zone instance, it is returned unchanged.
       * * If `input` is a string containing a valid time zone name, a Zone instance
       *   with that name is returned.
       * * If `input` is a string that doesn't refer to a known time zone, a Zone
       *   instance with {@link Zone#isValid} == false is returned.
       * * If `input is a number, a Zone instance with the specified fixed offset
       *   in minutes is returned.
       * * If `input` is `null` or `undefined`, the default zone is returned.
       * @param {string|Zone|number} [input] - the value to be converted
       * @return {Zone}
       */
      static normalizeZone(input) {
        return normalizeZone(input, Settings.defaultZone);
      }
      /**
       * Get the weekday on which the week starts according to the given locale.
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @returns {number} the start of the week, 1 for Monday through 7 for Sunday
       */
      static getStartOfWeek({
        locale = null,
        locObj = null
      } = {}) {
        return (locObj || Locale.create(locale)).getStartOfWeek();
      }
      /**
       * Get the minimum number of days necessary in a week before it is considered part of the next year according
       * to the given locale.
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @returns {number}
       */
      static getMinimumDaysInFirstWeek({
        locale = null,
        locObj = null
      } = {}) {
        return (locObj || Locale.create(locale)).getMinDaysInFirstWeek();
      }
      /**
       * Get the weekdays, which are considered the weekend according to the given locale
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @returns {number[]} an array of weekdays, 1 for Monday through 7 for Sunday
       */
      static getWeekendWeekdays({
        locale = null,
        locObj = null
      } = {}) {
        return (locObj || Locale.create(locale)).getWeekendDays().slice();
      }
      /**
       * Return an array of standalone month names.
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
       * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.numberingSystem=null] - the numbering system
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @param {string} [opts.outputCalendar='gregory'] - the calendar
       * @example Info.months()[0] //=> 'January'
       * @example Info.months('short')[0] //=> 'Jan'
       * @example Info.months('numeric')[0] //=> '1'
       * @example Info.months('short', { locale: 'fr-CA' } )[0] //=> 'janv.'
       * @example Info.months('numeric', { locale: 'ar' })[0] //=> '١'
       * @example Info.months('long', { outputCalendar: 'islamic' })[0] //=> 'Rabiʻ I'
       * @return {Array}
       */
      static months(length = "long", {
        locale = null,
        numberingSystem = null,
        locObj = null,
        outputCalendar = "gregory"
      } = {}) {
        return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length);
      }
      /**
       * Return an array of format month names.
       * Format months differ from standalone months in that they're meant to appear next to the day of the month. In some languages, that
       * changes the string.
       * See {@link Info#months}
       * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.numberingSystem=null] - the numbering system
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @param {string} [opts.outputCalendar='gregory'] - the calendar
       * @return {Array}
       */
      static monthsFormat(length = "long", {
        locale = null,
        numberingSystem = null,
        locObj = null,
        outputCalendar = "gregory"
      } = {}) {
        return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length, true);
      }
      /**
       * Return an array of standalone week names.
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
       * @param {string} [length='long'] - the length of the weekday representation, such as "narrow", "short", "long".
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @param {string} [opts.numberingSystem=null] - the numbering system
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @example Info.weekdays()[0] //=> 'Monday'
       * @example Info.weekdays('short')[0] //=> 'Mon'
       * @example Info.weekdays('short', { locale: 'fr-CA' })[0] //=> 'lun.'
       * @example Info.weekdays('short', { locale: 'ar' })[0] //=> 'الاثنين'
       * @return {Array}
       */
      static weekdays(length = "long", {
        locale = null,
        numberingSystem = null,
        locObj = null
      } = {}) {
        return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length);
      }
      /**
       * Return an array of format week names.
       * Format weekdays differ from standalone weekdays in that they're meant to appear next to more date information. In some languages, that
       * changes the string.
       * See {@link Info#weekdays}
       * @param {string} [length='long'] - the length of the month representation, such as "narrow", "short", "long".
       * @param {Object} opts - options
       * @param {string} [opts.locale=null] - the locale code
       * @param {string} [opts.numberingSystem=null] - the numbering system
       * @param {string} [opts.locObj=null] - an existing locale object to use
       * @return {Array}
       */
      static weekdaysFormat(length = "long", {
        locale = null,
        numberingSystem = null,
        locObj = null
      } = {}) {
        return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length, true);
      }
      /**
       * Return an array of meridiems.
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @example Info.meridiems() //=> [ 'AM', 'PM' ]
       * @example Info.meridiems({ locale: 'my' }) //=> [ 'နံနက်', 'ညနေ' ]
       * @return {Array}
       */
      static meridiems({
        locale = null
      } = {}) {
        return Locale.create(locale).meridiems();
      }
      /**
       * Return an array of eras, such as ['BC', 'AD']. The locale can be specified, but the calendar system is always Gregorian.
       * @param {string} [length='short'] - the length of the era representation, such as "short" or "long".
       * @param {Object} opts - options
       * @param {string} [opts.locale] - the locale code
       * @example Info.eras() //=> [ 'BC', 'AD' ]
       * @example Info.eras('long') //=> [ 'Before Christ', 'Anno Domini' ]
       * @example Info.eras('long', { locale: 'fr' }) //=> [ 'avant Jésus-Christ', 'après Jésus-Christ' ]
       * @return {Array}
       */
      static eras(length = "short", {
        locale = null
      } = {}) {
        return Locale.create(locale, null, "gregory").eras(length);
      }
      /**
       * Return the set of available features in this environment.
       * Some features of Luxon are not available in all environments. For example, on older browsers, relative time formatting support is not available. Use this function to figure out if that's the case.
       * Keys:
       * * `relative`: whether this environment supports relative time formatting
       * * `localeWeek`: whether this environment supports different weekdays for the start of the week based on the locale
       * @example Info.features() //=> { relative: false, localeWeek: true }
       * @return {Object}
       */
      static features() {
        return {
          relative: hasRelative(),
          localeWeek: hasLocaleWeekInfo()
        };
      }
    };
    function dayDiff(earlier, later) {
      const utcDayStart = (dt) => dt.toUTC(0, {
        keepLocalTime: true
      }).startOf("day").valueOf(), ms = utcDayStart(later) - utcDayStart(earlier);
      return Math.floor(Duration.fromMillis(ms).as("days"));
    }
    function highOrderDiffs(cursor, later, units) {
      const differs = [["years", (a, b) => b.year - a.year], ["quarters", (a, b) => b.quarter - a.quarter + (b.year - a.year) * 4], ["months", (a, b) => b.month - a.month + (b.year - a.year) * 12], ["weeks", (a, b) => {
        const days = dayDiff(a, b);
        return (days - days % 7) / 7;
      }], ["days", dayDiff]];
      const results = {};
      const earlier = cursor;
      let lowestOrder, highWater;
      for (const [unit, differ] of differs) {
        if (units.indexOf(unit) >= 0) {
          lowestOrder = unit;
          results[unit] = differ(cursor, later);
          highWater = earlier.plus(results);
          if (highWater > later) {
            results[unit]--;
            cursor = earlier.plus(results);
            if (cursor > later) {
              highWater = cursor;
              results[unit]--;
              cursor = earlier.plus(results);
            }
          } else {
            cursor = highWater;
          }
        }
      }
      return [cursor, results, highWater, lowestOrder];
    }
    function diff(earlier, later, units, opts) {
      let [cursor, results, highWater, lowestOrder] = highOrderDiffs(earlier, later, units);
      const remainingMillis = later - cursor;
      const lowerOrderUnits = units.filter((u) => ["hours", "minutes", "seconds", "milliseconds"].indexOf(u) >= 0);
      if (lowerOrderUnits.length === 0) {
        if (highWater < later) {
          highWater = cursor.plus({
            [lowestOrder]: 1
          });
        }
        if (highWater !== cursor) {
          results[lowestOrder] = (results[lowestOrder] || 0) + remainingMillis / (highWater - cursor);
        }
      }
      const duration2 = Duration.fromObject(results, opts);
      if (lowerOrderUnits.length > 0) {
        return Duration.fromMillis(remainingMillis, opts).shiftTo(...lowerOrderUnits).plus(duration2);
      } else {
        return duration2;
      }
    }
    var MISSING_FTP = "missing Intl.DateTimeFormat.formatToParts support";
    function intUnit(regex, post = (i) => i) {
      return {
        regex,
        deser: ([s2]) => post(parseDigits(s2))
      };
    }
    var NBSP = String.fromCharCode(160);
    var spaceOrNBSP = `[ ${NBSP}]`;
    var spaceOrNBSPRegExp = new RegExp(spaceOrNBSP, "g");
    function fixListRegex(s2) {
      return s2.replace(/\./g, "\\.?").replace(spaceOrNBSPRegExp, spaceOrNBSP);
    }
    function stripInsensitivities(s2) {
      return s2.replace(/\./g, "").replace(spaceOrNBSPRegExp, " ").toLowerCase();
    }
    function oneOf(strings2, startIndex) {
      if (strings2 === null) {
        return null;
      } else {
        return {
          regex: RegExp(strings2.map(fixListRegex).join("|")),
          deser: ([s2]) => strings2.findIndex((i) => stripInsensitivities(s2) === stripInsensitivities(i)) + startIndex
        };
      }
    }
    function offset(regex, groups) {
      return {
        regex,
        deser: ([, h, m]) => signedOffset(h, m),
        groups
      };
    }
    function simple(regex) {
      return {
        regex,
        deser: ([s2]) => s2
      };
    }
    function escapeToken(value) {
      return value.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
    }
    function unitForToken(token, loc) {
      const one = digitRegex(loc), two = digitRegex(loc, "{2}"), three = digitRegex(loc, "{3}"), four = digitRegex(loc, "{4}"), six = digitRegex(loc, "{6}"), oneOrTwo = digitRegex(loc, "{1,2}"), oneToThree = digitRegex(loc, "{1,3}"), oneToSix = digitRegex(loc, "{1,6}"), oneToNine = digitRegex(loc, "{1,9}"), twoToFour = digitRegex(loc, "{2,4}"), fourToSix = digitRegex(loc, "{4,6}"), literal = (t) => ({
        regex: RegExp(escapeToken(t.val)),
        deser: ([s2]) => s2,
        literal: true
      }), unitate = (t) => {
        if (token.literal) {
          return literal(t);
        }
        switch (t.val) {
          // era
          case "G":
            return oneOf(loc.eras("short"), 0);
          case "GG":
            return oneOf(loc.eras("long"), 0);
          // years
          case "y":
            return intUnit(oneToSix);
          case "yy":
            return intUnit(twoToFour, untruncateYear);
          case "yyyy":
            return intUnit(four);
          case "yyyyy":
            return intUnit(fourToSix);
          case "yyyyyy":
            return intUnit(six);
          // months
          case "M":
            return intUnit(oneOrTwo);
          case "MM":
            return intUnit(two);
          case "MMM":
            return oneOf(loc.months("short", true), 1);
          case "MMMM":
            return oneOf(loc.months("long", true), 1);
          case "L":
            return intUnit(oneOrTwo);
          case "LL":
            return intUnit(two);
          case "LLL":
            return oneOf(loc.months("short", false), 1);
          case "LLLL":
            return oneOf(loc.months("long", false), 1);
          // dates
          case "d":
            return intUnit(oneOrTwo);
          case "dd":
            return intUnit(two);
          // ordinals
          case "o":
            return intUnit(oneToThree);
          case "ooo":
            return intUnit(three);
          // time
          case "HH":
            return intUnit(two);
          case "H":
            return intUnit(oneOrTwo);
          case "hh":
            return intUnit(two);
          case "h":
            return intUnit(oneOrTwo);
          case "mm":
            return intUnit(two);
          case "m":
            return intUnit(oneOrTwo);
          case "q":
            return intUnit(oneOrTwo);
          case "qq":
            return intUnit(two);
          case "s":
            return intUnit(oneOrTwo);
          case "ss":
            return intUnit(two);
          case "S":
            return intUnit(oneToThree);
          case "SSS":
            return intUnit(three);
          case "u":
            return simple(oneToNine);
          case "uu":
            return simple(oneOrTwo);
          case "uuu":
            return intUnit(one);
          // meridiem
          case "a":
            return oneOf(loc.meridiems(), 0);
          // weekYear (k)
          case "kkkk":
            return intUnit(four);
          case "kk":
            return intUnit(twoToFour, untruncateYear);
          // weekNumber (W)
          case "W":
            return intUnit(oneOrTwo);
          case "WW":
            return intUnit(two);
          // weekdays
          case "E":
          case "c":
            return intUnit(one);
          case "EEE":
            return oneOf(loc.weekdays("short", false), 1);
          case "EEEE":
            return oneOf(loc.weekdays("long", false), 1);
          case "ccc":
            return oneOf(loc.weekdays("short", true), 1);
          case "cccc":
            return oneOf(loc.weekdays("long", true), 1);
          // offset/zone
          case "Z":
          case "ZZ":
            return offset(new RegExp(`([+-]${oneOrTwo.source})(?::(${two.source}))?`), 2);
          case "ZZZ":
            return offset(new RegExp(`([+-]${oneOrTwo.source})(${two.source})?`), 2);
          // we don't support ZZZZ (PST) or ZZZZZ (Pacific Standard Time) in parsing
          // because we don't have any way to figure out what they are
          case "z":
            return simple(/[a-z_+-/]{1,256}?/i);
          // this special-case "token" represents a place where a macro-token expanded into a white-space literal
          // in this case we accept any non-newline white-space
          case " ":
            return simple(/[^\S\n\r]/);
          default:
            return literal(t);
        }
      };
      const unit = unitate(token) || {
        invalidReason: MISSING_FTP
      };
      unit.token = token;
      return unit;
    }
    var partTypeStyleToTokenVal = {
      year: {
        "2-digit": "yy",
        numeric: "yyyyy"
      },
      month: {
        numeric: "M",
        "2-digit": "MM",
        short: "MMM",
        long: "MMMM"
      },
      day: {
        numeric: "d",
        "2-digit": "dd"
      },
      weekday: {
        short: "EEE",
        long: "EEEE"
      },
      dayperiod: "a",
      dayPeriod: "a",
      hour12: {
        numeric: "h",
        "2-digit": "hh"
      },
      hour24: {
        numeric: "H",
        "2-digit": "HH"
      },
      minute: {
        numeric: "m",
        "2-digit": "mm"
      },
      second: {
        numeric: "s",
        "2-digit": "ss"
      },
      timeZoneName: {
        long: "ZZZZZ",
        short: "ZZZ"
      }
    };
    function tokenForPart(part, formatOpts, resolvedOpts) {
      const {
        type,
        value
      } = part;
      if (type === "literal") {
        const isSpace = /^\s+$/.test(value);
        return {
          literal: !isSpace,
          val: isSpace ? " " : value
        };
      }
      const style = formatOpts[type];
      let actualType = type;
      if (type === "hour") {
        if (formatOpts.hour12 != null) {
          actualType = formatOpts.hour12 ? "hour12" : "hour24";
        } else if (formatOpts.hourCycle != null) {
          if (formatOpts.hourCycle === "h11" || formatOpts.hourCycle === "h12") {
            actualType = "hour12";
          } else {
            actualType = "hour24";
          }
        } else {
          actualType = resolvedOpts.hour12 ? "hour12" : "hour24";
        }
      }
      let val = partTypeStyleToTokenVal[actualType];
      if (typeof val === "object") {
        val = val[style];
      }
      if (val) {
        return {
          literal: false,
          val
        };
      }
      return void 0;
    }
    function buildRegex(units) {
      const re = units.map((u) => u.regex).reduce((f, r) => `${f}(${r.source})`, "");
      return [`^${re}$`, units];
    }
    function match(input, regex, handlers) {
      const matches = input.match(regex);
      if (matches) {
        const all = {};
        let matchIndex = 1;
        for (const i in handlers) {
          if (hasOwnProperty(handlers, i)) {
            const h = handlers[i], groups = h.groups ? h.groups + 1 : 1;
            if (!h.literal && h.token) {
              all[h.token.val[0]] = h.deser(matches.slice(matchIndex, matchIndex + groups));
            }
            matchIndex += groups;
          }
        }
        return [matches, all];
      } else {
        return [matches, {}];
      }
    }
    function dateTimeFromMatches(matches) {
      const toField = (token) => {
        switch (token) {
          case "S":
            return "millisecond";
          case "s":
            return "second";
          case "m":
            return "minute";
          case "h":
          case "H":
            return "hour";
          case "d":
            return "day";
          case "o":
            return "ordinal";
          case "L":
          case "M":
            return "month";
          case "y":
            return "year";
          case "E":
          case "c":
            return "weekday";
          case "W":
            return "weekNumber";
          case "k":
            return "weekYear";
          case "q":
            return "quarter";
          default:
            return null;
        }
      };
      let zone = null;
      let specificOffset;
      if (!isUndefined(matches.z)) {
        zone = IANAZone.create(matches.z);
      }
      if (!isUndefined(matches.Z)) {
        if (!zone) {
          zone = new FixedOffsetZone(matches.Z);
        }
        specificOffset = matches.Z;
      }
      if (!isUndefined(matches.q)) {
        matches.M = (matches.q - 1) * 3 + 1;
      }
      if (!isUndefined(matches.h)) {
        if (matches.h < 12 && matches.a === 1) {
          matches.h += 12;
        } else if (matches.h === 12 && matches.a === 0) {
          matches.h = 0;
        }
      }
      if (matches.G === 0 && matches.y) {
        matches.y = -matches.y;
      }
      if (!isUndefined(matches.u)) {
        matches.S = parseMillis(matches.u);
      }
      const vals = Object.keys(matches).reduce((r, k) => {
        const f = toField(k);
        if (f) {
          r[f] = matches[k];
        }
        return r;
      }, {});
      return [vals, zone, specificOffset];
    }
    var dummyDateTimeCache = null;
    function getDummyDateTime() {
      if (!dummyDateTimeCache) {
        dummyDateTimeCache = DateTime.fromMillis(1555555555555);
      }
      return dummyDateTimeCache;
    }
    function maybeExpandMacroToken(token, locale) {
      if (token.literal) {
        return token;
      }
      const formatOpts = Formatter.macroTokenToFormatOpts(token.val);
      const tokens = formatOptsToTokens(formatOpts, locale);
      if (tokens == null || tokens.includes(void 0)) {
        return token;
      }
      return tokens;
    }
    function expandMacroTokens(tokens, locale) {
      return Array.prototype.concat(...tokens.map((t) => maybeExpandMacroToken(t, locale)));
    }
    var TokenParser = class {
      constructor(locale, format) {
        this.locale = locale;
        this.format = format;
        this.tokens = expandMacroTokens(Formatter.parseFormat(format), locale);
        this.units = this.tokens.map((t) => unitForToken(t, locale));
        this.disqualifyingUnit = this.units.find((t) => t.invalidReason);
        if (!this.disqualifyingUnit) {
          const [regexString, handlers] = buildRegex(this.units);
          this.regex = RegExp(regexString, "i");
          this.handlers = handlers;
        }
      }
      explainFromTokens(input) {
        if (!this.isValid) {
          return {
            input,
            tokens: this.tokens,
            invalidReason: this.invalidReason
          };
        } else {
          const [rawMatches, matches] = match(input, this.regex, this.handlers), [result, zone, specificOffset] = matches ? dateTimeFromMatches(matches) : [null, null, void 0];
          if (hasOwnProperty(matches, "a") && hasOwnProperty(matches, "H")) {
            throw new ConflictingSpecificationError("Can't include meridiem when specifying 24-hour format");
          }
          return {
            input,
            tokens: this.tokens,
            regex: this.regex,
            rawMatches,
            matches,
            result,
            zone,
            specificOffset
          };
        }
      }
      get isValid() {
        return !this.disqualifyingUnit;
      }
      get invalidReason() {
        return this.disqualifyingUnit ? this.disqualifyingUnit.invalidReason : null;
      }
    };
    function explainFromTokens(locale, input, format) {
      const parser = new TokenParser(locale, format);
      return parser.explainFromTokens(input);
    }
    function parseFromTokens(locale, input, format) {
      const {
        result,
        zone,
        specificOffset,
        invalidReason
      } = explainFromTokens(locale, input, format);
      return [result, zone, specificOffset, invalidReason];
    }
    function formatOptsToTokens(formatOpts, locale) {
      if (!formatOpts) {
        return null;
      }
      const formatter = Formatter.create(locale, formatOpts);
      const df = formatter.dtFormatter(getDummyDateTime());
      const parts = df.formatToParts();
      const resolvedOpts = df.resolvedOptions();
      return parts.map((p) => tokenForPart(p, formatOpts, resolvedOpts));
    }
    var INVALID = "Invalid DateTime";
    var MAX_DATE = 864e13;
    function unsupportedZone(zone) {
      return new Invalid("unsupported zone", `the zone "${zone.name}" is not supported`);
    }
    function possiblyCachedWeekData(dt) {
      if (dt.weekData === null) {
        dt.weekData = gregorianToWeek(dt.c);
      }
      return dt.weekData;
    }
    function possiblyCachedLocalWeekData(dt) {
      if (dt.localWeekData === null) {
        dt.localWeekData = gregorianToWeek(dt.c, dt.loc.getMinDaysInFirstWeek(), dt.loc.getStartOfWeek());
      }
      return dt.localWeekData;
    }
    function clone(inst, alts) {
      const current = {
        ts: inst.ts,
        zone: inst.zone,
        c: inst.c,
        o: inst.o,
        loc: inst.loc,
        invalid: inst.invalid
      };
      return new DateTime({
        ...current,
        ...alts,
        old: current
      });
    }
    function fixOffset(localTS, o, tz) {
      let utcGuess = localTS - o * 60 * 1e3;
      const o2 = tz.offset(utcGuess);
      if (o === o2) {
        return [utcGuess, o];
      }
      utcGuess -= (o2 - o) * 60 * 1e3;
      const o3 = tz.offset(utcGuess);
      if (o2 === o3) {
        return [utcGuess, o2];
      }
      return [localTS - Math.min(o2, o3) * 60 * 1e3, Math.max(o2, o3)];
    }
    function tsToObj(ts, offset2) {
      ts += offset2 * 60 * 1e3;
      const d = new Date(ts);
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds()
      };
    }
    function objToTS(obj, offset2, zone) {
      return fixOffset(objToLocalTS(obj), offset2, zone);
    }
    function adjustTime(inst, dur) {
      const oPre = inst.o, year = inst.c.year + Math.trunc(dur.years), month = inst.c.month + Math.trunc(dur.months) + Math.trunc(dur.quarters) * 3, c = {
        ...inst.c,
        year,
        month,
        day: Math.min(inst.c.day, daysInMonth(year, month)) + Math.trunc(dur.days) + Math.trunc(dur.weeks) * 7
      }, millisToAdd = Duration.fromObject({
        years: dur.years - Math.trunc(dur.years),
        quarters: dur.quarters - Math.trunc(dur.quarters),
        months: dur.months - Math.trunc(dur.months),
        weeks: dur.weeks - Math.trunc(dur.weeks),
        days: dur.days - Math.trunc(dur.days),
        hours: dur.hours,
        minutes: dur.minutes,
        seconds: dur.seconds,
        milliseconds: dur.milliseconds
      }).as("milliseconds"), localTS = objToLocalTS(c);
      let [ts, o] = fixOffset(localTS, oPre, inst.zone);
      if (millisToAdd !== 0) {
        ts += millisToAdd;
        o = inst.zone.offset(ts);
      }
      return {
        ts,
        o
      };
    }
    function parseDataToDateTime(parsed, parsedZone, opts, format, text, specificOffset) {
      const {
        setZone,
        zone
      } = opts;
      if (parsed && Object.keys(parsed).length !== 0 || parsedZone) {
        const interpretationZone = parsedZone || zone, inst = DateTime.fromObject(parsed, {
          ...opts,
          zone: interpretationZone,
          specificOffset
        });
        return setZone ? inst : inst.setZone(zone);
      } else {
        return DateTime.invalid(new Invalid("unparsable", `the input "${text}" can't be parsed as ${format}`));
      }
    }
    function toTechFormat(dt, format, allowZ = true) {
      return dt.isValid ? Formatter.create(Locale.create("en-US"), {
        allowZ,
        forceSimple: true
      }).formatDateTimeFromString(dt, format) : null;
    }
    function toISODate(o, extended, precision) {
      const longFormat = o.c.year > 9999 || o.c.year < 0;
      let c = "";
      if (longFormat && o.c.year >= 0) c += "+";
      c += padStart(o.c.year, longFormat ? 6 : 4);
      if (precision === "year") return c;
      if (extended) {
        c += "-";
        c += padStart(o.c.month);
        if (precision === "month") return c;
        c += "-";
      } else {
        c += padStart(o.c.month);
        if (precision === "month") return c;
      }
      c += padStart(o.c.day);
      return c;
    }
    function toISOTime(o, extended, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision) {
      let showSeconds = !suppressSeconds || o.c.millisecond !== 0 || o.c.second !== 0, c = "";
      switch (precision) {
        case "day":
        case "month":
        case "year":
          break;
        default:
          c += padStart(o.c.hour);
          if (precision === "hour") break;
          if (extended) {
            c += ":";
            c += padStart(o.c.minute);
            if (precision === "minute") break;
            if (showSeconds) {
              c += ":";
              c += padStart(o.c.second);
            }
          } else {
            c += padStart(o.c.minute);
            if (precision === "minute") break;
            if (showSeconds) {
              c += padStart(o.c.second);
            }
          }
          if (precision === "second") break;
          if (showSeconds && (!suppressMilliseconds || o.c.millisecond !== 0)) {
            c += ".";
            c += padStart(o.c.millisecond, 3);
          }
      }
      if (includeOffset) {
        if (o.isOffsetFixed && o.offset === 0 && !extendedZone) {
          c += "Z";
        } else if (o.o < 0) {
          c += "-";
          c += padStart(Math.trunc(-o.o / 60));
          c += ":";
          c += padStart(Math.trunc(-o.o % 60));
        } else {
          c += "+";
          c += padStart(Math.trunc(o.o / 60));
          c += ":";
          c += padStart(Math.trunc(o.o % 60));
        }
      }
      if (extendedZone) {
        c += "[" + o.zone.ianaName + "]";
      }
      return c;
    }
    var defaultUnitValues = {
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0
    };
    var defaultWeekUnitValues = {
      weekNumber: 1,
      weekday: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0
    };
    var defaultOrdinalUnitValues = {
      ordinal: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0
    };
    var orderedUnits = ["year", "month", "day", "hour", "minute", "second", "millisecond"];
    var orderedWeekUnits = ["weekYear", "weekNumber", "weekday", "hour", "minute", "second", "millisecond"];
    var orderedOrdinalUnits = ["year", "ordinal", "hour", "minute", "second", "millisecond"];
    function normalizeUnit(unit) {
      const normalized = {
        year: "year",
        years: "year",
        month: "month",
        months: "month",
        day: "day",
        days: "day",
        hour: "hour",
        hours: "hour",
        minute: "minute",
        minutes: "minute",
        quarter: "quarter",
        quarters: "quarter",
        second: "second",
        seconds: "second",
        millisecond: "millisecond",
        milliseconds: "millisecond",
        weekday: "weekday",
        weekdays: "weekday",
        weeknumber: "weekNumber",
        weeksnumber: "weekNumber",
        weeknumbers: "weekNumber",
        weekyear: "weekYear",
        weekyears: "weekYear",
        ordinal: "ordinal"
      }[unit.toLowerCase()];
      if (!normalized) throw new InvalidUnitError(unit);
      return normalized;
    }
    function normalizeUnitWithLocalWeeks(unit) {
      switch (unit.toLowerCase()) {
        case "localweekday":
        case "localweekdays":
          return "localWeekday";
        case "localweeknumber":
        case "localweeknumbers":
          return "localWeekNumber";
        case "localweekyear":
        case "localweekyears":
          return "localWeekYear";
        default:
          return normalizeUnit(unit);
      }
    }
    function guessOffsetForZone(zone) {
      if (zoneOffsetTs === void 0) {
        zoneOffsetTs = Settings.now();
      }
      if (zone.type !== "iana") {
        return zone.offset(zoneOffsetTs);
      }
      const zoneName = zone.name;
      let offsetGuess = zoneOffsetGuessCache.get(zoneName);
      if (offsetGuess === void 0) {
        offsetGuess = zone.offset(zoneOffsetTs);
        zoneOffsetGuessCache.set(zoneName, offsetGuess);
      }
      return offsetGuess;
    }
    function quickDT(obj, opts) {
      const zone = normalizeZone(opts.zone, Settings.defaultZone);
      if (!zone.isValid) {
        return DateTime.invalid(unsupportedZone(zone));
      }
      const loc = Locale.fromObject(opts);
      let ts, o;
      if (!isUndefined(obj.year)) {
        for (const u of orderedUnits) {
          if (isUndefined(obj[u])) {
            obj[u] = defaultUnitValues[u];
          }
        }
        const invalid = hasInvalidGregorianData(obj) || hasInvalidTimeData(obj);
        if (invalid) {
          return DateTime.invalid(invalid);
        }
        const offsetProvis = guessOffsetForZone(zone);
        [ts, o] = objToTS(obj, offsetProvis, zone);
      } else {
        ts = Settings.now();
      }
      return new DateTime({
        ts,
        zone,
        loc,
        o
      });
    }
    function diffRelative(start, end, opts) {
      const round2 = isUndefined(opts.round) ? true : opts.round, rounding = isUndefined(opts.rounding) ? "trunc" : opts.rounding, format = (c, unit) => {
        c = roundTo(c, round2 || opts.calendary ? 0 : 2, opts.calendary ? "round" : rounding);
        const formatter = end.loc.clone(opts).relFormatter(opts);
        return formatter.format(c, unit);
      }, differ = (unit) => {
        if (opts.calendary) {
          if (!end.hasSame(start, unit)) {
            return end.startOf(unit).diff(start.startOf(unit), unit).get(unit);
          } else return 0;
        } else {
          return end.diff(start, unit).get(unit);
        }
      };
      if (opts.unit) {
        return format(differ(opts.unit), opts.unit);
      }
      for (const unit of opts.units) {
        const count = differ(unit);
        if (Math.abs(count) >= 1) {
          return format(count, unit);
        }
      }
      return format(start > end ? -0 : 0, opts.units[opts.units.length - 1]);
    }
    function lastOpts(argList) {
      let opts = {}, args;
      if (argList.length > 0 && typeof argList[argList.length - 1] === "object") {
        opts = argList[argList.length - 1];
        args = Array.from(argList).slice(0, argList.length - 1);
      } else {
        args = Array.from(argList);
      }
      return [opts, args];
    }
    var zoneOffsetTs;
    var zoneOffsetGuessCache = /* @__PURE__ */ new Map();
    var DateTime = class _DateTime {
      /**
       * @access private
       */
      constructor(config) {
        const zone = config.zone || Settings.defaultZone;
        let invalid = config.invalid || (Number.isNaN(config.ts) ? new Invalid("invalid input") : null) || (!zone.isValid ? unsupportedZone(zone) : null);
        this.ts = isUndefined(config.ts) ? Settings.now() : config.ts;
        let c = null, o = null;
        if (!invalid) {
          const unchanged = config.old && config.old.ts === this.ts && config.old.zone.equals(zone);
          if (unchanged) {
            [c, o] = [config.old.c, config.old.o];
          } else {
            const ot = isNumber(config.o) && !config.old ? config.o : zone.offset(this.ts);
            c = tsToObj(this.ts, ot);
            invalid = Number.isNaN(c.year) ? new Invalid("invalid input") : null;
            c = invalid ? null : c;
            o = invalid ? null : ot;
          }
        }
        this._zone = zone;
        this.loc = config.loc || Locale.create();
        this.invalid = invalid;
        this.weekData = null;
        this.localWeekData = null;
        this.c = c;
        this.o = o;
        this.isLuxonDateTime = true;
      }
      // CONSTRUCT
      /**
       * Create a DateTime for the current instant, in the system's time zone.
       *
       * Use Settings to override these default values if needed.
       * @example DateTime.now().toISO() //~> now in the ISO format
       * @return {DateTime}
       */
      static now() {
        return new _DateTime({});
      }
      /**
       * Create a local DateTime
       * @param {number} [year] - The calendar year. If omitted (as in, call `local()` with no arguments), the current time will be used
       * @param {number} [month=1] - The month, 1-indexed
       * @param {number} [day=1] - The day of the month, 1-indexed
       * @param {number} [hour=0] - The hour of the day, in 24-hour time
       * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
       * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
       * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
       * @example DateTime.local()                                  //~> now
       * @example DateTime.local({ zone: "America/New_York" })      //~> now, in US east coast time
       * @example DateTime.local(2017)                              //~> 2017-01-01T00:00:00
       * @example DateTime.local(2017, 3)                           //~> 2017-03-01T00:00:00
       * @example DateTime.local(2017, 3, 12, { locale: "fr" })     //~> 2017-03-12T00:00:00, with a French locale
       * @example DateTime.local(2017, 3, 12, 5)                    //~> 2017-03-12T05:00:00
       * @example DateTime.local(2017, 3, 12, 5, { zone: "utc" })   //~> 2017-03-12T05:00:00, in UTC
       * @example DateTime.local(2017, 3, 12, 5, 45)                //~> 2017-03-12T05:45:00
       * @example DateTime.local(2017, 3, 12, 5, 45, 10)            //~> 2017-03-12T05:45:10
       * @example DateTime.local(2017, 3, 12, 5, 45, 10, 765)       //~> 2017-03-12T05:45:10.765
       * @return {DateTime}
       */
      static local() {
        const [opts, args] = lastOpts(arguments), [year, month, day, hour, minute, second, millisecond] = args;
        return quickDT({
          year,
          month,
          day,
          hour,
          minute,
          second,
          millisecond
        }, opts);
      }
      /**
       * Create a DateTime in UTC
       * @param {number} [year] - The calendar year. If omitted (as in, call `utc()` with no arguments), the current time will be used
       * @param {number} [month=1] - The month, 1-indexed
       * @param {number} [day=1] - The day of the month
       * @param {number} [hour=0] - The hour of the day, in 24-hour time
       * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
       * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
       * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
       * @param {Object} options - configuration options for the DateTime
       * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
       * @param {string} [options.outputCalendar] - the output calendar to set on the resulting DateTime instance
       * @param {string} [options.numberingSystem] - the numbering system to set on the resulting DateTime instance
       * @param {string} [options.weekSettings] - the week settings to set on the resulting DateTime instance
       * @example DateTime.utc()                                              //~> now
       * @example DateTime.utc(2017)                                          //~> 2017-01-01T00:00:00Z
       * @example DateTime.utc(2017, 3)                                       //~> 2017-03-01T00:00:00Z
       * @example DateTime.utc(2017, 3, 12)                                   //~> 2017-03-12T00:00:00Z
       * @example DateTime.utc(2017, 3, 12, 5)                                //~> 2017-03-12T05:00:00Z
       * @example DateTime.utc(2017, 3, 12, 5, 45)                            //~> 2017-03-12T05:45:00Z
       * @example DateTime.utc(2017, 3, 12, 5, 45, { locale: "fr" })          //~> 2017-03-12T05:45:00Z with a French locale
       * @example DateTime.utc(2017, 3, 12, 5, 45, 10)                        //~> 2017-03-12T05:45:10Z
       * @example DateTime.utc(2017, 3, 12, 5, 45, 10, 765, { locale: "fr" }) //~> 2017-03-12T05:45:10.765Z with a French locale
       * @return {DateTime}
       */
      static utc() {
        const [opts, args] = lastOpts(arguments), [year, month, day, hour, minute, second, millisecond] = args;
        opts.zone = FixedOffsetZone.utcInstance;
        return quickDT({
          year,
          month,
          day,
          hour,
          minute,
          second,
          millisecond
        }, opts);
      }
      /**
       * Create a DateTime from a JavaScript Date object. Uses the default zone.
       * @param {Date} date - a JavaScript Date object
       * @param {Object} options - configuration options for the DateTime
       * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
       * @return {DateTime}
       */
      static fromJSDate(date, options = {}) {
        const ts = isDate(date) ? date.valueOf() : NaN;
        if (Number.isNaN(ts)) {
          return _DateTime.invalid("invalid input");
        }
        const zoneToUse = normalizeZone(options.zone, Settings.defaultZone);
        if (!zoneToUse.isValid) {
          return _DateTime.invalid(unsupportedZone(zoneToUse));
        }
        return new _DateTime({
          ts,
          zone: zoneToUse,
          loc: Locale.fromObject(options)
        });
      }
      /**
       * Create a DateTime from a number of milliseconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
       * @param {number} milliseconds - a number of milliseconds since 1970 UTC
       * @param {Object} options - configuration options for the DateTime
       * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
       * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
       * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
       * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
       * @return {DateTime}
       */
      static fromMillis(milliseconds, options = {}) {
        if (!isNumber(milliseconds)) {
          throw new InvalidArgumentError(`fromMillis requires a numerical input, but received a ${typeof milliseconds} with value ${milliseconds}`);
        } else if (milliseconds < -MAX_DATE || milliseconds > MAX_DATE) {
          return _DateTime.invalid("Timestamp out of range");
        } else {
          return new _DateTime({
            ts: milliseconds,
            zone: normalizeZone(options.zone, Settings.defaultZone),
            loc: Locale.fromObject(options)
          });
        }
      }
      /**
       * Create a DateTime from a number of seconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
       * @param {number} seconds - a number of seconds since 1970 UTC
       * @param {Object} options - configuration options for the DateTime
       * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
       * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
       * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
       * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
       * @return {DateTime}
       */
      static fromSeconds(seconds4, options = {}) {
        if (!isNumber(seconds4)) {
          throw new InvalidArgumentError("fromSeconds requires a numerical input");
        } else {
          return new _DateTime({
            ts: seconds4 * 1e3,
            zone: normalizeZone(options.zone, Settings.defaultZone),
            loc: Locale.fromObject(options)
          });
        }
      }
      /**
       * Create a DateTime from a JavaScript object with keys like 'year' and 'hour' with reasonable defaults.
       * @param {Object} obj - the object to create the DateTime from
       * @param {number} obj.year - a year, such as 1987
       * @param {number} obj.month - a month, 1-12
       * @param {number} obj.day - a day of the month, 1-31, depending on the month
       * @param {number} obj.ordinal - day of the year, 1-365 or 366
       * @param {number} obj.weekYear - an ISO week year
       * @param {number} obj.weekNumber - an ISO week number, between 1 and 52 or 53, depending on the year
       * @param {number} obj.weekday - an ISO weekday, 1-7, where 1 is Monday and 7 is Sunday
       * @param {number} obj.localWeekYear - a week year, according to the locale
       * @param {number} obj.localWeekNumber - a week number, between 1 and 52 or 53, depending on the year, according to the locale
       * @param {number} obj.localWeekday - a weekday, 1-7, where 1 is the first and 7 is the last day of the week, according to the locale
       * @param {number} obj.hour - hour of the day, 0-23
       * @param {number} obj.minute - minute of the hour, 0-59
       * @param {number} obj.second - second of the minute, 0-59
       * @param {number} obj.millisecond - millisecond of the second, 0-999
       * @param {Object} opts - options for creating this DateTime
       * @param {string|Zone} [opts.zone='local'] - interpret the numbers in the context of a particular zone. Can take any value taken as the first argument to setZone()
       * @param {string} [opts.locale='system\'s locale'] - a locale to set on the resulting DateTime instance
       * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
       * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
       * @example DateTime.fromObject({ year: 1982, month: 5, day: 25}).toISODate() //=> '1982-05-25'
       * @example DateTime.fromObject({ year: 1982 }).toISODate() //=> '1982-01-01'
       * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }) //~> today at 10:26:06
       * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'utc' }),
       * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'local' })
       * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'America/New_York' })
       * @example DateTime.fromObject({ weekYear: 2016, weekNumber: 2, weekday: 3 }).toISODate() //=> '2016-01-13'
       * @example DateTime.fromObject({ localWeekYear: 2022, localWeekNumber: 1, localWeekday: 1 }, { locale: "en-US" }).toISODate() //=> '2021-12-26'
       * @return {DateTime}
       */
      static fromObject(obj, opts = {}) {
        obj = obj || {};
        const zoneToUse = normalizeZone(opts.zone, Settings.defaultZone);
        if (!zoneToUse.isValid) {
          return _DateTime.invalid(unsupportedZone(zoneToUse));
        }
        const loc = Locale.fromObject(opts);
        const normalized = normalizeObject(obj, normalizeUnitWithLocalWeeks);
        const {
          minDaysInFirstWeek,
          startOfWeek
        } = usesLocalWeekValues(normalized, loc);
        const tsNow = Settings.now(), offsetProvis = !isUndefined(opts.specificOffset) ? opts.specificOffset : zoneToUse.offset(tsNow), containsOrdinal = !isUndefined(normalized.ordinal), containsGregorYear = !isUndefined(normalized.year), containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day), containsGregor = containsGregorYear || containsGregorMD, definiteWeekDef = normalized.weekYear || normalized.weekNumber;
        if ((containsGregor || containsOrdinal) && definiteWeekDef) {
          throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
        }
        if (containsGregorMD && containsOrdinal) {
          throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
        }
        const useWeekData = definiteWeekDef || normalized.weekday && !containsGregor;
        let units, defaultValues, objNow = tsToObj(tsNow, offsetProvis);
        if (useWeekData) {
          units = orderedWeekUnits;
          defaultValues = defaultWeekUnitValues;
          objNow = gregorianToWeek(objNow, minDaysInFirstWeek, startOfWeek);
        } else if (containsOrdinal) {
          units = orderedOrdinalUnits;
          defaultValues = defaultOrdinalUnitValues;
          objNow = gregorianToOrdinal(objNow);
        } else {
          units = orderedUnits;
          defaultValues = defaultUnitValues;
        }
        let foundFirst = false;
        for (const u of units) {
          const v = normalized[u];
          if (!isUndefined(v)) {
            foundFirst = true;
          } else if (foundFirst) {
            normalized[u] = defaultValues[u];
          } else {
            normalized[u] = objNow[u];
          }
        }
        const higherOrderInvalid = useWeekData ? hasInvalidWeekData(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? hasInvalidOrdinalData(normalized) : hasInvalidGregorianData(normalized), invalid = higherOrderInvalid || hasInvalidTimeData(normalized);
        if (invalid) {
          return _DateTime.invalid(invalid);
        }
        const gregorian = useWeekData ? weekToGregorian(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? ordinalToGregorian(normalized) : normalized, [tsFinal, offsetFinal] = objToTS(gregorian, offsetProvis, zoneToUse), inst = new _DateTime({
          ts: tsFinal,
          zone: zoneToUse,
          o: offsetFinal,
          loc
        });
        if (normalized.weekday && containsGregor && obj.weekday !== inst.weekday) {
          return _DateTime.invalid("mismatched weekday", `you can't specify both a weekday of ${normalized.weekday} and a date of ${inst.toISO()}`);
        }
        if (!inst.isValid) {
          return _DateTime.invalid(inst.invalid);
        }
        return inst;
      }
      /**
       * Create a DateTime from an ISO 8601 string
       * @param {string} text - the ISO string
       * @param {Object} opts - options to affect the creation
       * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the time to this zone
       * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
       * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
       * @param {string} [opts.outputCalendar] - the output calendar to set on the resulting DateTime instance
       * @param {string} [opts.numberingSystem] - the numbering system to set on the resulting DateTime instance
       * @param {string} [opts.weekSettings] - the week settings to set on the resulting DateTime instance
       * @example DateTime.fromISO('2016-05-25T09:08:34.123')
       * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00')
       * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00', {setZone: true})
       * @example DateTime.fromISO('2016-05-25T09:08:34.123', {zone: 'utc'})
       * @example DateTime.fromISO('2016-W05-4')
       * @return {DateTime}
       */
      static fromISO(text, opts = {}) {
        const [vals, parsedZone] = parseISODate(text);
        return parseDataToDateTime(vals, parsedZone, opts, "ISO 8601", text);
      }
      /**
       * Create a DateTime from an RFC 2822 string
       * @param {string} text - the RFC 2822 string
       * @param {Object} opts - options to affect the creation
       * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since the offset is always specified in the string itself, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
       * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
       * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
       * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
       * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
       * @example DateTime.fromRFC2822('25 Nov 2016 13:23:12 GMT')
       * @example DateTime.fromRFC2822('Fri, 25 Nov 2016 13:23:12 +0600')
       * @example DateTime.fromRFC2822('25 Nov 2016 13:23 Z')
       * @return {DateTime}
       */
      static fromRFC2822(text, opts = {}) {
        const [vals, parsedZone] = parseRFC2822Date(text);
        return parseDataToDateTime(vals, parsedZone, opts, "RFC 2822", text);
      }
      /**
       * Create a DateTime from an HTTP header date
       * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
       * @param {string} text - the HTTP header date
       * @param {Object} opts - options to affect the creation
       * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since HTTP dates are always in UTC, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
       * @param {boolean} [opts.setZone=false] - override the zone with the fixed-offset zone specified in the string. For HTTP dates, this is always UTC, so this option is equivalent to setting the `zone` option to 'utc', but this option is included for consistency with similar methods.
       * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
       * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
       * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
       * @example DateTime.fromHTTP('Sun, 06 Nov 1994 08:49:37 GMT')
       * @example DateTime.fromHTTP('Sunday, 06-Nov-94 08:49:37 GMT')
       * @example DateTime.fromHTTP('Sun Nov  6 08:49:37 1994')
       * @return {DateTime}
       */
      static fromHTTP(text, opts = {}) {
        const [vals, parsedZone] = parseHTTPDate(text);
        return parseDataToDateTime(vals, parsedZone, opts, "HTTP", opts);
      }
      /**
       * Create a DateTime from an input string and format string.
       * Defaults to en-US if no locale has been specified, regardless of the system's locale. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/parsing?id=table-of-tokens).
       * @param {string} text - the string to parse
       * @param {string} fmt - the format the string is expected to be in (see the link below for the formats)
       * @param {Object} opts - options to affect the creation
       * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
       * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
       * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
       * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
       * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
       * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @return {DateTime}
       */
      static fromFormat(text, fmt, opts = {}) {
        if (isUndefined(text) || isUndefined(fmt)) {
          throw new InvalidArgumentError("fromFormat requires an input string and a format");
        }
        const {
          locale = null,
          numberingSystem = null
        } = opts, localeToUse = Locale.fromOpts({
          locale,
          numberingSystem,
          defaultToEN: true
        }), [vals, parsedZone, specificOffset, invalid] = parseFromTokens(localeToUse, text, fmt);
        if (invalid) {
          return _DateTime.invalid(invalid);
        } else {
          return parseDataToDateTime(vals, parsedZone, opts, `format ${fmt}`, text, specificOffset);
        }
      }
      /**
       * @deprecated use fromFormat instead
       */
      static fromString(text, fmt, opts = {}) {
        return _DateTime.fromFormat(text, fmt, opts);
      }
      /**
       * Create a DateTime from a SQL date, time, or datetime
       * Defaults to en-US if no locale has been specified, regardless of the system's locale
       * @param {string} text - the string to parse
       * @param {Object} opts - options to affect the creation
       * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
       * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
       * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
       * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
       * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
       * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
       * @example DateTime.fromSQL('2017-05-15')
       * @example DateTime.fromSQL('2017-05-15 09:12:34')
       * @example DateTime.fromSQL('2017-05-15 09:12:34.342')
       * @example DateTime.fromSQL('2017-05-15 09:12:34.342+06:00')
       * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles')
       * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles', { setZone: true })
       * @example DateTime.fromSQL('2017-05-15 09:12:34.342', { zone: 'America/Los_Angeles' })
       * @example DateTime.fromSQL('09:12:34.342')
       * @return {DateTime}
       */
      static fromSQL(text, opts = {}) {
        const [vals, parsedZone] = parseSQL(text);
        return parseDataToDateTime(vals, parsedZone, opts, "SQL", text);
      }
      /**
       * Create an invalid DateTime.
       * @param {string} reason - simple string of why this DateTime is invalid. Should not contain parameters or anything else data-dependent.
       * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
       * @return {DateTime}
       */
      static invalid(reason, explanation = null) {
        if (!reason) {
          throw new InvalidArgumentError("need to specify a reason the DateTime is invalid");
        }
        const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
        if (Settings.throwOnInvalid) {
          throw new InvalidDateTimeError(invalid);
        } else {
          return new _DateTime({
            invalid
          });
        }
      }
      /**
       * Check if an object is an instance of DateTime. Works across context boundaries
       * @param {object} o
       * @return {boolean}
       */
      static isDateTime(o) {
        return o && o.isLuxonDateTime || false;
      }
      /**
       * Produce the format string for a set of options
       * @param formatOpts
       * @param localeOpts
       * @returns {string}
       */
      static parseFormatForOpts(formatOpts, localeOpts = {}) {
        const tokenList = formatOptsToTokens(formatOpts, Locale.fromObject(localeOpts));
        return !tokenList ? null : tokenList.map((t) => t ? t.val : null).join("");
      }
      /**
       * Produce the the fully expanded format token for the locale
       * Does NOT quote characters, so quoted tokens will not round trip correctly
       * @param fmt
       * @param localeOpts
       * @returns {string}
       */
      static expandFormat(fmt, localeOpts = {}) {
        const expanded = expandMacroTokens(Formatter.parseFormat(fmt), Locale.fromObject(localeOpts));
        return expanded.map((t) => t.val).join("");
      }
      static resetCache() {
        zoneOffsetTs = void 0;
        zoneOffsetGuessCache.clear();
      }
      // INFO
      /**
       * Get the value of unit.
       * @param {string} unit - a unit such as 'minute' or 'day'
       * @example DateTime.local(2017, 7, 4).get('month'); //=> 7
       * @example DateTime.local(2017, 7, 4).get('day'); //=> 4
       * @return {number}
       */
      get(unit) {
        return this[unit];
      }
      /**
       * Returns whether the DateTime is valid. Invalid DateTimes occur when:
       * * The DateTime was created from invalid calendar information, such as the 13th month or February 30
       * * The DateTime was created by an operation on another invalid date
       * @type {boolean}
       */
      get isValid() {
        return this.invalid === null;
      }
      /**
       * Returns an error code if this DateTime is invalid, or null if the DateTime is valid
       * @type {string}
       */
      get invalidReason() {
        return this.invalid ? this.invalid.reason : null;
      }
      /**
       * Returns an explanation of why this DateTime became invalid, or null if the DateTime is valid
       * @type {string}
       */
      get invalidExplanation() {
        return this.invalid ? this.invalid.explanation : null;
      }
      /**
       * Get the locale of a DateTime, such 'en-GB'. The locale is used when formatting the DateTime
       *
       * @type {string}
       */
      get locale() {
        return this.isValid ? this.loc.locale : null;
      }
      /**
       * Get the numbering system of a DateTime, such 'beng'. The numbering system is used when formatting the DateTime
       *
       * @type {string}
       */
      get numberingSystem() {
        return this.isValid ? this.loc.numberingSystem : null;
      }
      /**
       * Get the output calendar of a DateTime, such 'islamic'. The output calendar is used when formatting the DateTime
       *
       * @type {string}
       */
      get outputCalendar() {
        return this.isValid ? this.loc.outputCalendar : null;
      }
      /**
       * Get the time zone associated with this DateTime.
       * @type {Zone}
       */
      get zone() {
        return this._zone;
      }
      /**
       * Get the name of the time zone.
       * @type {string}
       */
      get zoneName() {
        return this.isValid ? this.zone.name : null;
      }
      /**
       * Get the year
       * @example DateTime.local(2017, 5, 25).year //=> 2017
       * @type {number}
       */
      get year() {
        return this.isValid ? this.c.year : NaN;
      }
      /**
       * Get the quarter
       * @example DateTime.local(2017, 5, 25).quarter //=> 2
       * @type {number}
       */
      get quarter() {
        return this.isValid ? Math.ceil(this.c.month / 3) : NaN;
      }
      /**
       * Get the month (1-12).
       * @example DateTime.local(2017, 5, 25).month //=> 5
       * @type {number}
       */
      get month() {
        return this.isValid ? this.c.month : NaN;
      }
      /**
       * Get the day of the month (1-30ish).
       * @example DateTime.local(2017, 5, 25).day //=> 25
       * @type {number}
       */
      get day() {
        return this.isValid ? this.c.day : NaN;
      }
      /**
       * Get the hour of the day (0-23).
       * @example DateTime.local(2017, 5, 25, 9).hour //=> 9
       * @type {number}
       */
      get hour() {
        return this.isValid ? this.c.hour : NaN;
      }
      /**
       * Get the minute of the hour (0-59).
       * @example DateTime.local(2017, 5, 25, 9, 30).minute //=> 30
       * @type {number}
       */
      get minute() {
        return this.isValid ? this.c.minute : NaN;
      }
      /**
       * Get the second of the minute (0-59).
       * @example DateTime.local(2017, 5, 25, 9, 30, 52).second //=> 52
       * @type {number}
       */
      get second() {
        return this.isValid ? this.c.second : NaN;
      }
      /**
       * Get the millisecond of the second (0-999).
       * @example DateTime.local(2017, 5, 25, 9, 30, 52, 654).millisecond //=> 654
       * @type {number}
       */
      get millisecond() {
        return this.isValid ? this.c.millisecond : NaN;
      }
      /**
       * Get the week year
       * @see https://en.wikipedia.org/wiki/ISO_week_date
       * @example DateTime.local(2014, 12, 31).weekYear //=> 2015
       * @type {number}
       */
      get weekYear() {
        return this.isValid ? possiblyCachedWeekData(this).weekYear : NaN;
      }
      /**
       * Get the week number of the week year (1-52ish).
       * @see https://en.wikipedia.org/wiki/ISO_week_date
       * @example DateTime.local(2017, 5, 25).weekNumber //=> 21
       * @type {number}
       */
      get weekNumber() {
        return this.isValid ? possiblyCachedWeekData(this).weekNumber : NaN;
      }
      /**
       * Get the day of the week.
       * 1 is Monday and 7 is Sunday
       * @see https://en.wikipedia.org/wiki/ISO_week_date
       * @example DateTime.local(2014, 11, 31).weekday //=> 4
       * @type {number}
       */
      get weekday() {
        return this.isValid ? possiblyCachedWeekData(this).weekday : NaN;
      }
      /**
       * Returns true if this date is on a weekend according to the locale, false otherwise
       * @returns {boolean}
       */
      get isWeekend() {
        return this.isValid && this.loc.getWeekendDays().includes(this.weekday);
      }
      /**
       * Get the day of the week according to the locale.
       * 1 is the first day of the week and 7 is the last day of the week.
       * If the locale assigns Sunday as the first day of the week, then a date which is a Sunday will return 1,
       * @returns {number}
       */
      get localWeekday() {
        return this.isValid ? possiblyCachedLocalWeekData(this).weekday : NaN;
      }
      /**
       * Get the week number of the week year according to the locale. Different locales assign week numbers differently,
       * because the week can start on different days of the week (see localWeekday) and because a different number of days
       * is required for a week to count as the first week of a year.
       * @returns {number}
       */
      get localWeekNumber() {
        return this.isValid ? possiblyCachedLocalWeekData(this).weekNumber : NaN;
      }
      /**
       * Get the week year according to the locale. Different locales assign week numbers (and therefor week years)
       * differently, see localWeekNumber.
       * @returns {number}
       */
      get localWeekYear() {
        return this.isValid ? possiblyCachedLocalWeekData(this).weekYear : NaN;
      }
      /**
       * Get the ordinal (meaning the day of the year)
       * @example DateTime.local(2017, 5, 25).ordinal //=> 145
       * @type {number|DateTime}
       */
      get ordinal() {
        return this.isValid ? gregorianToOrdinal(this.c).ordinal : NaN;
      }
      /**
       * Get the human readable short month name, such as 'Oct'.
       * Defaults to the system's locale if no locale has been specified
       * @example DateTime.local(2017, 10, 30).monthShort //=> Oct
       * @type {string}
       */
      get monthShort() {
        return this.isValid ? Info.months("short", {
          locObj: this.loc
        })[this.month - 1] : null;
      }
      /**
       * Get the human readable long month name, such as 'October'.
       * Defaults to the system's locale if no locale has been specified
       * @example DateTime.local(2017, 10, 30).monthLong //=> October
       * @type {string}
       */
      get monthLong() {
        return this.isValid ? Info.months("long", {
          locObj: this.loc
        })[this.month - 1] : null;
      }
      /**
       * Get the human readable short weekday, such as 'Mon'.
       * Defaults to the system's locale if no locale has been specified
       * @example DateTime.local(2017, 10, 30).weekdayShort //=> Mon
       * @type {string}
       */
      get weekdayShort() {
        return this.isValid ? Info.weekdays("short", {
          locObj: this.loc
        })[this.weekday - 1] : null;
      }
      /**
       * Get the human readable long weekday, such as 'Monday'.
       * Defaults to the system's locale if no locale has been specified
       * @example DateTime.local(2017, 10, 30).weekdayLong //=> Monday
       * @type {string}
       */
      get weekdayLong() {
        return this.isValid ? Info.weekdays("long", {
          locObj: this.loc
        })[this.weekday - 1] : null;
      }
      /**
       * Get the UTC offset of this DateTime in minutes
       * @example DateTime.now().offset //=> -240
       * @example DateTime.utc().offset //=> 0
       * @type {number}
       */
      get offset() {
        return this.isValid ? +this.o : NaN;
      }
      /**
       * Get the short human name for the zone's current offset, for example "EST" or "EDT".
       * Defaults to the system's locale if no locale has been specified
       * @type {string}
       */
      get offsetNameShort() {
        if (this.isValid) {
          return this.zone.offsetName(this.ts, {
            format: "short",
            locale: this.locale
          });
        } else {
          return null;
        }
      }
      /**
       * Get the long human name for the zone's current offset, for example "Eastern Standard Time" or "Eastern Daylight Time".
       * Defaults to the system's locale if no locale has been specified
       * @type {string}
       */
      get offsetNameLong() {
        if (this.isValid) {
          return this.zone.offsetName(this.ts, {
            format: "long",
            locale: this.locale
          });
        } else {
          return null;
        }
      }
      /**
       * Get whether this zone's offset ever changes, as in a DST.
       * @type {boolean}
       */
      get isOffsetFixed() {
        return this.isValid ? this.zone.isUniversal : null;
      }
      /**
       * Get whether the DateTime is in a DST.
       * @type {boolean}
       */
      get isInDST() {
        if (this.isOffsetFixed) {
          return false;
        } else {
          return this.offset > this.set({
            month: 1,
            day: 1
          }).offset || this.offset > this.set({
            month: 5
          }).offset;
        }
      }
      /**
       * Get those DateTimes which have the same local time as this DateTime, but a different offset from UTC
       * in this DateTime's zone. During DST changes local time can be ambiguous, for example
       * `2023-10-29T02:30:00` in `Europe/Berlin` can have offset `+01:00` or `+02:00`.
       * This method will return both possible DateTimes if this DateTime's local time is ambiguous.
       * @returns {DateTime[]}
       */
      getPossibleOffsets() {
        if (!this.isValid || this.isOffsetFixed) {
          return [this];
        }
        const dayMs = 864e5;
        const minuteMs = 6e4;
        const localTS = objToLocalTS(this.c);
        const oEarlier = this.zone.offset(localTS - dayMs);
        const oLater = this.zone.offset(localTS + dayMs);
        const o1 = this.zone.offset(localTS - oEarlier * minuteMs);
        const o2 = this.zone.offset(localTS - oLater * minuteMs);
        if (o1 === o2) {
          return [this];
        }
        const ts1 = localTS - o1 * minuteMs;
        const ts2 = localTS - o2 * minuteMs;
        const c1 = tsToObj(ts1, o1);
        const c2 = tsToObj(ts2, o2);
        if (c1.hour === c2.hour && c1.minute === c2.minute && c1.second === c2.second && c1.millisecond === c2.millisecond) {
          return [clone(this, {
            ts: ts1
          }), clone(this, {
            ts: ts2
          })];
        }
        return [this];
      }
      /**
       * Returns true if this DateTime is in a leap year, false otherwise
       * @example DateTime.local(2016).isInLeapYear //=> true
       * @example DateTime.local(2013).isInLeapYear //=> false
       * @type {boolean}
       */
      get isInLeapYear() {
        return isLeapYear(this.year);
      }
      /**
       * Returns the number of days in this DateTime's month
       * @example DateTime.local(2016, 2).daysInMonth //=> 29
       * @example DateTime.local(2016, 3).daysInMonth //=> 31
       * @type {number}
       */
      get daysInMonth() {
        return daysInMonth(this.year, this.month);
      }
      /**
       * Returns the number of days in this DateTime's year
       * @example DateTime.local(2016).daysInYear //=> 366
       * @example DateTime.local(2013).daysInYear //=> 365
       * @type {number}
       */
      get daysInYear() {
        return this.isValid ? daysInYear(this.year) : NaN;
      }
      /**
       * Returns the number of weeks in this DateTime's year
       * @see https://en.wikipedia.org/wiki/ISO_week_date
       * @example DateTime.local(2004).weeksInWeekYear //=> 53
       * @example DateTime.local(2013).weeksInWeekYear //=> 52
       * @type {number}
       */
      get weeksInWeekYear() {
        return this.isValid ? weeksInWeekYear(this.weekYear) : NaN;
      }
      /**
       * Returns the number of weeks in this DateTime's local week year
       * @example DateTime.local(2020, 6, {locale: 'en-US'}).weeksInLocalWeekYear //=> 52
       * @example DateTime.local(2020, 6, {locale: 'de-DE'}).weeksInLocalWeekYear //=> 53
       * @type {number}
       */
      get weeksInLocalWeekYear() {
        return this.isValid ? weeksInWeekYear(this.localWeekYear, this.loc.getMinDaysInFirstWeek(), this.loc.getStartOfWeek()) : NaN;
      }
      /**
       * Returns the resolved Intl options for this DateTime.
       * This is useful in understanding the behavior of formatting methods
       * @param {Object} opts - the same options as toLocaleString
       * @return {Object}
       */
      resolvedLocaleOptions(opts = {}) {
        const {
          locale,
          numberingSystem,
          calendar
        } = Formatter.create(this.loc.clone(opts), opts).resolvedOptions(this);
        return {
          locale,
          numberingSystem,
          outputCalendar: calendar
        };
      }
      // TRANSFORM
      /**
       * "Set" the DateTime's zone to UTC. Returns a newly-constructed DateTime.
       *
       * Equivalent to {@link DateTime#setZone}('utc')
       * @param {number} [offset=0] - optionally, an offset from UTC in minutes
       * @param {Object} [opts={}] - options to pass to `setZone()`
       * @return {DateTime}
       */
      toUTC(offset2 = 0, opts = {}) {
        return this.setZone(FixedOffsetZone.instance(offset2), opts);
      }
      /**
       * "Set" the DateTime's zone to the host's local zone. Returns a newly-constructed DateTime.
       *
       * Equivalent to `setZone('local')`
       * @return {DateTime}
       */
      toLocal() {
        return this.setZone(Settings.defaultZone);
      }
      /**
       * "Set" the DateTime's zone to specified zone. Returns a newly-constructed DateTime.
       *
       * By default, the setter keeps the underlying time the same (as in, the same timestamp), but the new instance will report different local times and consider DSTs when making computations, as with {@link DateTime#plus}. You may wish to use {@link DateTime#toLocal} and {@link DateTime#toUTC} which provide simple convenience wrappers for commonly used zones.
       * @param {string|Zone} [zone='local'] - a zone identifier. As a string, that can be any IANA zone supported by the host environment, or a fixed-offset name of the form 'UTC+3', or the strings 'local' or 'utc'. You may also supply an instance of a {@link DateTime#Zone} class.
       * @param {Object} opts - options
       * @param {boolean} [opts.keepLocalTime=false] - If true, adjust the underlying time so that the local time stays the same, but in the target zone. You should rarely need this.
       * @return {DateTime}
       */
      setZone(zone, {
        keepLocalTime = false,
        keepCalendarTime = false
      } = {}) {
        zone = normalizeZone(zone, Settings.defaultZone);
        if (zone.equals(this.zone)) {
          return this;
        } else if (!zone.isValid) {
          return _DateTime.invalid(unsupportedZone(zone));
        } else {
          let newTS = this.ts;
          if (keepLocalTime || keepCalendarTime) {
            const offsetGuess = zone.offset(this.ts);
            const asObj = this.toObject();
            [newTS] = objToTS(asObj, offsetGuess, zone);
          }
          return clone(this, {
            ts: newTS,
            zone
          });
        }
      }
      /**
       * "Set" the locale, numberingSystem, or outputCalendar. Returns a newly-constructed DateTime.
       * @param {Object} properties - the properties to set
       * @example DateTime.local(2017, 5, 25).reconfigure({ locale: 'en-GB' })
       * @return {DateTime}
       */
      reconfigure({
        locale,
        numberingSystem,
        outputCalendar
      } = {}) {
        const loc = this.loc.clone({
          locale,
          numberingSystem,
          outputCalendar
        });
        return clone(this, {
          loc
        });
      }
      /**
       * "Set" the locale. Returns a newly-constructed DateTime.
       * Just a convenient alias for reconfigure({ locale })
       * @example DateTime.local(2017, 5, 25).setLocale('en-GB')
       * @return {DateTime}
       */
      setLocale(locale) {
        return this.reconfigure({
          locale
        });
      }
      /**
       * "Set" the values of specified units. Returns a newly-constructed DateTime.
       * You can only set units with this method; for "setting" metadata, see {@link DateTime#reconfigure} and {@link DateTime#setZone}.
       *
       * This method also supports setting locale-based week units, i.e. `localWeekday`, `localWeekNumber` and `localWeekYear`.
       * They cannot be mixed with ISO-week units like `weekday`.
       * @param {Object} values - a mapping of units to numbers
       * @example dt.set({ year: 2017 })
       * @example dt.set({ hour: 8, minute: 30 })
       * @example dt.set({ weekday: 5 })
       * @example dt.set({ year: 2005, ordinal: 234 })
       * @return {DateTime}
       */
      set(values) {
        if (!this.isValid) return this;
        const normalized = normalizeObject(values, normalizeUnitWithLocalWeeks);
        const {
          minDaysInFirstWeek,
          startOfWeek
        } = usesLocalWeekValues(normalized, this.loc);
        const settingWeekStuff = !isUndefined(normalized.weekYear) || !isUndefined(normalized.weekNumber) || !isUndefined(normalized.weekday), containsOrdinal = !isUndefined(normalized.ordinal), containsGregorYear = !isUndefined(normalized.year), containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day), containsGregor = containsGregorYear || containsGregorMD, definiteWeekDef = normalized.weekYear || normalized.weekNumber;
        if ((containsGregor || containsOrdinal) && definiteWeekDef) {
          throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
        }
        if (containsGregorMD && containsOrdinal) {
          throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
        }
        let mixed;
        if (settingWeekStuff) {
          mixed = weekToGregorian({
            ...gregorianToWeek(this.c, minDaysInFirstWeek, startOfWeek),
            ...normalized
          }, minDaysInFirstWeek, startOfWeek);
        } else if (!isUndefined(normalized.ordinal)) {
          mixed = ordinalToGregorian({
            ...gregorianToOrdinal(this.c),
            ...normalized
          });
        } else {
          mixed = {
            ...this.toObject(),
            ...normalized
          };
          if (isUndefined(normalized.day)) {
            mixed.day = Math.min(daysInMonth(mixed.year, mixed.month), mixed.day);
          }
        }
        const [ts, o] = objToTS(mixed, this.o, this.zone);
        return clone(this, {
          ts,
          o
        });
      }
      /**
       * Add a period of time to this DateTime and return the resulting DateTime
       *
       * Adding hours, minutes, seconds, or milliseconds increases the timestamp by the right number of milliseconds. Adding days, months, or years shifts the calendar, accounting for DSTs and leap years along the way. Thus, `dt.plus({ hours: 24 })` may result in a different time than `dt.plus({ days: 1 })` if there's a DST shift in between.
       * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
       * @example DateTime.now().plus(123) //~> in 123 milliseconds
       * @example DateTime.now().plus({ minutes: 15 }) //~> in 15 minutes
       * @example DateTime.now().plus({ days: 1 }) //~> this time tomorrow
       * @example DateTime.now().plus({ days: -1 }) //~> this time yesterday
       * @example DateTime.now().plus({ hours: 3, minutes: 13 }) //~> in 3 hr, 13 min
       * @example DateTime.now().plus(Duration.fromObject({ hours: 3, minutes: 13 })) //~> in 3 hr, 13 min
       * @return {DateTime}
       */
      plus(duration2) {
        if (!this.isValid) return this;
        const dur = Duration.fromDurationLike(duration2);
        return clone(this, adjustTime(this, dur));
      }
      /**
       * Subtract a period of time to this DateTime and return the resulting DateTime
       * See {@link DateTime#plus}
       * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
       @return {DateTime}
       */
      minus(duration2) {
        if (!this.isValid) return this;
        const dur = Duration.fromDurationLike(duration2).negate();
        return clone(this, adjustTime(this, dur));
      }
      /**
       * "Set" this DateTime to the beginning of a unit of time.
       * @param {string} unit - The unit to go to the beginning of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
       * @param {Object} opts - options
       * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
       * @example DateTime.local(2014, 3, 3).startOf('month').toISODate(); //=> '2014-03-01'
       * @example DateTime.local(2014, 3, 3).startOf('year').toISODate(); //=> '2014-01-01'
       * @example DateTime.local(2014, 3, 3).startOf('week').toISODate(); //=> '2014-03-03', weeks always start on Mondays
       * @example DateTime.local(2014, 3, 3, 5, 30).startOf('day').toISOTime(); //=> '00:00.000-05:00'
       * @example DateTime.local(2014, 3, 3, 5, 30).startOf('hour').toISOTime(); //=> '05:00:00.000-05:00'
       * @return {DateTime}
       */
      startOf(unit, {
        useLocaleWeeks = false
      } = {}) {
        if (!this.isValid) return this;
        const o = {}, normalizedUnit = Duration.normalizeUnit(unit);
        switch (normalizedUnit) {
          case "years":
            o.month = 1;
          // falls through
          case "quarters":
          case "months":
            o.day = 1;
          // falls through
          case "weeks":
          case "days":
            o.hour = 0;
          // falls through
          case "hours":
            o.minute = 0;
          // falls through
          case "minutes":
            o.second = 0;
          // falls through
          case "seconds":
            o.millisecond = 0;
            break;
        }
        if (normalizedUnit === "weeks") {
          if (useLocaleWeeks) {
            const startOfWeek = this.loc.getStartOfWeek();
            const {
              weekday
            } = this;
            if (weekday < startOfWeek) {
              o.weekNumber = this.weekNumber - 1;
            }
            o.weekday = startOfWeek;
          } else {
            o.weekday = 1;
          }
        }
        if (normalizedUnit === "quarters") {
          const q = Math.ceil(this.month / 3);
          o.month = (q - 1) * 3 + 1;
        }
        return this.set(o);
      }
      /**
       * "Set" this DateTime to the end (meaning the last millisecond) of a unit of time
       * @param {string} unit - The unit to go to the end of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
       * @param {Object} opts - options
       * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
       * @example DateTime.local(2014, 3, 3).endOf('month').toISO(); //=> '2014-03-31T23:59:59.999-05:00'
       * @example DateTime.local(2014, 3, 3).endOf('year').toISO(); //=> '2014-12-31T23:59:59.999-05:00'
       * @example DateTime.local(2014, 3, 3).endOf('week').toISO(); // => '2014-03-09T23:59:59.999-05:00', weeks start on Mondays
       * @example DateTime.local(2014, 3, 3, 5, 30).endOf('day').toISO(); //=> '2014-03-03T23:59:59.999-05:00'
       * @example DateTime.local(2014, 3, 3, 5, 30).endOf('hour').toISO(); //=> '2014-03-03T05:59:59.999-05:00'
       * @return {DateTime}
       */
      endOf(unit, opts) {
        return this.isValid ? this.plus({
          [unit]: 1
        }).startOf(unit, opts).minus(1) : this;
      }
      // OUTPUT
      /**
       * Returns a string representation of this DateTime formatted according to the specified format string.
       * **You may not want this.** See {@link DateTime#toLocaleString} for a more flexible formatting tool. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/formatting?id=table-of-tokens).
       * Defaults to en-US if no locale has been specified, regardless of the system's locale.
       * @param {string} fmt - the format string
       * @param {Object} opts - opts to override the configuration options on this DateTime
       * @example DateTime.now().toFormat('yyyy LLL dd') //=> '2017 Apr 22'
       * @example DateTime.now().setLocale('fr').toFormat('yyyy LLL dd') //=> '2017 avr. 22'
       * @example DateTime.now().toFormat('yyyy LLL dd', { locale: "fr" }) //=> '2017 avr. 22'
       * @example DateTime.now().toFormat("HH 'hours and' mm 'minutes'") //=> '20 hours and 55 minutes'
       * @return {string}
       */
      toFormat(fmt, opts = {}) {
        return this.isValid ? Formatter.create(this.loc.redefaultToEN(opts)).formatDateTimeFromString(this, fmt) : INVALID;
      }
      /**
       * Returns a localized string representing this date. Accepts the same options as the Intl.DateTimeFormat constructor and any presets defined by Luxon, such as `DateTime.DATE_FULL` or `DateTime.TIME_SIMPLE`.
       * The exact behavior of this method is browser-specific, but in general it will return an appropriate representation
       * of the DateTime in the assigned locale.
       * Defaults to the system's locale if no locale has been specified
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
       * @param formatOpts {Object} - Intl.DateTimeFormat constructor options and configuration options
       * @param {Object} opts - opts to override the configuration options on this DateTime
       * @example DateTime.now().toLocaleString(); //=> 4/20/2017
       * @example DateTime.now().setLocale('en-gb').toLocaleString(); //=> '20/04/2017'
       * @example DateTime.now().toLocaleString(DateTime.DATE_FULL); //=> 'April 20, 2017'
       * @example DateTime.now().toLocaleString(DateTime.DATE_FULL, { locale: 'fr' }); //=> '28 août 2022'
       * @example DateTime.now().toLocaleString(DateTime.TIME_SIMPLE); //=> '11:32 AM'
       * @example DateTime.now().toLocaleString(DateTime.DATETIME_SHORT); //=> '4/20/2017, 11:32 AM'
       * @example DateTime.now().toLocaleString({ weekday: 'long', month: 'long', day: '2-digit' }); //=> 'Thursday, April 20'
       * @example DateTime.now().toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> 'Thu, Apr 20, 11:27 AM'
       * @example DateTime.now().toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }); //=> '11:32'
       * @return {string}
       */
      toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
        return this.isValid ? Formatter.create(this.loc.clone(opts), formatOpts).formatDateTime(this) : INVALID;
      }
      /**
       * Returns an array of format "parts", meaning individual tokens along with metadata. This is allows callers to post-process individual sections of the formatted output.
       * Defaults to the system's locale if no locale has been specified
       * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat/formatToParts
       * @param opts {Object} - Intl.DateTimeFormat constructor options, same as `toLocaleString`.
       * @example DateTime.now().toLocaleParts(); //=> [
       *                                   //=>   { type: 'day', value: '25' },
       *                                   //=>   { type: 'literal', value: '/' },
       *                                   //=>   { type: 'month', value: '05' },
       *                                   //=>   { type: 'literal', value: '/' },
       *                                   //=>   { type: 'year', value: '1982' }
       *                                   //=> ]
       */
      toLocaleParts(opts = {}) {
        return this.isValid ? Formatter.create(this.loc.clone(opts), opts).formatDateTimeParts(this) : [];
      }
      /**
       * Returns an ISO 8601-compliant string representation of this DateTime
       * @param {Object} opts - options
       * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
       * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
       * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
       * @param {boolean} [opts.extendedZone=false] - add the time zone format extension
       * @param {string} [opts.format='extended'] - choose between the basic and extended format
       * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'years', 'months', 'days', 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
       * @example DateTime.utc(1983, 5, 25).toISO() //=> '1982-05-25T00:00:00.000Z'
       * @example DateTime.now().toISO() //=> '2017-04-22T20:47:05.335-04:00'
       * @example DateTime.now().toISO({ includeOffset: false }) //=> '2017-04-22T20:47:05.335'
       * @example DateTime.now().toISO({ format: 'basic' }) //=> '20170422T204705.335-0400'
       * @example DateTime.now().toISO({ precision: 'day' }) //=> '2017-04-22Z'
       * @example DateTime.now().toISO({ precision: 'minute' }) //=> '2017-04-22T20:47Z'
       * @return {string|null}
       */
      toISO({
        format = "extended",
        suppressSeconds = false,
        suppressMilliseconds = false,
        includeOffset = true,
        extendedZone = false,
        precision = "milliseconds"
      } = {}) {
        if (!this.isValid) {
          return null;
        }
        precision = normalizeUnit(precision);
        const ext = format === "extended";
        let c = toISODate(this, ext, precision);
        if (orderedUnits.indexOf(precision) >= 3) c += "T";
        c += toISOTime(this, ext, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
        return c;
      }
      /**
       * Returns an ISO 8601-compliant string representation of this DateTime's date component
       * @param {Object} opts - options
       * @param {string} [opts.format='extended'] - choose between the basic and extended format
       * @param {string} [opts.precision='day'] - truncate output to desired precision: 'years', 'months', or 'days'.
       * @example DateTime.utc(1982, 5, 25).toISODate() //=> '1982-05-25'
       * @example DateTime.utc(1982, 5, 25).toISODate({ format: 'basic' }) //=> '19820525'
       * @example DateTime.utc(1982, 5, 25).toISODate({ precision: 'month' }) //=> '1982-05'
       * @return {string|null}
       */
      toISODate({
        format = "extended",
        precision = "day"
      } = {}) {
        if (!this.isValid) {
          return null;
        }
        return toISODate(this, format === "extended", normalizeUnit(precision));
      }
      /**
       * Returns an ISO 8601-compliant string representation of this DateTime's week date
       * @example DateTime.utc(1982, 5, 25).toISOWeekDate() //=> '1982-W21-2'
       * @return {string}
       */
      toISOWeekDate() {
        return toTechFormat(this, "kkkk-'W'WW-c");
      }
      /**
       * Returns an ISO 8601-compliant string representation of this DateTime's time component
       * @param {Object} opts - options
       * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
       * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
       * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
       * @param {boolean} [opts.extendedZone=true] - add the time zone format extension
       * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
       * @param {string} [opts.format='extended'] - choose between the basic and extended format
       * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
       * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime() //=> '07:34:19.361Z'
       * @example DateTime.utc().set({ hour: 7, minute: 34, seconds: 0, milliseconds: 0 }).toISOTime({ suppressSeconds: true }) //=> '07:34Z'
       * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ format: 'basic' }) //=> '073419.361Z'
       * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ includePrefix: true }) //=> 'T07:34:19.361Z'
       * @example DateTime.utc().set({ hour: 7, minute: 34, second: 56 }).toISOTime({ precision: 'minute' }) //=> '07:34Z'
       * @return {string}
       */
      toISOTime({
        suppressMilliseconds = false,
        suppressSeconds = false,
        includeOffset = true,
        includePrefix = false,
        extendedZone = false,
        format = "extended",
        precision = "milliseconds"
      } = {}) {
        if (!this.isValid) {
          return null;
        }
        precision = normalizeUnit(precision);
        let c = includePrefix && orderedUnits.indexOf(precision) >= 3 ? "T" : "";
        return c + toISOTime(this, format === "extended", suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
      }
      /**
       * Returns an RFC 2822-compatible string representation of this DateTime
       * @example DateTime.utc(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 +0000'
       * @example DateTime.local(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 -0400'
       * @return {string}
       */
      toRFC2822() {
        return toTechFormat(this, "EEE, dd LLL yyyy HH:mm:ss ZZZ", false);
      }
      /**
       * Returns a string representation of this DateTime appropriate for use in HTTP headers. The output is always expressed in GMT.
       * Specifically, the string conforms to RFC 1123.
       * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
       * @example DateTime.utc(2014, 7, 13).toHTTP() //=> 'Sun, 13 Jul 2014 00:00:00 GMT'
       * @example DateTime.utc(2014, 7, 13, 19).toHTTP() //=> 'Sun, 13 Jul 2014 19:00:00 GMT'
       * @return {string}
       */
      toHTTP() {
        return toTechFormat(this.toUTC(), "EEE, dd LLL yyyy HH:mm:ss 'GMT'");
      }
      /**
       * Returns a string representation of this DateTime appropriate for use in SQL Date
       * @example DateTime.utc(2014, 7, 13).toSQLDate() //=> '2014-07-13'
       * @return {string|null}
       */
      toSQLDate() {
        if (!this.isValid) {
          return null;
        }
        return toISODate(this, true);
      }
      /**
       * Returns a string representation of this DateTime appropriate for use in SQL Time
       * @param {Object} opts - options
       * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
       * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
       * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
       * @example DateTime.utc().toSQL() //=> '05:15:16.345'
       * @example DateTime.now().toSQL() //=> '05:15:16.345 -04:00'
       * @example DateTime.now().toSQL({ includeOffset: false }) //=> '05:15:16.345'
       * @example DateTime.now().toSQL({ includeZone: false }) //=> '05:15:16.345 America/New_York'
       * @return {string}
       */
      toSQLTime({
        includeOffset = true,
        includeZone = false,
        includeOffsetSpace = true
      } = {}) {
        let fmt = "HH:mm:ss.SSS";
        if (includeZone || includeOffset) {
          if (includeOffsetSpace) {
            fmt += " ";
          }
          if (includeZone) {
            fmt += "z";
          } else if (includeOffset) {
            fmt += "ZZ";
          }
        }
        return toTechFormat(this, fmt, true);
      }
      /**
       * Returns a string representation of this DateTime appropriate for use in SQL DateTime
       * @param {Object} opts - options
       * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
       * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
       * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
       * @example DateTime.utc(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 Z'
       * @example DateTime.local(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 -04:00'
       * @example DateTime.local(2014, 7, 13).toSQL({ includeOffset: false }) //=> '2014-07-13 00:00:00.000'
       * @example DateTime.local(2014, 7, 13).toSQL({ includeZone: true }) //=> '2014-07-13 00:00:00.000 America/New_York'
       * @return {string}
       */
      toSQL(opts = {}) {
        if (!this.isValid) {
          return null;
        }
        return `${this.toSQLDate()} ${this.toSQLTime(opts)}`;
      }
      /**
       * Returns a string representation of this DateTime appropriate for debugging
       * @return {string}
       */
      toString() {
        return this.isValid ? this.toISO() : INVALID;
      }
      /**
       * Returns a string representation of this DateTime appropriate for the REPL.
       * @return {string}
       */
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        if (this.isValid) {
          return `DateTime { ts: ${this.toISO()}, zone: ${this.zone.name}, locale: ${this.locale} }`;
        } else {
          return `DateTime { Invalid, reason: ${this.invalidReason} }`;
        }
      }
      /**
       * Returns the epoch milliseconds of this DateTime. Alias of {@link DateTime#toMillis}
       * @return {number}
       */
      valueOf() {
        return this.toMillis();
      }
      /**
       * Returns the epoch milliseconds of this DateTime.
       * @return {number}
       */
      toMillis() {
        return this.isValid ? this.ts : NaN;
      }
      /**
       * Returns the epoch seconds (including milliseconds in the fractional part) of this DateTime.
       * @return {number}
       */
      toSeconds() {
        return this.isValid ? this.ts / 1e3 : NaN;
      }
      /**
       * Returns the epoch seconds (as a whole number) of this DateTime.
       * @return {number}
       */
      toUnixInteger() {
        return this.isValid ? Math.floor(this.ts / 1e3) : NaN;
      }
      /**
       * Returns an ISO 8601 representation of this DateTime appropriate for use in JSON.
       * @return {string}
       */
      toJSON() {
        return this.toISO();
      }
      /**
       * Returns a BSON serializable equivalent to this DateTime.
       * @return {Date}
       */
      toBSON() {
        return this.toJSDate();
      }
      /**
       * Returns a JavaScript object with this DateTime's year, month, day, and so on.
       * @param opts - options for generating the object
       * @param {boolean} [opts.includeConfig=false] - include configuration attributes in the output
       * @example DateTime.now().toObject() //=> { year: 2017, month: 4, day: 22, hour: 20, minute: 49, second: 42, millisecond: 268 }
       * @return {Object}
       */
      toObject(opts = {}) {
        if (!this.isValid) return {};
        const base = {
          ...this.c
        };
        if (opts.includeConfig) {
          base.outputCalendar = this.outputCalendar;
          base.numberingSystem = this.loc.numberingSystem;
          base.locale = this.loc.locale;
        }
        return base;
      }
      /**
       * Returns a JavaScript Date equivalent to this DateTime.
       * @return {Date}
       */
      toJSDate() {
        return new Date(this.isValid ? this.ts : NaN);
      }
      // COMPARE
      /**
       * Return the difference between two DateTimes as a Duration.
       * @param {DateTime} otherDateTime - the DateTime to compare this one to
       * @param {string|string[]} [unit=['milliseconds']] - the unit or array of units (such as 'hours' or 'days') to include in the duration.
       * @param {Object} opts - options that affect the creation of the Duration
       * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
       * @example
       * var i1 = DateTime.fromISO('1982-05-25T09:45'),
       *     i2 = DateTime.fromISO('1983-10-14T10:30');
       * i2.diff(i1).toObject() //=> { milliseconds: 43807500000 }
       * i2.diff(i1, 'hours').toObject() //=> { hours: 12168.75 }
       * i2.diff(i1, ['months', 'days']).toObject() //=> { months: 16, days: 19.03125 }
       * i2.diff(i1, ['months', 'days', 'hours']).toObject() //=> { months: 16, days: 19, hours: 0.75 }
       * @return {Duration}
       */
      diff(otherDateTime, unit = "milliseconds", opts = {}) {
        if (!this.isValid || !otherDateTime.isValid) {
          return Duration.invalid("created by diffing an invalid DateTime");
        }
        const durOpts = {
          locale: this.locale,
          numberingSystem: this.numberingSystem,
          ...opts
        };
        const units = maybeArray(unit).map(Duration.normalizeUnit), otherIsLater = otherDateTime.valueOf() > this.valueOf(), earlier = otherIsLater ? this : otherDateTime, later = otherIsLater ? otherDateTime : this, diffed = diff(earlier, later, units, durOpts);
        return otherIsLater ? diffed.negate() : diffed;
      }
      /**
       * Return the difference between this DateTime and right now.
       * See {@link DateTime#diff}
       * @param {string|string[]} [unit=['milliseconds']] - the unit or units units (such as 'hours' or 'days') to include in the duration
       * @param {Object} opts - options that affect the creation of the Duration
       * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
       * @return {Duration}
       */
      diffNow(unit = "milliseconds", opts = {}) {
        return this.diff(_DateTime.now(), unit, opts);
      }
      /**
       * Return an Interval spanning between this DateTime and another DateTime
       * @param {DateTime} otherDateTime - the other end point of the Interval
       * @return {Interval|DateTime}
       */
      until(otherDateTime) {
        return this.isValid ? Interval.fromDateTimes(this, otherDateTime) : this;
      }
      /**
       * Return whether this DateTime is in the same unit of time as another DateTime.
       * Higher-order units must also be identical for this function to return `true`.
       * Note that time zones are **ignored** in this comparison, which compares the **local** calendar time. Use {@link DateTime#setZone} to convert one of the dates if needed.
       * @param {DateTime} otherDateTime - the other DateTime
       * @param {string} unit - the unit of time to check sameness on
       * @param {Object} opts - options
       * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; only the locale of this DateTime is used
       * @example DateTime.now().hasSame(otherDT, 'day'); //~> true if otherDT is in the same current calendar day
       * @return {boolean}
       */
      hasSame(otherDateTime, unit, opts) {
        if (!this.isValid) return false;
        const inputMs = otherDateTime.valueOf();
        const adjustedToZone = this.setZone(otherDateTime.zone, {
          keepLocalTime: true
        });
        return adjustedToZone.startOf(unit, opts) <= inputMs && inputMs <= adjustedToZone.endOf(unit, opts);
      }
      /**
       * Equality check
       * Two DateTimes are equal if and only if they represent the same millisecond, have the same zone and location, and are both valid.
       * To compare just the millisecond values, use `+dt1 === +dt2`.
       * @param {DateTime} other - the other DateTime
       * @return {boolean}
       */
      equals(other) {
        return this.isValid && other.isValid && this.valueOf() === other.valueOf() && this.zone.equals(other.zone) && this.loc.equals(other.loc);
      }
      /**
       * Returns a string representation of a this time relative to now, such as "in two days". Can only internationalize if your
       * platform supports Intl.RelativeTimeFormat. Rounds towards zero by default.
       * @param {Object} options - options that affect the output
       * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
       * @param {string} [options.style="long"] - the style of units, must be "long", "short", or "narrow"
       * @param {string|string[]} options.unit - use a specific unit or array of units; if omitted, or an array, the method will pick the best unit. Use an array or one of "years", "quarters", "months", "weeks", "days", "hours", "minutes", or "seconds"
       * @param {boolean} [options.round=true] - whether to round the numbers in the output.
       * @param {string} [options.rounding="trunc"] - rounding method to use when rounding the numbers in the output. Can be "trunc" (toward zero), "expand" (away from zero), "round", "floor", or "ceil".
       * @param {number} [options.padding=0] - padding in milliseconds. This allows you to round up the result if it fits inside the threshold. Don't use in combination with {round: false} because the decimal output will include the padding.
       * @param {string} options.locale - override the locale of this DateTime
       * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
       * @example DateTime.now().plus({ days: 1 }).toRelative() //=> "in 1 day"
       * @example DateTime.now().setLocale("es").toRelative({ days: 1 }) //=> "dentro de 1 día"
       * @example DateTime.now().plus({ days: 1 }).toRelative({ locale: "fr" }) //=> "dans 23 heures"
       * @example DateTime.now().minus({ days: 2 }).toRelative() //=> "2 days ago"
       * @example DateTime.now().minus({ days: 2 }).toRelative({ unit: "hours" }) //=> "48 hours ago"
       * @example DateTime.now().minus({ hours: 36 }).toRelative({ round: false }) //=> "1.5 days ago"
       */
      toRelative(options = {}) {
        if (!this.isValid) return null;
        const base = options.base || _DateTime.fromObject({}, {
          zone: this.zone
        }), padding = options.padding ? this < base ? -options.padding : options.padding : 0;
        let units = ["years", "months", "days", "hours", "minutes", "seconds"];
        let unit = options.unit;
        if (Array.isArray(options.unit)) {
          units = options.unit;
          unit = void 0;
        }
        return diffRelative(base, this.plus(padding), {
          ...options,
          numeric: "always",
          units,
          unit
        });
      }
      /**
       * Returns a string representation of this date relative to today, such as "yesterday" or "next month".
       * Only internationalizes on platforms that supports Intl.RelativeTimeFormat.
       * @param {Object} options - options that affect the output
       * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
       * @param {string} options.locale - override the locale of this DateTime
       * @param {string} options.unit - use a specific unit; if omitted, the method will pick the unit. Use one of "years", "quarters", "months", "weeks", or "days"
       * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
       * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar() //=> "tomorrow"
       * @example DateTime.now().setLocale("es").plus({ days: 1 }).toRelative() //=> ""mañana"
       * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar({ locale: "fr" }) //=> "demain"
       * @example DateTime.now().minus({ days: 2 }).toRelativeCalendar() //=> "2 days ago"
       */
      toRelativeCalendar(options = {}) {
        if (!this.isValid) return null;
        return diffRelative(options.base || _DateTime.fromObject({}, {
          zone: this.zone
        }), this, {
          ...options,
          numeric: "auto",
          units: ["years", "months", "days"],
          calendary: true
        });
      }
      /**
       * Return the min of several date times
       * @param {...DateTime} dateTimes - the DateTimes from which to choose the minimum
       * @return {DateTime} the min DateTime, or undefined if called with no argument
       */
      static min(...dateTimes) {
        if (!dateTimes.every(_DateTime.isDateTime)) {
          throw new InvalidArgumentError("min requires all arguments be DateTimes");
        }
        return bestBy(dateTimes, (i) => i.valueOf(), Math.min);
      }
      /**
       * Return the max of several date times
       * @param {...DateTime} dateTimes - the DateTimes from which to choose the maximum
       * @return {DateTime} the max DateTime, or undefined if called with no argument
       */
      static max(...dateTimes) {
        if (!dateTimes.every(_DateTime.isDateTime)) {
          throw new InvalidArgumentError("max requires all arguments be DateTimes");
        }
        return bestBy(dateTimes, (i) => i.valueOf(), Math.max);
      }
      // MISC
      /**
       * Explain how a string would be parsed by fromFormat()
       * @param {string} text - the string to parse
       * @param {string} fmt - the format the string is expected to be in (see description)
       * @param {Object} options - options taken by fromFormat()
       * @return {Object}
       */
      static fromFormatExplain(text, fmt, options = {}) {
        const {
          locale = null,
          numberingSystem = null
        } = options, localeToUse = Locale.fromOpts({
          locale,
          numberingSystem,
          defaultToEN: true
        });
        return explainFromTokens(localeToUse, text, fmt);
      }
      /**
       * @deprecated use fromFormatExplain instead
       */
      static fromStringExplain(text, fmt, options = {}) {
        return _DateTime.fromFormatExplain(text, fmt, options);
      }
      /**
       * Build a parser for `fmt` using the given locale. This parser can be passed
       * to {@link DateTime.fromFormatParser} to a parse a date in this format. This
       * can be used to optimize cases where many dates need to be parsed in a
       * specific format.
       *
       * @param {String} fmt - the format the string is expected to be in (see
       * description)
       * @param {Object} options - options used to set locale and numberingSystem
       * for parser
       * @returns {TokenParser} - opaque object to be used
       */
      static buildFormatParser(fmt, options = {}) {
        const {
          locale = null,
          numberingSystem = null
        } = options, localeToUse = Locale.fromOpts({
          locale,
          numberingSystem,
          defaultToEN: true
        });
        return new TokenParser(localeToUse, fmt);
      }
      /**
       * Create a DateTime from an input string and format parser.
       *
       * The format parser must have been created with the same locale as this call.
       *
       * @param {String} text - the string to parse
       * @param {TokenParser} formatParser - parser from {@link DateTime.buildFormatParser}
       * @param {Object} opts - options taken by fromFormat()
       * @returns {DateTime}
       */
      static fromFormatParser(text, formatParser, opts = {}) {
        if (isUndefined(text) || isUndefined(formatParser)) {
          throw new InvalidArgumentError("fromFormatParser requires an input string and a format parser");
        }
        const {
          locale = null,
          numberingSystem = null
        } = opts, localeToUse = Locale.fromOpts({
          locale,
          numberingSystem,
          defaultToEN: true
        });
        if (!localeToUse.equals(formatParser.locale)) {
          throw new InvalidArgumentError(`fromFormatParser called with a locale of ${localeToUse}, but the format parser was created for ${formatParser.locale}`);
        }
        const {
          result,
          zone,
          specificOffset,
          invalidReason
        } = formatParser.explainFromTokens(text);
        if (invalidReason) {
          return _DateTime.invalid(invalidReason);
        } else {
          return parseDataToDateTime(result, zone, opts, `format ${formatParser.format}`, text, specificOffset);
        }
      }
      // FORMAT PRESETS
      /**
       * {@link DateTime#toLocaleString} format like 10/14/1983
       * @type {Object}
       */
      static get DATE_SHORT() {
        return DATE_SHORT;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Oct 14, 1983'
       * @type {Object}
       */
      static get DATE_MED() {
        return DATE_MED;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Fri, Oct 14, 1983'
       * @type {Object}
       */
      static get DATE_MED_WITH_WEEKDAY() {
        return DATE_MED_WITH_WEEKDAY;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'October 14, 1983'
       * @type {Object}
       */
      static get DATE_FULL() {
        return DATE_FULL;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Tuesday, October 14, 1983'
       * @type {Object}
       */
      static get DATE_HUGE() {
        return DATE_HUGE;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get TIME_SIMPLE() {
        return TIME_SIMPLE;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get TIME_WITH_SECONDS() {
        return TIME_WITH_SECONDS;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23 AM EDT'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get TIME_WITH_SHORT_OFFSET() {
        return TIME_WITH_SHORT_OFFSET;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23 AM Eastern Daylight Time'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get TIME_WITH_LONG_OFFSET() {
        return TIME_WITH_LONG_OFFSET;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30', always 24-hour.
       * @type {Object}
       */
      static get TIME_24_SIMPLE() {
        return TIME_24_SIMPLE;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23', always 24-hour.
       * @type {Object}
       */
      static get TIME_24_WITH_SECONDS() {
        return TIME_24_WITH_SECONDS;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23 EDT', always 24-hour.
       * @type {Object}
       */
      static get TIME_24_WITH_SHORT_OFFSET() {
        return TIME_24_WITH_SHORT_OFFSET;
      }
      /**
       * {@link DateTime#toLocaleString} format like '09:30:23 Eastern Daylight Time', always 24-hour.
       * @type {Object}
       */
      static get TIME_24_WITH_LONG_OFFSET() {
        return TIME_24_WITH_LONG_OFFSET;
      }
      /**
       * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_SHORT() {
        return DATETIME_SHORT;
      }
      /**
       * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30:33 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_SHORT_WITH_SECONDS() {
        return DATETIME_SHORT_WITH_SECONDS;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_MED() {
        return DATETIME_MED;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30:33 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_MED_WITH_SECONDS() {
        return DATETIME_MED_WITH_SECONDS;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Fri, 14 Oct 1983, 9:30 AM'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_MED_WITH_WEEKDAY() {
        return DATETIME_MED_WITH_WEEKDAY;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30 AM EDT'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_FULL() {
        return DATETIME_FULL;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30:33 AM EDT'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_FULL_WITH_SECONDS() {
        return DATETIME_FULL_WITH_SECONDS;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30 AM Eastern Daylight Time'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_HUGE() {
        return DATETIME_HUGE;
      }
      /**
       * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30:33 AM Eastern Daylight Time'. Only 12-hour if the locale is.
       * @type {Object}
       */
      static get DATETIME_HUGE_WITH_SECONDS() {
        return DATETIME_HUGE_WITH_SECONDS;
      }
    };
    function friendlyDateTime(dateTimeish) {
      if (DateTime.isDateTime(dateTimeish)) {
        return dateTimeish;
      } else if (dateTimeish && dateTimeish.valueOf && isNumber(dateTimeish.valueOf())) {
        return DateTime.fromJSDate(dateTimeish);
      } else if (dateTimeish && typeof dateTimeish === "object") {
        return DateTime.fromObject(dateTimeish);
      } else {
        throw new InvalidArgumentError(`Unknown datetime argument: ${dateTimeish}, of type ${typeof dateTimeish}`);
      }
    }
    var VERSION = "3.7.2";
    exports.DateTime = DateTime;
    exports.Duration = Duration;
    exports.FixedOffsetZone = FixedOffsetZone;
    exports.IANAZone = IANAZone;
    exports.Info = Info;
    exports.Interval = Interval;
    exports.InvalidZone = InvalidZone;
    exports.Settings = Settings;
    exports.SystemZone = SystemZone;
    exports.VERSION = VERSION;
    exports.Zone = Zone;
  }
});

// node_modules/cron-parser/dist/CronDate.js
var require_CronDate = __commonJS({
  "node_modules/cron-parser/dist/CronDate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronDate = exports.DAYS_IN_MONTH = exports.DateMathOp = exports.TimeUnit = void 0;
    var luxon_1 = require_luxon();
    var TimeUnit;
    (function(TimeUnit2) {
      TimeUnit2["Second"] = "Second";
      TimeUnit2["Minute"] = "Minute";
      TimeUnit2["Hour"] = "Hour";
      TimeUnit2["Day"] = "Day";
      TimeUnit2["Month"] = "Month";
      TimeUnit2["Year"] = "Year";
    })(TimeUnit || (exports.TimeUnit = TimeUnit = {}));
    var DateMathOp;
    (function(DateMathOp2) {
      DateMathOp2["Add"] = "Add";
      DateMathOp2["Subtract"] = "Subtract";
    })(DateMathOp || (exports.DateMathOp = DateMathOp = {}));
    exports.DAYS_IN_MONTH = Object.freeze([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    var CronDate = class _CronDate {
      #date;
      #dstStart = null;
      #dstStartLandingHour = null;
      #dstEnd = null;
      /**
       * Constructs a new CronDate instance.
       * @param {CronDate | Date | number | string} [timestamp] - The timestamp to initialize the CronDate with.
       * @param {string} [tz] - The timezone to use for the CronDate.
       */
      constructor(timestamp2, tz) {
        const dateOpts = { zone: tz };
        if (!timestamp2 && timestamp2 !== 0) {
          this.#date = luxon_1.DateTime.local();
        } else if (timestamp2 instanceof _CronDate) {
          this.#date = timestamp2.#date;
          this.#dstStart = timestamp2.#dstStart;
          this.#dstStartLandingHour = timestamp2.#dstStartLandingHour;
          this.#dstEnd = timestamp2.#dstEnd;
        } else if (timestamp2 instanceof Date) {
          this.#date = luxon_1.DateTime.fromJSDate(timestamp2, dateOpts);
        } else if (typeof timestamp2 === "number") {
          this.#date = luxon_1.DateTime.fromMillis(timestamp2, dateOpts);
        } else {
          this.#date = luxon_1.DateTime.fromISO(timestamp2, dateOpts);
          this.#date.isValid || (this.#date = luxon_1.DateTime.fromRFC2822(timestamp2, dateOpts));
          this.#date.isValid || (this.#date = luxon_1.DateTime.fromSQL(timestamp2, dateOpts));
          this.#date.isValid || (this.#date = luxon_1.DateTime.fromFormat(timestamp2, "EEE, d MMM yyyy HH:mm:ss", dateOpts));
          this.#date.isValid || (this.#date = luxon_1.DateTime.fromHTTP(timestamp2, dateOpts));
        }
        if (!this.#date.isValid) {
          throw new Error(`CronDate: unhandled timestamp: ${timestamp2}`);
        }
        if (tz && tz !== this.#date.zoneName) {
          this.#date = this.#date.setZone(tz);
        }
      }
      /**
       * Determines if the given year is a leap year.
       * @param {number} year - The year to check
       * @returns {boolean} - True if the year is a leap year, false otherwise
       * @private
       */
      static #isLeapYear(year) {
        return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
      }
      /**
       * Returns daylight savings start time.
       * @returns {number | null}
       */
      get dstStart() {
        return this.#dstStart;
      }
      /**
       * Returns the first existing hour after the skipped window, or null.
       * @returns {number | null}
       */
      get dstStartLandingHour() {
        return this.#dstStartLandingHour;
      }
      /**
       * Discards the recorded daylight savings start window. The two halves are
       * only meaningful together, so neither is writable on its own.
       */
      clearDstStart() {
        this.#dstStart = null;
        this.#dstStartLandingHour = null;
      }
      /**
       * Returns daylight savings end time.
       * @returns {number | null}
       */
      get dstEnd() {
        return this.#dstEnd;
      }
      /**
       * Sets daylight savings end time.
       * @param {number | null} value
       */
      set dstEnd(value) {
        this.#dstEnd = value;
      }
      /**
       * Adds one year to the current CronDate.
       */
      addYear() {
        this.#date = this.#date.plus({ years: 1 });
      }
      /**
       * Adds one month to the current CronDate.
       */
      addMonth() {
        this.#date = this.#date.plus({ months: 1 }).startOf("month");
      }
      /**
       * Adds one day to the current CronDate.
       */
      addDay() {
        this.#date = this.#date.plus({ days: 1 }).startOf("day");
      }
      /**
       * Adds one hour to the current CronDate.
       */
      addHour() {
        this.#date = this.#date.plus({ hours: 1 }).startOf("hour");
      }
      /**
       * Adds one minute to the current CronDate.
       */
      addMinute() {
        this.#date = this.#date.plus({ minutes: 1 }).startOf("minute");
      }
      /**
       * Adds one second to the current CronDate.
       */
      addSecond() {
        this.#date = this.#date.plus({ seconds: 1 });
      }
      /**
       * Subtracts one year from the current CronDate.
       */
      subtractYear() {
        this.#date = this.#date.minus({ years: 1 });
      }
      /**
       * Subtracts one month from the current CronDate.
       * If the month is 1, it will subtract one year instead.
       */
      subtractMonth() {
        this.#date = this.#date.minus({ months: 1 }).endOf("month").startOf("second");
      }
      /**
       * Subtracts one day from the current CronDate.
       * If the day is 1, it will subtract one month instead.
       */
      subtractDay() {
        this.#date = this.#date.minus({ days: 1 }).endOf("day").startOf("second");
      }
      /**
       * Subtracts one hour from the current CronDate.
       * If the hour is 0, it will subtract one day instead.
       */
      subtractHour() {
        this.#date = this.#date.minus({ hours: 1 }).endOf("hour").startOf("second");
      }
      /**
       * Subtracts one minute from the current CronDate.
       * If the minute is 0, it will subtract one hour instead.
       */
      subtractMinute() {
        this.#date = this.#date.minus({ minutes: 1 }).endOf("minute").startOf("second");
      }
      /**
       * Subtracts one second from the current CronDate.
       * If the second is 0, it will subtract one minute instead.
       */
      subtractSecond() {
        this.#date = this.#date.minus({ seconds: 1 });
      }
      /**
       * Adds a unit of time to the current CronDate.
       * @param {TimeUnit} unit
       */
      addUnit(unit) {
        switch (unit) {
          case TimeUnit.Year:
            return this.addYear();
          case TimeUnit.Month:
            return this.addMonth();
          case TimeUnit.Day:
            return this.addDay();
          case TimeUnit.Hour:
            return this.addHour();
          case TimeUnit.Minute:
            return this.addMinute();
          case TimeUnit.Second:
            return this.addSecond();
        }
      }
      /**
       * Subtracts a unit of time from the current CronDate.
       * @param {TimeUnit} unit
       */
      subtractUnit(unit) {
        switch (unit) {
          case TimeUnit.Year:
            return this.subtractYear();
          case TimeUnit.Month:
            return this.subtractMonth();
          case TimeUnit.Day:
            return this.subtractDay();
          case TimeUnit.Hour:
            return this.subtractHour();
          case TimeUnit.Minute:
            return this.subtractMinute();
          case TimeUnit.Second:
            return this.subtractSecond();
        }
      }
      /**
       * Handles a math operation.
       * @param {DateMathOp} verb - {'add' | 'subtract'}
       * @param {TimeUnit} unit - {'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'}
       */
      invokeDateOperation(verb, unit) {
        if (verb === DateMathOp.Add) {
          this.addUnit(unit);
          return;
        }
        if (verb === DateMathOp.Subtract) {
          this.subtractUnit(unit);
          return;
        }
        throw new Error(`Invalid verb: ${verb}`);
      }
      /**
       * Returns the day.
       * @returns {number}
       */
      getDate() {
        return this.#date.day;
      }
      /**
       * Returns the year.
       * @returns {number}
       */
      getFullYear() {
        return this.#date.year;
      }
      /**
       * Returns the day of the week.
       * @returns {number}
       */
      getDay() {
        const weekday = this.#date.weekday;
        return weekday === 7 ? 0 : weekday;
      }
      /**
       * Returns the month.
       * @returns {number}
       */
      getMonth() {
        return this.#date.month - 1;
      }
      /**
       * Returns the hour.
       * @returns {number}
       */
      getHours() {
        return this.#date.hour;
      }
      /**
       * Returns the minutes.
       * @returns {number}
       */
      getMinutes() {
        return this.#date.minute;
      }
      /**
       * Returns the seconds.
       * @returns {number}
       */
      getSeconds() {
        return this.#date.second;
      }
      /**
       * Returns the milliseconds.
       * @returns {number}
       */
      getMilliseconds() {
        return this.#date.millisecond;
      }
      /**
       * Returns the timezone offset from UTC in minutes (e.g. UTC+2 => 120).
       * Useful for detecting DST transition days.
       *
       * @returns {number} UTC offset in minutes
       */
      getUTCOffset() {
        return this.#date.offset;
      }
      /**
       * Sets the time to the start of the day (00:00:00.000) in the current timezone.
       */
      setStartOfDay() {
        this.#date = this.#date.startOf("day");
      }
      /**
       * Sets the time to the end of the day (23:59:59.999) in the current timezone.
       */
      setEndOfDay() {
        this.#date = this.#date.endOf("day");
      }
      /**
       * Returns the time.
       * @returns {number}
       */
      getTime() {
        return this.#date.valueOf();
      }
      /**
       * Returns the UTC day.
       * @returns {number}
       */
      getUTCDate() {
        return this.#getUTC().day;
      }
      /**
       * Returns the UTC year.
       * @returns {number}
       */
      getUTCFullYear() {
        return this.#getUTC().year;
      }
      /**
       * Returns the UTC day of the week.
       * @returns {number}
       */
      getUTCDay() {
        const weekday = this.#getUTC().weekday;
        return weekday === 7 ? 0 : weekday;
      }
      /**
       * Returns the UTC month.
       * @returns {number}
       */
      getUTCMonth() {
        return this.#getUTC().month - 1;
      }
      /**
       * Returns the UTC hour.
       * @returns {number}
       */
      getUTCHours() {
        return this.#getUTC().hour;
      }
      /**
       * Returns the UTC minutes.
       * @returns {number}
       */
      getUTCMinutes() {
        return this.#getUTC().minute;
      }
      /**
       * Returns the UTC seconds.
       * @returns {number}
       */
      getUTCSeconds() {
        return this.#getUTC().second;
      }
      /**
       * Returns the UTC milliseconds.
       * @returns {string | null}
       */
      toISOString() {
        return this.#date.toUTC().toISO();
      }
      /**
       * Returns the date as a JSON string.
       * @returns {string | null}
       */
      toJSON() {
        return this.#date.toJSON();
      }
      /**
       * Sets a date unit, skipping the luxon `set` call when the value does not change.
       */
      #set(unit, value) {
        if (this.#date[unit] !== value) {
          this.#date = this.#date.set({ [unit]: value });
        }
      }
      /**
       * Sets the day.
       * @param d
       */
      setDate(d) {
        this.#set("day", d);
      }
      /**
       * Sets the year.
       * @param y
       */
      setFullYear(y) {
        this.#set("year", y);
      }
      /**
       * Sets the day of the week.
       * @param d
       */
      setDay(d) {
        this.#set("weekday", d);
      }
      /**
       * Sets the month.
       * @param m
       */
      setMonth(m) {
        this.#set("month", m + 1);
      }
      /**
       * Sets the hour.
       * @param h
       */
      setHours(h) {
        this.#set("hour", h);
      }
      /**
       * Sets the minutes.
       * @param m
       */
      setMinutes(m) {
        this.#set("minute", m);
      }
      /**
       * Sets the seconds.
       * @param s
       */
      setSeconds(s) {
        this.#set("second", s);
      }
      /**
       * Sets the milliseconds.
       * @param s
       */
      setMilliseconds(s) {
        this.#set("millisecond", s);
      }
      /**
       * Returns the date as a string.
       * @returns {string}
       */
      toString() {
        return this.toDate().toString();
      }
      /**
       * Returns the date as a Date object.
       * @returns {Date}
       */
      toDate() {
        return this.#date.toJSDate();
      }
      /**
       * Returns true if the day is the last day of the month.
       * @returns {boolean}
       */
      isLastDayOfMonth() {
        const { day, month } = this.#date;
        if (month === 2) {
          const isLeap = _CronDate.#isLeapYear(this.#date.year);
          return day === exports.DAYS_IN_MONTH[month - 1] - (isLeap ? 0 : 1);
        }
        return day === exports.DAYS_IN_MONTH[month - 1];
      }
      /**
       * Returns true if the day is the last weekday of the month.
       * @returns {boolean}
       */
      isLastWeekdayOfMonth() {
        const { day, month } = this.#date;
        let lastDay;
        if (month === 2) {
          lastDay = exports.DAYS_IN_MONTH[month - 1] - (_CronDate.#isLeapYear(this.#date.year) ? 0 : 1);
        } else {
          lastDay = exports.DAYS_IN_MONTH[month - 1];
        }
        return day > lastDay - 7;
      }
      /**
       * Primarily for internal use.
       * @param {DateMathOp} op - The operation to perform.
       * @param {TimeUnit} unit - The unit of time to use.
       * @param {number} [hoursLength] - The length of the hours. Used to skip the DST handling when every hour is scheduled.
       */
      applyDateOperation(op, unit, hoursLength) {
        if (unit === TimeUnit.Month || unit === TimeUnit.Day) {
          this.invokeDateOperation(op, unit);
          this.clearDstStart();
          if (op === DateMathOp.Add && hoursLength !== 24 && this.getHours() > 0) {
            this.#dstStart = 0;
            this.#dstStartLandingHour = this.getHours();
          }
          return;
        }
        const previousHour = this.getHours();
        const previousOffset = this.getUTCOffset();
        this.invokeDateOperation(op, unit);
        const currentHour = this.getHours();
        const advance = (currentHour - previousHour + 24) % 24;
        if (op === DateMathOp.Add && this.getUTCOffset() > previousOffset && advance >= 2) {
          if (hoursLength !== 24) {
            this.#dstStart = (previousHour + 1) % 24;
            this.#dstStartLandingHour = currentHour;
          }
        } else if (advance === 0 && this.getMinutes() === 0 && this.getSeconds() === 0) {
          if (hoursLength !== 24) {
            this.dstEnd = currentHour;
          }
        }
      }
      /**
       * Returns the UTC date.
       * @private
       * @returns {DateTime}
       */
      #getUTC() {
        return this.#date.toUTC();
      }
    };
    exports.CronDate = CronDate;
    exports.default = CronDate;
  }
});

// node_modules/cron-parser/dist/fields/CronMonth.js
var require_CronMonth = __commonJS({
  "node_modules/cron-parser/dist/fields/CronMonth.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronMonth = void 0;
    var CronDate_1 = require_CronDate();
    var CronField_1 = require_CronField();
    var MIN_MONTH = 1;
    var MAX_MONTH = 12;
    var MONTH_CHARS = Object.freeze([]);
    var CronMonth = class extends CronField_1.CronField {
      static get min() {
        return MIN_MONTH;
      }
      static get max() {
        return MAX_MONTH;
      }
      static get chars() {
        return MONTH_CHARS;
      }
      static get daysInMonth() {
        return CronDate_1.DAYS_IN_MONTH;
      }
      /**
       * CronDayOfMonth constructor. Initializes the "day of the month" field with the provided values.
       * @param {MonthRange[]} values - Values for the "day of the month" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
      }
      /**
       * Returns an array of allowed values for the "day of the month" field.
       * @returns {MonthRange[]}
       */
      get values() {
        return super.values;
      }
    };
    exports.CronMonth = CronMonth;
  }
});

// node_modules/cron-parser/dist/fields/CronDayOfMonth.js
var require_CronDayOfMonth = __commonJS({
  "node_modules/cron-parser/dist/fields/CronDayOfMonth.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronDayOfMonth = void 0;
    var CronField_1 = require_CronField();
    var CronMonth_1 = require_CronMonth();
    var MIN_DAY = 1;
    var MAX_DAY = 31;
    var DAY_CHARS = Object.freeze(["L"]);
    var CronDayOfMonth = class _CronDayOfMonth extends CronField_1.CronField {
      /**
       * Creates a "day of the month" field limited to the days the given month has.
       * @param {MonthRange[]} month - Values for the "month" field the days are used with
       * @param {DayOfMonthRange[]} values - Values for the "day of the month" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       * @returns {CronDayOfMonth}
       */
      static fromMonth(month, values, options) {
        if (month.length !== 1) {
          return new _CronDayOfMonth(values, options);
        }
        const daysInMonth = CronMonth_1.CronMonth.daysInMonth[month[0] - 1];
        const days = values.filter((value) => typeof value !== "number" || value <= daysInMonth);
        return new _CronDayOfMonth(days.length > 0 ? days : values, options);
      }
      static get min() {
        return MIN_DAY;
      }
      static get max() {
        return MAX_DAY;
      }
      static get chars() {
        return DAY_CHARS;
      }
      static get validChars() {
        return /^[?,*\dLH/-]+$|^.*H\(\d+-\d+\)\/\d+.*$|^.*H\(\d+-\d+\).*$|^.*H\/\d+.*$/;
      }
      /**
       * CronDayOfMonth constructor. Initializes the "day of the month" field with the provided values.
       * @param {DayOfMonthRange[]} values - Values for the "day of the month" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       * @throws {Error} if validation fails
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
      }
      /**
       * Returns an array of allowed values for the "day of the month" field.
       * @returns {DayOfMonthRange[]}
       */
      get values() {
        return super.values;
      }
    };
    exports.CronDayOfMonth = CronDayOfMonth;
  }
});

// node_modules/cron-parser/dist/fields/CronDayOfWeek.js
var require_CronDayOfWeek = __commonJS({
  "node_modules/cron-parser/dist/fields/CronDayOfWeek.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronDayOfWeek = void 0;
    var CronField_1 = require_CronField();
    var MIN_DAY = 0;
    var MAX_DAY = 7;
    var DAY_CHARS = Object.freeze(["L"]);
    var CronDayOfWeek = class extends CronField_1.CronField {
      static get min() {
        return MIN_DAY;
      }
      static get max() {
        return MAX_DAY;
      }
      static get chars() {
        return DAY_CHARS;
      }
      static isValidChar(value) {
        return /^[0-7]?L$/.test(value);
      }
      static get validChars() {
        return /^[?,*\dLH#/-]+$|^.*H\(\d+-\d+\)\/\d+.*$|^.*H\(\d+-\d+\).*$|^.*H\/\d+.*$/;
      }
      /**
       * CronDayOfTheWeek constructor. Initializes the "day of the week" field with the provided values.
       * @param {DayOfWeekRange[]} values - Values for the "day of the week" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
        if (this.values.some((value) => value === "L")) {
          throw new Error(`${this.constructor.name} Validation error, unexpected standalone L`);
        }
      }
      /**
       * Returns an array of allowed values for the "day of the week" field.
       * @returns {DayOfWeekRange[]}
       */
      get values() {
        return super.values;
      }
      /**
       * Returns the nth day of the week if specified in the cron expression.
       * This is used for the '#' character in the cron expression.
       * @returns {number} The nth day of the week (1-5) or 0 if not specified.
       */
      get nthDay() {
        return this.options.nthDayOfWeek ?? 0;
      }
    };
    exports.CronDayOfWeek = CronDayOfWeek;
  }
});

// node_modules/cron-parser/dist/fields/CronHour.js
var require_CronHour = __commonJS({
  "node_modules/cron-parser/dist/fields/CronHour.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronHour = void 0;
    var CronField_1 = require_CronField();
    var MIN_HOUR = 0;
    var MAX_HOUR = 23;
    var HOUR_CHARS = Object.freeze([]);
    var CronHour = class extends CronField_1.CronField {
      static get min() {
        return MIN_HOUR;
      }
      static get max() {
        return MAX_HOUR;
      }
      static get chars() {
        return HOUR_CHARS;
      }
      /**
       * CronHour constructor. Initializes the "hour" field with the provided values.
       * @param {HourRange[]} values - Values for the "hour" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
      }
      /**
       * Returns an array of allowed values for the "hour" field.
       * @returns {HourRange[]}
       */
      get values() {
        return super.values;
      }
    };
    exports.CronHour = CronHour;
  }
});

// node_modules/cron-parser/dist/fields/CronMinute.js
var require_CronMinute = __commonJS({
  "node_modules/cron-parser/dist/fields/CronMinute.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronMinute = void 0;
    var CronField_1 = require_CronField();
    var MIN_MINUTE = 0;
    var MAX_MINUTE = 59;
    var MINUTE_CHARS = Object.freeze([]);
    var CronMinute = class extends CronField_1.CronField {
      static get min() {
        return MIN_MINUTE;
      }
      static get max() {
        return MAX_MINUTE;
      }
      static get chars() {
        return MINUTE_CHARS;
      }
      /**
       * CronSecond constructor. Initializes the "second" field with the provided values.
       * @param {SixtyRange[]} values - Values for the "second" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
      }
      /**
       * Returns an array of allowed values for the "second" field.
       * @returns {SixtyRange[]}
       */
      get values() {
        return super.values;
      }
    };
    exports.CronMinute = CronMinute;
  }
});

// node_modules/cron-parser/dist/fields/CronSecond.js
var require_CronSecond = __commonJS({
  "node_modules/cron-parser/dist/fields/CronSecond.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronSecond = void 0;
    var CronField_1 = require_CronField();
    var MIN_SECOND = 0;
    var MAX_SECOND = 59;
    var SECOND_CHARS = Object.freeze([]);
    var CronSecond = class extends CronField_1.CronField {
      static get min() {
        return MIN_SECOND;
      }
      static get max() {
        return MAX_SECOND;
      }
      static get chars() {
        return SECOND_CHARS;
      }
      /**
       * CronSecond constructor. Initializes the "second" field with the provided values.
       * @param {SixtyRange[]} values - Values for the "second" field
       * @param {CronFieldOptions} [options] - Options provided by the parser
       */
      constructor(values, options) {
        super(values, options);
        this.validate();
      }
      /**
       * Returns an array of allowed values for the "second" field.
       * @returns {SixtyRange[]}
       */
      get values() {
        return super.values;
      }
    };
    exports.CronSecond = CronSecond;
  }
});

// node_modules/cron-parser/dist/fields/index.js
var require_fields = __commonJS({
  "node_modules/cron-parser/dist/fields/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_types(), exports);
    __exportStar(require_CronDayOfMonth(), exports);
    __exportStar(require_CronDayOfWeek(), exports);
    __exportStar(require_CronField(), exports);
    __exportStar(require_CronHour(), exports);
    __exportStar(require_CronMinute(), exports);
    __exportStar(require_CronMonth(), exports);
    __exportStar(require_CronSecond(), exports);
  }
});

// node_modules/cron-parser/dist/CronFieldCollection.js
var require_CronFieldCollection = __commonJS({
  "node_modules/cron-parser/dist/CronFieldCollection.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronFieldCollection = void 0;
    var fields_1 = require_fields();
    var CronFieldCollection = class _CronFieldCollection {
      #second;
      #minute;
      #hour;
      #dayOfMonth;
      #month;
      #dayOfWeek;
      /**
       * Creates a new CronFieldCollection instance by partially overriding fields from an existing one.
       * @param {CronFieldCollection} base - The base CronFieldCollection to copy fields from
       * @param {CronFieldOverride} fields - The fields to override, can be CronField instances or raw values
       * @returns {CronFieldCollection} A new CronFieldCollection instance
       * @example
       * const base = new CronFieldCollection({
       *   second: new CronSecond([0]),
       *   minute: new CronMinute([0]),
       *   hour: new CronHour([12]),
       *   dayOfMonth: new CronDayOfMonth([1]),
       *   month: new CronMonth([1]),
       *   dayOfWeek: new CronDayOfWeek([1])
       * });
       *
       * // Using CronField instances
       * const modified1 = CronFieldCollection.from(base, {
       *   hour: new CronHour([15]),
       *   minute: new CronMinute([30])
       * });
       *
       * // Using raw values
       * const modified2 = CronFieldCollection.from(base, {
       *   hour: [15],        // Will create new CronHour
       *   minute: [30]       // Will create new CronMinute
       * });
       */
      static from(base, fields) {
        return new _CronFieldCollection({
          second: this.resolveField(fields_1.CronSecond, base.second, fields.second),
          minute: this.resolveField(fields_1.CronMinute, base.minute, fields.minute),
          hour: this.resolveField(fields_1.CronHour, base.hour, fields.hour),
          dayOfMonth: this.resolveField(fields_1.CronDayOfMonth, base.dayOfMonth, fields.dayOfMonth),
          month: this.resolveField(fields_1.CronMonth, base.month, fields.month),
          dayOfWeek: this.resolveField(fields_1.CronDayOfWeek, base.dayOfWeek, fields.dayOfWeek)
        });
      }
      /**
       * Resolves a field value, either using the provided CronField instance or creating a new one from raw values.
       * @param constructor - The constructor for creating new field instances
       * @param baseField - The base field to use if no override is provided
       * @param fieldValue - The override value, either a CronField instance or raw values
       * @returns The resolved CronField instance
       * @private
       */
      static resolveField(constructor, baseField, fieldValue) {
        if (!fieldValue) {
          return baseField;
        }
        if (fieldValue instanceof fields_1.CronField) {
          return fieldValue;
        }
        return new constructor(fieldValue);
      }
      /**
       * CronFieldCollection constructor. Initializes the cron fields with the provided values.
       * @param {CronFields} param0 - The cron fields values
       * @throws {Error} if validation fails
       * @example
       * const cronFields = new CronFieldCollection({
       *   second: new CronSecond([0]),
       *   minute: new CronMinute([0, 30]),
       *   hour: new CronHour([9]),
       *   dayOfMonth: new CronDayOfMonth([15]),
       *   month: new CronMonth([1]),
       *   dayOfWeek: new CronDayOfTheWeek([1, 2, 3, 4, 5]),
       * })
       *
       * console.log(cronFields.second.values); // [0]
       * console.log(cronFields.minute.values); // [0, 30]
       * console.log(cronFields.hour.values); // [9]
       * console.log(cronFields.dayOfMonth.values); // [15]
       * console.log(cronFields.month.values); // [1]
       * console.log(cronFields.dayOfWeek.values); // [1, 2, 3, 4, 5]
       */
      constructor({ second, minute, hour, dayOfMonth, month, dayOfWeek }) {
        if (!second) {
          throw new Error("Validation error, Field second is missing");
        }
        if (!minute) {
          throw new Error("Validation error, Field minute is missing");
        }
        if (!hour) {
          throw new Error("Validation error, Field hour is missing");
        }
        if (!dayOfMonth) {
          throw new Error("Validation error, Field dayOfMonth is missing");
        }
        if (!month) {
          throw new Error("Validation error, Field month is missing");
        }
        if (!dayOfWeek) {
          throw new Error("Validation error, Field dayOfWeek is missing");
        }
        if (!dayOfMonth.hasLastChar && dayOfWeek.isWildcard) {
          const longestMonth = Math.max(...month.values.map((value) => fields_1.CronMonth.daysInMonth[value - 1]));
          if (!(parseInt(dayOfMonth.values[0], 10) <= longestMonth)) {
            throw new Error("Invalid explicit day of month definition");
          }
        }
        this.#second = second;
        this.#minute = minute;
        this.#hour = hour;
        this.#month = month;
        this.#dayOfWeek = dayOfWeek;
        this.#dayOfMonth = dayOfMonth;
      }
      /**
       * Returns the second field.
       * @returns {CronSecond}
       */
      get second() {
        return this.#second;
      }
      /**
       * Returns the minute field.
       * @returns {CronMinute}
       */
      get minute() {
        return this.#minute;
      }
      /**
       * Returns the hour field.
       * @returns {CronHour}
       */
      get hour() {
        return this.#hour;
      }
      /**
       * Returns the day of the month field.
       * @returns {CronDayOfMonth}
       */
      get dayOfMonth() {
        return this.#dayOfMonth;
      }
      /**
       * Returns the month field.
       * @returns {CronMonth}
       */
      get month() {
        return this.#month;
      }
      /**
       * Returns the day of the week field.
       * @returns {CronDayOfWeek}
       */
      get dayOfWeek() {
        return this.#dayOfWeek;
      }
      /**
       * Returns a string representation of the cron fields.
       * @param {(number | CronChars)[]} input - The cron fields values
       * @static
       * @returns {FieldRange[]} - The compacted cron fields
       */
      static compactField(input) {
        if (input.length === 0) {
          return [];
        }
        const output = [];
        let current = void 0;
        input.forEach((item, i, arr) => {
          if (current === void 0) {
            current = { start: item, count: 1 };
            return;
          }
          const prevItem = arr[i - 1] || current.start;
          const nextItem = arr[i + 1];
          if (item === "L" || item === "W") {
            output.push(current);
            output.push({ start: item, count: 1 });
            current = void 0;
            return;
          }
          if (current.step === void 0 && nextItem !== void 0) {
            const step = item - prevItem;
            const nextStep = nextItem - item;
            if (step <= nextStep) {
              current = { ...current, count: 2, end: item, step };
              return;
            }
            current.step = 1;
          }
          if (item - (current.end ?? 0) === current.step) {
            current.count++;
            current.end = item;
          } else {
            if (current.count === 1) {
              output.push({ start: current.start, count: 1 });
            } else if (current.count === 2) {
              output.push({ start: current.start, count: 1 });
              output.push({
                start: current.end ?? /* istanbul ignore next - see above */
                prevItem,
                count: 1
              });
            } else {
              output.push(current);
            }
            current = { start: item, count: 1 };
          }
        });
        if (current) {
          output.push(current);
        }
        return output;
      }
      /**
       * Handles a single range.
       * @param {CronField} field - The cron field to stringify
       * @param {FieldRange} range {start: number, end: number, step: number, count: number} The range to handle.
       * @param {number} max The maximum value for the field.
       * @returns {string | null} The stringified range or null if it cannot be stringified.
       * @private
       */
      static #handleSingleRange(field, range, max) {
        const step = range.step;
        if (!step) {
          return null;
        }
        if (step === 1 && range.start === field.min && range.end && range.end >= max) {
          const isDayField = field instanceof fields_1.CronDayOfMonth || field instanceof fields_1.CronDayOfWeek;
          if (isDayField && !field.isWildcard) {
            return null;
          }
          return field.hasQuestionMarkChar ? "?" : "*";
        }
        if (step !== 1 && range.start === field.min && range.end && range.end >= max - step + 1) {
          return `*/${step}`;
        }
        return null;
      }
      /**
       * Handles multiple ranges.
       * @param {FieldRange} range {start: number, end: number, step: number, count: number} The range to handle.
       * @returns {string} The stringified range.
       * @private
       */
      static #handleMultipleRanges(range) {
        const step = range.step;
        if (step === 1) {
          return `${range.start}-${range.end}`;
        }
        const multiplier = range.start === 0 ? range.count - 1 : range.count;
        if (!step) {
          throw new Error("Unexpected range step");
        }
        if (!range.end) {
          throw new Error("Unexpected range end");
        }
        if (step * multiplier > range.end) {
          const mapFn = (_, index) => {
            if (typeof range.start !== "number") {
              throw new Error("Unexpected range start");
            }
            return index % step === 0 ? range.start + index : null;
          };
          if (typeof range.start !== "number") {
            throw new Error("Unexpected range start");
          }
          const seed = { length: range.end - range.start + 1 };
          return Array.from(seed, mapFn).filter((value) => value !== null).join(",");
        }
        return `${range.start}-${range.end}/${step}`;
      }
      /**
       * Returns a string representation of the cron fields.
       * @param {CronField} field - The cron field to stringify
       * @static
       * @returns {string} - The stringified cron field
       */
      stringifyField(field) {
        let max = field.max;
        let values = field.values;
        if (field instanceof fields_1.CronDayOfWeek) {
          max = 6;
          const dayOfWeek = this.#dayOfWeek.values;
          values = dayOfWeek[dayOfWeek.length - 1] === 7 ? dayOfWeek.slice(0, -1) : dayOfWeek;
        }
        if (field instanceof fields_1.CronDayOfMonth) {
          max = this.#month.values.length === 1 ? fields_1.CronMonth.daysInMonth[this.#month.values[0] - 1] : field.max;
        }
        const ranges = _CronFieldCollection.compactField(values);
        if (ranges.length === 1) {
          const singleRangeResult = _CronFieldCollection.#handleSingleRange(field, ranges[0], max);
          if (singleRangeResult) {
            return singleRangeResult;
          }
        }
        return ranges.map((range) => {
          const value = range.count === 1 ? range.start.toString() : _CronFieldCollection.#handleMultipleRanges(range);
          if (field instanceof fields_1.CronDayOfWeek && field.nthDay > 0) {
            return `${value}#${field.nthDay}`;
          }
          return value;
        }).join(",");
      }
      /**
       * Returns a string representation of the cron field values.
       * @param {boolean} includeSeconds - Whether to include seconds in the output
       * @returns {string} The formatted cron string
       */
      stringify(includeSeconds = false) {
        const arr = [];
        if (includeSeconds) {
          arr.push(this.stringifyField(this.#second));
        }
        arr.push(
          this.stringifyField(this.#minute),
          // minute
          this.stringifyField(this.#hour),
          // hour
          this.stringifyField(this.#dayOfMonth),
          // dayOfMonth
          this.stringifyField(this.#month),
          // month
          this.stringifyField(this.#dayOfWeek)
        );
        return arr.join(" ");
      }
      /**
       * Returns a serialized representation of the cron fields values.
       * @returns {SerializedCronFields} An object containing the cron field values
       */
      serialize() {
        return {
          second: this.#second.serialize(),
          minute: this.#minute.serialize(),
          hour: this.#hour.serialize(),
          dayOfMonth: this.#dayOfMonth.serialize(),
          month: this.#month.serialize(),
          dayOfWeek: this.#dayOfWeek.serialize()
        };
      }
    };
    exports.CronFieldCollection = CronFieldCollection;
  }
});

// node_modules/cron-parser/dist/CronExpression.js
var require_CronExpression = __commonJS({
  "node_modules/cron-parser/dist/CronExpression.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronExpression = exports.LOOPS_LIMIT_EXCEEDED_ERROR_MESSAGE = exports.TIME_SPAN_OUT_OF_BOUNDS_ERROR_MESSAGE = void 0;
    var CronDate_1 = require_CronDate();
    exports.TIME_SPAN_OUT_OF_BOUNDS_ERROR_MESSAGE = "Out of the time span range";
    exports.LOOPS_LIMIT_EXCEEDED_ERROR_MESSAGE = "Invalid expression, loop limit exceeded";
    var LOOP_LIMIT = 1e4;
    var CronExpression = class _CronExpression {
      #options;
      #tz;
      #initialDate;
      #currentDate;
      #startDate;
      #endDate;
      #fields;
      #dstTransitionDayKey = null;
      #isDstTransitionDay = false;
      /**
       * Creates a new CronExpression instance.
       *
       * @param {CronFieldCollection} fields - Cron fields.
       * @param {CronExpressionOptions} options - Parser options.
       */
      constructor(fields, options) {
        this.#options = options;
        this.#tz = options.tz;
        this.#startDate = options.startDate != null ? new CronDate_1.CronDate(options.startDate, this.#tz) : null;
        this.#endDate = options.endDate != null ? new CronDate_1.CronDate(options.endDate, this.#tz) : null;
        let currentDateValue = options.currentDate ?? options.startDate;
        if (currentDateValue != null) {
          const tempCurrentDate = new CronDate_1.CronDate(currentDateValue, this.#tz);
          if (this.#startDate && tempCurrentDate.getTime() < this.#startDate.getTime()) {
            currentDateValue = this.#startDate;
          } else if (this.#endDate && tempCurrentDate.getTime() > this.#endDate.getTime()) {
            currentDateValue = this.#endDate;
          }
        }
        this.#initialDate = new CronDate_1.CronDate(currentDateValue, this.#tz);
        this.#currentDate = this.#initialDate;
        this.#fields = fields;
      }
      /**
       * Getter for the cron fields.
       *
       * @returns {CronFieldCollection} Cron fields.
       */
      get fields() {
        return this.#fields;
      }
      /**
       * Converts cron fields back to a CronExpression instance.
       *
       * @public
       * @param {Record<string, number[]>} fields - The input cron fields object.
       * @param {CronExpressionOptions} [options] - Optional parsing options.
       * @returns {CronExpression} - A new CronExpression instance.
       */
      static fieldsToExpression(fields, options) {
        return new _CronExpression(fields, options || {});
      }
      /**
       * Checks if the given value matches any element in the sequence.
       *
       * @param {number} value - The value to be matched.
       * @param {number[]} sequence - The sequence to be checked against.
       * @returns {boolean} - True if the value matches an element in the sequence; otherwise, false.
       * @memberof CronExpression
       * @private
       */
      static #matchSchedule(value, sequence) {
        return sequence.some((element) => element === value);
      }
      /**
       * Returns the minimum or maximum value from the given array of numbers.
       *
       * @param {number[]} values - An array of numbers.
       * @param {boolean} reverse - If true, returns the maximum value; otherwise, returns the minimum value.
       * @returns {number} - The minimum or maximum value.
       */
      #getMinOrMax(values, reverse) {
        return values[reverse ? values.length - 1 : 0];
      }
      /**
       * Checks whether the given date falls on a DST transition day in its timezone.
       *
       * This is used to disable certain “direct set” fast paths on DST days, because setting the hour
       * directly may land on a non-existent or repeated local time. We cache the result per calendar day
       * to keep iteration overhead low.
       *
       * @param {CronDate} currentDate - Date to check (in the cron timezone)
       * @returns {boolean} True when the day has a DST transition
       * @private
       */
      #checkDstTransition(currentDate) {
        const key = `${currentDate.getFullYear()}-${currentDate.getMonth() + 1}-${currentDate.getDate()}`;
        if (this.#dstTransitionDayKey === key) {
          return this.#isDstTransitionDay;
        }
        const startOfDay = new CronDate_1.CronDate(currentDate);
        startOfDay.setStartOfDay();
        const endOfDay = new CronDate_1.CronDate(currentDate);
        endOfDay.setEndOfDay();
        this.#dstTransitionDayKey = key;
        this.#isDstTransitionDay = startOfDay.getUTCOffset() !== endOfDay.getUTCOffset();
        return this.#isDstTransitionDay;
      }
      /**
       * Moves the date to the next/previous allowed second value. If there is no remaining allowed second
       * within the current minute, rolls to the next/previous minute and resets seconds to the min/max allowed.
       *
       * @param {CronDate} currentDate - Mutable date being iterated
       * @param {DateMathOp} dateMathVerb - Add/Subtract depending on direction
       * @param {boolean} reverse - When true, iterating backwards
       * @private
       */
      #moveToNextSecond(currentDate, dateMathVerb, reverse) {
        const seconds4 = this.#fields.second.values;
        const currentSecond = currentDate.getSeconds();
        const nextSecond = this.#fields.second.findNearestValue(currentSecond, reverse);
        if (nextSecond !== null) {
          currentDate.setSeconds(nextSecond);
          return;
        }
        currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Minute, this.#fields.hour.values.length);
        currentDate.setSeconds(this.#getMinOrMax(seconds4, reverse));
      }
      /**
       * Moves the date to the next/previous allowed minute value and resets seconds to the min/max allowed.
       * If there is no remaining allowed minute within the current hour, rolls to the next/previous hour and
       * resets minutes/seconds to their extrema.
       *
       * @param {CronDate} currentDate - Mutable date being iterated
       * @param {DateMathOp} dateMathVerb - Add/Subtract depending on direction
       * @param {boolean} reverse - When true, iterating backwards
       * @private
       */
      #moveToNextMinute(currentDate, dateMathVerb, reverse) {
        const minutes = this.#fields.minute.values;
        const seconds4 = this.#fields.second.values;
        const currentMinute = currentDate.getMinutes();
        const nextMinute = this.#fields.minute.findNearestValue(currentMinute, reverse);
        if (nextMinute !== null) {
          currentDate.setMinutes(nextMinute);
          currentDate.setSeconds(this.#getMinOrMax(seconds4, reverse));
          return;
        }
        currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Hour, this.#fields.hour.values.length);
        currentDate.setMinutes(this.#getMinOrMax(minutes, reverse));
        currentDate.setSeconds(this.#getMinOrMax(seconds4, reverse));
      }
      /**
       * Determines if the current date matches the last specified weekday of the month.
       *
       * @param {Array<(number|string)>} expressions - An array of expressions containing weekdays and "L" for the last weekday.
       * @param {CronDate} currentDate - The current date object.
       * @returns {boolean} - True if the current date matches the last specified weekday of the month; otherwise, false.
       * @memberof CronExpression
       * @private
       */
      static #isLastWeekdayOfMonthMatch(expressions, currentDate) {
        if (!currentDate.isLastWeekdayOfMonth()) {
          return false;
        }
        const day = currentDate.getDay();
        return expressions.some((expression) => day === parseInt(expression.toString().charAt(0), 10) % 7);
      }
      /**
       * Determines if the current date matches the nth occurrence of a weekday in the month.
       *
       * @param {number} nthDay - The nth occurrence (1-5) from a `#` expression; values <= 0 mean no nth constraint.
       * @param {CronDate} currentDate - The current date object.
       * @returns {boolean} - True if there is no nth constraint, or the current date is the nth occurrence of its weekday; otherwise, false.
       * @memberof CronExpression
       * @private
       */
      static #isNthWeekdayOfMonthMatch(nthDay, currentDate) {
        return nthDay <= 0 || Math.ceil(currentDate.getDate() / 7) === nthDay;
      }
      /**
       * Find the next scheduled date based on the cron expression.
       * @returns {CronDate} - The next scheduled date or an ES6 compatible iterator object.
       * @memberof CronExpression
       * @public
       */
      next() {
        return this.#findSchedule();
      }
      /**
       * Find the previous scheduled date based on the cron expression.
       * @returns {CronDate} - The previous scheduled date or an ES6 compatible iterator object.
       * @memberof CronExpression
       * @public
       */
      prev() {
        return this.#findSchedule(true);
      }
      /**
       * Check if there is a next scheduled date based on the current date and cron expression.
       * @returns {boolean} - Returns true if there is a next scheduled date, false otherwise.
       * @memberof CronExpression
       * @public
       */
      hasNext() {
        const current = this.#currentDate;
        try {
          this.#findSchedule();
          return true;
        } catch {
          return false;
        } finally {
          this.#currentDate = current;
        }
      }
      /**
       * Check if there is a previous scheduled date based on the current date and cron expression.
       * @returns {boolean} - Returns true if there is a previous scheduled date, false otherwise.
       * @memberof CronExpression
       * @public
       */
      hasPrev() {
        const current = this.#currentDate;
        try {
          this.#findSchedule(true);
          return true;
        } catch {
          return false;
        } finally {
          this.#currentDate = current;
        }
      }
      /**
       * Iterate over a specified number of steps and optionally execute a callback function for each step.
       * @param {number} steps - The number of steps to iterate. Positive value iterates forward, negative value iterates backward.
       * @returns {CronDate[]} - An array of iterator fields or CronDate objects.
       * @memberof CronExpression
       * @public
       */
      take(limit) {
        const items = [];
        if (limit >= 0) {
          for (let i = 0; i < limit; i++) {
            try {
              items.push(this.next());
            } catch {
              return items;
            }
          }
        } else {
          for (let i = 0; i > limit; i--) {
            try {
              items.push(this.prev());
            } catch {
              return items;
            }
          }
        }
        return items;
      }
      /**
       * Reset the iterator to a new date or its initial date after applying the configured range.
       * @param {Date | CronDate} [newDate] - Optional new date to reset to. If not provided, it will reset to the initial date.
       * @memberof CronExpression
       * @public
       */
      reset(newDate) {
        this.#currentDate = newDate ? new CronDate_1.CronDate(newDate, this.#tz) : this.#initialDate;
      }
      /**
       * Generate a string representation of the cron expression.
       * @param {boolean} [includeSeconds=false] - Whether to include the seconds field in the string representation.
       * @returns {string} - The string representation of the cron expression.
       * @memberof CronExpression
       * @public
       */
      stringify(includeSeconds = false) {
        return this.#fields.stringify(includeSeconds);
      }
      /**
       * Check if the cron expression includes the given date
       * @param {Date|CronDate} date
       * @returns {boolean}
       */
      includesDate(date) {
        const { second, minute, hour, month } = this.#fields;
        const dt = new CronDate_1.CronDate(date, this.#tz);
        if (!second.values.includes(dt.getSeconds()) || !minute.values.includes(dt.getMinutes()) || !hour.values.includes(dt.getHours()) || !month.values.includes(dt.getMonth() + 1)) {
          return false;
        }
        if (!this.#matchDayOfMonth(dt)) {
          return false;
        }
        return true;
      }
      /**
       * Returns the string representation of the cron expression.
       * @returns {CronDate} - The next schedule date.
       */
      toString() {
        return this.#options.expression || this.stringify(true);
      }
      /**
       * Determines if the given date matches the cron expression's day of month and day of week fields.
       *
       * The function checks the following rules:
       * Rule 1: If both "day of month" and "day of week" are restricted (not wildcard), then one or both must match the current day.
       * Rule 2: If "day of month" is restricted and "day of week" is not restricted, then "day of month" must match the current day.
       * Rule 3: If "day of month" is a wildcard, "day of week" is not a wildcard, and "day of week" matches the current day, then the match is accepted.
       * In all rules, a "day of week" match also honors an nth-occurrence (`#`) constraint (e.g. `5#3` = the 3rd Friday) and the last-weekday (`L`) form.
       * If none of the rules match, the match is rejected.
       *
       * @param {CronDate} currentDate - The current date to be evaluated against the cron expression.
       * @returns {boolean} Returns true if the current date matches the cron expression's day of month and day of week fields, otherwise false.
       * @memberof CronExpression
       * @private
       */
      #matchDayOfMonth(currentDate) {
        const isDayOfMonthWildcardMatch = this.#fields.dayOfMonth.isWildcard;
        const isRestrictedDayOfMonth = !isDayOfMonthWildcardMatch;
        const isDayOfWeekWildcardMatch = this.#fields.dayOfWeek.isWildcard;
        const isRestrictedDayOfWeek = !isDayOfWeekWildcardMatch;
        const matchedDOM = _CronExpression.#matchSchedule(currentDate.getDate(), this.#fields.dayOfMonth.values) || this.#fields.dayOfMonth.hasLastChar && currentDate.isLastDayOfMonth();
        const nthDay = this.#fields.dayOfWeek.nthDay;
        const matchedDOW = _CronExpression.#matchSchedule(currentDate.getDay(), this.#fields.dayOfWeek.values) && _CronExpression.#isNthWeekdayOfMonthMatch(nthDay, currentDate) || this.#fields.dayOfWeek.hasLastChar && _CronExpression.#isLastWeekdayOfMonthMatch(this.#fields.dayOfWeek.values, currentDate);
        if (isRestrictedDayOfMonth && isRestrictedDayOfWeek && (matchedDOM || matchedDOW)) {
          return true;
        }
        if (matchedDOM && !isRestrictedDayOfWeek) {
          return true;
        }
        if (isDayOfMonthWildcardMatch && !isDayOfWeekWildcardMatch && matchedDOW) {
          return true;
        }
        return false;
      }
      /**
       * Determines if the current hour matches the cron expression.
       *
       * @param {CronDate} currentDate - The current date object.
       * @param {DateMathOp} dateMathVerb - The date math operation enumeration value.
       * @param {boolean} reverse - A flag indicating whether the matching should be done in reverse order.
       * @returns {boolean} - True if the current hour matches the cron expression; otherwise, false.
       */
      #matchHour(currentDate, dateMathVerb, reverse) {
        const hourValues = this.#fields.hour.values;
        const hours = hourValues;
        const currentHour = currentDate.getHours();
        const isMatch = _CronExpression.#matchSchedule(currentHour, hourValues);
        const isDstEnd = currentDate.dstEnd === currentHour;
        if (currentDate.dstStart !== null && currentDate.dstStartLandingHour === currentHour) {
          for (let skipped = currentDate.dstStart; skipped !== currentHour; skipped = (skipped + 1) % 24) {
            if (_CronExpression.#matchSchedule(skipped, hourValues)) {
              return true;
            }
          }
        }
        if (isDstEnd && !reverse) {
          currentDate.dstEnd = null;
          currentDate.applyDateOperation(CronDate_1.DateMathOp.Add, CronDate_1.TimeUnit.Hour, hours.length);
          return false;
        }
        if (isMatch) {
          return true;
        }
        currentDate.clearDstStart();
        const nextHour = this.#fields.hour.findNearestValue(currentHour, reverse);
        if (nextHour === null) {
          currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Day, hours.length);
          return false;
        }
        if (this.#checkDstTransition(currentDate)) {
          const steps = reverse ? currentHour - nextHour : nextHour - currentHour;
          for (let i = 0; i < steps; i++) {
            currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Hour, hours.length);
            if (!reverse && currentDate.getHours() >= nextHour)
              break;
            if (reverse && currentDate.getHours() <= nextHour)
              break;
          }
        } else {
          currentDate.setHours(nextHour);
        }
        currentDate.setMinutes(this.#getMinOrMax(this.#fields.minute.values, reverse));
        currentDate.setSeconds(this.#getMinOrMax(this.#fields.second.values, reverse));
        return false;
      }
      /**
       * Validates the current date against the start and end dates of the cron expression.
       * If the current date is outside the specified time span, an error is thrown.
       *
       * @param currentDate {CronDate} - The current date to validate.
       * @throws {Error} If the current date is outside the specified time span.
       * @private
       */
      #validateTimeSpan(currentDate) {
        if (!this.#startDate && !this.#endDate) {
          return;
        }
        const currentTime = currentDate.getTime();
        if (this.#startDate && currentTime < this.#startDate.getTime()) {
          throw new Error(exports.TIME_SPAN_OUT_OF_BOUNDS_ERROR_MESSAGE);
        }
        if (this.#endDate && currentTime > this.#endDate.getTime()) {
          throw new Error(exports.TIME_SPAN_OUT_OF_BOUNDS_ERROR_MESSAGE);
        }
      }
      /**
       * Finds the next or previous schedule based on the cron expression.
       *
       * @param {boolean} [reverse=false] - If true, finds the previous schedule; otherwise, finds the next schedule.
       * @returns {CronDate} - The next or previous schedule date.
       * @private
       */
      #findSchedule(reverse = false) {
        const dateMathVerb = reverse ? CronDate_1.DateMathOp.Subtract : CronDate_1.DateMathOp.Add;
        const currentDate = new CronDate_1.CronDate(this.#currentDate);
        const startTimestamp = currentDate.getTime();
        if (currentDate.getMilliseconds() > 0) {
          currentDate.setMilliseconds(0);
          if (!reverse) {
            currentDate.applyDateOperation(CronDate_1.DateMathOp.Add, CronDate_1.TimeUnit.Second, this.#fields.hour.values.length);
          }
        }
        let stepCount = 0;
        while (++stepCount < LOOP_LIMIT) {
          this.#validateTimeSpan(currentDate);
          if (!_CronExpression.#matchSchedule(currentDate.getMonth() + 1, this.#fields.month.values)) {
            currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Month, this.#fields.hour.values.length);
            continue;
          }
          if (!this.#matchDayOfMonth(currentDate)) {
            currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Day, this.#fields.hour.values.length);
            continue;
          }
          if (!this.#matchHour(currentDate, dateMathVerb, reverse)) {
            continue;
          }
          if (!_CronExpression.#matchSchedule(currentDate.getMinutes(), this.#fields.minute.values)) {
            this.#moveToNextMinute(currentDate, dateMathVerb, reverse);
            continue;
          }
          if (!_CronExpression.#matchSchedule(currentDate.getSeconds(), this.#fields.second.values)) {
            this.#moveToNextSecond(currentDate, dateMathVerb, reverse);
            continue;
          }
          if (startTimestamp === currentDate.getTime()) {
            currentDate.applyDateOperation(dateMathVerb, CronDate_1.TimeUnit.Second, this.#fields.hour.values.length);
            continue;
          }
          break;
        }
        if (stepCount >= LOOP_LIMIT) {
          throw new Error(exports.LOOPS_LIMIT_EXCEEDED_ERROR_MESSAGE);
        }
        this.#currentDate = currentDate;
        return currentDate;
      }
      /**
       * Returns an iterator for iterating through future CronDate instances
       *
       * @name Symbol.iterator
       * @memberof CronExpression
       * @returns {Iterator<CronDate>} An iterator object for CronExpression that returns CronDate values.
       */
      [Symbol.iterator]() {
        return {
          next: () => {
            try {
              const schedule = this.#findSchedule();
              return { value: schedule, done: false };
            } catch {
              return { value: void 0, done: true };
            }
          }
        };
      }
    };
    exports.CronExpression = CronExpression;
    exports.default = CronExpression;
  }
});

// node_modules/cron-parser/dist/utils/random.js
var require_random = __commonJS({
  "node_modules/cron-parser/dist/utils/random.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.seededRandom = seededRandom;
    function xfnv1a(str2) {
      let h = 2166136261 >>> 0;
      for (let i = 0; i < str2.length; i++) {
        h ^= str2.charCodeAt(i);
        h = Math.imul(h, 16777619);
      }
      return () => h >>> 0;
    }
    function mulberry32(seed) {
      return () => {
        let t = seed += 1831565813;
        t = Math.imul(t ^ t >>> 15, t | 1);
        t ^= t + Math.imul(t ^ t >>> 7, t | 61);
        return ((t ^ t >>> 14) >>> 0) / 4294967296;
      };
    }
    function seededRandom(str2) {
      const seed = str2 ? xfnv1a(str2)() : Math.floor(Math.random() * 1e10);
      return mulberry32(seed);
    }
  }
});

// node_modules/cron-parser/dist/CronExpressionParser.js
var require_CronExpressionParser = __commonJS({
  "node_modules/cron-parser/dist/CronExpressionParser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronExpressionParser = exports.DayOfWeek = exports.Months = exports.CronUnit = exports.PredefinedExpressions = void 0;
    var CronFieldCollection_1 = require_CronFieldCollection();
    var CronExpression_1 = require_CronExpression();
    var random_1 = require_random();
    var fields_1 = require_fields();
    var PredefinedExpressions;
    (function(PredefinedExpressions2) {
      PredefinedExpressions2["@yearly"] = "0 0 0 1 1 *";
      PredefinedExpressions2["@annually"] = "0 0 0 1 1 *";
      PredefinedExpressions2["@monthly"] = "0 0 0 1 * *";
      PredefinedExpressions2["@weekly"] = "0 0 0 * * 0";
      PredefinedExpressions2["@daily"] = "0 0 0 * * *";
      PredefinedExpressions2["@hourly"] = "0 0 * * * *";
      PredefinedExpressions2["@minutely"] = "0 * * * * *";
      PredefinedExpressions2["@secondly"] = "* * * * * *";
      PredefinedExpressions2["@weekdays"] = "0 0 0 * * 1-5";
      PredefinedExpressions2["@weekends"] = "0 0 0 * * 0,6";
    })(PredefinedExpressions || (exports.PredefinedExpressions = PredefinedExpressions = {}));
    var CronUnit;
    (function(CronUnit2) {
      CronUnit2["Second"] = "Second";
      CronUnit2["Minute"] = "Minute";
      CronUnit2["Hour"] = "Hour";
      CronUnit2["DayOfMonth"] = "DayOfMonth";
      CronUnit2["Month"] = "Month";
      CronUnit2["DayOfWeek"] = "DayOfWeek";
    })(CronUnit || (exports.CronUnit = CronUnit = {}));
    var Months;
    (function(Months2) {
      Months2[Months2["jan"] = 1] = "jan";
      Months2[Months2["feb"] = 2] = "feb";
      Months2[Months2["mar"] = 3] = "mar";
      Months2[Months2["apr"] = 4] = "apr";
      Months2[Months2["may"] = 5] = "may";
      Months2[Months2["jun"] = 6] = "jun";
      Months2[Months2["jul"] = 7] = "jul";
      Months2[Months2["aug"] = 8] = "aug";
      Months2[Months2["sep"] = 9] = "sep";
      Months2[Months2["oct"] = 10] = "oct";
      Months2[Months2["nov"] = 11] = "nov";
      Months2[Months2["dec"] = 12] = "dec";
    })(Months || (exports.Months = Months = {}));
    var DayOfWeek;
    (function(DayOfWeek2) {
      DayOfWeek2[DayOfWeek2["sun"] = 0] = "sun";
      DayOfWeek2[DayOfWeek2["mon"] = 1] = "mon";
      DayOfWeek2[DayOfWeek2["tue"] = 2] = "tue";
      DayOfWeek2[DayOfWeek2["wed"] = 3] = "wed";
      DayOfWeek2[DayOfWeek2["thu"] = 4] = "thu";
      DayOfWeek2[DayOfWeek2["fri"] = 5] = "fri";
      DayOfWeek2[DayOfWeek2["sat"] = 6] = "sat";
    })(DayOfWeek || (exports.DayOfWeek = DayOfWeek = {}));
    var MAX_FIELD_VALUES = 256;
    var MAX_EXPRESSION_LENGTH = 1024;
    var CronExpressionParser2 = class _CronExpressionParser {
      /**
       * Parses a cron expression and returns a CronExpression object.
       * @param {string} expression - The cron expression to parse.
       * @param {CronExpressionOptions} [options={}] - The options to use when parsing the expression.
       * @param {boolean} [options.strict=false] - If true, will throw an error if the expression contains both dayOfMonth and dayOfWeek, or a hashed range or step the field cannot satisfy.
       * @param {CronDate} [options.currentDate=new CronDate(undefined, 'UTC')] - The date to use when calculating the next/previous occurrence.
       *
       * @returns {CronExpression} A CronExpression object.
       */
      static parse(expression, options = {}) {
        const { strict = false, hashSeed } = options;
        const rand = (0, random_1.seededRandom)(hashSeed);
        if (Object.hasOwn(PredefinedExpressions, expression)) {
          expression = PredefinedExpressions[expression];
        }
        const rawFields = _CronExpressionParser.#getRawFields(expression, strict);
        if (!(rawFields.dayOfMonth === "*" || rawFields.dayOfWeek === "*" || !strict)) {
          throw new Error("Cannot use both dayOfMonth and dayOfWeek together in strict mode!");
        }
        const second = _CronExpressionParser.#parseField(CronUnit.Second, rawFields.second, fields_1.CronSecond.constraints, rand, strict);
        const minute = _CronExpressionParser.#parseField(CronUnit.Minute, rawFields.minute, fields_1.CronMinute.constraints, rand, strict);
        const hour = _CronExpressionParser.#parseField(CronUnit.Hour, rawFields.hour, fields_1.CronHour.constraints, rand, strict);
        const month = _CronExpressionParser.#parseField(CronUnit.Month, rawFields.month, fields_1.CronMonth.constraints, rand, strict);
        const dayOfMonth = _CronExpressionParser.#parseField(CronUnit.DayOfMonth, rawFields.dayOfMonth, fields_1.CronDayOfMonth.constraints, rand, strict);
        const { dayOfWeek: _dayOfWeek, nthDayOfWeek } = _CronExpressionParser.#parseNthDay(rawFields.dayOfWeek);
        const dayOfWeek = _CronExpressionParser.#parseField(CronUnit.DayOfWeek, _dayOfWeek, fields_1.CronDayOfWeek.constraints, rand, strict);
        const fields = new CronFieldCollection_1.CronFieldCollection({
          second: new fields_1.CronSecond(second, { rawValue: rawFields.second }),
          minute: new fields_1.CronMinute(minute, { rawValue: rawFields.minute }),
          hour: new fields_1.CronHour(hour, { rawValue: rawFields.hour }),
          dayOfMonth: fields_1.CronDayOfMonth.fromMonth(month, dayOfMonth, { rawValue: rawFields.dayOfMonth }),
          month: new fields_1.CronMonth(month, { rawValue: rawFields.month }),
          dayOfWeek: new fields_1.CronDayOfWeek(dayOfWeek, { rawValue: rawFields.dayOfWeek, nthDayOfWeek })
        });
        return new CronExpression_1.CronExpression(fields, { ...options, expression });
      }
      /**
       * Get the raw fields from a cron expression.
       * @param {string} expression - The cron expression to parse.
       * @param {boolean} strict - If true, will throw an error if the expression contains both dayOfMonth and dayOfWeek.
       * @private
       * @returns {RawCronFields} The raw fields.
       */
      static #getRawFields(expression, strict) {
        if (strict && !expression.length) {
          throw new Error("Invalid cron expression");
        }
        expression = expression || "0 * * * * *";
        if (expression.length > MAX_EXPRESSION_LENGTH) {
          throw new Error(`Invalid cron expression, too long, expected at most ${MAX_EXPRESSION_LENGTH} characters`);
        }
        const atoms = expression.trim().split(/\s+/);
        if (strict && atoms.length < 6) {
          throw new Error("Invalid cron expression, expected 6 fields");
        }
        if (atoms.length > 6) {
          throw new Error("Invalid cron expression, too many fields");
        }
        const defaults = ["0", "*", "*", "*", "*", "*"];
        if (atoms.length < defaults.length) {
          atoms.unshift(...defaults.slice(0, defaults.length - atoms.length));
        }
        const [second, minute, hour, dayOfMonth, month, dayOfWeek] = atoms;
        return { second, minute, hour, dayOfMonth, month, dayOfWeek };
      }
      /**
       * Parse a field from a cron expression.
       * @param {CronUnit} field - The field to parse.
       * @param {string} value - The value of the field.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @param {PRNG} rand - The random number generator to use.
       * @param {boolean} strict - If true, will throw an error on an unusable hashed range or step.
       * @private
       * @returns {(number | string)[]} The parsed field.
       */
      static #parseField(field, value, constraints, rand, strict) {
        if (field === CronUnit.Month || field === CronUnit.DayOfWeek) {
          const aliases = field === CronUnit.Month ? Months : DayOfWeek;
          value = value.replace(/[a-z]{3}/gi, (match) => {
            match = match.toLowerCase();
            const replacer = aliases[match];
            if (replacer === void 0) {
              throw new Error(`Validation error, cannot resolve alias "${match}"`);
            }
            return replacer.toString();
          });
        }
        if (!constraints.validChars.test(value)) {
          throw new Error(`Invalid characters, got value: ${value}`);
        }
        value = this.#parseWildcard(value, constraints);
        value = this.#parseHashed(value, constraints, rand, field, strict);
        return this.#parseSequence(field, value, constraints);
      }
      /**
       * Parse a wildcard from a cron expression.
       * @param {string} value - The value to parse.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @private
       */
      static #parseWildcard(value, constraints) {
        const parsed = value.replace(/(^|,)[*?](?=\/|,|$)/g, (_, separator) => `${separator}${constraints.min}-${constraints.max}`);
        if (/[*?]/.test(parsed)) {
          throw new Error(`Invalid wildcard, got value: ${value}`);
        }
        return parsed;
      }
      /**
       * Parse a hashed value from a cron expression.
       * @param {string} value - The value to parse.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @param {PRNG} rand - The random number generator to use.
       * @param {CronUnit} field - The field being parsed, used when reporting an unusable range or step.
       * @param {boolean} strict - If true, will throw an error on an unusable hashed range or step.
       * @private
       */
      static #parseHashed(value, constraints, rand, field, strict) {
        const randomValue = rand();
        let count = 0;
        return value.replace(/H(?:\((\d+)-(\d+)\))?(?:\/(\d+))?/g, (_, min, max, step) => {
          if (min && max && step) {
            const minNum = parseInt(min, 10);
            const maxNum = parseInt(max, 10);
            const stepNum = parseInt(step, 10);
            if (stepNum <= 0) {
              throw new Error(`Invalid step: ${stepNum}, must be positive`);
            }
            const range = _CronExpressionParser.#hashedRange(minNum, maxNum, constraints, field, strict);
            count += Math.ceil((range.max - range.min + 1) / stepNum);
            _CronExpressionParser.#assertMaxFieldValues(field, count);
            return _CronExpressionParser.#hashedStep(randomValue, range.min, range.max, stepNum, field, strict);
          } else if (min && max) {
            const minNum = parseInt(min, 10);
            const maxNum = parseInt(max, 10);
            const range = _CronExpressionParser.#hashedRange(minNum, maxNum, constraints, field, strict);
            return String(_CronExpressionParser.#hashedValue(randomValue, range.min, range.max));
          } else if (step) {
            const stepNum = parseInt(step, 10);
            if (stepNum <= 0) {
              throw new Error(`Invalid step: ${stepNum}, must be positive`);
            }
            count += Math.ceil((constraints.max - constraints.min + 1) / stepNum);
            _CronExpressionParser.#assertMaxFieldValues(field, count);
            return _CronExpressionParser.#hashedStep(randomValue, constraints.min, constraints.max, stepNum, field, strict);
          } else {
            return String(_CronExpressionParser.#hashedValue(randomValue, constraints.min, constraints.max));
          }
        });
      }
      /**
       * Pick a single hashed value within an inclusive range.
       * @param {number} randomValue - The seeded random value in [0, 1).
       * @param {number} min - Lowest value that may be picked.
       * @param {number} max - Highest value that may be picked.
       * @private
       */
      static #hashedValue(randomValue, min, max) {
        return Math.floor(randomValue * (max - min + 1)) + min;
      }
      /**
       * Name a field the way the expression object does, rather than the Pascal case of CronUnit.
       * @param {CronUnit} field - The field to name.
       * @private
       */
      static #fieldName(field) {
        return field.charAt(0).toLowerCase() + field.slice(1);
      }
      /**
       * Narrow an explicit hashed range to the values the field can hold, so that values are only
       * ever drawn from the range a step is measured against. In strict mode a bound outside the
       * field constraints is rejected instead of clamped, which keeps the range reported in the
       * error the one that was written.
       * @param {number} min - Lowest value the expression asks for.
       * @param {number} max - Highest value the expression asks for.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @param {CronUnit} field - The field being parsed, used when reporting an unusable range.
       * @param {boolean} strict - If true, will throw an error on a range outside the constraints.
       * @private
       */
      static #hashedRange(min, max, constraints, field, strict) {
        if (min > max) {
          throw new Error(`Invalid range: ${min}-${max}, min > max`);
        }
        if (strict && (min < constraints.min || max > constraints.max)) {
          throw new Error(`Invalid range: ${min}-${max}, outside the ${constraints.min}-${constraints.max} range of the ${_CronExpressionParser.#fieldName(field)} field`);
        }
        const rangeMin = Math.max(min, constraints.min);
        const rangeMax = Math.min(max, constraints.max);
        if (rangeMin > rangeMax) {
          throw new Error(`Invalid range: ${min}-${max}, no usable value in the ${_CronExpressionParser.#fieldName(field)} field`);
        }
        return { min: rangeMin, max: rangeMax };
      }
      /**
       * Build the hashed values of a stepped range, offset from the start of the step by the seeded
       * jitter. A step wider than the range leaves no step-aligned value inside it, so a single
       * hashed occurrence within the range is used instead of an empty field, or in strict mode the
       * expression is rejected as unsatisfiable.
       * @param {number} randomValue - The seeded random value in [0, 1).
       * @param {number} min - Lowest value the range allows.
       * @param {number} max - Highest value the range allows.
       * @param {number} step - The step between values, already validated as positive.
       * @param {CronUnit} field - The field being parsed, used when reporting an unusable step.
       * @param {boolean} strict - If true, will throw an error on a step wider than its range.
       * @private
       */
      static #hashedStep(randomValue, min, max, step, field, strict) {
        if (strict && step > max - min + 1) {
          throw new Error(`Invalid step: ${step}, wider than the ${min}-${max} range of the ${_CronExpressionParser.#fieldName(field)} field`);
        }
        const offset = Math.floor(randomValue * step);
        const values = [];
        for (let i = Math.floor(min / step) * step + offset; i <= max; i += step) {
          if (i >= min) {
            values.push(i);
          }
        }
        if (values.length === 0) {
          return String(_CronExpressionParser.#hashedValue(randomValue, min, max));
        }
        return values.join(",");
      }
      /**
       * Throw once a field has expanded to more than MAX_FIELD_VALUES values.
       * @param {CronUnit} field - The field being parsed.
       * @param {number} count - The number of values collected so far.
       * @private
       */
      static #assertMaxFieldValues(field, count) {
        if (count > MAX_FIELD_VALUES) {
          throw new Error(`Constraint error, too many values in ${field} field, expected at most ${MAX_FIELD_VALUES}`);
        }
      }
      /**
       * Parse a sequence from a cron expression.
       * @param {CronUnit} field - The field to parse.
       * @param {string} val - The sequence to parse.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @private
       */
      static #parseSequence(field, val, constraints) {
        const stack = [];
        function handleResult(result, constraints2) {
          if (Array.isArray(result)) {
            stack.push(...result);
          } else {
            if (_CronExpressionParser.#isValidConstraintChar(constraints2, result)) {
              stack.push(result);
            } else {
              const v = parseInt(result.toString(), 10);
              const isValid = v >= constraints2.min && v <= constraints2.max;
              if (!isValid) {
                throw new Error(`Constraint error, got value ${result} expected range ${constraints2.min}-${constraints2.max}`);
              }
              stack.push(field === CronUnit.DayOfWeek ? v % 7 : result);
            }
          }
        }
        const atoms = val.split(",");
        for (const atom of atoms) {
          _CronExpressionParser.#assertMaxFieldValues(field, stack.length);
          if (!(atom.length > 0)) {
            throw new Error("Invalid list value format");
          }
          handleResult(_CronExpressionParser.#parseRepeat(field, atom, constraints), constraints);
        }
        return stack;
      }
      /**
       * Parse repeat from a cron expression.
       * @param {CronUnit} field - The field to parse.
       * @param {string} val - The repeat to parse.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @private
       * @returns {(number | string)[]} The parsed repeat.
       */
      static #parseRepeat(field, val, constraints) {
        const atoms = val.split("/");
        if (atoms.length > 2) {
          throw new Error(`Invalid repeat: ${val}`);
        }
        if (atoms.length === 2) {
          if (!atoms[0].includes("-")) {
            atoms[0] = `${atoms[0]}-${constraints.max}`;
          }
          return _CronExpressionParser.#parseRange(field, atoms[0], +atoms[1], constraints);
        }
        return _CronExpressionParser.#parseRange(field, val, 1, constraints);
      }
      /**
       * Validate a cron range.
       * @param {number} min - The minimum value of the range.
       * @param {number} max - The maximum value of the range.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @private
       * @returns {void}
       * @throws {Error} Throws an error if the range is invalid.
       */
      static #validateRange(min, max, constraints) {
        const isValid = !isNaN(min) && !isNaN(max) && min >= constraints.min && max <= constraints.max;
        if (!isValid) {
          throw new Error(`Constraint error, got range ${min}-${max} expected range ${constraints.min}-${constraints.max}`);
        }
        if (min > max) {
          throw new Error(`Invalid range: ${min}-${max}, min(${min}) > max(${max})`);
        }
      }
      /**
       * Validate a cron repeat interval.
       * @param {number} repeatInterval - The repeat interval to validate.
       * @private
       * @returns {void}
       * @throws {Error} Throws an error if the repeat interval is invalid.
       */
      static #validateRepeatInterval(repeatInterval) {
        if (!(!isNaN(repeatInterval) && repeatInterval > 0)) {
          throw new Error(`Constraint error, cannot repeat at every ${repeatInterval} time.`);
        }
      }
      /**
       * Create a range from a cron expression.
       * @param {CronUnit} field - The field to parse.
       * @param {number} min - The minimum value of the range.
       * @param {number} max - The maximum value of the range.
       * @param {number} repeatInterval - The repeat interval of the range.
       * @private
       * @returns {number[]} The created range.
       */
      static #createRange(field, min, max, repeatInterval) {
        const stack = [];
        if (field === CronUnit.DayOfWeek && max % 7 === 0 && (max - min) % repeatInterval === 0) {
          stack.push(0);
        }
        for (let index = min; index <= max; index += repeatInterval) {
          if (stack.indexOf(index) === -1) {
            stack.push(index);
          }
        }
        return stack;
      }
      /**
       * Parse a range from a cron expression.
       * @param {CronUnit} field - The field to parse.
       * @param {string} val - The range to parse.
       * @param {number} repeatInterval - The repeat interval of the range.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @private
       * @returns {number[] | string[] | number | string} The parsed range.
       */
      static #parseRange(field, val, repeatInterval, constraints) {
        const atoms = val.split("-");
        if (atoms.length <= 1) {
          return isNaN(+val) ? val : +val;
        }
        if (atoms.length > 2) {
          throw new Error(`Invalid range: ${val}`);
        }
        const [min, max] = atoms.map((atom) => /^\d+$/.test(atom) ? +atom : NaN);
        this.#validateRange(min, max, constraints);
        this.#validateRepeatInterval(repeatInterval);
        return this.#createRange(field, min, max, repeatInterval);
      }
      /**
       * Parse a cron expression.
       * @param {string} val - The cron expression to parse.
       * @private
       * @returns {string} The parsed cron expression.
       */
      static #parseNthDay(val) {
        const atoms = val.split("#");
        if (atoms.length <= 1) {
          return { dayOfWeek: atoms[0] };
        }
        const nthValue = +atoms[atoms.length - 1];
        const matches = val.match(/([,\-/L])/);
        if (matches !== null) {
          throw new Error(`Constraint error, invalid dayOfWeek \`#\` and \`${matches?.[0]}\` special characters are incompatible`);
        }
        if (!(atoms.length <= 2 && !isNaN(nthValue) && nthValue >= 1 && nthValue <= 5)) {
          throw new Error("Constraint error, invalid dayOfWeek occurrence number (#)");
        }
        return { dayOfWeek: atoms[0], nthDayOfWeek: nthValue };
      }
      /**
       * Checks if a character is valid for a field.
       * @param {CronConstraints} constraints - The constraints for the field.
       * @param {string | number} value - The value to check.
       * @private
       * @returns {boolean} Whether the character is valid for the field.
       */
      static #isValidConstraintChar(constraints, value) {
        return constraints.chars.some((char) => value.toString().includes(char));
      }
    };
    exports.CronExpressionParser = CronExpressionParser2;
  }
});

// node_modules/cron-parser/dist/CronFileParser.js
var require_CronFileParser = __commonJS({
  "node_modules/cron-parser/dist/CronFileParser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronFileParser = void 0;
    var CronExpressionParser_1 = require_CronExpressionParser();
    var CronFileParser = class _CronFileParser {
      /**
       * Parse a crontab file asynchronously
       * @param filePath Path to crontab file
       * @returns Promise resolving to parse results
       * @throws If file cannot be read
       */
      static async parseFile(filePath) {
        const { readFile } = __require("fs/promises");
        const data = await readFile(filePath, "utf8");
        return _CronFileParser.#parseContent(data);
      }
      /**
       * Parse a crontab file synchronously
       * @param filePath Path to crontab file
       * @returns Parse results
       * @throws If file cannot be read
       */
      static parseFileSync(filePath) {
        const { readFileSync: readFileSync6 } = __require("fs");
        const data = readFileSync6(filePath, "utf8");
        return _CronFileParser.#parseContent(data);
      }
      /**
       * Internal method to parse crontab file content
       * @private
       */
      static #parseContent(data) {
        const blocks = data.split("\n");
        const result = {
          variables: {},
          expressions: [],
          errors: {}
        };
        for (const block of blocks) {
          const entry = block.trim();
          if (entry.length === 0 || entry.startsWith("#")) {
            continue;
          }
          const variableMatch = entry.match(/^([^\s=]+)\s*=\s*(.*)$/);
          if (variableMatch) {
            const [, key, value] = variableMatch;
            Object.defineProperty(result.variables, key, {
              value: value.replace(/^(["'])(.*)\1$/, "$2"),
              // Remove one matching pair of quotes around the value
              enumerable: true,
              writable: true,
              configurable: true
            });
            continue;
          }
          try {
            const parsedEntry = _CronFileParser.#parseEntry(entry);
            result.expressions.push(parsedEntry.interval);
          } catch (err) {
            Object.defineProperty(result.errors, entry, {
              value: err,
              enumerable: true,
              writable: true,
              configurable: true
            });
          }
        }
        return result;
      }
      /**
       * Parse a single crontab entry
       * @private
       */
      static #parseEntry(entry) {
        const atoms = entry.split(/\s+/);
        const scheduleLength = atoms[0].startsWith("@") ? 1 : 5;
        return {
          interval: CronExpressionParser_1.CronExpressionParser.parse(atoms.slice(0, scheduleLength).join(" ")),
          command: atoms.slice(scheduleLength, atoms.length)
        };
      }
    };
    exports.CronFileParser = CronFileParser;
  }
});

// node_modules/cron-parser/dist/index.js
var require_dist = __commonJS({
  "node_modules/cron-parser/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CronFileParser = exports.CronExpressionParser = exports.CronExpression = exports.CronFieldCollection = exports.CronDate = void 0;
    var CronExpressionParser_1 = require_CronExpressionParser();
    var CronDate_1 = require_CronDate();
    Object.defineProperty(exports, "CronDate", { enumerable: true, get: function() {
      return CronDate_1.CronDate;
    } });
    var CronFieldCollection_1 = require_CronFieldCollection();
    Object.defineProperty(exports, "CronFieldCollection", { enumerable: true, get: function() {
      return CronFieldCollection_1.CronFieldCollection;
    } });
    var CronExpression_1 = require_CronExpression();
    Object.defineProperty(exports, "CronExpression", { enumerable: true, get: function() {
      return CronExpression_1.CronExpression;
    } });
    var CronExpressionParser_2 = require_CronExpressionParser();
    Object.defineProperty(exports, "CronExpressionParser", { enumerable: true, get: function() {
      return CronExpressionParser_2.CronExpressionParser;
    } });
    var CronFileParser_1 = require_CronFileParser();
    Object.defineProperty(exports, "CronFileParser", { enumerable: true, get: function() {
      return CronFileParser_1.CronFileParser;
    } });
    __exportStar(require_fields(), exports);
    exports.default = CronExpressionParser_1.CronExpressionParser;
  }
});

// src/engine/run.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);
import { existsSync as existsSync6, readFileSync as readFileSync5, writeFileSync as writeFileSync5 } from "node:fs";
import { join as join9 } from "node:path";
import { performance } from "node:perf_hooks";

// src/sources/cron.ts
var import_cron_parser = __toESM(require_dist(), 1);
var ScheduleError = class extends Error {
  name = "ScheduleError";
};
var DESCRIPTORS = {
  "@yearly": "0 0 0 1 1 *",
  "@annually": "0 0 0 1 1 *",
  "@monthly": "0 0 0 1 * *",
  "@weekly": "0 0 0 * * 0",
  "@daily": "0 0 0 * * *",
  "@midnight": "0 0 0 * * *",
  "@hourly": "0 0 * * * *"
};
var DAY = 86400;
var K8UP_RANDOM = {
  "@hourly-random": { expression: "0 0 * * * *" },
  "@daily-random": { expression: "0 0 0 * * *" },
  "@midnight-random": { expression: "0 0 0 * * *" },
  "@weekly-random": { expression: "0 0 0 * * 0" },
  "@monthly-random": { expression: "0 0 0 1 * *", worstCase: 31 * DAY },
  "@yearly-random": { expression: "0 0 0 1 1 *", worstCase: 366 * DAY },
  "@annually-random": { expression: "0 0 0 1 1 *", worstCase: 366 * DAY }
};
function parseSchedule(raw, dialect) {
  let text = raw.trim();
  let prefixTimeZone;
  const prefix = /^(CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (prefix) {
    prefixTimeZone = prefix[2];
    text = (prefix[3] ?? "").trim();
  }
  const base = { text: raw, ...prefixTimeZone ? { prefixTimeZone } : {} };
  if (text.startsWith("@every")) {
    const duration2 = text.slice("@every".length).trim();
    const seconds4 = parseGoDuration(duration2);
    if (seconds4 === void 0 || seconds4 < 1) {
      throw new ScheduleError(`@every needs a Go duration of at least 1s (like 6h or 1h30m), not ${JSON.stringify(duration2)}`);
    }
    return { ...base, form: "every", fields: 0, everySeconds: Math.round(seconds4) };
  }
  if (text.startsWith("@")) {
    const random = dialect === "k8up" ? K8UP_RANDOM[text] : void 0;
    if (random) {
      return { ...base, form: "random", fields: 0, expression: random.expression, ...random.worstCase ? { randomWorstCaseSeconds: random.worstCase } : {} };
    }
    const expression2 = DESCRIPTORS[text];
    if (!expression2) {
      const known = [...Object.keys(DESCRIPTORS), "@every <duration>", ...dialect === "k8up" ? Object.keys(K8UP_RANDOM) : []];
      throw new ScheduleError(`unknown descriptor ${text}; known: ${known.join(", ")}`);
    }
    return { ...base, form: "descriptor", fields: 0, expression: expression2 };
  }
  const parts = text.split(/\s+/).filter(Boolean);
  let expression;
  if (dialect === "seconds") {
    if (parts.length === 5) expression = `${parts.join(" ")} *`;
    else if (parts.length === 6) expression = parts.join(" ");
    else throw new ScheduleError(`expected six fields (second minute hour day-of-month month day-of-week), found ${parts.length}`);
  } else {
    if (parts.length !== 5) throw new ScheduleError(`expected five fields (minute hour day-of-month month day-of-week), found ${parts.length}`);
    expression = `0 ${parts.join(" ")}`;
  }
  if (/[LW#?H]/i.test(expression.replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)\b/gi, ""))) {
    throw new ScheduleError("L, W, #, ? and H are not cron syntax the controller understands");
  }
  try {
    import_cron_parser.CronExpressionParser.parse(expression, { tz: "UTC", currentDate: /* @__PURE__ */ new Date(0) });
  } catch (error) {
    throw new ScheduleError(error.message.replace(/^Error: /, ""));
  }
  return { ...base, form: "cron", fields: parts.length, expression };
}
function isValidTimeZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
var formatters = /* @__PURE__ */ new Map();
function zoneOffsetMs(zone, at) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    });
    formatters.set(zone, format);
  }
  const parts = {};
  for (const part of format.formatToParts(new Date(at))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - (at - (at % 1e3 + 1e3) % 1e3);
}
function worstCaseGap(schedule, zone, from, days = 366) {
  const windowStart = Math.floor(from.getTime() / 1e3);
  const windowEnd = windowStart + days * DAY;
  if (schedule.everySeconds !== void 0) {
    return { maxGapSeconds: schedule.everySeconds, minGapSeconds: schedule.everySeconds, gapStart: windowStart, windowStart, windowEnd };
  }
  if (!schedule.expression) throw new ScheduleError("no expression to judge");
  if (!isValidTimeZone(zone)) throw new ScheduleError(`unknown time zone ${zone}`);
  if (schedule.randomWorstCaseSeconds !== void 0) {
    const representative = worstCaseGap({ ...schedule, randomWorstCaseSeconds: void 0 }, "UTC", from, days);
    return { ...representative, maxGapSeconds: Math.max(representative.maxGapSeconds, schedule.randomWorstCaseSeconds) };
  }
  const cron = import_cron_parser.CronExpressionParser.parse(schedule.expression, { tz: zone, currentDate: from });
  const times = timesOfDay(cron);
  const changes = offsetChanges(zone, from.getTime() - 2 * DAY * 1e3, (windowEnd + 2 * DAY) * 1e3);
  const step = (fn, after) => {
    try {
      return fn().getTime();
    } catch (error) {
      const message = error.message;
      throw new ScheduleError(
        /loop limit/i.test(message) ? `no run found after ${new Date(after).toISOString()} (the schedule never runs, or not within years)` : message
      );
    }
  };
  const end = windowEnd * 1e3;
  cron.reset(from);
  let run = step(() => cron.prev(), from.getTime());
  let best = { gap: 0, start: run };
  let shortest = Number.POSITIVE_INFINITY;
  const consider = (earlier, later) => {
    if (later - earlier > best.gap) best = { gap: later - earlier, start: earlier };
    if (later - earlier < shortest) shortest = later - earlier;
  };
  while (run <= end) {
    const offset = zoneOffsetMs(zone, run);
    const wall = run + offset;
    const dayStartWall = wall - (wall % (DAY * 1e3) + DAY * 1e3) % (DAY * 1e3);
    const secondOfDay = Math.round((wall - dayStartWall) / 1e3);
    const nextChange = changes.find((change) => change > run) ?? Number.POSITIVE_INFINITY;
    const stretchEnd = Math.min(dayStartWall + DAY * 1e3 - offset, nextChange);
    const at = lowerBound(times, secondOfDay);
    if (times[at] === secondOfDay) {
      let index = at;
      while (index + 1 < times.length && dayStartWall + times[index + 1] * 1e3 - offset < stretchEnd) {
        consider(dayStartWall + times[index] * 1e3 - offset, dayStartWall + times[index + 1] * 1e3 - offset);
        index++;
      }
      run = dayStartWall + times[index] * 1e3 - offset;
    }
    cron.reset(new Date(run));
    const next = step(() => cron.next(), run);
    consider(run, next);
    run = next;
  }
  return {
    maxGapSeconds: Math.round(best.gap / 1e3),
    minGapSeconds: Math.round(shortest / 1e3),
    gapStart: Math.floor(best.start / 1e3),
    windowStart,
    windowEnd
  };
}
function timesOfDay(cron) {
  const { hour, minute, second } = cron.fields;
  const times = [];
  for (const h of hour.values) for (const mi of minute.values) for (const s of second.values) times.push(Number(h) * 3600 + Number(mi) * 60 + Number(s));
  return [...new Set(times)].sort((a, b) => a - b);
}
function lowerBound(sorted, value) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
var changeCache = /* @__PURE__ */ new Map();
function offsetChanges(zone, start, end) {
  const key = `${zone}|${start}|${end}`;
  const cached = changeCache.get(key);
  if (cached) return cached;
  const changes = [];
  const hour = 3600 * 1e3;
  let previous = zoneOffsetMs(zone, start);
  for (let t = start + hour; t < end + hour; t += hour) {
    const current = zoneOffsetMs(zone, t);
    if (current === previous) continue;
    let low = t - hour;
    let high = t;
    while (high - low > 1e3) {
      const mid = Math.floor((low + high) / 2e3) * 1e3;
      if (mid <= low) break;
      if (zoneOffsetMs(zone, mid) === previous) low = mid;
      else high = mid;
    }
    changes.push(high);
    previous = current;
  }
  if (changeCache.size > 64) changeCache.clear();
  changeCache.set(key, changes);
  return changes;
}

// src/sources/helm.ts
import { join } from "node:path";

// src/sources/template-map.ts
var directiveOnly = /^\s*({{.*}}\s*)+$/;
var blankOrComment = /^\s*(#.*)?$/;
function findInTemplateOfKind(lines, kind, path) {
  const segments = documentsOf(lines);
  const kindLine = typeof kind === "string" ? new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`) : void 0;
  const ofKind = segments.filter((segment) => kindLine && lines.slice(segment.start, segment.end).some((line) => kindLine.test(line)));
  let best;
  for (const segment of ofKind.length > 0 ? ofKind : segments) {
    const found = findInTemplate(lines.slice(segment.start, segment.end), path);
    if (found && (!best || found.matched > best.matched)) best = { ...found, line: found.line + segment.start };
  }
  return best;
}
var documents = /* @__PURE__ */ new WeakMap();
function documentsOf(lines) {
  let segments = documents.get(lines);
  if (!segments) {
    segments = [];
    let start = 0;
    lines.forEach((line, index) => {
      if (/^---\s*$/.test(line)) {
        segments?.push({ start, end: index });
        start = index + 1;
      }
    });
    segments.push({ start, end: lines.length });
    documents.set(lines, segments);
  }
  return segments;
}
function findInTemplate(lines, path) {
  let from = 0;
  let parentColumn = -1;
  let found;
  for (const segment of path) {
    const hit = typeof segment === "number" ? findItem(lines, from, parentColumn, segment) : findKey(lines, from, parentColumn, segment);
    if (!hit) break;
    found = { line: hit.index + 1, column: hit.column + 1, matched: (found?.matched ?? 0) + 1 };
    from = typeof segment === "number" ? hit.index : hit.index + 1;
    parentColumn = typeof segment === "number" ? hit.column - 2 : hit.column;
  }
  return found;
}
function keyColumn(line) {
  const match = /^(\s*)(- )?/.exec(line);
  return (match?.[1]?.length ?? 0) + (match?.[2] ? 2 : 0);
}
function skippable(line) {
  return blankOrComment.test(line) || directiveOnly.test(line);
}
function findKey(lines, from, parentColumn, key) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = new RegExp(`^\\s*(?:- )?["']?${escaped}["']?\\s*:(\\s|$)`);
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (skippable(line)) continue;
    const column = keyColumn(line);
    if (column <= parentColumn) return void 0;
    if (pattern.test(line)) return { index, column };
  }
  return void 0;
}
function findItem(lines, from, parentColumn, position) {
  let dashColumn = -1;
  let seen = -1;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (skippable(line)) continue;
    const match = /^(\s*)- /.exec(line);
    const indent = match ? match[1]?.length ?? 0 : keyColumn(line);
    if (indent < parentColumn || !match && indent <= parentColumn) return void 0;
    if (!match) continue;
    if (dashColumn === -1) dashColumn = indent;
    if (indent !== dashColumn) continue;
    seen++;
    if (seen === position) return { index, column: dashColumn + 2 };
  }
  return void 0;
}
function valuesReferenceNear(lines, line) {
  for (const index of [line - 1, line]) {
    const match = /\.Values\.([A-Za-z0-9_.]+)/.exec(lines[index] ?? "");
    if (match?.[1]) return match[1].split(".");
  }
  return void 0;
}

// src/sources/pod-security.ts
var PINNED_KUBERNETES_VERSION = "v1.37.2";
var OLDEST_POD_SECURITY_MINOR = 23;
var LATEST_POD_SECURITY_MINOR = Number(PINNED_KUBERNETES_VERSION.split(".")[1]);
function podSecurityMinor(version, where) {
  if (version === "latest") return LATEST_POD_SECURITY_MINOR;
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(version);
  if (!match) throw new ConfigurationError(`${where}: Pod Security version ${JSON.stringify(version)} is not "latest" or v1.NN (for example v1.30)`);
  const minor = Number(match[1]);
  if (minor < OLDEST_POD_SECURITY_MINOR) {
    throw new ConfigurationError(`${where}: Pod Security version ${version} is older than v1.${OLDEST_POD_SECURITY_MINOR}, the oldest this release models`);
  }
  return Math.min(minor, LATEST_POD_SECURITY_MINOR);
}
function kubeVersionForPodSecurity(minor) {
  return minor === void 0 || minor >= LATEST_POD_SECURITY_MINOR ? PINNED_KUBERNETES_VERSION : `v1.${minor}.0`;
}
var ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
var ENFORCE_VERSION_LABEL = "pod-security.kubernetes.io/enforce-version";
function inForce(gate, labels2, namespace) {
  const level = labels2?.[ENFORCE_LABEL];
  const version = labels2?.[ENFORCE_VERSION_LABEL];
  if (level === void 0 && version === void 0) return gate;
  const parsedLevel = level === void 0 ? gate.level : level === "privileged" || level === "baseline" || level === "restricted" ? level : void 0;
  let minor = gate.minor;
  if (typeof version === "string") {
    const match = /^v1\.(0|[1-9][0-9]*)$/.exec(version);
    minor = version === "latest" ? LATEST_POD_SECURITY_MINOR : match ? Math.min(Math.max(Number(match[1]), OLDEST_POD_SECURITY_MINOR), LATEST_POD_SECURITY_MINOR) : void 0;
  } else if (version !== void 0) {
    minor = void 0;
  }
  if (parsedLevel === void 0 || minor === void 0) return { level: "restricted", minor: LATEST_POD_SECURITY_MINOR, source: `namespace ${namespace} (labels not understood: restricted, latest)` };
  return { level: parsedLevel, minor, source: `namespace ${namespace}` };
}

// src/sources/helm.ts
async function renderChart(workspace, chart, defaultKubeVersion = PINNED_KUBERNETES_VERSION) {
  const chartDir = resolveInside(workspace, chart.path, "chart");
  const shownChart = displayPath(workspace, chartDir);
  requireDirectory(chartDir, shownChart, "chart");
  filesBelow(workspace, chartDir, () => false, "chart file");
  const args = ["template", chart.release ?? "release", chartDir];
  if (chart.namespace) args.push("--namespace", chart.namespace);
  const valuesFiles = [join(chartDir, "values.yaml")];
  for (const values2 of chart.values ?? []) {
    const file = resolveInside(workspace, values2, "values file");
    args.push("--values", file);
    valuesFiles.push(file);
  }
  for (const set of chart.set ?? []) args.push("--set", set);
  const kubeVersion = chart.kubeVersion ?? defaultKubeVersion;
  if (!/^v?[0-9]+\.[0-9]+(\.[0-9]+)?$/.test(kubeVersion)) {
    throw new ConfigurationError(`chart ${shownChart}: kubeVersion ${JSON.stringify(kubeVersion)} is not a Kubernetes version such as v1.37.2`);
  }
  args.push("--kube-version", kubeVersion);
  for (const apiVersion of chart.apiVersions ?? []) args.push("--api-versions", apiVersion);
  const run = await runTool("helm", args, { cwd: workspace.root, timeoutMs: 12e4 });
  if (run.exitCode !== 0) {
    throw helmError(workspace, chartDir, shownChart, run.stderr);
  }
  const values = new ValuesFiles(workspace, valuesFiles);
  const templateLines = /* @__PURE__ */ new Map();
  return splitRendered(run.stdout).flatMap((chunk, index) => {
    const template = chunk.source ? join(chartDir, chunk.source.split("/").slice(1).join("/")) : void 0;
    const shownTemplate = template ? displayPath(workspace, template) : `${shownChart} (rendered)`;
    let documents2;
    try {
      documents2 = parseYamlDocuments(chunk.text, shownTemplate);
    } catch (error) {
      if (error instanceof ConfigurationError) {
        throw new ConfigurationError(`helm template rendered invalid YAML from ${shownTemplate} (document ${index + 1}): ${error.message}`);
      }
      throw error;
    }
    let lines = [];
    if (template) {
      lines = templateLines.get(template) ?? readLines(workspace, template);
      templateLines.set(template, lines);
    }
    return documents2.flatMap(
      (document) => manifestObjects(document, (doc, path) => locateInTemplate(doc, path, lines, shownTemplate, values))
    );
  });
}
function readLines(workspace, file) {
  try {
    return readTextFile(workspace, file, displayPath(workspace, file)).split("\n");
  } catch {
    return [];
  }
}
function locateInTemplate(document, path, lines, file, values) {
  const existing = deepestExisting(document.value, path);
  const kind = isRecord(document.value) ? document.value.kind : void 0;
  const found = findInTemplateOfKind(lines, kind, existing);
  if (found && found.matched < existing.length) {
    const reference = valuesReferenceNear(lines, found.line);
    const rest = existing.slice(found.matched);
    const fromValues = (reference ? values.locate([...reference, ...rest]) : void 0) ?? values.locateLeaf(existing, getPath(document.value, existing));
    if (fromValues) return fromValues;
  }
  const where = found ?? findInTemplateOfKind(lines, kind, ["kind"]);
  return where ? { file, line: where.line, column: where.column } : { file, line: 1 };
}
var ValuesFiles = class {
  constructor(workspace, files) {
    this.workspace = workspace;
    this.files = files;
  }
  workspace;
  files;
  documents;
  locate(path) {
    for (const { file, document } of this.loaded()) {
      if (document && getPath(document.value, path) !== void 0) {
        const position = document.locate(path);
        return { file, line: position.line, column: position.column };
      }
    }
    return void 0;
  }
  /**
   * For a value that reaches the template through a named template (`include` with `default`), where no
   * `.Values` reference is in sight: the one scalar in the values files, last file first, with the same
   * key and value whose parent key ends with the rendered parent's (`containerSecurityContext` for
   * `securityContext`). Ambiguity in a file is no answer.
   */
  locateLeaf(renderedPath, renderedValue) {
    const key = renderedPath.at(-1);
    const parent = renderedPath.at(-2);
    if (typeof key !== "string" || typeof parent !== "string" || renderedValue === null || typeof renderedValue === "object") return void 0;
    for (const { file, document } of this.loaded()) {
      if (!document) continue;
      const hits = [];
      const walk = (value, at) => {
        if (!isRecord(value)) return;
        for (const [name, child] of Object.entries(value)) {
          const here = [...at, name];
          const above = at.at(-1);
          if (name === key && child === renderedValue && typeof above === "string" && above.toLowerCase().endsWith(parent.toLowerCase())) hits.push(here);
          else walk(child, here);
        }
      };
      walk(document.value, []);
      if (hits.length === 1 && hits[0]) {
        const position = document.locate(hits[0]);
        return { file, line: position.line, column: position.column };
      }
      if (hits.length > 1) return void 0;
    }
    return void 0;
  }
  loaded() {
    this.documents ??= this.files.map((file) => {
      try {
        return { file: displayPath(this.workspace, file), document: readYamlFile(this.workspace, file, displayPath(this.workspace, file))[0] };
      } catch {
        return { file, document: void 0 };
      }
    }).reverse();
    return this.documents;
  }
};
function deepestExisting(value, path) {
  const result = [];
  for (const segment of path) {
    if (getPath(value, [...result, segment]) === void 0) break;
    result.push(segment);
  }
  return result;
}
function splitRendered(output) {
  const chunks = [];
  for (const text of output.split(/^---\s*$/m)) {
    if (!text.trim()) continue;
    const source = /^# Source: (.+)$/m.exec(text)?.[1]?.trim();
    chunks.push(source ? { source, text } : { text });
  }
  return chunks;
}
function helmError(workspace, chartDir, shownChart, stderr) {
  const message = stderr.trim().split("\n").filter((line) => !line.startsWith("WARNING") && !line.startsWith("walk.go")).join(" ") || "no output";
  const where = /\(([^():\s]+\/templates\/[^():\s]+):(\d+)(?::(\d+))?\)/.exec(message) ?? /([^\s:]+\/templates\/[^\s:]+):(\d+)(?::(\d+))?/.exec(message);
  if (where?.[1] && where[2]) {
    const file = displayPath(workspace, join(chartDir, where[1].split("/").slice(1).join("/")));
    return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message}`, {
      file,
      line: Number(where[2]),
      ...where[3] ? { column: Number(where[3]) } : {}
    });
  }
  if (/chart requires kubeVersion/.test(message)) {
    const lines = readLines(workspace, join(chartDir, "Chart.yaml"));
    const index = lines.findIndex((line) => /^kubeVersion\s*:/.test(line));
    return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message} (set the chart's kubeVersion, or --kube-version)`, {
      file: `${shownChart}/Chart.yaml`,
      line: index + 1 || 1
    });
  }
  return new ConfigurationError(`helm template failed for chart ${shownChart}: ${message}`, { file: `${shownChart}/Chart.yaml`, line: 1 });
}

// src/sources/kustomize.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, relative, resolve } from "node:path";
var ORIGIN = "config.kubernetes.io/origin";
async function buildKustomization(workspace, path) {
  const directory = resolveInside(workspace, path, "kustomization");
  const shown = displayPath(workspace, directory);
  requireDirectory(directory, shown, "kustomization");
  filesBelow(workspace, directory, () => false, "kustomization file");
  const wrapper = mkdtempSync(join2(tmpdir(), "resilience-gates-kustomize-"));
  try {
    writeFileSync(
      join2(wrapper, "kustomization.yaml"),
      `resources:
  - ${JSON.stringify(relative(wrapper, directory))}
buildMetadata: [originAnnotations]
`
    );
    const run = await runTool("kustomize", ["build", "--load-restrictor", "LoadRestrictionsNone", wrapper], {
      cwd: workspace.root,
      timeoutMs: 12e4
    });
    if (run.exitCode !== 0) {
      throw new ConfigurationError(`kustomize build failed for ${shown}: ${run.stderr.trim().split("\n").join(" ")}`, {
        file: `${shown}/kustomization.yaml`,
        line: 1
      });
    }
    const originals = /* @__PURE__ */ new Map();
    return parseYamlDocuments(run.stdout, `${shown} (kustomize build)`).flatMap(
      (document) => manifestObjects(document).map((manifest) => {
        const origin = takeOrigin(manifest.object);
        if (!origin) return manifest;
        const file = resolveInside(workspace, resolve(wrapper, origin), `resource of kustomization ${shown}`);
        const source = findOriginal(workspace, file, manifest, originals);
        return source ? { ...manifest, locate: source } : manifest;
      })
    );
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
}
function takeOrigin(object) {
  const metadata = object.metadata;
  if (!isRecord(metadata) || !isRecord(metadata.annotations)) return void 0;
  const annotation = metadata.annotations[ORIGIN];
  delete metadata.annotations[ORIGIN];
  if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  if (typeof annotation !== "string") return void 0;
  const parsed = parseYamlValue(annotation, `annotation ${ORIGIN}`);
  return isRecord(parsed) && typeof parsed.path === "string" ? parsed.path : void 0;
}
function findOriginal(workspace, file, manifest, cache) {
  let documents2 = cache.get(file);
  if (!documents2) {
    try {
      documents2 = readYamlFile(workspace, file, displayPath(workspace, file));
    } catch {
      documents2 = [];
    }
    cache.set(file, documents2);
  }
  const original = documents2.find((document) => {
    const value = document.value;
    if (!isRecord(value) || value.kind !== manifest.ref.kind || !isRecord(value.metadata)) return false;
    const name = value.metadata.name;
    return typeof name === "string" && manifest.ref.name.includes(name);
  });
  return original ? (path) => locateInDocument(original, path) : void 0;
}

// src/sources/manifests.ts
async function readManifestSources(workspace, sources, logger) {
  const objects = [];
  const errors = [];
  const attempt = async (work) => {
    try {
      objects.push(...await work());
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  };
  const files = expandGlobs(workspace, sources.manifests ?? [], { allowEmpty: sources.allowEmptyGlobs ?? false, what: "manifest" });
  for (const file of files) {
    await attempt(async () => {
      const shown = displayPath(workspace, file);
      const documents2 = readYamlFile(workspace, file, shown);
      if (documents2.every((document) => document.value === null || document.value === void 0)) {
        throw new ConfigurationError(`no Kubernetes object in the file (it is empty or only comments); expected at least one document with apiVersion and kind`, { file: shown, line: 1 });
      }
      for (const document of documents2) await attempt(() => manifestObjects(document));
      return [];
    });
  }
  for (const chart of sources.charts ?? []) {
    logger.info(`rendering chart ${chart.path}${chart.values?.length ? ` with ${chart.values.join(", ")}` : ""}`);
    await attempt(() => renderChart(workspace, chart, sources.kubeVersion));
  }
  for (const directory of sources.kustomize ?? []) {
    logger.info(`building kustomization ${directory}`);
    await attempt(() => buildKustomization(workspace, directory));
  }
  return { objects, files: files.length, errors };
}

// src/gates/backups/definitions.ts
var STORE_LABEL = "resilience-gates.io/store";
var RETENTION_ANNOTATION = "resilience-gates.io/retention";
var DAY2 = 86400;
function labels(object) {
  const value = getPath(object, ["metadata", "labels"]);
  return isRecord(value) ? value : {};
}
function annotations(object) {
  const value = getPath(object, ["metadata", "annotations"]);
  return isRecord(value) ? value : {};
}
function sameNamespace(a, b) {
  return a.ref.namespace === void 0 || b.ref.namespace === void 0 || a.ref.namespace === b.ref.namespace;
}
function familyOf(manifest) {
  const group2 = manifest.apiVersion.split("/")[0] ?? "";
  if (manifest.ref.kind === "CronJob" && group2 === "batch") return "cronjob";
  if (manifest.ref.kind === "Schedule" && group2 === "velero.io") return "velero";
  if (manifest.ref.kind === "Schedule" && (group2 === "k8up.io" || group2 === "backup.appuio.ch")) return "k8up";
  if (manifest.ref.kind === "ScheduledBackup" && group2 === "postgresql.cnpg.io") return "cnpg";
  return void 0;
}
function findBackupDefinitions(objects, isBound) {
  const definitions = [];
  for (const manifest of objects) {
    const family = familyOf(manifest);
    if (!family) continue;
    const object = manifest.object;
    const labelValue = labels(object)[STORE_LABEL];
    let labelStore = typeof labelValue === "string" && labelValue !== "" ? { name: labelValue, location: manifest.locate(["metadata", "labels", STORE_LABEL]) } : void 0;
    const at = (path) => manifest.locate(path);
    const retentionOverride = annotationRetention(manifest);
    switch (family) {
      case "cronjob": {
        if (!labelStore && !isBound(manifest)) continue;
        const status = getPath(object, ["status", "lastSuccessfulTime"]);
        definitions.push({
          family,
          manifest,
          dialect: "standard",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...getPath(object, ["spec", "timeZone"]) !== void 0 ? { timeZone: { value: getPath(object, ["spec", "timeZone"]), path: ["spec", "timeZone"] } } : {},
          ...getPath(object, ["spec", "suspend"]) === true ? { suspended: { path: ["spec", "suspend"] } } : {},
          retention: retentionOverride ?? {
            seconds: null,
            unlimited: false,
            known: false,
            source: `no retention: a CronJob does not say how long its backups are kept (annotation ${RETENTION_ANNOTATION})`,
            location: at(["metadata", "name"])
          },
          ...labelStore ? { labelStore } : {},
          ...typeof status === "string" ? { lastSuccessful: { value: status, location: at(["status", "lastSuccessfulTime"]) } } : {}
        });
        break;
      }
      case "velero": {
        const ttl = getPath(object, ["spec", "template", "ttl"]);
        let retention;
        if (retentionOverride) retention = retentionOverride;
        else if (ttl === void 0) retention = { seconds: 720 * 3600, unlimited: false, known: true, source: "Velero's default TTL 720h (spec.template.ttl is not set)", location: at(["spec", "template"]) };
        else {
          const seconds4 = typeof ttl === "string" ? parseGoDuration(ttl) : void 0;
          retention = seconds4 === void 0 ? { seconds: null, unlimited: false, known: false, source: "spec.template.ttl", error: `ttl ${JSON.stringify(ttl)} is not a Go duration like 720h0m0s`, location: at(["spec", "template", "ttl"]) } : { seconds: seconds4, unlimited: false, known: true, source: `Velero spec.template.ttl ${String(ttl)}`, location: at(["spec", "template", "ttl"]) };
        }
        definitions.push({
          family,
          manifest,
          dialect: "standard",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...getPath(object, ["spec", "paused"]) === true ? { suspended: { path: ["spec", "paused"] } } : {},
          retention,
          ...labelStore ? { labelStore } : {}
        });
        break;
      }
      case "k8up": {
        if (!isRecord(getPath(object, ["spec", "backup"]))) continue;
        definitions.push({
          family,
          manifest,
          dialect: "k8up",
          schedulePath: ["spec", "backup", "schedule"],
          schedule: getPath(object, ["spec", "backup", "schedule"]),
          retention: retentionOverride ?? k8upRetention(manifest),
          ...labelStore ? { labelStore } : {}
        });
        break;
      }
      case "cnpg": {
        const clusterName = getPath(object, ["spec", "cluster", "name"]);
        const cluster = objects.find(
          (other) => other.ref.kind === "Cluster" && other.apiVersion.startsWith("postgresql.cnpg.io/") && other.ref.name === clusterName && sameNamespace(other, manifest)
        );
        if (!labelStore && cluster) {
          const fromCluster = labels(cluster.object)[STORE_LABEL];
          if (typeof fromCluster === "string" && fromCluster !== "") labelStore = { name: fromCluster, location: cluster.locate(["metadata", "labels", STORE_LABEL]) };
        }
        definitions.push({
          family,
          manifest,
          dialect: "seconds",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...getPath(object, ["spec", "suspend"]) === true ? { suspended: { path: ["spec", "suspend"] } } : {},
          retention: retentionOverride ?? cnpgRetention(manifest, cluster, objects, typeof clusterName === "string" ? clusterName : void 0),
          ...labelStore ? { labelStore } : {}
        });
        break;
      }
    }
  }
  return definitions;
}
function annotationRetention(manifest) {
  const value = annotations(manifest.object)[RETENTION_ANNOTATION];
  if (value === void 0) return void 0;
  const location = manifest.locate(["metadata", "annotations", RETENTION_ANNOTATION]);
  const source = `annotation ${RETENTION_ANNOTATION}: ${String(value)}`;
  if (value === "unlimited") return { seconds: null, unlimited: true, known: true, source, location };
  const seconds4 = typeof value === "string" ? parseCatalogDuration(value) : void 0;
  if (seconds4 === void 0) {
    return { seconds: null, unlimited: false, known: false, source, error: `${JSON.stringify(value)} is not a duration like 30d or 12w, nor "unlimited"`, location };
  }
  return { seconds: seconds4, unlimited: false, known: true, source, location };
}
function parseCnpgRetention(value) {
  const match = typeof value === "string" ? /^([1-9][0-9]*)([dwm])$/.exec(value) : null;
  if (!match) return void 0;
  return Number(match[1]) * ({ d: 1, w: 7, m: 30 }[match[2]] * DAY2);
}
function cnpgRetention(manifest, cluster, objects, clusterName) {
  const method = getPath(manifest.object, ["spec", "method"]) ?? "barmanObjectStore";
  if (!cluster) {
    return {
      seconds: null,
      unlimited: false,
      known: false,
      source: `the CloudNativePG Cluster ${clusterName ?? "(spec.cluster.name is not set)"} is not among the manifests, so its retentionPolicy is unknown (annotation ${RETENTION_ANNOTATION})`,
      location: manifest.locate(["spec", "cluster", "name"])
    };
  }
  if (method === "volumeSnapshot") {
    return {
      seconds: null,
      unlimited: false,
      known: false,
      source: `volume snapshots are not pruned by CloudNativePG; state their retention with the annotation ${RETENTION_ANNOTATION}`,
      location: manifest.locate(["spec", "method"])
    };
  }
  const fromPolicy = (owner, path, what) => {
    const value = getPath(owner.object, path);
    const location = owner.locate(path);
    if (value === void 0) {
      return { seconds: null, unlimited: true, known: true, source: `${what} has no retentionPolicy, so backups are never deleted`, location: owner.locate(path.slice(0, -1)) };
    }
    const seconds4 = parseCnpgRetention(value);
    return seconds4 === void 0 ? { seconds: null, unlimited: false, known: false, source: what, error: `retentionPolicy ${JSON.stringify(value)} is not like 30d, 4w or 3m`, location } : { seconds: seconds4, unlimited: false, known: true, source: `${what} retentionPolicy ${String(value)}`, location };
  };
  if (method === "plugin") {
    const plugins = getPath(cluster.object, ["spec", "plugins"]);
    const index = Array.isArray(plugins) ? plugins.findIndex((plugin) => isRecord(plugin) && typeof getPath(plugin, ["parameters", "barmanObjectName"]) === "string") : -1;
    const objectName2 = index >= 0 ? getPath(cluster.object, ["spec", "plugins", index, "parameters", "barmanObjectName"]) : void 0;
    const store = objects.find((other) => other.ref.kind === "ObjectStore" && other.apiVersion.startsWith("barmancloud.cnpg.io/") && other.ref.name === objectName2 && sameNamespace(other, cluster));
    if (!store) {
      return {
        seconds: null,
        unlimited: false,
        known: false,
        source: `the Barman Cloud ObjectStore ${typeof objectName2 === "string" ? objectName2 : "(no barmanObjectName in the Cluster's plugins)"} is not among the manifests, so its retentionPolicy is unknown`,
        location: cluster.locate(index >= 0 ? ["spec", "plugins", index] : ["spec"])
      };
    }
    return fromPolicy(store, ["spec", "retentionPolicy"], `ObjectStore ${store.ref.name}`);
  }
  return fromPolicy(cluster, ["spec", "backup", "retentionPolicy"], `Cluster ${cluster.ref.name} spec.backup`);
}
function k8upRetention(manifest) {
  const prune = getPath(manifest.object, ["spec", "prune"]);
  if (!isRecord(prune)) {
    return { seconds: null, unlimited: true, known: true, source: "k8up without a prune schedule never deletes backups", location: manifest.locate(["spec", "backup"]) };
  }
  const retention = getPath(prune, ["retention"]);
  const location = manifest.locate(["spec", "prune", "retention"]);
  if (!isRecord(retention)) {
    return { seconds: null, unlimited: true, known: true, source: "k8up prune has no retention rules, so restic keeps every snapshot", location };
  }
  const periods = { keepHourly: 3600, keepDaily: DAY2, keepWeekly: 7 * DAY2, keepMonthly: 30 * DAY2, keepYearly: 365 * DAY2 };
  let best;
  for (const [rule, period] of Object.entries(periods)) {
    const count = retention[rule];
    if (typeof count === "number" && count > 0 && (!best || count * period > best.seconds)) best = { seconds: count * period, rule: `${rule} ${count}` };
  }
  const keepLast = retention.keepLast;
  if (typeof keepLast === "number" && keepLast > 0) {
    return { seconds: best?.seconds ?? null, unlimited: false, known: true, source: `k8up prune.retention${best ? ` ${best.rule},` : ""} keepLast ${keepLast}`, location, keepLast };
  }
  if (!best) return { seconds: null, unlimited: true, known: true, source: "k8up prune.retention sets no keep rule", location };
  return { seconds: best.seconds, unlimited: false, known: true, source: `k8up prune.retention ${best.rule}`, location };
}

// src/gates/backups/evidence.ts
function readEvidence(workspace, inputs) {
  const records = [];
  const problems = [];
  const files = expandJsonInputs(workspace, inputs, "evidence");
  for (const absolute of files) {
    const shown = displayPath(workspace, absolute);
    let json;
    try {
      json = readJsonFile(workspace, absolute, shown);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push({ file: shown, message: error.message.replace(/^[^:]+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } });
      continue;
    }
    const schemaProblems = Array.isArray(json.value) ? validate("backup-evidence", json.value, void 0, "the evidence") : validate("backup-evidence", json.value, "$defs/record", "the evidence");
    if (schemaProblems.length > 0) {
      const [first] = schemaProblems;
      problems.push({
        file: shown,
        message: `not valid backup evidence (schemas/backup-evidence.schema.json): ${schemaProblems.slice(0, 3).map((p) => p.message).join("; ")}`,
        location: json.locate(first?.path ?? [])
      });
      continue;
    }
    const list2 = Array.isArray(json.value) ? json.value : [json.value];
    list2.forEach((raw, index) => {
      const base = Array.isArray(json.value) ? [index] : [];
      const finishedAt = epochSeconds(raw.finishedAt);
      const startedAt = raw.startedAt === void 0 ? null : epochSeconds(raw.startedAt) ?? void 0;
      if (finishedAt === void 0 || startedAt === void 0) {
        const field = finishedAt === void 0 ? "finishedAt" : "startedAt";
        problems.push({ file: shown, message: `${field} ${String(raw[field])} is not a real calendar time`, location: json.locate([...base, field]) });
        return;
      }
      if (startedAt !== null && startedAt > finishedAt) {
        problems.push({
          file: shown,
          message: `startedAt ${raw.startedAt} is after finishedAt ${raw.finishedAt}: a backup cannot finish before it starts`,
          location: json.locate([...base, "startedAt"])
        });
        return;
      }
      records.push({
        store: raw.store,
        status: raw.status,
        finishedAt,
        startedAt,
        backupId: raw.backupId ?? null,
        source: "file",
        file: shown,
        locate: (field) => json.locate(field === "record" ? base : [...base, field])
      });
    });
  }
  return { records, problems, files: files.length };
}

// src/gates/backups/live.ts
var CRONJOB = { kind: "CronJob", group: "batch", version: "v1", plural: "cronjobs" };
var VELERO_SCHEDULE = { kind: "Schedule", group: "velero.io", version: "v1", plural: "schedules", crd: "schedules.velero.io", system: "velero" };
var VELERO_BACKUP = { kind: "Backup", group: "velero.io", version: "v1", plural: "backups", crd: "backups.velero.io", system: "velero" };
var CNPG_TYPES = [
  { kind: "ScheduledBackup", group: "postgresql.cnpg.io", version: "v1", plural: "scheduledbackups", crd: "scheduledbackups.postgresql.cnpg.io", system: "cnpg" },
  { kind: "Cluster", group: "postgresql.cnpg.io", version: "v1", plural: "clusters", crd: "clusters.postgresql.cnpg.io", system: "cnpg" },
  { kind: "Backup", group: "postgresql.cnpg.io", version: "v1", plural: "backups", crd: "backups.postgresql.cnpg.io", system: "cnpg" }
];
var K8UP_TYPES = [
  { kind: "Schedule", group: "k8up.io", version: "v1", plural: "schedules", crd: "schedules.k8up.io", system: "k8up" },
  { kind: "Backup", group: "k8up.io", version: "v1", plural: "backups", crd: "backups.k8up.io", system: "k8up" }
];
var BACKUP_RESOURCE_TYPES = [CRONJOB, VELERO_SCHEDULE, VELERO_BACKUP, ...CNPG_TYPES, ...K8UP_TYPES];
async function readLiveBackupObjects(options, repository, logger) {
  const reader = await ClusterReader.connect(options, logger);
  logger.info(`backups: reading CronJobs and Velero, CloudNativePG and k8up objects from ${reader.describe()}`);
  const required = new Set(options.require ?? []);
  const optional = (type) => !required.has(type.system);
  const results = [
    ...await reader.listAll([CRONJOB, ...CNPG_TYPES, ...K8UP_TYPES], optional),
    ...await reader.inNamespace(options.veleroNamespace ?? "velero").listAll([VELERO_SCHEDULE, VELERO_BACKUP], optional)
  ];
  const index = repositoryIndex(repository);
  const objects = results.flatMap((result) => "objects" in result ? result.objects.map((object) => liveManifest(object, index)) : []);
  return { objects, label: reader.label };
}
function group(manifest) {
  return manifest.apiVersion.split("/")[0] ?? "";
}
function label(manifest, key) {
  const value = getPath(manifest.object, ["metadata", "labels", key]);
  return typeof value === "string" && value !== "" ? value : void 0;
}
function time(manifest, path) {
  const value = getPath(manifest.object, path);
  return typeof value === "string" ? epochSeconds(value) : void 0;
}
function veleroOutcome(manifest) {
  const phase = getPath(manifest.object, ["status", "phase"]);
  const startedAt = time(manifest, ["status", "startTimestamp"]) ?? null;
  const finished = time(manifest, ["status", "completionTimestamp"]);
  if (phase === "Completed" && finished !== void 0) return { status: "succeeded", finishedAt: finished, startedAt, statusPath: ["status", "completionTimestamp"] };
  if (phase === "Failed" || phase === "PartiallyFailed" || phase === "FailedValidation") {
    const at = finished ?? startedAt ?? time(manifest, ["metadata", "creationTimestamp"]);
    if (at !== void 0) return { status: "failed", finishedAt: at, startedAt, statusPath: ["status", "phase"] };
  }
  return void 0;
}
function cnpgOutcome(manifest) {
  const phase = getPath(manifest.object, ["status", "phase"]);
  const startedAt = time(manifest, ["status", "startedAt"]) ?? null;
  const stopped = time(manifest, ["status", "stoppedAt"]);
  if (phase === "completed" && stopped !== void 0) return { status: "succeeded", finishedAt: stopped, startedAt, statusPath: ["status", "stoppedAt"] };
  if (phase === "failed") {
    const at = stopped ?? startedAt ?? time(manifest, ["metadata", "creationTimestamp"]);
    if (at !== void 0) return { status: "failed", finishedAt: at, startedAt, statusPath: ["status", "phase"] };
  }
  return void 0;
}
function k8upOutcome(manifest) {
  const conditions = getPath(manifest.object, ["status", "conditions"]);
  if (!Array.isArray(conditions)) return void 0;
  const index = conditions.findIndex((condition2) => isRecord(condition2) && condition2.type === "Completed" && condition2.status === "True");
  const condition = conditions[index];
  const at = typeof condition?.lastTransitionTime === "string" ? epochSeconds(condition.lastTransitionTime) : void 0;
  if (!condition || at === void 0) return void 0;
  const statusPath = ["status", "conditions", String(index)];
  if (condition.reason === "Succeeded") return { status: "succeeded", finishedAt: at, startedAt: null, statusPath };
  if (condition.reason === "Failed") return { status: "failed", finishedAt: at, startedAt: null, statusPath };
  return void 0;
}
var SOURCES = { velero: "velero-backup", cnpg: "cnpg-backup", k8up: "k8up-backup" };
var WORDS = { velero: "Velero Backup", cnpg: "CloudNativePG Backup", k8up: "k8up Backup" };
function liveBackupEvidence(objects, definitions, source) {
  const records = [];
  const sameNamespace3 = (a, b) => a.ref.namespace === b.ref.namespace;
  for (const manifest of objects) {
    if (manifest.ref.kind !== "Backup") continue;
    const system = group(manifest) === "velero.io" ? "velero" : group(manifest) === "postgresql.cnpg.io" ? "cnpg" : group(manifest) === "k8up.io" ? "k8up" : void 0;
    if (!system) continue;
    const outcome = system === "velero" ? veleroOutcome(manifest) : system === "cnpg" ? cnpgOutcome(manifest) : k8upOutcome(manifest);
    if (!outcome) continue;
    const makers = definitions.filter(({ definition }) => {
      const made = definition.manifest;
      if (definition.family !== system || !sameNamespace3(made, manifest)) return false;
      if (system === "velero") return label(manifest, "velero.io/schedule-name") === made.ref.name;
      if (system === "cnpg") return getPath(made.object, ["spec", "cluster", "name"]) === getPath(manifest.object, ["spec", "cluster", "name"]);
      const owners = getPath(manifest.object, ["metadata", "ownerReferences"]);
      return Array.isArray(owners) && owners.some((owner) => isRecord(owner) && owner.kind === "Schedule" && owner.name === made.ref.name);
    });
    const stores = new Set(makers.flatMap((maker) => maker.stores));
    const own = label(manifest, STORE_LABEL);
    if (own) stores.add(own);
    for (const store of [...stores].sort()) {
      records.push({
        store,
        status: outcome.status,
        finishedAt: outcome.finishedAt,
        startedAt: outcome.startedAt,
        backupId: `${WORDS[system]} ${manifest.ref.namespace ? `${manifest.ref.namespace}/` : ""}${manifest.ref.name}`,
        source: SOURCES[system],
        file: source,
        locate: (field) => manifest.locate(field === "store" ? ["metadata", "labels"] : field === "record" ? [] : outcome.statusPath)
      });
    }
  }
  return records;
}

// src/gates/backups/index.ts
function readObjects(context, options) {
  return readManifestSources(context.workspace, options, context.logger);
}
function bindingsOf(catalog, options) {
  const bindings = [];
  for (const store of catalog.stores) {
    store.backups.forEach((ref, index) => bindings.push({ ...ref, store: store.name, origin: "catalog", location: store.locate(["backups", index]) }));
  }
  for (const binding of options.bindings ?? []) bindings.push({ ...binding, origin: "config" });
  return bindings;
}
function bindingMatches(binding, manifest) {
  return binding.kind === manifest.ref.kind && binding.name === manifest.ref.name && (binding.namespace === void 0 || manifest.ref.namespace === void 0 || binding.namespace === manifest.ref.namespace);
}
function judgeSchedule(definition, defaultZone, now) {
  const raw = definition.schedule;
  const specZone = definition.timeZone?.value;
  let zone = defaultZone;
  let zoneSource = "default";
  if (typeof raw !== "string" || raw.trim() === "") {
    return { definition, zone, zoneSource, error: { field: "schedule", message: `${definition.schedulePath.join(".")} is missing or not a string` } };
  }
  let parsed;
  try {
    parsed = parseSchedule(raw, definition.dialect);
  } catch (error) {
    if (error instanceof ScheduleError) return { definition, zone, zoneSource, error: { field: "schedule", message: error.message } };
    throw error;
  }
  if (specZone !== void 0 && specZone !== null) {
    if (typeof specZone !== "string" || !isValidTimeZone(specZone)) {
      return { definition, zone, zoneSource, parsed, error: { field: "timeZone", message: `spec.timeZone ${JSON.stringify(specZone)} is not a time zone of the tz database (like Europe/Berlin or UTC)` } };
    }
    if (parsed.prefixTimeZone) {
      return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: "a CRON_TZ= or TZ= prefix in the schedule is not allowed together with spec.timeZone" } };
    }
    zone = specZone;
    zoneSource = "spec.timeZone";
  } else if (parsed.prefixTimeZone) {
    if (!isValidTimeZone(parsed.prefixTimeZone)) {
      return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: `time zone ${parsed.prefixTimeZone} in the schedule is not in the tz database` } };
    }
    zone = parsed.prefixTimeZone;
    zoneSource = "schedule prefix";
  }
  try {
    return { definition, zone, zoneSource, parsed, gap: worstCaseGap(parsed, zone, now) };
  } catch (error) {
    if (error instanceof ScheduleError) return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: `${error.message} (in ${zone})` } };
    throw error;
  }
}
function gapStartText(epochSeconds2, zone) {
  const offset = zoneOffsetMs(zone, epochSeconds2 * 1e3);
  const wall = new Date(epochSeconds2 * 1e3 + offset).toISOString().slice(0, 16);
  const minutes = Math.round(Math.abs(offset) / 6e4);
  const sign = offset < 0 ? "-" : "+";
  return `${wall}${offset === 0 ? "Z" : `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`}`;
}
function schedulePath(definition, field) {
  switch (field) {
    case "schedule":
      return definition.schedulePath;
    case "timeZone":
      return definition.timeZone?.path ?? definition.schedulePath;
    case "suspend":
      return definition.suspended?.path ?? definition.schedulePath;
    case "name":
    case "label":
    case "retention":
      return ["metadata", "name"];
  }
}
async function collect(context, options) {
  const { workspace, now } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const defaultZone = options.defaultTimeZone ?? "UTC";
  if (!isValidTimeZone(defaultZone)) throw new ConfigurationError(`backups: defaultTimeZone ${defaultZone} is not a time zone of the tz database`);
  const read = await readObjects(context, options);
  const live = options.cluster ? await readLiveBackupObjects(options.cluster === true ? {} : options.cluster, read.objects, context.logger) : void 0;
  const objects = live ? live.objects : read.objects;
  const files = read.files;
  const bindings = bindingsOf(catalog, options);
  const definitions = findBackupDefinitions(objects, (manifest) => bindings.some((binding) => bindingMatches(binding, manifest)));
  const judged = definitions.map((definition) => {
    const stores = /* @__PURE__ */ new Set();
    if (definition.labelStore) stores.add(definition.labelStore.name);
    for (const binding of bindings) if (bindingMatches(binding, definition.manifest)) stores.add(binding.store);
    return { ...judgeSchedule(definition, defaultZone, now), stores: [...stores].sort() };
  });
  const evidence = readEvidence(workspace, options.evidence ?? []);
  const records = [...evidence.records];
  const problems = [...evidence.problems];
  for (const { definition, stores } of judged) {
    const status = definition.lastSuccessful;
    if (!status) continue;
    const finishedAt = epochSeconds(status.value);
    const file = status.location?.file ?? live?.label ?? "(unknown)";
    if (finishedAt === void 0) {
      problems.push({ file, message: `status.lastSuccessfulTime ${status.value} of ${definition.manifest.ref.kind} ${definition.manifest.ref.name} is not an RFC 3339 time`, location: status.location });
      continue;
    }
    for (const store of stores) {
      records.push({
        store,
        status: "succeeded",
        finishedAt,
        startedAt: null,
        backupId: `${definition.manifest.ref.kind}/${definition.manifest.ref.name}`,
        source: "cronjob-status",
        file,
        locate: () => status.location
      });
    }
  }
  if (live) records.push(...liveBackupEvidence(objects, judged, live.label));
  const storeIndex = new Map(catalog.stores.map((store, id) => [store.name, id]));
  const input = {
    catalog: catalog.file,
    stores: catalog.stores.map((store, id) => storeFacts(store, id)),
    schedules: judged.map((entry, id) => {
      const { definition } = entry;
      const retention = definition.retention;
      const keepLastSeconds = retention.keepLast !== void 0 && entry.gap ? retention.keepLast * entry.gap.minGapSeconds : 0;
      const retentionSeconds = retention.seconds === null && keepLastSeconds === 0 ? null : Math.max(retention.seconds ?? 0, keepLastSeconds);
      return {
        id,
        kind: definition.manifest.ref.kind,
        api_version: definition.manifest.apiVersion,
        family: definition.family,
        name: definition.manifest.ref.name,
        namespace: definition.manifest.ref.namespace ?? "",
        stores: entry.stores.filter((name) => storeIndex.has(name)),
        // An unknown store named by a binding is reported once, at the binding.
        unknown_stores: definition.labelStore && !storeIndex.has(definition.labelStore.name) ? [definition.labelStore.name] : [],
        label_store: definition.labelStore?.name ?? null,
        schedule: typeof definition.schedule === "string" ? definition.schedule : null,
        fields: entry.parsed?.fields ?? 0,
        form: entry.parsed?.form ?? null,
        time_zone: entry.zone,
        time_zone_source: entry.zoneSource,
        error: entry.error ?? null,
        max_gap_seconds: entry.gap?.maxGapSeconds ?? null,
        max_gap_after: entry.gap && entry.parsed?.form !== "every" && entry.parsed?.form !== "random" ? gapStartText(entry.gap.gapStart, entry.zone) : null,
        suspended: definition.suspended !== void 0,
        retention_seconds: retention.unlimited ? null : retentionSeconds,
        retention_unlimited: retention.unlimited,
        retention_known: retention.known && (retention.unlimited || retentionSeconds !== null),
        retention_source: retention.source + (retention.keepLast !== void 0 && entry.gap ? ` (${retention.keepLast} runs at least ${formatDuration(entry.gap.minGapSeconds)} apart)` : ""),
        retention_error: retention.error ?? null
      };
    }),
    bindings: bindings.map((binding, id) => ({
      id,
      store: binding.store,
      store_known: storeIndex.has(binding.store),
      kind: binding.kind,
      name: binding.name,
      namespace: binding.namespace ?? "",
      origin: binding.origin,
      matched: definitions.some((definition) => bindingMatches(binding, definition.manifest))
    })),
    evidence: records.map((record, id) => ({
      id,
      store: record.store,
      status: record.status,
      finished_at: record.finishedAt,
      started_at: record.startedAt,
      backup_id: record.backupId,
      source: record.source,
      file: record.file
    })),
    evidence_problems: problems.map((problem, id) => ({ id, file: problem.file, message: problem.message }))
  };
  const locate2 = (finding) => {
    const number = (key) => typeof finding[key] === "number" ? finding[key] : void 0;
    const scheduleId = number("schedule");
    if (scheduleId !== void 0) {
      const entry = judged[scheduleId];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown schedule ${scheduleId}`);
      const field = typeof finding.field === "string" ? finding.field : "schedule";
      const { definition } = entry;
      const location = field === "retention" ? definition.retention.location : field === "label" && definition.labelStore ? definition.labelStore.location : definition.manifest.locate(schedulePath(definition, field));
      return { resource: definition.manifest.ref, location };
    }
    const evidenceId = number("evidence");
    if (evidenceId !== void 0) {
      const record = records[evidenceId];
      if (!record) throw new CollectorError(`policy finding ${finding.rule} names unknown evidence ${evidenceId}`);
      const field = typeof finding.field === "string" ? finding.field : "finishedAt";
      const store2 = catalog.byName.get(record.store);
      return { ...store2 ? { resource: { kind: "Store", name: store2.name } } : {}, location: record.locate(field) };
    }
    const problemId = number("evidence_problem");
    if (problemId !== void 0) {
      const problem = problems[problemId];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown evidence problem ${problemId}`);
      return { location: problem.location };
    }
    const bindingId = number("binding");
    if (bindingId !== void 0) {
      const binding = bindings[bindingId];
      if (!binding) throw new CollectorError(`policy finding ${finding.rule} names unknown binding ${bindingId}`);
      return { resource: { kind: binding.kind, name: binding.name, ...binding.namespace ? { namespace: binding.namespace } : {} }, ...binding.location ? { location: binding.location } : {} };
    }
    const storeId = number("store");
    const store = storeId !== void 0 ? catalog.stores[storeId] : void 0;
    if (!store) throw new CollectorError(`policy finding ${finding.rule} has no locator the backups collector knows`);
    return { resource: { kind: "Store", name: store.name }, location: store.location };
  };
  return {
    input,
    locate: locate2,
    ...read.errors.length > 0 ? { errors: read.errors } : {},
    stats: {
      files,
      objects: objects.length,
      stores: catalog.stores.length,
      definitions: definitions.length,
      evidenceFiles: evidence.files,
      evidence: records.length
    }
  };
}
var backupsGate = {
  id: "backups",
  summary: "Every stateful store has a backup schedule within its tier's RPO, retention that covers its drill cadence, and a fresh successful backup",
  cliFlags: BACKUPS_FLAGS,
  optionsFromFlags(flags) {
    const options = objectSourcesFromFlags(flags);
    const evidence = flagList(flags.evidence);
    if (typeof flags.catalog === "string" && flags.catalog !== "") options.catalog = flags.catalog;
    if (evidence.length) options.evidence = evidence;
    return Object.keys(options).length > 0 ? options : void 0;
  },
  collect,
  fixtureOptions: (file) => fixtureOptionsFor(file)
};
function fixtureOptionsFor(file) {
  const text = readHeader(file);
  const catalog = /^# catalog: (\S+)\s*$/m.exec(text)?.[1] ?? "fixtures/backups/data/catalog.yaml";
  const evidenceLine = /^# evidence:(.*)$/m.exec(text)?.[1];
  const evidence = evidenceLine === void 0 ? ["fixtures/backups/data/evidence"] : evidenceLine.split(/\s+/).filter(Boolean).filter((entry) => entry !== "none");
  const zone = /^# default-time-zone: (\S+)\s*$/m.exec(text)?.[1];
  return { catalog, manifests: [file], evidence, ...zone ? { defaultTimeZone: zone } : {} };
}
function readHeader(file) {
  const header = [];
  for (const line of readStandaloneTextFile(file, file).split("\n")) {
    if (!line.startsWith("#")) break;
    header.push(line);
  }
  return header.join("\n");
}

// src/drill/evidence.ts
function trustedKeys(context, gate, option, noun) {
  const files = option.publicKey === void 0 ? [] : Array.isArray(option.publicKey) ? option.publicKey : [option.publicKey];
  const keys = files.map((file) => {
    const absolute = resolveInside(context.workspace, file, "public key");
    return readPublicKeyFile(absolute, displayPath(context.workspace, absolute));
  });
  const variable = option.publicKeyEnv ?? PUBLIC_KEY_ENV;
  const fromEnv = process.env[variable];
  if (fromEnv?.trim()) keys.push(parsePublicKey(fromEnv, `$${variable}`));
  if (keys.length === 0) {
    throw new ConfigurationError(`${gate}: no public key to verify ${noun}s with, so none could be trusted: give --public-key F (gates.${gate}.publicKey) or set ${variable}`);
  }
  return keys;
}
function publishedResourceType(kind) {
  return { kind: "ConfigMap", group: "", version: "v1", plural: "configmaps", labelSelector: kind.label };
}
async function readPublishedSigned(context, gate, options, keys, published, signed) {
  const reader = await ClusterReader.connect(options, context.logger);
  context.logger.info(`${gate}: reading ConfigMaps labelled ${published.label} from ${reader.describe()}`);
  const [result] = await reader.listAll([publishedResourceType(published)]);
  const objects = result && "objects" in result ? result.objects : [];
  return objects.map((object) => {
    const metadata = isRecord(object.metadata) ? object.metadata : {};
    const resource = { kind: "ConfigMap", name: String(metadata.name), namespace: String(metadata.namespace) };
    const shown = `configmaps/${resource.namespace}/${resource.name}/${published.dataKey}`;
    const text = isRecord(object.data) ? object.data[published.dataKey] : void 0;
    return {
      shown,
      resource,
      result: typeof text === "string" ? readSignedText(text, shown, keys, signed) : { ok: false, message: `ConfigMap ${resource.namespace}/${resource.name} is labelled ${published.label} but has no data key ${published.dataKey}`, location: { file: shown, line: 1 } }
    };
  });
}

// src/gates/chaos-readiness/index.ts
var CHAOS_READINESS_GATE = "chaos-readiness";
var DEFAULT_CHAOS_TIERS = [0, 1];
var CHAOS_RESULT_RESOURCE_TYPE = publishedResourceType(CHAOS_RESULT_CONFIGMAP);
var TIME_FIELDS = ["startedAt", "faultStartedAt", "faultEndedAt", "recoveredAt", "finishedAt"];
function cadenceOf(options, tier) {
  const written = options.cadence?.[String(tier)];
  if (written === void 0) return { seconds: TIER_DEFAULTS[tier].drillEvery, text: `${TIER_DEFAULTS[tier].drillEvery / 86400}d`, configured: false };
  const seconds4 = parseCatalogDuration(written);
  if (seconds4 === void 0 || seconds4 <= 0) throw new ConfigurationError(`chaos-readiness: cadence of tier ${tier}, ${written}, is not a duration like 90d, 12w or 720h`);
  return { seconds: seconds4, text: written, configured: true };
}
async function collect2(context, options) {
  const { workspace } = context;
  const chaos = options.experiments !== void 0 ? loadChaosConfig(workspace, options.experiments) : void 0;
  const catalog = options.catalog === void 0 && chaos ? chaos.catalog : loadCatalog(workspace, options.catalog);
  const keys = trustedKeys(context, CHAOS_READINESS_GATE, options, "chaos result");
  const tiers = options.tiers ?? [...DEFAULT_CHAOS_TIERS];
  const files = expandJsonInputs(workspace, options.results ?? [], "results");
  const sources = files.map((absolute) => {
    const shown = displayPath(workspace, absolute);
    return { shown, result: readResultFile(workspace, absolute, shown, keys) };
  });
  if (options.cluster) {
    sources.push(...await readPublishedSigned(context, CHAOS_READINESS_GATE, options.cluster === true ? {} : options.cluster, keys, CHAOS_RESULT_CONFIGMAP, CHAOS_RESULT));
  }
  for (const service of Object.keys(options.acceptVersions ?? {})) {
    if (!catalog.services.some((candidate) => candidate.name === service)) {
      throw new ConfigurationError(`chaos-readiness: acceptVersions names ${service}, which is not a service of ${catalog.file} (it has ${catalog.services.map((s) => s.name).join(", ") || "none"})`);
    }
  }
  const services = catalog.services.map((service, id) => {
    const cadence = cadenceOf(options, service.tier);
    return {
      id,
      name: service.name,
      owner: service.owner,
      tier: service.tier,
      required: tiers.includes(service.tier),
      dependencies: service.dependencies,
      cadence_seconds: cadence.seconds,
      cadence_text: cadence.text,
      cadence_configured: cadence.configured,
      accept_versions: options.acceptVersions?.[service.name] ?? null
    };
  });
  const serviceNames = new Map(catalog.services.map((service) => [service.name, service]));
  const experiments = (chaos?.experiments ?? []).map((experiment) => ({
    name: experiment.name,
    service: experiment.service,
    dependency: experiment.dependency ?? null,
    pod_loss: experiment.podLoss === true,
    target: experiment.target,
    file: chaos?.file ?? "",
    line: experiment.location.line
  }));
  const read = [];
  const results = [];
  const problems = [];
  for (const { shown, result, resource } of sources) {
    if (!result.ok) {
      problems.push({ id: problems.length, file: shown, message: result.message, location: result.location, resource });
      continue;
    }
    const { proof, signature, json } = result;
    const epochs = {};
    let bad;
    for (const key of TIME_FIELDS) {
      const value = proof.times[key];
      const seconds4 = value === null ? null : epochSeconds(value);
      if (seconds4 === void 0) bad = `times.${key} ${String(value)} is not a real calendar time`;
      epochs[key] = seconds4 ?? null;
    }
    if (bad) {
      problems.push({ id: problems.length, file: shown, message: bad, location: json.locate(["times"]), resource });
      continue;
    }
    const known = serviceNames.get(proof.service);
    const phase = (name) => {
      const figures = proof.measured.phases[name];
      return figures ? { requests: figures.requests, errors: figures.errors, aborted: figures.aborted } : null;
    };
    read.push({ json, resource });
    results.push({
      id: results.length,
      file: shown,
      experiment: proof.experiment,
      service: proof.service,
      service_known: known !== void 0,
      dependency: proof.dependency,
      dependency_declared: proof.dependency === null || (known?.dependencies.includes(proof.dependency) ?? false),
      pod_loss: proof.podLoss,
      target: proof.target,
      service_version: proof.serviceVersion,
      result: proof.result,
      signature: signature.status,
      signature_detail: signature.detail,
      key_id: signature.keyId,
      started: epochs.startedAt,
      fault_started: epochs.faultStartedAt,
      fault_ended: epochs.faultEndedAt,
      recovered: epochs.recoveredAt,
      finished: epochs.finishedAt,
      recovery_seconds: proof.measured.recoverySeconds,
      phases: { before: phase("before"), during: phase("during"), after: phase("after") },
      slis: proof.slis.map((sli, index) => ({
        index,
        phase: sli.phase,
        slo: sli.slo,
        objective: sli.objective,
        target: sli.target,
        samples: sli.samples,
        ratio: sli.ratio,
        quantile_seconds: sli.quantileSeconds,
        met: sli.met,
        required: sli.required,
        text: sliText(sli)
      })),
      expectations: proof.expectations.map((expectation, index) => ({ index, description: expectation.description, observed: expectation.observed, detail: expectation.detail })),
      undone: proof.undone.map((record, index) => ({ index, what: record.what, ok: record.ok })),
      touched: proof.touched.length,
      failures: proof.failures
    });
  }
  const locate2 = (finding) => {
    if (typeof finding.result === "number") {
      const source = read[finding.result];
      if (!source) throw new CollectorError(`policy finding ${finding.rule} names unknown chaos result ${finding.result}`);
      if (source.resource) return { resource: source.resource };
      const path = Array.isArray(finding.path) ? finding.path : [];
      const service2 = serviceNames.get(String(results[finding.result]?.service));
      return { ...service2 ? { resource: { kind: "Service", name: service2.name } } : {}, location: source.json.locate(path) };
    }
    if (typeof finding.problem === "number") {
      const problem = problems[finding.problem];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown problem ${finding.problem}`);
      return problem.resource ? { resource: problem.resource } : { location: problem.location };
    }
    const service = typeof finding.service === "number" ? catalog.services[finding.service] : void 0;
    if (!service) throw new CollectorError(`policy finding ${finding.rule} has no locator the chaos-readiness collector knows`);
    const location = typeof finding.dependency_index === "number" ? service.locate(["dependencies", finding.dependency_index]) : service.location;
    return { resource: { kind: "Service", name: service.name }, location };
  };
  return {
    input: {
      catalog: catalog.file,
      experiments_file: chaos?.file ?? null,
      trusted_keys: keys.length,
      tiers,
      services,
      experiments,
      results,
      problems: problems.map(({ id, file, message }) => ({ id, file, message }))
    },
    locate: locate2,
    stats: {
      services: services.filter((service) => service.required).length,
      experiments: experiments.length,
      files: files.length,
      results: results.length,
      problems: problems.length,
      ...options.cluster ? { configMaps: sources.length - files.length } : {}
    }
  };
}
var chaosReadinessGate = {
  id: CHAOS_READINESS_GATE,
  summary: "Every tier 0/1 service has a fresh, passing, signed chaos-experiment result for each dependency and for pod loss",
  cliFlags: CHAOS_READINESS_FLAGS,
  optionsFromFlags(flags) {
    const results = flagList(flags.results);
    const keys = flagList(flags["public-key"]);
    const cluster = clusterFromFlags(flags);
    if (results.length === 0 && !cluster) return void 0;
    return {
      ...results.length ? { results } : {},
      ...cluster ? { cluster } : {},
      ...typeof flags.catalog === "string" ? { catalog: flags.catalog } : {},
      ...typeof flags.experiments === "string" ? { experiments: flags.experiments } : {},
      ...keys.length === 1 ? { publicKey: keys[0] } : keys.length > 1 ? { publicKey: keys } : {}
    };
  },
  collect: collect2,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of chaos-readiness options`);
    return document.value;
  }
};

// src/gates/migrations/index.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { basename as basename2 } from "node:path";

// src/engine/cache.ts
import { homedir } from "node:os";
import { join as join3 } from "node:path";
function cacheDirectory(...parts) {
  return join3(process.env.XDG_CACHE_HOME ?? join3(homedir(), ".cache"), "resilience-gates", ...parts);
}
function cachingEnabled() {
  return process.env.RESILIENCE_GATES_CACHE !== "off";
}

// src/gates/migrations/directives.ts
var PREFIX = "resilience-gates-";
var RULE_ID = /^[A-Z][A-Z0-9]*-[A-Z0-9-]+$/;
function commentBody(text) {
  if (text.startsWith("--")) return text.slice(2).trim();
  return text.replace(/^\/\*+/, "").replace(/\*+\/$/, "").trim();
}
function readDirectives(parsed) {
  const result = { ignores: [], rollbackNotes: [] };
  if (!parsed.source.text.includes(PREFIX)) return result;
  const statements = parsed.statements;
  for (const comment of sqlComments(parsed.source)) {
    const body = commentBody(comment.text);
    if (!body.startsWith(PREFIX)) continue;
    const word = /^resilience-gates-([a-z-]+)/.exec(body)?.[1] ?? "";
    const rest = body.slice(PREFIX.length + word.length);
    if (word === "rollback") {
      const text = rest.replace(/^\s*:/, "").trim();
      result.rollbackNotes.push({ text, at: comment.startByte });
      continue;
    }
    const scope = word === "ignore" ? "statement" : word === "ignore-file" ? "file" : void 0;
    const problems = [];
    if (!scope) problems.push(`unknown directive resilience-gates-${word}; use resilience-gates-ignore, resilience-gates-ignore-file or resilience-gates-rollback`);
    const colon = rest.indexOf(":");
    const rulesPart = colon === -1 ? rest : rest.slice(0, colon);
    const reason = colon === -1 ? "" : rest.slice(colon + 1).trim();
    const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
    if (scope) {
      if (rules.length === 0) problems.push("it names no rule");
      const malformed = rules.filter((rule) => !RULE_ID.test(rule));
      if (malformed.length > 0) problems.push(`${malformed.join(", ")} is not a rule id (like MIG-007)`);
      if (reason === "") problems.push('it gives no reason (write "RULE: why this is safe")');
    }
    let statement = null;
    if (scope === "statement") {
      const target = statements.find((s) => s.startByte < comment.startByte && comment.startByte < s.endByte) ?? statements.find((s) => s.startByte >= comment.endByte);
      if (target) statement = target.index;
      else problems.push("no statement follows it");
    }
    result.ignores.push({
      index: result.ignores.length,
      scope: scope ?? "statement",
      statement,
      rules: rules.filter((rule) => RULE_ID.test(rule)),
      reason,
      at: comment.startByte,
      problem: problems.length > 0 ? problems.join("; ") : null
    });
  }
  return result;
}

// src/gates/migrations/locks.ts
var LOCK_MODES = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE"
];
var lockRank = (mode) => LOCK_MODES.indexOf(mode) + 1;
var SHARE_UPDATE_SUBTYPES = /* @__PURE__ */ new Set([
  "set_statistics",
  "set_rel_options",
  "reset_rel_options",
  "cluster_on",
  "drop_cluster",
  "set_options",
  "reset_options"
]);
var SHARE_ROW_EXCLUSIVE_SUBTYPES = /* @__PURE__ */ new Set([
  "enable_trig",
  "enable_always_trig",
  "enable_replica_trig",
  "disable_trig",
  "enable_trig_all",
  "disable_trig_all",
  "enable_trig_user",
  "disable_trig_user"
]);
function actionLock(action) {
  switch (action.kind) {
    case "add_constraint":
      return action.constraint?.type === "foreign_key" ? "SHARE ROW EXCLUSIVE" : "ACCESS EXCLUSIVE";
    case "validate_constraint":
    case "attach_partition":
      return "SHARE UPDATE EXCLUSIVE";
    case "detach_partition":
      return action.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE";
    case "other":
      if (SHARE_UPDATE_SUBTYPES.has(String(action.subtype))) return "SHARE UPDATE EXCLUSIVE";
      if (SHARE_ROW_EXCLUSIVE_SUBTYPES.has(String(action.subtype))) return "SHARE ROW EXCLUSIVE";
      return "ACCESS EXCLUSIVE";
    default:
      return "ACCESS EXCLUSIVE";
  }
}
var isTable = (value) => typeof value === "object" && value !== null && typeof value.id === "string";
function constraintsOf(action) {
  if (action.kind === "add_constraint") return [action.constraint];
  if (action.kind === "add_column") return action.constraints ?? [];
  return [];
}
function predictLocks(statement) {
  const locks = /* @__PURE__ */ new Map();
  const add = (table, mode) => {
    if (!isTable(table) || table.id === "") return;
    const previous = locks.get(table.id);
    if (!previous || lockRank(mode) > lockRank(previous.mode)) locks.set(table.id, { table: table.name, id: table.id, mode, new: table.new });
  };
  const list2 = (value) => Array.isArray(value) ? value : [];
  const concurrent = (weak, strong) => statement.concurrent ? weak : strong;
  switch (statement.kind) {
    case "alter_table":
      for (const action of list2(statement.actions)) {
        add(statement.table, actionLock(action));
        for (const constraint of constraintsOf(action)) {
          if (constraint.type === "foreign_key") add(constraint.references, "SHARE ROW EXCLUSIVE");
        }
        if (action.kind === "drop_constraint") add(action.references, "ACCESS EXCLUSIVE");
        if (action.kind === "other" && (action.subtype === "add_inherit" || action.subtype === "drop_inherit")) add(action.parent, "SHARE UPDATE EXCLUSIVE");
        if ((action.kind === "attach_partition" || action.kind === "detach_partition") && !action.concurrent) add(action.partition, "ACCESS EXCLUSIVE");
      }
      break;
    case "create_index":
      add(statement.table, concurrent("SHARE UPDATE EXCLUSIVE", "SHARE"));
      break;
    case "drop_index":
      for (const index of list2(statement.indexes)) add(index.table, concurrent("SHARE UPDATE EXCLUSIVE", "ACCESS EXCLUSIVE"));
      break;
    case "reindex":
      add(statement.table, concurrent("SHARE UPDATE EXCLUSIVE", "SHARE"));
      break;
    case "drop":
      if (["table", "view", "materialized_view", "foreign_table", "sequence"].includes(String(statement.object_type))) {
        for (const object of list2(statement.objects)) add(object, "ACCESS EXCLUSIVE");
      }
      if (["trigger", "policy", "rule"].includes(String(statement.object_type))) for (const object of list2(statement.objects)) add(object.table, "ACCESS EXCLUSIVE");
      if (statement.object_type === "statistic_ext") for (const object of list2(statement.objects)) add(object.table, "SHARE UPDATE EXCLUSIVE");
      for (const table of list2(statement.trigger_tables)) add(table, "ACCESS EXCLUSIVE");
      break;
    case "rename":
    case "set_schema":
      if (["table", "view", "materialized_view", "column", "foreign_table", "tabconstraint", "trigger", "policy"].includes(String(statement.object_type))) {
        add(statement.table, "ACCESS EXCLUSIVE");
      }
      break;
    case "create_policy":
    case "alter_policy":
    case "create_rule":
      add(statement.table, "ACCESS EXCLUSIVE");
      break;
    case "comment":
    case "create_statistics":
      add(statement.table, "SHARE UPDATE EXCLUSIVE");
      break;
    case "analyze":
      for (const table of list2(statement.tables)) add(table, "SHARE UPDATE EXCLUSIVE");
      break;
    case "alter_sequence":
      add(statement.sequence, "SHARE ROW EXCLUSIVE");
      break;
    case "truncate":
      for (const table of list2(statement.tables)) add(table, "ACCESS EXCLUSIVE");
      break;
    case "update":
    case "delete":
    case "insert":
      add(statement.table, "ROW EXCLUSIVE");
      break;
    case "vacuum":
      for (const table of list2(statement.tables)) add(table, statement.full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
      break;
    case "cluster":
      add(statement.table, "ACCESS EXCLUSIVE");
      break;
    case "refresh_materialized_view":
      add(statement.view, concurrent("EXCLUSIVE", "ACCESS EXCLUSIVE"));
      break;
    case "create_trigger":
      add(statement.table, "SHARE ROW EXCLUSIVE");
      break;
    case "lock":
      for (const table of list2(statement.tables)) add(table, statement.mode);
      break;
    case "create_table": {
      const constraints = [...list2(statement.constraints), ...list2(statement.columns).flatMap((column) => list2(column.constraints))];
      for (const constraint of constraints) if (constraint.type === "foreign_key") add(constraint.references, "SHARE ROW EXCLUSIVE");
      add(statement.partition_of, "ACCESS EXCLUSIVE");
      break;
    }
    default:
      break;
  }
  return [...locks.values()];
}

// src/gates/migrations/versions.ts
var rec = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
var nonEmpty = (value) => Array.isArray(value) && value.length > 0;
var NODE_RULES = {
  CallStmt: [[11, "CALL"]],
  CreateFunctionStmt: [
    [11, "CREATE PROCEDURE", (n) => n.is_procedure === true],
    [14, "a SQL-standard function body (BEGIN ATOMIC or RETURN)", (n) => n.sql_body !== void 0]
  ],
  IndexStmt: [
    [11, "INCLUDE columns in an index", (n) => nonEmpty(n.indexIncludingParams)],
    [15, "NULLS NOT DISTINCT", (n) => n.nulls_not_distinct === true]
  ],
  CommonTableExpr: [
    [12, "WITH ... AS [NOT] MATERIALIZED", (n) => n.ctematerialized === "CTEMaterializeAlways" || n.ctematerialized === "CTEMaterializeNever"],
    [14, "SEARCH in a recursive WITH", (n) => n.search_clause !== void 0],
    [14, "CYCLE in a recursive WITH", (n) => n.cycle_clause !== void 0]
  ],
  SelectStmt: [[13, "FETCH FIRST ... WITH TIES", (n) => n.limitOption === "LIMIT_OPTION_WITH_TIES"]],
  CreateTrigStmt: [[14, "CREATE OR REPLACE TRIGGER", (n) => n.replace === true]],
  PartitionCmd: [[14, "DETACH PARTITION ... CONCURRENTLY", (n) => n.concurrent === true]],
  ColumnDef: [
    [14, "a column's COMPRESSION", (n) => typeof n.compression === "string" && n.compression !== ""],
    [16, "STORAGE in a column definition", (n) => typeof n.storage_name === "string" && n.storage_name !== ""]
  ],
  Constraint: [
    [12, "a generated column (GENERATED ALWAYS AS ... STORED)", (n) => n.contype === "CONSTR_GENERATED" && n.generated_kind !== "v"],
    [15, "UNIQUE NULLS NOT DISTINCT", (n) => n.nulls_not_distinct === true],
    [15, "ON DELETE SET NULL / SET DEFAULT with a column list", (n) => nonEmpty(n.fk_del_set_cols)],
    [18, "a virtual generated column (GENERATED ALWAYS AS ... without STORED, or VIRTUAL)", (n) => n.contype === "CONSTR_GENERATED" && n.generated_kind === "v"],
    [18, "NOT ENFORCED", (n) => ENFORCEABLE.has(String(n.contype)) && n.is_enforced !== true],
    [18, "WITHOUT OVERLAPS", (n) => n.without_overlaps === true],
    [18, "PERIOD in a foreign key", (n) => n.fk_with_period === true || n.pk_with_period === true],
    [18, "a NOT NULL constraint NOT VALID", (n) => n.contype === "CONSTR_NOTNULL" && n.skip_validation === true]
  ],
  AlterTableCmd: [
    [13, "ALTER COLUMN ... DROP EXPRESSION", (n) => n.subtype === "AT_DropExpression"],
    [14, "ALTER COLUMN ... SET COMPRESSION", (n) => n.subtype === "AT_SetCompression"],
    [15, "ALTER TABLE ... SET ACCESS METHOD", (n) => n.subtype === "AT_SetAccessMethod" && typeof n.name === "string" && n.name !== ""],
    [17, "ALTER TABLE ... SET ACCESS METHOD DEFAULT", (n) => n.subtype === "AT_SetAccessMethod" && (typeof n.name !== "string" || n.name === "")],
    [17, "ALTER COLUMN ... SET EXPRESSION", (n) => n.subtype === "AT_SetExpression"]
  ],
  MergeStmt: [
    [15, "MERGE"],
    [17, "MERGE ... RETURNING", (n) => nonEmpty(n.returningList) || nonEmpty(rec(n.returningClause)?.exprs)]
  ],
  MergeWhenClause: [[17, "MERGE ... WHEN NOT MATCHED BY SOURCE", (n) => n.matchKind === "MERGE_WHEN_NOT_MATCHED_BY_SOURCE"]],
  JsonObjectConstructor: [[16, "JSON_OBJECT(...)"]],
  JsonArrayConstructor: [[16, "JSON_ARRAY(...)"]],
  JsonArrayQueryConstructor: [[16, "JSON_ARRAY(SELECT ...)"]],
  JsonObjectAgg: [[16, "JSON_OBJECTAGG(...)"]],
  JsonArrayAgg: [[16, "JSON_ARRAYAGG(...)"]],
  JsonIsPredicate: [[16, "IS JSON"]],
  JsonTable: [[17, "JSON_TABLE(...)"]],
  JsonFuncExpr: [[17, "JSON_EXISTS / JSON_QUERY / JSON_VALUE"]],
  JsonParseExpr: [[17, "JSON(...)"]],
  JsonScalarExpr: [[17, "JSON_SCALAR(...)"]],
  JsonSerializeExpr: [[17, "JSON_SERIALIZE(...)"]],
  ReturningOption: [[18, "RETURNING OLD / NEW"]]
};
var ENFORCEABLE = /* @__PURE__ */ new Set(["CONSTR_CHECK", "CONSTR_FOREIGN"]);
var FUNCTIONS = {
  regexp_count: 15,
  regexp_instr: 15,
  regexp_like: 15,
  regexp_substr: 15,
  any_value: 16,
  system_user: 16,
  pg_input_is_valid: 16,
  random_normal: 16,
  uuidv7: 18,
  casefold: 18
};
function newerSyntax(node, type, text, textStart, known) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (construct, version, at) => {
    if (seen.has(construct)) return;
    seen.add(construct);
    found.push({ construct, version, ...typeof at === "number" && at >= 0 ? { at } : {} });
  };
  const visit = (value, nodeType, location) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, void 0, location);
      return;
    }
    const fields = rec(value);
    if (!fields) return;
    if (nodeType === void 0) {
      const keys = Object.keys(fields);
      const [only] = keys;
      if (keys.length === 1 && only !== void 0 && /^[A-Z]/.test(only)) return visit(fields[only], only, location);
    }
    const at = typeof fields.location === "number" ? fields.location : location;
    if (nodeType) {
      for (const [version, construct, test] of NODE_RULES[nodeType] ?? []) if (!test || test(fields)) add(construct, version, at);
      if (nodeType === "FuncCall") {
        const names2 = Array.isArray(fields.funcname) ? fields.funcname : [];
        const last = rec(rec(names2[names2.length - 1])?.String)?.sval;
        const version = typeof last === "string" ? FUNCTIONS[last] : void 0;
        if (version !== void 0 && typeof last === "string" && !known(last)) add(`${last === "system_user" ? "SYSTEM_USER" : `${last}()`}`, version, at);
      }
    }
    for (const [key, child] of Object.entries(fields)) if (typeof child === "object" && child !== null) visit(child, /^[A-Z]/.test(key) ? key : void 0, at);
  };
  visit(node, type, void 0);
  for (const literal of numericLiterals(text)) {
    const underscores = literal.text.includes("_");
    add(underscores ? "an underscore in a numeric literal" : "a hexadecimal, octal or binary integer literal", 16, textStart + literal.startByte);
  }
  return found;
}

// src/gates/migrations/volatility.ts
var VOLATILE = [
  "random",
  "random_normal",
  "setseed",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "gen_random_bytes",
  "gen_salt",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setval",
  "currval",
  "lastval",
  "txid_current",
  "pg_current_xact_id",
  "pg_sleep",
  "dblink"
];
var STABLE = [
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "current_schema",
  "current_schemas",
  "current_database",
  "current_user",
  "session_user",
  "current_query",
  "inet_client_addr",
  "pg_backend_pid",
  "to_char",
  "to_date",
  "to_timestamp",
  "age",
  "date_trunc",
  "date_part",
  "concat",
  "concat_ws",
  "format",
  "to_json",
  "to_jsonb",
  "json_build_object",
  "jsonb_build_object",
  "json_build_array",
  "jsonb_build_array",
  "array_to_json",
  "row_to_json",
  "localtime",
  "localtimestamp",
  "current_date",
  "current_time",
  "current_timestamp",
  "has_table_privilege"
];
var IMMUTABLE = [
  "lower",
  "upper",
  "length",
  "char_length",
  "octet_length",
  "abs",
  "ceil",
  "floor",
  "round",
  "trunc",
  "md5",
  "sha256",
  "btrim",
  "ltrim",
  "rtrim",
  "trim",
  "substr",
  "substring",
  "replace",
  "left",
  "right",
  "lpad",
  "rpad",
  "repeat",
  "split_part",
  "array_length",
  "cardinality",
  "greatest",
  "least",
  "make_date",
  "make_interval",
  "make_time",
  "int4",
  "int8",
  "numeric",
  "text",
  "jsonb_typeof",
  "json_typeof",
  "array_fill",
  "uuid_nil",
  "uuid_ns_url",
  "encode",
  "decode",
  "power",
  "mod",
  "sqrt",
  "bool"
];
var BUILT_IN = new Map([
  ...IMMUTABLE.map((name) => [name, "immutable"]),
  ...STABLE.map((name) => [name, "stable"]),
  ...VOLATILE.map((name) => [name, "volatile"])
]);
function builtInVolatility(name) {
  const bare = name.startsWith("pg_catalog.") ? name.slice("pg_catalog.".length) : name.startsWith("public.") ? name.slice("public.".length) : name;
  return BUILT_IN.get(bare) ?? "unknown";
}
var RANK = { none: 0, immutable: 1, stable: 2, unknown: 3, volatile: 4 };
function worstVolatility(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}

// src/gates/migrations/facts.ts
var CONTEXT_EXECUTION = { transaction: "none", oneMessage: false, reopens: false, assumed: "schema context" };
var ANALYZER_MODULE = import.meta.url;
var rec2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
var list = (value) => Array.isArray(value) ? value : [];
var str = (value) => typeof value === "string" ? value : void 0;
var num = (value) => typeof value === "number" ? value : void 0;
var inner = (value, type) => rec2(rec2(value)?.[type]);
var strings = (value) => list(value).map((item) => str(inner(item, "String")?.sval) ?? "");
var unwrapped = (value, type) => inner(value, type) ?? rec2(value);
var SERIAL = { serial: "int4", serial4: "int4", bigserial: "int8", serial8: "int8", smallserial: "int2", serial2: "int2" };
var TYPE_DISPLAY = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar"
};
var bytes = (name) => Buffer.byteLength(name, "utf8");
function durationMs(value) {
  if (typeof value === "number") return Math.max(0, Math.round(value));
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(value);
  if (!match) return null;
  const factor = { us: 1e-3, ms: 1, s: 1e3, min: 6e4, h: 36e5, d: 864e5 };
  return Math.max(0, Math.round(Number(match[1]) * (factor[(match[2] ?? "ms").toLowerCase()] ?? 1)));
}
var TIMEOUTS = /* @__PURE__ */ new Set(["lock_timeout", "statement_timeout"]);
var FileAnalyzer = class {
  /**
   * `statementCount` is the file's number of statements: under `single-message`, one statement runs
   * outside any transaction block and several run in one implicit block.
   */
  constructor(schema, source, execution, connection, statementCount = 0) {
    this.schema = schema;
    this.source = source;
    this.execution = execution;
    this.statementCount = statementCount;
    this.model = execution.transaction;
    this.session = { lock_timeout: connection.lockTimeoutMs, statement_timeout: connection.statementTimeoutMs };
    this.hasLongWords = longIdentifiers(source.text).length > 0;
    this.transaction = this.model === "per-file" ? this.begin({ runner: true }) : this.implicitBlock();
  }
  schema;
  source;
  execution;
  statementCount;
  created = /* @__PURE__ */ new Set();
  transaction;
  nextTransaction = 0;
  session;
  local = {};
  texts = /* @__PURE__ */ new Map();
  /** The session TimeZone the file SETs (null: the connection's, unknown here). */
  timeZone = null;
  /** The BEGIN statement of an explicit transaction still open. */
  openedBy = null;
  /** Whether the file has a word long enough to be a truncated identifier (most files do not). */
  hasLongWords;
  model;
  begin(kind) {
    return {
      id: this.nextTransaction++,
      explicit: kind.explicit ?? false,
      implicit: kind.implicit ?? false,
      runner: kind.runner ?? false,
      notValid: /* @__PURE__ */ new Set(),
      held: /* @__PURE__ */ new Map(),
      dropped: /* @__PURE__ */ new Map(),
      sessionAtStart: { ...this.session }
    };
  }
  /** The implicit block of a multi-statement message, when the file travels as one. */
  implicitBlock() {
    return this.execution.oneMessage && this.statementCount > 1 ? this.begin({ implicit: true }) : null;
  }
  /** After COMMIT or ROLLBACK: what the next statement runs in depends on how the runner sends them. */
  end(rollback) {
    if (rollback && this.transaction) this.session = { ...this.transaction.sessionAtStart };
    this.local = {};
    if (this.execution.oneMessage) this.transaction = this.implicitBlock();
    else this.transaction = this.model === "per-file" && this.execution.reopens ? this.begin({ runner: true }) : null;
  }
  analyze(statement) {
    const before = this.transaction;
    const base = {
      index: statement.index,
      kind: "other",
      in_transaction: before !== null,
      transaction: before?.id ?? null,
      explicit_transaction: before?.explicit ?? false,
      implicit_transaction: before?.implicit ?? false,
      lock_timeout_ms: this.effective("lock_timeout"),
      statement_timeout_ms: this.effective("statement_timeout")
    };
    Object.assign(base, this.facts(statement, base));
    const newer = newerSyntax(
      statement.node,
      statement.type,
      this.statementText(statement),
      statement.startByte,
      (name) => [...this.schema.functions.keys()].some((defined) => defined === name || defined.endsWith(`.${name}`))
    );
    if (newer.length > 0) base.newer_syntax = newer;
    if (this.hasLongWords) {
      const long = longIdentifiers(this.statementText(statement)).map((name) => ({ name, bytes: bytes(name) }));
      base.truncated_identifiers = long;
    }
    const locks = predictLocks(base);
    base.locks = locks;
    const held = this.transaction === before ? before?.held : void 0;
    if (held) {
      const table = base.table;
      const already = table ? held.get(table.id) : void 0;
      if (already && (base.kind === "update" || base.kind === "delete" || base.kind === "insert")) base.held_lock = already;
      for (const lock of locks) {
        const previous = held.get(lock.id);
        if (!previous || lockRank(lock.mode) > lockRank(previous)) held.set(lock.id, lock.mode);
      }
    }
    return base;
  }
  effective(name) {
    const local = this.local[name];
    if (local !== void 0) return local;
    return this.session[name] ?? null;
  }
  set(name, value, isLocal) {
    if (isLocal) {
      if (this.transaction) this.local[name] = value;
    } else {
      this.session[name] = value;
      delete this.local[name];
    }
  }
  facts(statement, base) {
    const node = statement.node;
    switch (statement.type) {
      case "AlterTableStmt":
        return this.alterTable(statement, node);
      case "CreateStmt":
        return this.createTable(statement, node);
      case "CreateTableAsStmt":
        return this.createTableAs(node);
      case "ViewStmt":
        return this.createView(node);
      case "IndexStmt":
        return this.createIndex(statement, node);
      case "DropStmt":
        return this.drop(node);
      case "DropdbStmt":
        return { kind: "drop", object_type: "database", objects: [{ name: str(node.dbname) ?? "", known: false, new: false }], cascade: false, if_exists: Boolean(node.missing_ok) };
      case "RenameStmt":
        return this.rename(node);
      case "AlterObjectSchemaStmt":
        return this.setSchema(node);
      case "TruncateStmt":
        return {
          kind: "truncate",
          tables: list(node.relations).map((relation) => this.tableFact(unwrapped(relation, "RangeVar"))),
          cascade: node.behavior === "DROP_CASCADE"
        };
      case "UpdateStmt":
      case "DeleteStmt":
        return {
          kind: statement.type === "UpdateStmt" ? "update" : "delete",
          table: this.tableFact(rec2(node.relation)),
          has_where: node.whereClause !== void 0
        };
      case "InsertStmt":
        return { kind: "insert", table: this.tableFact(rec2(node.relation)) };
      case "VariableSetStmt":
        return this.variableSet(node);
      case "SelectStmt":
        return this.select(node);
      case "TransactionStmt":
        return this.transactionControl(statement, node, base);
      case "AlterEnumStmt":
        return this.alterEnum(node);
      case "CreateEnumStmt": {
        const name = qualified(strings(node.typeName));
        this.schema.enums.set(name, strings(node.vals));
        this.noteCreated("type", name);
        return { kind: "create_type", type: name };
      }
      case "CompositeTypeStmt": {
        const name = this.tableId(rec2(node.typevar));
        this.noteCreated("type", name);
        return { kind: "create_type", type: name };
      }
      case "CreateDomainStmt": {
        const name = qualified(strings(node.domainname));
        this.noteCreated("domain", name);
        return { kind: "create_domain", type: name };
      }
      case "CreateFunctionStmt":
        return this.createFunction(node);
      case "ReindexStmt":
        return this.reindex(node);
      case "VacuumStmt": {
        const options = list(node.options).map((option) => str(inner(option, "DefElem")?.defname));
        return {
          kind: node.is_vacuumcmd ? "vacuum" : "analyze",
          full: options.includes("full"),
          tables: list(node.rels).map((relation) => this.tableFact(rec2(inner(relation, "VacuumRelation")?.relation)))
        };
      }
      case "ClusterStmt":
        return { kind: "cluster", table: node.relation ? this.tableFact(rec2(node.relation)) : null };
      case "RefreshMatViewStmt":
        return { kind: "refresh_materialized_view", view: this.tableFact(rec2(node.relation)), concurrent: Boolean(node.concurrent), no_data: Boolean(node.skipData) };
      case "AlterDomainStmt":
        return this.alterDomain(node);
      case "CreateTrigStmt": {
        const table = this.tableFact(rec2(node.relation));
        const id = `${table.id}.${str(node.trigname) ?? ""}`;
        this.schema.triggers.set(id, { table: table.id, function: qualified(strings(node.funcname)) });
        this.noteCreated("trigger", id);
        return { kind: "create_trigger", table, name: str(node.trigname) ?? "", replace: Boolean(node.replace) };
      }
      case "CreatePolicyStmt":
      case "AlterPolicyStmt":
        return { kind: statement.type === "CreatePolicyStmt" ? "create_policy" : "alter_policy", table: this.tableFact(rec2(node.table)), name: str(node.policy_name) ?? "" };
      case "RuleStmt":
        return { kind: "create_rule", table: this.tableFact(rec2(node.relation)), name: str(node.rulename) ?? "" };
      case "CommentStmt":
        return this.comment(node);
      case "CreateStatsStmt": {
        const table = this.tableFact(unwrapped(list(node.relations)[0], "RangeVar"));
        const name = strings(node.defnames);
        if (name.length > 0) this.schema.statistics.set(qualified(name), table.id);
        return { kind: "create_statistics", table };
      }
      case "AlterSeqStmt":
        return { kind: "alter_sequence", sequence: this.tableFact(rec2(node.sequence)) };
      case "LockStmt":
        return {
          kind: "lock",
          tables: list(node.relations).map((relation) => this.tableFact(unwrapped(relation, "RangeVar"))),
          mode: lockModeName(num(node.mode) ?? 8)
        };
      default: {
        const relation = rec2(node.relation);
        return {
          kind: snake(statement.type.replace(/Stmt$/, "")) || "other",
          ...relation && typeof relation.relname === "string" ? { table: this.tableFact(relation) } : {}
        };
      }
    }
  }
  // ---- objects dropped and re-created in one transaction ----
  noteDropped(kind, id, fact) {
    this.transaction?.dropped.set(`${kind}:${id}`, fact);
  }
  /** A CREATE of something this transaction dropped: the drop is undone before anyone sees it. */
  noteCreated(kind, id) {
    const key = `${kind}:${id}`;
    const dropped = this.transaction?.dropped.get(key);
    if (!dropped) return;
    dropped.recreated = true;
    this.transaction?.dropped.delete(key);
  }
  // ---- names ----
  tableId(relation) {
    const schema = str(relation?.schemaname) ?? "public";
    return `${schema}.${str(relation?.relname) ?? ""}`;
  }
  tableFact(relation) {
    const id = this.tableId(relation);
    const schema = str(relation?.schemaname);
    const name = str(relation?.relname) ?? "";
    return { id, name: schema ? `${schema}.${name}` : name, known: this.schema.tables.has(id), new: this.created.has(id) };
  }
  tableFactById(id) {
    const name = id.startsWith("public.") ? id.slice("public.".length) : id;
    return { id, name, known: this.schema.tables.has(id), new: this.created.has(id) };
  }
  // ---- tokens and source text ----
  statementText(statement) {
    let text = this.texts.get(statement.index);
    if (text === void 0) {
      text = this.source.slice(statement.startByte, statement.endByte);
      this.texts.set(statement.index, text);
    }
    return text;
  }
  /**
   * The source of an expression or clause that starts at byte `from`: up to the first comma or closing
   * parenthesis at depth 0, or one of `stops` (keywords) at depth 0.
   */
  extent(statement, from, stops) {
    const text = this.statementText(statement);
    const offset = this.source.isAscii ? from - statement.startByte : this.source.slice(statement.startByte, from).length;
    const range = clauseExtent(text, Math.max(0, offset), stops);
    return range ? collapse(text.slice(range[0], range[1])) : "";
  }
  // ---- types and expressions ----
  typeFact(typeName) {
    const names2 = strings(typeName?.names);
    const last = names2[names2.length - 1] ?? "";
    const schema = names2.length > 1 ? names2[names2.length - 2] : void 0;
    const builtIn = schema === void 0 || schema === "pg_catalog";
    const serial = builtIn ? SERIAL[last] : void 0;
    const name = serial ?? (builtIn ? last : `${schema}.${last}`);
    const mods = list(typeName?.typmods).map((mod) => num(rec2(inner(mod, "A_Const")?.ival)?.ival)).filter((mod) => mod !== void 0);
    const array = list(typeName?.arrayBounds).length > 0;
    const base = serial ? last.replace(/^serial4$/, "serial").replace(/^serial8$/, "bigserial").replace(/^serial2$/, "smallserial") : TYPE_DISPLAY[name] ?? name;
    const display = `${base}${mods.length > 0 ? `(${mods.join(",")})` : ""}${array ? "[]" : ""}`;
    return { name, display, mods, array };
  }
  /** Volatility of an expression: the least safe of the functions it calls. */
  volatility(expression) {
    let volatility = "immutable";
    const functions = [];
    const walk = (value) => {
      if (Array.isArray(value)) {
        for (const item of value) walk(item);
        return;
      }
      const node = rec2(value);
      if (!node) return;
      for (const [key, child] of Object.entries(node)) {
        if (key === "FuncCall") {
          const call = rec2(child);
          const name = strings(call?.funcname).join(".");
          functions.push(name);
          const known = this.schema.functions.get(name) ?? this.schema.functions.get(`public.${name}`);
          volatility = worstVolatility(volatility, known ?? builtInVolatility(name));
        } else if (key === "SQLValueFunction") {
          volatility = worstVolatility(volatility, "stable");
        } else if (key === "SubLink") {
          volatility = worstVolatility(volatility, "volatile");
        }
        walk(child);
      }
    };
    walk(expression);
    return { volatility, functions: [...new Set(functions)] };
  }
  defaultFact(statement, expression, keywordAt) {
    const { volatility, functions } = this.volatility(expression);
    const from = keywordAt ?? num(rec2(Object.values(rec2(expression) ?? {})[0])?.location) ?? statement.startByte;
    let sql = this.extent(statement, from, DEFAULT_STOPS);
    if (keywordAt !== void 0) sql = sql.replace(/^DEFAULT\s+/i, "");
    return { volatility, functions, sql };
  }
  // ---- columns and constraints ----
  columnFacts(statement, tableId, definition) {
    const name = str(definition.colname) ?? "";
    const type = this.typeFact(rec2(definition.typeName));
    let notNull = false;
    let fact = null;
    let identity = null;
    let generatedStored = false;
    const inline2 = [];
    for (const item of list(definition.constraints)) {
      const constraint = inner(item, "Constraint") ?? {};
      switch (constraint.contype) {
        case "CONSTR_NOTNULL":
          notNull = true;
          break;
        case "CONSTR_DEFAULT":
          fact = this.defaultFact(statement, constraint.raw_expr, num(constraint.location));
          break;
        case "CONSTR_IDENTITY":
          identity = constraint.generated_when === "a" ? "always" : "by_default";
          break;
        case "CONSTR_GENERATED":
          generatedStored = constraint.generated_kind !== "v";
          break;
        case "CONSTR_NULL":
          break;
        default:
          if (constraint.contype === "CONSTR_PRIMARY") notNull = true;
          inline2.push({ facts: this.constraintFacts(statement, tableId, constraint, [name]), raw: constraint });
      }
    }
    const serial = SERIAL[strings(rec2(definition.typeName)?.names).pop() ?? ""] !== void 0;
    return {
      facts: {
        name,
        type,
        at: num(definition.location) ?? statement.startByte,
        not_null: notNull,
        default_expr: fact,
        identity,
        generated_stored: generatedStored,
        serial,
        constraints: inline2.map((c) => c.facts)
      },
      constraints: inline2
    };
  }
  constraintFacts(statement, tableId, constraint, columns = []) {
    const type = CONSTRAINT_TYPES[str(constraint.contype) ?? ""] ?? "other";
    const keys = strings(constraint.keys);
    const fkColumns = strings(constraint.fk_attrs);
    const ownColumns = type === "foreign_key" ? fkColumns.length > 0 ? fkColumns : columns : keys.length > 0 ? keys : columns;
    const name = str(constraint.conname) ?? autoConstraintName(tableId, type, ownColumns, constraint);
    const table = this.schema.table(tableId);
    const nullable = type === "primary_key" ? ownColumns.filter((column) => table?.columns.get(column)?.notNull === false) : [];
    const at = num(constraint.location) ?? statement.startByte;
    const references = rec2(constraint.pktable);
    return {
      type,
      name,
      named: constraint.conname !== void 0,
      not_valid: Boolean(constraint.skip_validation),
      using_index: str(constraint.indexname) ?? null,
      columns: ownColumns,
      ...type === "primary_key" && str(constraint.indexname) ? { nullable_columns: nullable } : {},
      ...references ? { references: this.tableFact(references) } : {},
      at,
      sql: constraintBody(this.extent(statement, at, NO_STOPS))
    };
  }
  applyColumn(table, facts) {
    if (!table) return;
    const identity = facts.identity !== null || facts.serial === true;
    const type = facts.type;
    const stored = facts.serial === true ? { ...type, display: TYPE_DISPLAY[type.name] ?? type.name } : type;
    table.columns.set(String(facts.name), { type: stored, notNull: Boolean(facts.not_null) || identity });
  }
  applyConstraint(tableId, facts, raw) {
    const table = this.schema.table(tableId);
    if (!table) return;
    const type = String(facts.type);
    if (type === "primary_key") {
      for (const column of facts.columns) {
        const state = table.columns.get(column);
        if (state) state.notNull = true;
      }
    }
    if (type === "not_null" || type === "default") return;
    const notNullColumn = type === "check" ? notNullTestColumn(raw.raw_expr) : void 0;
    const references = type === "foreign_key" ? facts.references?.id : void 0;
    table.constraints.set(String(facts.name), { type, validated: !facts.not_valid, ...notNullColumn ? { notNullColumn } : {}, ...references ? { references } : {} });
  }
  // ---- statements ----
  alterTable(statement, node) {
    const relation = rec2(node.relation);
    const table = this.tableFact(relation);
    const objectType = str(node.objtype) ?? "OBJECT_TABLE";
    const state = this.schema.table(table.id);
    const actions = [];
    for (const item of list(node.cmds)) {
      const command = inner(item, "AlterTableCmd") ?? {};
      actions.push(this.alterTableCommand(statement, table, state, command));
    }
    return {
      kind: objectType === "OBJECT_TABLE" || objectType === "OBJECT_FOREIGN_TABLE" ? "alter_table" : `alter_${objectName(objectType)}`,
      table,
      only: relation?.inh !== true,
      if_exists: Boolean(node.missing_ok),
      actions
    };
  }
  alterTableCommand(statement, table, state, command) {
    const subtype = str(command.subtype) ?? "";
    const column = str(command.name) ?? "";
    switch (subtype) {
      case "AT_AddColumn": {
        const definition = inner(command.def, "ColumnDef") ?? {};
        const { facts, constraints } = this.columnFacts(statement, table.id, definition);
        const exists = state?.columns.has(String(facts.name)) ?? false;
        if (!(exists && command.missing_ok)) {
          this.applyColumn(state, facts);
          for (const constraint of constraints) this.applyConstraint(table.id, constraint.facts, constraint.raw);
        }
        return { kind: "add_column", ...facts, if_not_exists: Boolean(command.missing_ok) };
      }
      case "AT_DropColumn": {
        state?.columns.delete(column);
        return { kind: "drop_column", column, cascade: command.behavior === "DROP_CASCADE", if_exists: Boolean(command.missing_ok) };
      }
      case "AT_AlterColumnType": {
        const definition = inner(command.def, "ColumnDef") ?? {};
        const newType = this.typeFact(rec2(definition.typeName));
        const old = state?.columns.get(column);
        const using = definition.raw_default;
        const facts = {
          kind: "alter_column_type",
          column,
          old_type: old ? old.type : null,
          new_type: newType,
          // USING col (or col::newtype) converts exactly as no USING does: PostgreSQL decides the rewrite the same way.
          using: using !== void 0 && !isColumnItself(using, column),
          ...using !== void 0 ? { using_sql: this.extent(statement, firstLocation(using) ?? statement.startByte, NO_STOPS) } : {},
          session_time_zone: this.timeZone,
          at: num(definition.location) ?? statement.startByte
        };
        if (old) old.type = newType;
        return facts;
      }
      case "AT_SetNotNull": {
        const current = state?.columns.get(column);
        const check = state ? [...state.constraints.entries()].find(([, c]) => c.notNullColumn === column && c.validated) : void 0;
        const already = current?.notNull === true;
        if (current) current.notNull = true;
        return { kind: "set_not_null", column, column_known: current !== void 0, already_not_null: already, validated_check: check ? check[0] : null };
      }
      case "AT_DropNotNull": {
        const current = state?.columns.get(column);
        const was = current?.notNull === true;
        if (current) current.notNull = false;
        return { kind: "drop_not_null", column, column_known: current !== void 0, was_not_null: was };
      }
      case "AT_ColumnDefault": {
        if (command.def === void 0) return { kind: "drop_default", column };
        return { kind: "set_default", column, default_expr: this.defaultFact(statement, command.def, void 0) };
      }
      case "AT_AddConstraint": {
        const raw = inner(command.def, "Constraint") ?? {};
        const facts = this.constraintFacts(statement, table.id, raw);
        if (facts.not_valid) this.transaction?.notValid.add(`${table.id}.${String(facts.name)}`);
        this.applyConstraint(table.id, facts, raw);
        return { kind: "add_constraint", constraint: facts };
      }
      case "AT_ValidateConstraint": {
        const existing = state?.constraints.get(column);
        const sameTransaction = this.transaction?.notValid.has(`${table.id}.${column}`) ?? false;
        if (existing) existing.validated = true;
        return { kind: "validate_constraint", name: column, type: existing?.type ?? null, not_valid_added_in_transaction: sameTransaction };
      }
      case "AT_DropConstraint": {
        const references = state?.constraints.get(column)?.references;
        state?.constraints.delete(column);
        return {
          kind: "drop_constraint",
          name: column,
          cascade: command.behavior === "DROP_CASCADE",
          if_exists: Boolean(command.missing_ok),
          ...references ? { references: this.tableFactById(references) } : {}
        };
      }
      case "AT_AddInherit":
      case "AT_DropInherit":
        return { kind: "other", subtype: snake(subtype.replace(/^AT_/, "")), parent: this.tableFact(inner(command.def, "RangeVar")) };
      case "AT_SetLogged":
        return { kind: "set_logged" };
      case "AT_SetUnLogged":
        return { kind: "set_unlogged" };
      case "AT_DetachPartition":
      case "AT_DetachPartitionFinalize":
      case "AT_AttachPartition": {
        const partition = inner(command.def, "PartitionCmd") ?? {};
        return {
          kind: subtype === "AT_AttachPartition" ? "attach_partition" : "detach_partition",
          partition: this.tableFact(rec2(partition.name)),
          concurrent: Boolean(partition.concurrent),
          finalize: subtype === "AT_DetachPartitionFinalize"
        };
      }
      default:
        return { kind: "other", subtype: snake(subtype.replace(/^AT_/, "")), ...column ? { column } : {} };
    }
  }
  createTable(statement, node) {
    const relation = rec2(node.relation);
    const table = this.tableFact(relation);
    const existed = table.known;
    const partitionOf = node.partbound !== void 0 ? list(node.inhRelations).map((parent) => this.tableFact(unwrapped(parent, "RangeVar")))[0] : void 0;
    const columns = [];
    const inlineConstraints = [];
    const constraints = [];
    const skip = existed && Boolean(node.if_not_exists);
    const state = skip ? void 0 : this.schema.createTable(table.id);
    if (!skip) this.created.add(table.id);
    for (const element of list(node.tableElts)) {
      const definition = inner(element, "ColumnDef");
      if (definition) {
        const column = this.columnFacts(statement, table.id, definition);
        columns.push(column.facts);
        inlineConstraints.push(...column.constraints);
        this.applyColumn(state, column.facts);
        continue;
      }
      const constraint = inner(element, "Constraint");
      if (constraint) constraints.push({ facts: this.constraintFacts(statement, table.id, constraint), raw: constraint });
      const like = inner(element, "TableLikeClause");
      if (like && state) {
        const source = this.schema.table(this.tableId(rec2(like.relation)));
        for (const [name, column] of source?.columns ?? []) state.columns.set(name, { ...column });
      }
    }
    if (!skip) for (const { facts, raw } of [...inlineConstraints, ...constraints]) this.applyConstraint(table.id, facts, raw);
    return {
      kind: "create_table",
      table: { ...table, new: !skip },
      if_not_exists: Boolean(node.if_not_exists),
      columns,
      constraints: constraints.map((c) => c.facts),
      partition_of: partitionOf ?? null,
      unlogged: relation?.relpersistence === "u"
    };
  }
  createTableAs(node) {
    const into = rec2(node.into);
    const relation = rec2(into?.rel);
    const table = this.tableFact(relation);
    const materialized = node.objtype === "OBJECT_MATVIEW";
    if (!(table.known && node.if_not_exists)) {
      this.schema.createTable(table.id, materialized ? "materialized_view" : "table");
      this.created.add(table.id);
      if (materialized) this.noteCreated("materialized_view", table.id);
    }
    return { kind: materialized ? "create_materialized_view" : "create_table_as", table: { ...table, new: true } };
  }
  createView(node) {
    const relation = rec2(node.view);
    const view = this.tableFact(relation);
    this.schema.createTable(view.id, "view");
    this.created.add(view.id);
    this.noteCreated("view", view.id);
    return { kind: "create_view", view: { ...view, new: true }, replace: Boolean(node.replace) };
  }
  createIndex(statement, node) {
    const relation = rec2(node.relation);
    const table = this.tableFact(relation);
    const params = list(node.indexParams).map((param) => inner(param, "IndexElem") ?? {});
    const firstColumn = str(params[0]?.name) ?? "expr";
    const schema = str(relation?.schemaname) ?? "public";
    const name = str(node.idxname) ?? null;
    const generated = `${str(relation?.relname) ?? ""}_${params.map((p) => str(p.name) ?? "expr").join("_") || firstColumn}_idx`;
    this.schema.indexes.set(`${schema}.${name ?? generated}`, table.id);
    const relationAt = num(relation?.location) ?? statement.startByte;
    return {
      kind: "create_index",
      table,
      name,
      unique: Boolean(node.unique),
      concurrent: Boolean(node.concurrent),
      if_not_exists: Boolean(node.if_not_exists),
      only: relation?.inh !== true,
      column_count: params.length,
      definition_sql: collapse(this.source.slice(relationAt, statement.endByte))
    };
  }
  drop(node) {
    const removeType = str(node.removeType) ?? "";
    const objectType = objectName(removeType);
    const names2 = list(node.objects).map(objectNameParts);
    const cascade = node.behavior === "DROP_CASCADE";
    const ifExists = Boolean(node.missing_ok);
    if (removeType === "OBJECT_INDEX") {
      const indexes = names2.map((parts) => {
        const id = parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
        const tableId = this.schema.indexes.get(id);
        this.schema.indexes.delete(id);
        return { name: parts.join("."), table: tableId ? this.tableFactById(tableId) : null };
      });
      return { kind: "drop_index", indexes, concurrent: Boolean(node.concurrent), cascade, if_exists: ifExists };
    }
    const triggerTables = [];
    const objects = names2.map((parts) => {
      if (["table", "view", "materialized_view", "foreign_table", "sequence"].includes(objectType)) {
        const id2 = parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
        const fact2 = { ...this.tableFactById(id2), name: parts.join(".") };
        for (const constraint of this.schema.table(id2)?.constraints.values() ?? []) {
          if (constraint.references && constraint.references !== id2) triggerTables.push(this.tableFactById(constraint.references));
        }
        this.schema.dropTable(id2);
        this.created.delete(id2);
        this.noteDropped(objectType, id2, fact2);
        return fact2;
      }
      if (["trigger", "policy", "rule"].includes(objectType)) {
        const own = parts[parts.length - 1] ?? "";
        const tableParts = parts.slice(0, -1);
        const tableId = tableParts.length > 1 ? tableParts.join(".") : `public.${tableParts[0] ?? ""}`;
        const table = { ...this.tableFactById(tableId), name: tableParts.join(".") };
        const fact2 = { id: `${tableId}.${own}`, name: `${own} on ${table.name}`, known: false, new: false, table };
        if (objectType === "trigger") this.schema.triggers.delete(`${tableId}.${own}`);
        this.noteDropped(objectType, `${tableId}.${own}`, fact2);
        return fact2;
      }
      const id = objectType === "schema" ? parts.join(".") : qualified(parts);
      if (objectType === "schema") {
        const prefix = `${parts[0] ?? ""}.`;
        for (const tableId of [...this.schema.tables.keys()]) if (tableId.startsWith(prefix)) this.schema.dropTable(tableId);
      }
      const fact = { id, name: parts.join("."), known: false, new: false };
      if (objectType === "function" || objectType === "procedure") {
        this.schema.functions.delete(parts.join("."));
        if (cascade) {
          for (const [trigger, state] of [...this.schema.triggers]) {
            if (state.function !== id) continue;
            triggerTables.push(this.tableFactById(state.table));
            this.schema.triggers.delete(trigger);
          }
        }
        this.noteDropped("function", id, fact);
      } else if (objectType === "statistic_ext") {
        const tableId = this.schema.statistics.get(id);
        this.schema.statistics.delete(id);
        if (tableId) fact.table = this.tableFactById(tableId);
      } else if (objectType === "type" || objectType === "domain") {
        this.schema.enums.delete(id);
        this.noteDropped(objectType, id, fact);
      }
      return fact;
    });
    return { kind: "drop", object_type: objectType, objects, cascade, if_exists: ifExists, ...triggerTables.length > 0 ? { trigger_tables: triggerTables } : {} };
  }
  rename(node) {
    const renameType = str(node.renameType) ?? "";
    const objectType = objectName(renameType);
    const relation = rec2(node.relation);
    const to = str(node.newname) ?? "";
    const table = relation ? this.tableFact(relation) : null;
    let from = str(node.subname) ?? "";
    let columnType = null;
    if (table && (renameType === "OBJECT_TABLE" || renameType === "OBJECT_VIEW" || renameType === "OBJECT_MATVIEW" || renameType === "OBJECT_FOREIGN_TABLE")) {
      from = table.name;
      const schema = table.id.slice(0, table.id.indexOf("."));
      const target = `${schema}.${to}`;
      this.schema.renameTable(table.id, target);
      if (this.created.delete(table.id)) this.created.add(target);
    } else if (renameType === "OBJECT_COLUMN" && table) {
      const state = this.schema.table(table.id);
      const column = state?.columns.get(from);
      columnType = column?.type.display ?? null;
      if (state && column) {
        state.columns.delete(from);
        state.columns.set(to, column);
      }
    } else if (renameType === "OBJECT_TABCONSTRAINT" && table) {
      const state = this.schema.table(table.id);
      const constraint = state?.constraints.get(from);
      if (state && constraint) {
        state.constraints.delete(from);
        state.constraints.set(to, constraint);
      }
    } else if (renameType === "OBJECT_INDEX" && table) {
      const schema = table.id.slice(0, table.id.indexOf("."));
      const owner = this.schema.indexes.get(table.id);
      from = table.name;
      if (owner) {
        this.schema.indexes.delete(table.id);
        this.schema.indexes.set(`${schema}.${to}`, owner);
      }
    } else if (!from) {
      const parts = objectNameParts(node.object);
      from = parts.join(".");
      if (renameType === "OBJECT_TYPE" || renameType === "OBJECT_DOMAIN") {
        const id = qualified(parts);
        this.schema.renameType(id, `${id.slice(0, id.indexOf("."))}.${to}`);
      }
    }
    const relationType = objectName(str(node.relationType) ?? "");
    return {
      kind: "rename",
      object_type: objectType,
      ...renameType === "OBJECT_COLUMN" ? { relation_type: relationType, column_type: columnType } : {},
      table: renameType === "OBJECT_INDEX" ? null : table,
      from,
      to
    };
  }
  setSchema(node) {
    const objectType = objectName(str(node.objectType) ?? "");
    const relation = rec2(node.relation);
    const table = relation ? this.tableFact(relation) : null;
    const schema = str(node.newschema) ?? "";
    if (table) {
      const target = `${schema}.${table.id.slice(table.id.indexOf(".") + 1)}`;
      this.schema.renameTable(table.id, target);
      if (this.created.delete(table.id)) this.created.add(target);
    }
    return { kind: "set_schema", object_type: objectType, table, schema };
  }
  variableSet(node) {
    const name = str(node.name) ?? "";
    const kind = str(node.kind) ?? "";
    const isLocal = Boolean(node.is_local);
    let value = null;
    let raw = null;
    if (kind === "VAR_SET_VALUE") {
      const constant = inner(list(node.args)[0], "A_Const");
      const ival = num(rec2(constant?.ival)?.ival) ?? (rec2(constant?.ival) ? 0 : void 0);
      const sval = str(rec2(constant?.sval)?.sval);
      const fval = str(rec2(constant?.fval)?.fval);
      raw = sval ?? fval ?? (ival !== void 0 ? String(ival) : null);
      value = ival !== void 0 ? durationMs(ival) : raw !== null ? durationMs(raw) : null;
    }
    if (name === "timezone") this.timeZone = kind === "VAR_SET_VALUE" ? raw : null;
    if (TIMEOUTS.has(name) && (kind === "VAR_SET_VALUE" || kind === "VAR_SET_DEFAULT" || kind === "VAR_RESET")) {
      this.set(name, kind === "VAR_SET_VALUE" ? value : null, isLocal);
    } else if (kind === "VAR_RESET_ALL") {
      this.session = {};
      this.local = {};
    }
    return { kind: "set", name, local: isLocal, action: snake(kind.replace(/^VAR_/, "")), value: raw, value_ms: TIMEOUTS.has(name) ? value : null };
  }
  /** `SELECT set_config('lock_timeout', '2s', false)` sets a timeout like SET does. */
  select(node) {
    const targets = list(node.targetList);
    for (const target of targets) {
      const call = inner(inner(target, "ResTarget")?.val, "FuncCall");
      if (!call || strings(call.funcname).join(".") !== "set_config") continue;
      const args = list(call.args).map((arg) => inner(arg, "A_Const"));
      const name = str(rec2(args[0]?.sval)?.sval);
      const value = str(rec2(args[1]?.sval)?.sval);
      const isLocal = rec2(args[2]?.boolval)?.boolval === true;
      if (name && TIMEOUTS.has(name) && value !== void 0) {
        const ms = durationMs(value);
        this.set(name, ms, isLocal);
        return { kind: "set", name, local: isLocal, action: "set_config", value, value_ms: ms };
      }
    }
    return { kind: "select", has_from: list(node.fromClause).length > 0 };
  }
  transactionControl(statement, node, base) {
    const kind = str(node.kind) ?? "";
    const action = snake(kind.replace(/^TRANS_STMT_/, ""));
    let nested = false;
    let noTransaction = false;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      nested = this.transaction !== null && !this.transaction.implicit;
      if (this.transaction) {
        this.transaction.explicit = true;
        this.transaction.implicit = false;
      } else this.transaction = this.begin({ explicit: true });
      this.openedBy = statement.index;
    } else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") {
      noTransaction = this.transaction === null;
      const endsRunner = this.transaction?.runner ?? false;
      const endsImplicit = this.transaction?.implicit ?? false;
      this.end(kind === "TRANS_STMT_ROLLBACK");
      this.openedBy = null;
      return {
        kind: "transaction",
        action,
        nested,
        outside_transaction: noTransaction,
        ends_runner_transaction: endsRunner,
        ends_implicit_block: endsImplicit,
        statements_after: this.statementCount - statement.index - 1,
        in_transaction: base.in_transaction
      };
    }
    return { kind: "transaction", action, nested, outside_transaction: noTransaction, ends_runner_transaction: false };
  }
  /** COMMENT ON TABLE / COLUMN takes SHARE UPDATE EXCLUSIVE on the table. */
  comment(node) {
    const objectType = objectName(str(node.objtype) ?? "");
    const parts = objectNameParts(node.object);
    const relationParts = objectType === "column" ? parts.slice(0, -1) : ["table", "view", "materialized_view", "foreign_table"].includes(objectType) ? parts : [];
    const table = relationParts.length > 0 ? this.tableFactById(qualified(relationParts)) : null;
    return { kind: "comment", object_type: objectType, ...table ? { table: { ...table, name: relationParts.join(".") } } : {} };
  }
  alterEnum(node) {
    const written = strings(node.typeName).join(".");
    const type = qualified(strings(node.typeName));
    const values = this.schema.enums.get(type);
    const value = str(node.newVal) ?? "";
    if (node.oldVal !== void 0) {
      if (values) this.schema.enums.set(type, values.map((v) => v === node.oldVal ? value : v));
      return { kind: "alter_enum", action: "rename_value", type: written, type_id: type, value, from: str(node.oldVal) ?? "" };
    }
    const neighbor = str(node.newValNeighbor) ?? null;
    const exists = values?.includes(value) ?? false;
    const before = values ? [...values] : null;
    if (values && !exists) {
      const at = neighbor ? values.indexOf(neighbor) : -1;
      if (at === -1) values.push(value);
      else values.splice(node.newValIsAfter ? at + 1 : at, 0, value);
    }
    return {
      kind: "alter_enum",
      action: "add_value",
      type: written,
      type_id: type,
      value,
      position: neighbor ? node.newValIsAfter === false ? "before" : "after" : null,
      neighbor,
      if_not_exists: Boolean(node.skipIfNewValExists),
      existing_values: before,
      exists
    };
  }
  createFunction(node) {
    const name = strings(node.funcname).join(".");
    const volatilityOption = list(node.options).map((option) => inner(option, "DefElem") ?? {}).find((option) => option.defname === "volatility");
    const volatility = str(inner(volatilityOption?.arg, "String")?.sval) ?? "volatile";
    this.schema.functions.set(name, volatility);
    this.noteCreated("function", qualified(strings(node.funcname)));
    return { kind: "create_function", name, volatility, replace: Boolean(node.replace) };
  }
  reindex(node) {
    const kind = str(node.kind) ?? "";
    const target = snake(kind.replace(/^REINDEX_OBJECT_/, ""));
    const relation = rec2(node.relation);
    const concurrent = list(node.params).some((param) => {
      const option = inner(param, "DefElem");
      return option?.defname === "concurrently" && rec2(inner(option.arg, "Boolean"))?.boolval !== false;
    });
    let table = null;
    if (target === "table" && relation) table = this.tableFact(relation);
    if (target === "index" && relation) {
      const owner = this.schema.indexes.get(this.tableId(relation));
      table = owner ? this.tableFactById(owner) : null;
    }
    const name = relation ? [str(relation.schemaname), str(relation.relname)].filter(Boolean).join(".") : str(node.name) ?? "";
    return { kind: "reindex", target, name, concurrent, table };
  }
  alterDomain(node) {
    const actions = { T: "set_default", N: "drop_not_null", O: "set_not_null", C: "add_constraint", X: "drop_constraint", V: "validate_constraint" };
    const constraint = inner(node.def, "Constraint");
    return {
      kind: "alter_domain",
      domain: strings(node.typeName).join("."),
      action: actions[str(node.subtype) ?? ""] ?? "other",
      ...constraint ? { constraint_type: CONSTRAINT_TYPES[str(constraint.contype) ?? ""] ?? "other", not_valid: Boolean(constraint.skip_validation) } : {}
    };
  }
};
function objectNameParts(object) {
  const listed = inner(object, "List");
  if (listed) return strings(listed.items);
  const withArgs = inner(object, "ObjectWithArgs");
  if (withArgs) return strings(withArgs.objname);
  const typeName = inner(object, "TypeName");
  if (typeName) return strings(typeName.names);
  return [str(inner(object, "String")?.sval) ?? ""];
}
var CONSTRAINT_TYPES = {
  CONSTR_FOREIGN: "foreign_key",
  CONSTR_CHECK: "check",
  CONSTR_UNIQUE: "unique",
  CONSTR_PRIMARY: "primary_key",
  CONSTR_EXCLUSION: "exclusion",
  CONSTR_NOTNULL: "not_null",
  CONSTR_DEFAULT: "default"
};
var DEFAULT_STOPS = /* @__PURE__ */ new Set(["NOT", "NULL", "CONSTRAINT", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "GENERATED", "COLLATE", "DEFAULT"]);
var NO_STOPS = /* @__PURE__ */ new Set();
function qualified(parts) {
  return parts.length > 1 ? parts.join(".") : `public.${parts[0] ?? ""}`;
}
function collapse(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 400 ? `${flat.slice(0, 397)}...` : flat;
}
function snake(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/^_+/, "").toLowerCase();
}
function objectName(objectType) {
  const name = objectType.replace(/^OBJECT_/, "").toLowerCase();
  return name === "matview" ? "materialized_view" : name;
}
function constraintBody(sql) {
  return sql.replace(/^CONSTRAINT\s+("(?:[^"]|"")+"|\S+)\s+/i, "").replace(/\s+NOT\s+VALID$/i, "").trim();
}
function firstLocation(expression) {
  let first;
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    const node = rec2(value);
    if (!node) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "location" && typeof child === "number" && child >= 0) first = first === void 0 ? child : Math.min(first, child);
      else walk(child);
    }
  };
  walk(expression);
  return first;
}
function isColumnItself(expression, column) {
  const cast = inner(expression, "TypeCast");
  const target = cast ? cast.arg : expression;
  const fields = strings(inner(target, "ColumnRef")?.fields);
  return fields.length >= 1 && fields[fields.length - 1] === column;
}
function notNullTestColumn(expression) {
  const test = inner(expression, "NullTest");
  if (!test || test.nulltesttype !== "IS_NOT_NULL") return void 0;
  const fields = strings(inner(test.arg, "ColumnRef")?.fields);
  return fields.length === 1 ? fields[0] : void 0;
}
function autoConstraintName(tableId, type, columns, constraint) {
  const table = tableId.slice(tableId.indexOf(".") + 1);
  switch (type) {
    case "primary_key":
      return `${table}_pkey`;
    case "foreign_key":
      return `${table}_${columns.join("_")}_fkey`;
    case "unique":
      return `${table}_${columns.join("_")}_key`;
    case "exclusion":
      return `${table}_${columns.join("_") || "excl"}_excl`;
    case "check": {
      const referenced = /* @__PURE__ */ new Set();
      const walk = (value) => {
        if (Array.isArray(value)) return value.forEach(walk);
        const node = rec2(value);
        if (!node) return;
        const ref = rec2(node.ColumnRef);
        if (ref) {
          const fields = strings(ref.fields);
          if (fields.length > 0) referenced.add(fields[fields.length - 1] ?? "");
        }
        Object.values(node).forEach(walk);
      };
      walk(constraint.raw_expr);
      return referenced.size === 1 ? `${table}_${[...referenced][0]}_check` : `${table}_check`;
    }
    default:
      return `${table}_${type}`;
  }
}
var LOCK_MODES2 = ["", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];
function lockModeName(mode) {
  return LOCK_MODES2[mode] ?? "ACCESS EXCLUSIVE";
}

// src/gates/migrations/git.ts
import { spawnSync } from "node:child_process";
import { resolve as resolve2 } from "node:path";
function git(cwd, args) {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: childEnv() });
  if (run.error) {
    const code = run.error.code;
    throw new CollectorError(code === "ENOENT" ? "--base needs git, which is not on PATH" : `git failed: ${run.error.message}`);
  }
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.trim() };
}
var names = (stdout, top) => stdout.split("\0").filter(Boolean).map((name) => resolve2(top, name));
function diffAgainstBase(cwd, ref) {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top.status !== 0) throw new CollectorError(`--base ${ref}: ${cwd} is not inside a git repository (${top.stderr || "git rev-parse failed"})`);
  const root = top.stdout.trim();
  const verify = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (verify.status !== 0) {
    throw new CollectorError(`--base ${ref}: unknown git ref; fetch it first (for example \`git fetch origin ${ref.replace(/^origin\//, "")}\`, or actions/checkout with fetch-depth: 0)`);
  }
  const mergeBase = git(root, ["merge-base", ref, "HEAD"]);
  if (mergeBase.status !== 0) {
    throw new CollectorError(`--base ${ref}: no common history with HEAD (a shallow clone? use actions/checkout with fetch-depth: 0): ${mergeBase.stderr}`);
  }
  const base = mergeBase.stdout.trim();
  const diff = (filter, extra) => {
    const run = git(root, ["diff", "--name-only", "-z", "--no-renames", `--diff-filter=${filter}`, ...extra]);
    if (run.status !== 0) throw new CollectorError(`git diff against ${ref} failed: ${run.stderr}`);
    return names(run.stdout, root);
  };
  const added = /* @__PURE__ */ new Set([...diff("A", [`${ref}...`]), ...diff("A", [base])]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  if (untracked.status === 0) for (const name of names(untracked.stdout, root)) added.add(name);
  const modified = new Set([...diff("M", [`${ref}...`]), ...diff("M", [base])].filter((name) => !added.has(name)));
  return { added, modified };
}

// src/gates/migrations/order.ts
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join as join4 } from "node:path";
var MIGRATION_FORMATS = ["plain", "flyway", "prisma", "golang-migrate"];
var FLYWAY = /^([VUR])([0-9]+(?:[._][0-9]+)*)?__(.*)\.sql$/i;
var GOLANG_MIGRATE = /^([0-9]+)_(.*)\.(up|down)\.sql$/;
function detectFormat(paths) {
  if (paths.length === 0) return "plain";
  const names2 = paths.map((path) => basename(path));
  if (names2.every((name) => FLYWAY.test(name) && (name[0]?.toUpperCase() === "R" || FLYWAY.exec(name)?.[2] !== void 0))) return "flyway";
  if (names2.every((name) => name === "migration.sql")) return "prisma";
  if (names2.every((name) => GOLANG_MIGRATE.test(name))) return "golang-migrate";
  return "plain";
}
function compareVersions(a, b) {
  const left = a.split(/[._]/).map((part) => BigInt(part));
  const right = b.split(/[._]/).map((part) => BigInt(part));
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? 0n;
    const y = right[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function naturalCompare(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x >= 48 && x <= 57 && y >= 48 && y <= 57) {
      let iEnd = i;
      while (iEnd < a.length && a.charCodeAt(iEnd) >= 48 && a.charCodeAt(iEnd) <= 57) iEnd++;
      let jEnd = j;
      while (jEnd < b.length && b.charCodeAt(jEnd) >= 48 && b.charCodeAt(jEnd) <= 57) jEnd++;
      const left = a.slice(i, iEnd).replace(/^0+(?=\d)/, "");
      const right = b.slice(j, jEnd).replace(/^0+(?=\d)/, "");
      if (left.length !== right.length) return left.length - right.length;
      if (left !== right) return left < right ? -1 : 1;
      i = iEnd;
      j = jEnd;
      continue;
    }
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}
function orderMigrations(files, format) {
  switch (format) {
    case "flyway":
      return orderFlyway(files);
    case "prisma":
      return orderPrisma(files);
    case "golang-migrate":
      return orderGolangMigrate(files);
    case "plain":
      return orderPlain(files);
  }
}
function orderFlyway(files) {
  const versioned = [];
  const repeatable = [];
  const listings = /* @__PURE__ */ new Map();
  for (const file of files) {
    const match = FLYWAY.exec(basename(file.path));
    if (!match) {
      throw new ConfigurationError(`${file.shown} is not a Flyway migration name (V<version>__<description>.sql, U<version>__... or R__...)`, {
        file: file.shown,
        line: 1
      });
    }
    const kind = (match[1] ?? "V").toUpperCase();
    if (kind === "U") continue;
    const transactionOverride = flywayScriptTransaction(file.path);
    if (kind === "R") {
      repeatable.push({ ...file, description: match[3] ?? "", ...transactionOverride ? { transactionOverride } : {} });
      continue;
    }
    if (match[2] === void 0) {
      throw new ConfigurationError(`${file.shown}: a versioned Flyway migration needs a version (V1__name.sql)`, { file: file.shown, line: 1 });
    }
    const version = match[2];
    const rollbackFile = findFlywayUndo(file.path, version, listings);
    versioned.push({ ...file, version, ...rollbackFile ? { rollbackFile } : {}, ...transactionOverride ? { transactionOverride } : {} });
  }
  versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.shown, b.shown));
  for (let i = 1; i < versioned.length; i++) {
    const previous = versioned[i - 1];
    const current = versioned[i];
    if (previous && current && compareVersions(previous.version, current.version) === 0) {
      throw new ConfigurationError(`Flyway version ${current.version} is used twice: ${previous.shown} and ${current.shown}`, { file: current.shown, line: 1 });
    }
  }
  repeatable.sort((a, b) => a.description.localeCompare(b.description) || naturalCompare(a.shown, b.shown));
  return [...versioned, ...repeatable.map(({ description: _description, ...file }) => file)];
}
function versionKey(version) {
  const parts = version.split(/[._]/).map((part) => BigInt(part).toString());
  while (parts.length > 1 && parts[parts.length - 1] === "0") parts.pop();
  return parts.join(".");
}
function findFlywayUndo(path, version, listings) {
  const directory = dirname(path);
  let undos = listings.get(directory);
  if (!undos) {
    undos = /* @__PURE__ */ new Map();
    let names2 = [];
    try {
      names2 = readdirSync(directory);
    } catch {
    }
    for (const name of names2) {
      if (name[0] !== "U" && name[0] !== "u") continue;
      const match = FLYWAY.exec(name);
      if (match?.[2] !== void 0) undos.set(versionKey(match[2]), join4(directory, name));
    }
    listings.set(directory, undos);
  }
  return undos.get(versionKey(version));
}
function flywayScriptTransaction(path) {
  const conf = `${path}.conf`;
  if (!existsSync(conf)) return void 0;
  const match = /^\s*executeInTransaction\s*=\s*(true|false)\s*$/im.exec(readStandaloneTextFile(conf, conf, 64 * 1024));
  if (!match) return void 0;
  return match[1]?.toLowerCase() === "false" ? "none" : "per-file";
}
function orderPrisma(files) {
  const forward = [];
  for (const file of files) {
    const folder = basename(dirname(file.path));
    if (basename(file.path) === "down.sql") continue;
    if (basename(file.path) !== "migration.sql") {
      throw new ConfigurationError(`${file.shown} is not a Prisma migration (migrations/<timestamp>_<name>/migration.sql)`, { file: file.shown, line: 1 });
    }
    const down = join4(dirname(file.path), "down.sql");
    forward.push({ ...file, folder, version: folder, ...existsSync(down) ? { rollbackFile: down } : {} });
  }
  forward.sort((a, b) => a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : naturalCompare(a.shown, b.shown));
  return forward.map(({ folder: _folder, ...file }) => file);
}
function orderGolangMigrate(files) {
  const forward = [];
  for (const file of files) {
    const match = GOLANG_MIGRATE.exec(basename(file.path));
    if (!match) {
      throw new ConfigurationError(`${file.shown} is not a golang-migrate file name (<version>_<title>.up.sql or .down.sql)`, { file: file.shown, line: 1 });
    }
    if (match[3] === "down") continue;
    const down = join4(dirname(file.path), basename(file.path).replace(/\.up\.sql$/, ".down.sql"));
    forward.push({ ...file, version: match[1] ?? "0", ...existsSync(down) ? { rollbackFile: down } : {} });
  }
  forward.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.shown, b.shown));
  for (let i = 1; i < forward.length; i++) {
    const previous = forward[i - 1];
    const current = forward[i];
    if (previous && current && compareVersions(previous.version, current.version) === 0) {
      throw new ConfigurationError(`golang-migrate version ${current.version} is used twice: ${previous.shown} and ${current.shown}`, { file: current.shown, line: 1 });
    }
  }
  return forward;
}
function orderPlain(files) {
  const forward = [];
  for (const file of files) {
    const name = basename(file.path);
    if (/\.down\.sql$/i.test(name) || name === "down.sql") continue;
    const candidates = [join4(dirname(file.path), name.replace(/(\.up)?\.sql$/i, ".down.sql")), join4(dirname(file.path), "down.sql")];
    const rollbackFile = candidates.find((candidate) => candidate !== file.path && existsSync(candidate));
    forward.push({ ...file, ...rollbackFile ? { rollbackFile } : {} });
  }
  return forward;
}
function naturalSort(paths) {
  return paths.sort(naturalCompare);
}

// src/gates/migrations/runners.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { dirname as dirname2, join as join5 } from "node:path";
var RUNNERS = [
  "prisma",
  "golang-migrate",
  "golang-migrate-multi-statement",
  "flyway",
  "diesel",
  "node-pg-migrate",
  "rails",
  "graphile-migrate",
  "psql",
  "psql-single-transaction",
  "plain"
];
var TRANSACTION_MODELS = ["per-file", "none", "single-message"];
var MODELS = {
  prisma: { transaction: "single-message", oneMessage: true, reopens: false, how: "migration.sql sent as one simple-query message, without BEGIN" },
  "golang-migrate": { transaction: "single-message", oneMessage: true, reopens: false, how: "the .up.sql file sent as one simple-query message, without BEGIN" },
  "golang-migrate-multi-statement": { transaction: "none", oneMessage: false, reopens: false, how: "x-multi-statement: each statement sent on its own, in autocommit" },
  flyway: { transaction: "per-file", oneMessage: false, reopens: true, how: "statement by statement in one JDBC transaction per file" },
  diesel: { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then up.sql as one simple-query message, then COMMIT" },
  "node-pg-migrate": { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then the migration's SQL as one query, then COMMIT" },
  rails: { transaction: "per-file", oneMessage: false, reopens: false, how: "statement by statement inside the migration's DDL transaction" },
  "graphile-migrate": { transaction: "per-file", oneMessage: true, reopens: false, how: "BEGIN, then the file as one query, then COMMIT" },
  psql: { transaction: "none", oneMessage: false, reopens: false, how: "psql without -1: each statement on its own, in autocommit" },
  "psql-single-transaction": { transaction: "per-file", oneMessage: false, reopens: false, how: "psql -1: BEGIN, each statement on its own, COMMIT" },
  plain: { transaction: "per-file", oneMessage: false, reopens: true, how: "statement by statement in one transaction per file" }
};
function defaultRunner(format, paths) {
  if (format === "prisma" || format === "golang-migrate" || format === "flyway") return format;
  if (paths.length > 0 && paths.every((path) => /(^|\/)up\.sql$/.test(path))) return "diesel";
  return "plain";
}
function runnerExecution(runner, override) {
  const model = MODELS[runner];
  const transaction = override ?? model.transaction;
  const how = override && override !== model.transaction ? `${override} (configured)` : model.how;
  return { transaction, oneMessage: transaction === "single-message" || transaction === "per-file" && model.oneMessage, reopens: model.reopens, assumed: `${runner}: ${how}` };
}
function fileExecution(runner, path, text) {
  switch (runner) {
    case "graphile-migrate":
      return noTransactionHeader(text) ? { transaction: "single-message", oneMessage: true, reopens: false, assumed: "graphile-migrate: --! no-transaction, the file sent as one query without BEGIN" } : void 0;
    case "diesel":
      return dieselWithoutTransaction(path) ? { transaction: "single-message", oneMessage: true, reopens: false, assumed: "diesel: run_in_transaction = false (metadata.toml), up.sql sent as one simple-query message" } : void 0;
    default:
      return noTransactionHeader(text) ? { transaction: "none", oneMessage: false, reopens: false, assumed: `${runner}: --! no-transaction header, each statement in autocommit` } : void 0;
  }
}
function noTransactionHeader(text) {
  for (const line of text.split("\n", 50)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (!trimmed.startsWith("--")) return false;
    if (/^--!\s*no-transaction\s*$/i.test(trimmed)) return true;
  }
  return false;
}
function dieselWithoutTransaction(path) {
  const metadata = join5(dirname2(path), "metadata.toml");
  if (!existsSync2(metadata)) return false;
  return /^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(readFileSync(metadata, "utf8"));
}
function flywayNonTransactional(sql) {
  const simplified = sql.replace(/--[^\n]*/g, " ").replace(/\s+/g, " ").trim().toUpperCase();
  return /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/.test(simplified) || /^ALTER SYSTEM\b/.test(simplified) || /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/.test(simplified) || /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/.test(simplified) || /^VACUUM\b/.test(simplified) || /^DISCARD ALL\b/.test(simplified);
}

// src/gates/migrations/schema.ts
var SchemaState = class {
  tables = /* @__PURE__ */ new Map();
  /** Index id (schema.name) → table id. */
  indexes = /* @__PURE__ */ new Map();
  enums = /* @__PURE__ */ new Map();
  functions = /* @__PURE__ */ new Map();
  /** Trigger id (table id + "." + trigger name) → its table and function. */
  triggers = /* @__PURE__ */ new Map();
  /** Extended statistics id (schema.name) → table id. */
  statistics = /* @__PURE__ */ new Map();
  table(id) {
    return this.tables.get(id);
  }
  createTable(id, kind = "table") {
    const table = { kind, columns: /* @__PURE__ */ new Map(), constraints: /* @__PURE__ */ new Map() };
    this.tables.set(id, table);
    return table;
  }
  dropTable(id) {
    this.tables.delete(id);
    for (const [index, table] of this.indexes) if (table === id) this.indexes.delete(index);
    for (const [trigger, state] of this.triggers) if (state.table === id) this.triggers.delete(trigger);
    for (const [statistics, table] of this.statistics) if (table === id) this.statistics.delete(statistics);
  }
  renameTable(from, to) {
    const table = this.tables.get(from);
    if (!table) return;
    this.tables.delete(from);
    this.tables.set(to, table);
    for (const [index, owner] of this.indexes) if (owner === from) this.indexes.set(index, to);
    for (const [statistics, owner] of this.statistics) if (owner === from) this.statistics.set(statistics, to);
    for (const [trigger, state] of [...this.triggers]) {
      if (state.table !== from) continue;
      this.triggers.delete(trigger);
      this.triggers.set(`${to}.${trigger.slice(from.length + 1)}`, { ...state, table: to });
    }
  }
  /**
   * ALTER TYPE ... RENAME TO: the enum's values and every column of that type follow the new name.
   * Ids are schema-qualified; columns name a type in the public schema without it, as written.
   */
  renameType(from, to) {
    const values = this.enums.get(from);
    if (values) {
      this.enums.delete(from);
      this.enums.set(to, values);
    }
    const unqualified = (id) => id.startsWith("public.") ? id.slice("public.".length) : id;
    const renamed = /* @__PURE__ */ new Map([
      [from, to],
      [unqualified(from), unqualified(to)]
    ]);
    for (const table of this.tables.values()) {
      for (const column of table.columns.values()) {
        const name = renamed.get(column.type.name);
        if (name === void 0) continue;
        column.type = { ...column.type, name, display: column.type.display.replace(column.type.name, name) };
      }
    }
  }
  /**
   * After a statement that does not parse: forgets every table, enum and function it may name, so later
   * statements treat them as existing objects of unknown shape (never as known facts). Returns the
   * tables forgotten.
   */
  forget(identifiers) {
    const named = new Set(identifiers);
    const mentioned = (id) => named.has(id) || named.has(id.slice(id.lastIndexOf(".") + 1));
    const tables = [...this.tables.keys()].filter(mentioned);
    for (const id of tables) this.dropTable(id);
    for (const id of [...this.enums.keys()].filter(mentioned)) this.enums.delete(id);
    for (const id of [...this.functions.keys()].filter(mentioned)) this.functions.delete(id);
    return tables;
  }
};

// src/gates/migrations/schema-cache.ts
import { createHash } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync as readFileSync2, renameSync, rmSync as rmSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname3, join as join6 } from "node:path";
import { fileURLToPath } from "node:url";
var FORMAT = "schema-cache 2";
var KEEP = 16;
var codeDigest;
function replayCodeDigest() {
  if (codeDigest) return codeDigest;
  const hash = createHash("sha256");
  const here = fileURLToPath(ANALYZER_MODULE);
  const files = here.endsWith(".ts") ? readdirSync2(dirname3(here)).filter((name) => name.endsWith(".ts")).sort().map((name) => join6(dirname3(here), name)) : [here];
  for (const file of [...files, sqlParserWasm()]) hash.update(file.slice(dirname3(file).length)).update(readFileSync2(file));
  codeDigest = hash.digest("hex");
  return codeDigest;
}
function schemaKey(files, settings) {
  const hash = createHash("sha256").update(FORMAT).update("\0").update(replayCodeDigest()).update("\0").update(JSON.stringify(settings));
  for (const file of files) {
    hash.update("\0").update(file.shown).update("\0").update(file.transaction).update("\0").update(createHash("sha256").update(file.bytes).digest());
  }
  return hash.digest("hex");
}
var entryFile = (key) => cacheDirectory("migrations-schema", `${key}.json`);
function cachedSchema(key, logger) {
  const file = entryFile(key);
  let text;
  try {
    text = readFileSync2(file, "utf8");
  } catch {
    return void 0;
  }
  try {
    const stored = JSON.parse(text);
    if (stored.format !== FORMAT) throw new Error(`format ${String(stored.format)}`);
    const schema = new SchemaState();
    for (const [id, table] of stored.tables) {
      schema.tables.set(id, { kind: table.kind, columns: new Map(table.columns), constraints: new Map(table.constraints) });
    }
    for (const [index, table] of stored.indexes) schema.indexes.set(index, table);
    for (const [type, values] of stored.enums) schema.enums.set(type, values);
    for (const [name, volatility] of stored.functions) schema.functions.set(name, volatility);
    for (const [id, trigger] of stored.triggers) schema.triggers.set(id, trigger);
    for (const [id, table] of stored.statistics) schema.statistics.set(id, table);
    return schema;
  } catch (error) {
    logger.info(`migrations: ignoring an unreadable schema cache entry ${file} (${error instanceof Error ? error.message : String(error)}); replaying instead`);
    rmSync2(file, { force: true });
    return void 0;
  }
}
function cacheSchema(key, schema, logger) {
  const stored = {
    format: FORMAT,
    tables: [...schema.tables].map(([id, table]) => [id, { kind: table.kind, columns: [...table.columns], constraints: [...table.constraints] }]),
    indexes: [...schema.indexes],
    enums: [...schema.enums],
    functions: [...schema.functions],
    triggers: [...schema.triggers],
    statistics: [...schema.statistics]
  };
  const file = entryFile(key);
  try {
    makeDirectories(dirname3(file));
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync2(partial, JSON.stringify(stored));
    renameSync(partial, file);
    pruneEntries(dirname3(file));
  } catch (error) {
    logger.info(`migrations: could not keep the replayed schema in ${dirname3(file)} (${error instanceof Error ? error.message : String(error)})`);
  }
}
function pruneEntries(directory) {
  const entries = readdirSync2(directory).filter((name) => name.endsWith(".json")).map((name) => ({ name, at: statSync(join6(directory, name)).mtimeMs })).sort((a, b) => b.at - a.at);
  for (const entry of entries.slice(KEEP)) rmSync2(join6(directory, entry.name), { force: true });
}

// src/gates/migrations/index.ts
var DEFAULT_POSTGRES_VERSION = 15;
var DEFAULT_MAX_LOCK_TIMEOUT = "5s";
var SLICE_STATEMENTS = 1e3;
function expandInOrder(workspace, patterns, allowEmpty, what) {
  const negations = patterns.filter((pattern) => pattern.startsWith("!"));
  const seen = /* @__PURE__ */ new Set();
  const ordered = [];
  for (const pattern of patterns.filter((p) => !p.startsWith("!"))) {
    for (const file of naturalSort(expandGlobs(workspace, [pattern, ...negations], { allowEmpty, what }))) {
      if (!seen.has(file)) {
        seen.add(file);
        ordered.push(file);
      }
    }
  }
  return ordered;
}
function parseDuration(value, what) {
  if (value === void 0) return null;
  const ms = durationMs(value);
  if (ms === null) throw new ConfigurationError(`${what} ${value} is not a duration (like 2s, 500ms or 1min)`);
  return ms;
}
async function collect3(context, options) {
  const { workspace, logger } = context;
  const allowEmpty = options.allowEmptyGlobs ?? false;
  const paths = expandInOrder(workspace, options.files, allowEmpty, "migration");
  const schemaPaths = expandInOrder(workspace, options.schemaFiles ?? [], allowEmpty, "schema file");
  const format = !options.format || options.format === "auto" ? detectFormat(paths) : options.format;
  if (!MIGRATION_FORMATS.includes(format)) throw new ConfigurationError(`unknown migration format ${format}`);
  if (options.runner !== void 0 && !RUNNERS.includes(options.runner)) {
    throw new ConfigurationError(`unknown migration runner ${options.runner}: expected one of ${RUNNERS.join(", ")}`);
  }
  if (options.transaction !== void 0 && !TRANSACTION_MODELS.includes(options.transaction)) {
    throw new ConfigurationError(`unknown transaction model ${options.transaction}: expected one of ${TRANSACTION_MODELS.join(", ")}`);
  }
  const runner = options.runner ?? defaultRunner(format, paths);
  const ordered = orderMigrations(
    paths.map((path) => ({ path, shown: displayPath(workspace, path) })),
    format
  );
  if (ordered.length === 0 && !allowEmpty) throw new ConfigurationError("no forward migrations among the given files (only rollback files?)");
  const diff = options.base ? diffAgainstBase(workspace.base, options.base) : void 0;
  const repeatable = (file) => format === "flyway" && /^R__/i.test(basename2(file.path));
  const judgedSet = new Set(
    ordered.filter((file) => !diff || diff.added.has(file.path) || repeatable(file) && diff.modified.has(file.path)).map((file) => file.path)
  );
  const edited = diff ? ordered.filter((file) => diff.modified.has(file.path) && !judgedSet.has(file.path)) : [];
  if (diff) logger.info(`migrations: ${judgedSet.size} of ${ordered.length} files are new since ${options.base}; the others are schema context`);
  const judgedOrder = [...ordered.filter((file) => judgedSet.has(file.path)), ...edited];
  const settings = {
    postgres_version: options.postgresVersion ?? DEFAULT_POSTGRES_VERSION,
    ...options.sessionTimeZone !== void 0 ? { session_time_zone: options.sessionTimeZone } : {},
    require_rollback_plan: options.requireRollbackPlan ?? true,
    max_lock_timeout_ms: parseDuration(options.maxLockTimeout ?? DEFAULT_MAX_LOCK_TIMEOUT, "maxLockTimeout") ?? 0,
    require_statement_timeout: options.requireStatementTimeout ?? true,
    on_parse_error: options.onParseError ?? "error",
    ...options.trace ? { traced: true } : {},
    ignores: (options.ignores ?? []).map((ignore, index) => ({
      index,
      rule: ignore.rule,
      reason: ignore.reason,
      files: judgedOrder.flatMap((file, fileIndex) => globMatches(ignore.files, file.shown) ? [fileIndex] : [])
    }))
  };
  const judged = [];
  const errors = [];
  const stats = {
    files: judgedSet.size,
    contextFiles: ordered.length - judgedSet.size + schemaPaths.length,
    ...diff ? { editedFiles: edited.length } : {},
    statements: 0
  };
  return {
    slices: judgeInSlices({ context, options, format, runner, schemaPaths, ordered, judgedSet, edited, settings, judged, stats, errors }),
    locate: (finding) => locate(judged, finding),
    stats,
    errors
  };
}
async function* judgeInSlices(judging) {
  const { context, options, format, runner, schemaPaths, ordered, judgedSet, edited, settings, judged, stats, errors } = judging;
  const { workspace, logger } = context;
  const transaction = options.transaction;
  const connection = {
    lockTimeoutMs: parseDuration(options.connection?.lockTimeout, "connection.lockTimeout"),
    statementTimeoutMs: parseDuration(options.connection?.statementTimeout, "connection.statementTimeout")
  };
  const onParseError = options.onParseError ?? "error";
  let schema = new SchemaState();
  const tracePlan = [];
  const holdForTrace = options.trace !== void 0;
  let waiting = [];
  let waitingStatements = 0;
  let yielded = 0;
  const slice = (files) => {
    const facts = files.map((entry) => entry.facts ?? {});
    for (const entry of files) entry.facts = void 0;
    return {
      settings,
      files: facts.map(compactFacts),
      index: indexFacts(facts.map((file) => ({ statements: file.statements })))
    };
  };
  const requests = [
    ...schemaPaths.map((path) => ({ path, shown: displayPath(workspace, path) })),
    ...ordered.map((file) => ({ path: file.path, shown: file.shown }))
  ].map((request) => ({ ...request, ...options.maxFileBytes !== void 0 ? { maxBytes: options.maxFileBytes } : {} }));
  let prefix = 0;
  while (prefix < requests.length && (prefix < schemaPaths.length || !judgedSet.has(ordered[prefix - schemaPaths.length].path))) prefix++;
  const key = holdForTrace || prefix < MIN_CACHED_PREFIX || !cachingEnabled() ? void 0 : prefixKey(workspace, requests.slice(0, prefix), schemaPaths.length, ordered, runner, transaction, {
    connection,
    onParseError,
    maxFileBytes: options.maxFileBytes ?? null
  });
  const restored = key ? cachedSchema(key, logger) : void 0;
  if (restored) {
    schema = restored;
    stats.contextFilesFromCache = prefix;
    logger.info(`migrations: the schema the first ${prefix} files leave, from the cache (they are unchanged)`);
  }
  const keepSchema = (replayed) => {
    if (key && !restored && replayed === prefix) cacheSchema(key, schema, logger);
  };
  let position = restored ? prefix : 0;
  for await (const result of readSqlFiles(workspace, requests.slice(position))) {
    keepSchema(position);
    const request = requests[position];
    const file = position < schemaPaths.length ? void 0 : ordered[position - schemaPaths.length];
    position++;
    if (result.text === void 0 || result.failure && result.failure.kind !== "syntax") {
      const failure = result.failure ?? { kind: "internal", reason: `no result for ${request.shown}` };
      if (failure.kind === "internal") throw failureError(failure);
      errors.push(`${describeThrown(failureError(failure))} (not replayed: the later files were judged without what it changes)`);
      continue;
    }
    let parsed;
    let syntaxErrors = [];
    if (result.failure) {
      await loadSqlParser();
      const recovered = parseSqlRecovering(result.text);
      parsed = recovered;
      syntaxErrors = recovered.errors.length > 0 ? recovered.errors : [wholeFileError(result.text, result.failure.reason, result.failure.location)];
    } else parsed = result.treeJson === void 0 ? { source: new SqlText(result.text), statements: [] } : statementsOf(result.text, result.treeJson);
    const { source, statements } = parsed;
    const unparsed = syntaxErrors.map((error) => ({ ...error, forgotten: [] }));
    const forgetUpTo = (byte) => {
      for (const error of unparsed) if (error.startByte < byte && error.forgotten.length === 0) error.forgotten = schema.forget(error.identifiers);
    };
    const reportSyntax = (judgedFile) => {
      for (const error of unparsed) {
        const left = error.forgotten.length > 0 ? `, the replay treating ${error.forgotten.join(", ")} as unknown from there on` : "";
        if (!judgedFile || onParseError === "error") {
          const hint = error.hint ? `; ${error.hint}` : "";
          errors.push(`${request.shown}:${error.line}:${error.column}: SQL syntax error: ${error.message}${hint} (that statement was not checked; the file's other statements and the later files were judged${left})`);
        }
      }
      if (unparsed.length > 0) stats.parseErrors = (stats.parseErrors ?? 0) + unparsed.length;
    };
    if (!file) {
      const analyzer2 = new FileAnalyzer(schema, source, CONTEXT_EXECUTION, connection);
      for (const statement of statements) {
        forgetUpTo(statement.startByte);
        analyzer2.analyze(statement);
      }
      forgetUpTo(Infinity);
      reportSyntax(false);
      if (holdForTrace && unparsed.length === 0) tracePlan.push({ shown: request.shown, statements: sqlOf(parsed), judged: false, transaction: "none", touched: [] });
      continue;
    }
    const isJudged = judgedSet.has(file.path);
    const sqls = sqlOf(parsed);
    const execution = executionOf(file, result.text, runner, transaction, sqls);
    const model = execution.transaction;
    if (unparsed.length === 0 && statements.length === 0) {
      if (isJudged) {
        stats.emptyFiles = (stats.emptyFiles ?? 0) + 1;
        logger.info(`migrations: ${file.shown} has no SQL statements (empty or only comments): nothing to judge`);
      }
      continue;
    }
    const analyzer = new FileAnalyzer(schema, source, execution, connection, statements.length + unparsed.length);
    const facts = [];
    for (const statement of statements) {
      forgetUpTo(statement.startByte);
      const fact = analyzer.analyze(statement);
      if (isJudged) facts.push(fact);
    }
    forgetUpTo(Infinity);
    reportSyntax(isJudged);
    if (holdForTrace && unparsed.length === 0) {
      tracePlan.push({
        shown: file.shown,
        statements: sqls,
        judged: isJudged,
        transaction: traceModel(execution, statements.length),
        touched: isJudged ? touchedTables(facts) : [],
        version: file.version ?? file.shown
      });
    }
    if (!isJudged) continue;
    stats.statements += facts.length;
    const directives = readDirectives(parsed);
    const entry = {
      file,
      source,
      spans: statements.map((statement) => [statement.startByte, statement.endByte]),
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        ...file.version !== void 0 ? { version: file.version } : {},
        transaction: model,
        runner,
        runner_model: execution.assumed,
        ...execution.flywayMixed ? { flyway_mixed: true } : {},
        rollback: {
          file: file.rollbackFile ? displayPath(workspace, file.rollbackFile) : null,
          notes: directives.rollbackNotes
        },
        modified: false,
        statements: facts,
        ignores: directives.ignores,
        unclosed_transaction: model !== "per-file" ? analyzer.openedBy : null,
        parse_errors: unparsed.map((error) => ({
          message: error.hint ? `${error.message} (${error.hint})` : error.message,
          line: error.line,
          column: error.column,
          unknown: error.forgotten
        }))
      }
    };
    judged.push(entry);
    if (holdForTrace) continue;
    waiting.push(entry);
    waitingStatements += facts.length;
    if (waitingStatements >= SLICE_STATEMENTS) {
      yield slice(waiting);
      yielded++;
      waiting = [];
      waitingStatements = 0;
    }
  }
  keepSchema(position);
  for (const file of edited) {
    const text = readTextFile(workspace, file.path, file.shown, options.maxFileBytes);
    const entry = {
      file,
      source: new SqlText(text),
      spans: [],
      facts: {
        index: judged.length,
        path: file.shown,
        format,
        transaction: executionOf(file, text, runner, transaction, []).transaction,
        runner,
        rollback: { file: null, notes: [] },
        modified: true,
        statements: [],
        ignores: [],
        unclosed_transaction: null,
        parse_errors: []
      }
    };
    judged.push(entry);
    if (!holdForTrace) waiting.push(entry);
  }
  if (holdForTrace && options.trace) {
    const { BOOKKEEPING, traceMigrations } = await import("./trace-G6DQGEV4.js");
    try {
      const { traces, replayFailures } = await traceMigrations(tracePlan, options.trace, logger, BOOKKEEPING[runner]);
      Object.assign(stats, attachTraces(judged, traces, logger), replayFailures > 0 ? { traceReplayFailures: replayFailures } : {});
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(`${error.message} (the files were judged without a trace)`);
    }
    waiting = [...judged];
  }
  if (waiting.length > 0 || yielded === 0) yield slice(waiting);
}
var MIN_CACHED_PREFIX = 32;
function prefixKey(workspace, requests, schemaFiles, ordered, runner, transaction, settings) {
  try {
    const files = requests.map((request, index) => {
      const bytes2 = readAdmittedBytes(admitFile(workspace, request.path, request.shown, void 0, false));
      const file = index < schemaFiles ? void 0 : ordered[index - schemaFiles];
      return { shown: request.shown, bytes: bytes2, transaction: file ? executionOf(file, bytes2.toString("utf8"), runner, transaction, []).assumed : "none" };
    });
    return schemaKey(files, { runner, settings });
  } catch {
    return void 0;
  }
}
function wholeFileError(text, message, at) {
  return { message, line: at?.line ?? 1, column: at?.column ?? 1, startByte: 0, endByte: Buffer.byteLength(text, "utf8"), identifiers: sqlIdentifiers(text) };
}
var sqlOf = (parsed) => parsed.statements.map((statement) => parsed.source.slice(statement.startByte, statement.endByte));
function compactFacts(value) {
  if (Array.isArray(value)) return value.map(compactFacts);
  if (typeof value !== "object" || value === null) return value;
  const result = {};
  for (const key in value) {
    const item = value[key];
    if (item === false || item === null || item === void 0 || key === "id" || Array.isArray(item) && item.length === 0) continue;
    result[key] = typeof item === "object" ? compactFacts(item) : item;
  }
  return result;
}
function indexFacts(files) {
  const index = { statements: {}, actions: {}, lock_timeout: {}, statement_timeout: {}, truncated_identifiers: [], newer_syntax: [] };
  files.forEach((file, fileIndex) => {
    file.statements.forEach((statement, statementIndex) => {
      const at = [fileIndex, statementIndex];
      (index.statements[statement.kind] ??= []).push(at);
      const list2 = statement.actions;
      if (Array.isArray(list2)) {
        list2.forEach((action, actionIndex) => {
          (index.actions[String(action.kind)] ??= []).push([fileIndex, statementIndex, actionIndex]);
        });
      }
      if (Array.isArray(statement.truncated_identifiers) && statement.truncated_identifiers.length > 0) index.truncated_identifiers.push(at);
      if (Array.isArray(statement.newer_syntax)) index.newer_syntax.push(at);
      const observed = statement.trace?.locks;
      if (Array.isArray(statement.locks) && statement.locks.length > 0 || Array.isArray(observed) && observed.length > 0) {
        (index.lock_timeout[String(statement.lock_timeout_ms ?? "none")] ??= []).push(at);
        (index.statement_timeout[String(statement.statement_timeout_ms ?? "none")] ??= []).push(at);
      }
    });
  });
  return index;
}
function touchedTables(facts) {
  const tables = /* @__PURE__ */ new Set();
  for (const statement of facts) {
    for (const lock of statement.locks ?? []) if (!lock.new) tables.add(lock.id);
  }
  return [...tables];
}
function attachTraces(judged, traces, logger) {
  let traced = 0;
  let untraced = 0;
  let dataDependent = 0;
  let rewrites = 0;
  for (const entry of judged) {
    const perStatement = traces.get(entry.file.shown);
    if (!perStatement) continue;
    const facts = entry.facts?.statements ?? [];
    facts.forEach((statement, index) => {
      const trace = perStatement[index];
      if (!trace) return;
      const predictedLocks = statement.locks ?? [];
      for (const lock of trace.locks ?? []) {
        const id = lock.relation.includes(".") ? lock.relation : `public.${lock.relation}`;
        const written = predictedLocks.find((predicted2) => predicted2.id === id);
        if (written) lock.relation = written.table;
      }
      statement.trace = trace;
      if (trace.skipped) untraced++;
      else traced++;
      if (trace.data_dependent) dataDependent++;
      rewrites += trace.rewritten.length;
      const at = entry.source.position(entry.spans[index]?.[0] ?? 0);
      const predicted = (statement.locks ?? []).map((lock) => `${lock.mode} on ${lock.table}`).join(", ") || "none";
      const observed = trace.error || trace.skipped ? "-" : trace.locks === null ? "not observable (ran outside a transaction)" : trace.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "none new";
      const outcome = trace.error ? ` failed: ${trace.error}` : trace.skipped ? ` ${trace.skipped}` : trace.data_dependent ? ` depends on data: failed on the seeded rows (value ${trace.data_dependent.value}: ${trace.data_dependent.error}), ran on the empty table` : "";
      logger.info(
        `trace ${entry.file.shown}:${at.line} ${statement.kind}: locks ${observed} (predicted ${predicted}); rewrote ${trace.rewritten.join(", ") || "nothing"}; ${trace.duration_ms} ms${outcome}`
      );
    });
  }
  return { tracedStatements: traced, observedRewrites: rewrites, ...untraced > 0 ? { untracedStatements: untraced } : {}, ...dataDependent > 0 ? { dataDependentStatements: dataDependent } : {} };
}
function globMatches(glob, path) {
  return (0, import_picomatch.default)(glob)(path);
}
function locate(judged, finding) {
  const entry = typeof finding.file === "number" ? judged[finding.file] : void 0;
  if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown migration file ${String(finding.file)}`);
  const file = entry.file.shown;
  if (typeof finding.line === "number") {
    return { location: { file, line: finding.line, ...typeof finding.column === "number" ? { column: finding.column } : {} } };
  }
  const span = typeof finding.statement === "number" ? entry.spans[finding.statement] : void 0;
  const at = typeof finding.at === "number" ? finding.at : span?.[0];
  if (at === void 0) return { location: { file, line: 1 } };
  const position = entry.source.position(at);
  const endLine = span ? entry.source.position(span[1]).line : void 0;
  return {
    location: { file, line: position.line, column: position.column, ...endLine !== void 0 && endLine > position.line ? { endLine } : {} }
  };
}
var migrationsGate = {
  id: "migrations",
  summary: "PostgreSQL migrations: dangerous locks, table rewrites and changes that break the running app, judged on the real parser's tree",
  cliFlags: MIGRATIONS_FLAGS,
  optionsFromFlags(flags) {
    const files = flagList(flags.files);
    if (files.length === 0) return void 0;
    const options = { files };
    if (typeof flags.base === "string") options.base = flags.base;
    if (typeof flags["migration-format"] === "string") options.format = flags["migration-format"];
    if (typeof flags.runner === "string") options.runner = flags.runner;
    if (typeof flags.transaction === "string") options.transaction = flags.transaction;
    if (flags.trace === true || typeof flags["trace-url"] === "string") {
      options.trace = typeof flags["trace-url"] === "string" ? { url: flags["trace-url"] } : {};
    }
    return options;
  },
  collect: collect3,
  fixtureOptions: (file) => {
    const header = readStandaloneTextFile(file, file).match(/^-- options: (.*)$/m)?.[1];
    const extra = header ? JSON.parse(header) : {};
    return { files: [file], ...extra };
  }
};
function executionOf(file, text, runner, configured, statements) {
  if (file.transactionOverride) {
    return {
      transaction: file.transactionOverride,
      oneMessage: false,
      reopens: true,
      assumed: `flyway: executeInTransaction=${file.transactionOverride === "none" ? "false" : "true"} in ${basename2(file.path)}.conf`
    };
  }
  const own = fileExecution(runner, file.path, text);
  if (own) return own;
  if (runner === "flyway" && configured === void 0 && statements.length > 0) {
    const outside = statements.filter(flywayNonTransactional).length;
    if (outside === statements.length) {
      return { transaction: "none", oneMessage: false, reopens: false, assumed: "flyway: every statement is one Flyway runs outside a transaction, so it runs the file without one" };
    }
    if (outside > 0) return { ...runnerExecution(runner), flywayMixed: true };
  }
  return runnerExecution(runner, configured);
}
function traceModel(execution, statements) {
  if (execution.transaction === "single-message") return statements > 1 ? "per-file" : "none";
  return execution.transaction;
}

// src/gates/readiness/index.ts
import { existsSync as existsSync5, statSync as statSync3 } from "node:fs";
import { dirname as dirname5, resolve as resolve4 } from "node:path";

// src/gates/readiness/alerts.ts
var SLO_LABEL = "slo";
var OBJECTIVE_LABEL = "objective";
function readRuleSources(workspace, globs, objects, errors) {
  const sources = [];
  for (const absolute of expandGlobs(workspace, globs, { what: "Prometheus rule" })) {
    const shown = displayPath(workspace, absolute);
    try {
      for (const document of readYamlFile(workspace, absolute, shown)) {
        if (document.value === null || document.value === void 0) continue;
        const locate2 = (path) => locateInDocument(document, path);
        if (!isRecord(document.value) || !Array.isArray(document.value.groups)) {
          errors.push(`${shown}:${locate2([]).line}: a Prometheus rule file is a mapping with a \`groups:\` list`);
          continue;
        }
        sources.push({ file: shown, absolute, groups: document.value.groups, locate: locate2 });
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  }
  for (const manifest of objects) {
    if (manifest.ref.kind !== "PrometheusRule" || !manifest.apiVersion.startsWith("monitoring.coreos.com/")) continue;
    const groups = getPath(manifest.object, ["spec", "groups"]);
    const where = manifest.locate(["spec", "groups"]);
    if (!where) continue;
    if (!Array.isArray(groups)) {
      errors.push(`${where.file}:${where.line}: PrometheusRule ${manifest.ref.name} has no spec.groups list`);
      continue;
    }
    sources.push({
      file: where.file,
      object: manifest.ref.name,
      groups,
      locate: (path) => manifest.locate(["spec", ...path]) ?? where
    });
  }
  return sources;
}
function stringRecord(value) {
  const out = {};
  if (isRecord(value)) {
    for (const [key, entry] of Object.entries(value)) if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") out[key] = String(entry);
  }
  return out;
}
function rulesOf(sources) {
  const facts = [];
  for (const source of sources) {
    source.groups.forEach((group2, groupIndex) => {
      if (!isRecord(group2) || !Array.isArray(group2.rules)) return;
      const groupName = typeof group2.name === "string" ? group2.name : `group ${groupIndex + 1}`;
      group2.rules.forEach((rule, index) => {
        if (!isRecord(rule) || typeof rule.expr !== "string" && typeof rule.expr !== "number") return;
        const alert = typeof rule.alert === "string" ? rule.alert : void 0;
        const record = typeof rule.record === "string" ? rule.record : void 0;
        if (!alert && !record) return;
        const forText = typeof rule.for === "string" ? rule.for : "0s";
        facts.push({
          source,
          kind: alert ? "alert" : "record",
          name: alert ?? record,
          expr: String(rule.expr),
          group: groupName,
          groupIndex,
          index,
          forSeconds: parsePrometheusDuration(forText) ?? 0,
          labels: stringRecord(rule.labels),
          annotations: stringRecord(rule.annotations),
          raw: rule,
          locate: (path) => source.locate(["groups", groupIndex, "rules", index, ...path])
        });
      });
    });
  }
  return facts;
}
function withoutStrings(expr) {
  return expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
}
function rangesOf(expr) {
  const windows = [];
  for (const match of withoutStrings(expr).matchAll(/\[\s*([0-9a-z]+)\s*(?::\s*[0-9a-z]*\s*)?\]/g)) {
    const seconds4 = parsePrometheusDuration(match[1] ?? "");
    if (seconds4 !== void 0) windows.push(seconds4);
  }
  return windows;
}
function numbersOf(expr) {
  const text = withoutStrings(expr).replace(/\[[^\]]*\]/g, "[]").replace(/\boffset\s+[0-9a-z]+/g, "");
  const numbers = [];
  for (const match of text.matchAll(/(?<![\w.:])([0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?|\.[0-9]+)(?![\w:.])/gi)) numbers.push(Number(match[1]));
  return numbers;
}
function identifiersOf(expr) {
  return [...withoutStrings(expr).matchAll(/(?<![\w:."])([a-zA-Z_:][a-zA-Z0-9_:]*)/g)].map((match) => match[1]);
}
function expand(rule, records) {
  const windows = /* @__PURE__ */ new Set();
  const numbers = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const visit = (expr, depth) => {
    for (const window of rangesOf(expr)) windows.add(window);
    if (depth === 0) for (const number of numbersOf(expr)) numbers.add(number);
    if (depth > 16) return;
    for (const name of identifiersOf(expr)) {
      if (seen.has(name)) continue;
      const recorded = records.get(name);
      if (!recorded) continue;
      seen.add(name);
      for (const record of recorded) visit(record.expr, depth + 1);
    }
  };
  visit(rule.expr, 0);
  return { windows: [...windows].sort((a, b) => a - b), numbers: [...numbers].sort((a, b) => a - b), records: [...seen].sort() };
}

// src/gates/readiness/promtool.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join7 } from "node:path";
var Scratch = class {
  directory = mkdtempSync2(join7(tmpdir2(), "resilience-gates-promtool-"));
  count = 0;
  write(name, value) {
    const file = join7(this.directory, `${this.count++}-${name}`);
    writeFileSync3(file, `${JSON.stringify(value, null, 1)}
`);
    return file;
  }
  dispose() {
    rmSync3(this.directory, { recursive: true, force: true });
  }
};
async function checkRules(source, scratch) {
  const file = source.absolute ?? scratch.write(`${source.object ?? "rules"}.json`, { groups: source.groups });
  const run = await runTool("promtool", ["check", "rules", file], { timeoutMs: 6e4 });
  if (run.exitCode === 0) return void 0;
  const text = `${run.stdout}
${run.stderr}`;
  const problems = [];
  const fallback = source.locate([]);
  const at = (location, message) => problems.push(`${formatLocation(location)}: promtool check rules: ${message}`);
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith(file)) continue;
    const rest = line.slice(file.length + 2);
    const ruleError = /^(\d+):(\d+): group "(.*)", rule (\d+), "(.*?)": (.*)$/.exec(rest);
    if (ruleError) {
      const groups = Array.isArray(source.groups) ? source.groups : [];
      const groupIndex = groups.findIndex((group2) => group2?.name === ruleError[3]);
      const location = source.absolute !== void 0 ? { file: source.file, line: Number(ruleError[1]), column: Number(ruleError[2]) } : groupIndex >= 0 ? source.locate(["groups", groupIndex, "rules", Number(ruleError[4]) - 1, "expr"]) : fallback;
      at(location, `rule ${ruleError[5]} of group ${ruleError[3]}: ${ruleError[6]}`);
      continue;
    }
    const yamlLine = /^yaml: (?:unmarshal errors:)?\s*line (\d+): (.*)$/.exec(rest);
    if (yamlLine && source.absolute !== void 0) {
      at({ file: source.file, line: Number(yamlLine[1]) }, yamlLine[2] ?? rest);
      continue;
    }
    at(fallback, rest);
  }
  for (const match of text.matchAll(/^\s+line (\d+): (.*)$/gm)) {
    if (source.absolute !== void 0) at({ file: source.file, line: Number(match[1]) }, match[2] ?? "");
    else at(fallback, match[2] ?? "");
  }
  if (problems.length === 0) at(fallback, text.trim() || `exit ${run.exitCode}`);
  return problems;
}
function firstSelector(query) {
  const match = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/.exec(query) ?? /([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(query);
  if (!match) return void 0;
  const matchers2 = [];
  for (const m of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
    matchers2.push({ label: m[1], op: m[2], value: m[3].replace(/\\(.)/g, "$1") });
  }
  return { metric: match[1], matchers: matchers2 };
}
function satisfies(matcher, value) {
  switch (matcher.op) {
    case "=":
      return value === matcher.value;
    case "!=":
      return value !== matcher.value;
    case "=~":
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case "!~":
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}
var CANDIDATES = ["200", "201", "204", "500", "503", "502", "ok", "error", "success", "failure", "true", "false", "1", "0", "GET", "POST"];
function valueFor(label2, pass, fail) {
  const on = pass.filter((m) => m.label === label2);
  const against = (fail ?? []).filter((m) => m.label === label2);
  const literal = [...on, ...against].filter((m) => m.op === "=" || m.op === "=~").flatMap((m) => m.value.split("|"));
  for (const candidate of [...literal, ...CANDIDATES]) {
    if (!on.every((m) => satisfies(m, candidate))) continue;
    if (fail && against.every((m) => satisfies(m, candidate))) continue;
    return candidate;
  }
  return void 0;
}
function seriesText(metric, labels2) {
  const body = Object.entries(labels2).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(",");
  return `${metric}{${body}}`;
}
function labelsOf(selector, extra = []) {
  const labels2 = {};
  const all = [...selector.matchers, ...extra];
  for (const label2 of new Set(all.map((m) => m.label))) {
    const value = valueFor(label2, all);
    if (value === void 0) return void 0;
    labels2[label2] = value;
  }
  return labels2;
}
function counter(phases) {
  let value = 0;
  const parts = [];
  phases.forEach((phase, index) => {
    const start = index === 0 ? 0 : value + phase.perMinute;
    const steps = index === 0 ? phase.minutes : phase.minutes - 1;
    parts.push(`${round(start)}+${round(phase.perMinute)}x${steps}`);
    value = start + phase.perMinute * steps;
  });
  return parts.join(" ");
}
function round(value) {
  return String(Math.round(value * 1e6) / 1e6);
}
var REQUESTS_PER_MINUTE = 1e3;
function syntheticSeries(slo, objective, phases, expressions = []) {
  const grow = (share) => counter(phases.map((phase) => ({ minutes: phase.minutes, perMinute: REQUESTS_PER_MINUTE * share(phase) })));
  if (slo.indicator.kind === "threshold") {
    const selector = firstSelector(slo.indicator.query);
    if (!selector || !selector.metric.endsWith("_bucket") || objective.value === null) return { problem: `the thresholdMetric query of SLO ${slo.name} does not read a histogram's _bucket series` };
    const labels2 = labelsOf({ metric: selector.metric, matchers: selector.matchers.filter((m) => m.label !== "le") });
    if (!labels2) return { problem: `no label values satisfy the matchers of ${slo.indicator.query}` };
    const base2 = selector.metric.slice(0, -"_bucket".length);
    const threshold = objective.value;
    const le = expressions.flatMap((expr) => [...expr.matchAll(/\ble\s*=\s*"([^"]+)"/g)].map((match) => match[1])).find((text) => Number(text) === threshold) ?? String(threshold);
    return {
      series: [
        { series: seriesText(`${base2}_bucket`, { ...labels2, le }), values: grow((phase) => 1 - phase.errorRatio) },
        { series: seriesText(`${base2}_bucket`, { ...labels2, le: "+Inf" }), values: grow(() => 1) },
        { series: seriesText(`${base2}_count`, labels2), values: grow(() => 1) }
      ]
    };
  }
  const total = firstSelector(slo.indicator.total);
  const good = firstSelector(slo.indicator.good);
  if (!total || !good) return { problem: `the ratioMetric queries of SLO ${slo.name} have no metric selector` };
  if (good.metric !== total.metric) {
    const goodLabels2 = labelsOf(good);
    const totalLabels = labelsOf(total);
    if (!goodLabels2 || !totalLabels) return { problem: `no label values satisfy the matchers of SLO ${slo.name}'s queries` };
    return {
      series: [
        { series: seriesText(good.metric, goodLabels2), values: grow((phase) => 1 - phase.errorRatio) },
        { series: seriesText(total.metric, totalLabels), values: grow(() => 1) }
      ]
    };
  }
  const goodLabels = labelsOf(total, good.matchers);
  const base = labelsOf(total);
  if (!goodLabels || !base) return { problem: `no label values satisfy the matchers of SLO ${slo.name}'s good query` };
  const badLabels = { ...base };
  const extra = good.matchers.filter((m) => !total.matchers.some((other) => other.label === m.label && other.op === m.op && other.value === m.value));
  for (const label2 of new Set(extra.map((m) => m.label))) {
    const value = valueFor(label2, total.matchers, good.matchers);
    if (value === void 0) return { problem: `no value of label ${label2} is counted by the total query of SLO ${slo.name} but not by its good query` };
    badLabels[label2] = value;
  }
  return {
    series: [
      { series: seriesText(total.metric, goodLabels), values: grow((phase) => 1 - phase.errorRatio) },
      { series: seriesText(total.metric, badLabels), values: grow((phase) => phase.errorRatio) }
    ]
  };
}
function alertsSelector(alert) {
  const labels2 = Object.entries(alert.labels).map(([key, value]) => `,${key}=${JSON.stringify(value)}`).join("");
  return `max(ALERTS{alertname=${JSON.stringify(alert.name)},alertstate="firing"${labels2}})`;
}
var OUTCOMES = /* @__PURE__ */ new Map();
var MAX_OUTCOMES = 256;
function writeObjectiveTest(slo, objective, tests, records, historyMinutes, scratch) {
  const budget = 1 - objective.target;
  const burnMinutes = Math.max(...tests.map((test) => test.withinMinutes)) + 5;
  const expressions = [...records, ...tests.map((test) => test.alert)].map((rule) => rule.expr);
  const healthy = syntheticSeries(slo, objective, [{ minutes: historyMinutes + burnMinutes, errorRatio: budget / 2 }], expressions);
  const burn = syntheticSeries(
    slo,
    objective,
    [
      { minutes: historyMinutes, errorRatio: budget / 2 },
      { minutes: burnMinutes, errorRatio: 1 }
    ],
    expressions
  );
  if ("problem" in healthy) return { tests, problem: healthy.problem };
  if ("problem" in burn) return { tests, problem: burn.problem };
  const groups = [{ name: `readiness-${slo.name}-${objective.index}`, rules: [...records.map((record) => record.raw), ...tests.map((test) => test.alert.raw)] }];
  const rulesFile = scratch.write(`${slo.name}-${objective.index}-rules.json`, { groups });
  const cases = {
    evaluation_interval: "1m",
    tests: [
      {
        name: "healthy",
        interval: "1m",
        input_series: healthy.series,
        alert_rule_test: tests.flatMap((test) => [historyMinutes, historyMinutes + burnMinutes].map((minute) => ({ alertname: test.alert.name, eval_time: `${minute}m`, exp_alerts: [] })))
      },
      {
        name: "burn",
        interval: "1m",
        input_series: burn.series,
        promql_expr_test: tests.map((test) => ({ expr: alertsSelector(test.alert), eval_time: `${historyMinutes + test.withinMinutes}m`, exp_samples: [{ labels: "{}", value: 1 }] }))
      }
    ]
  };
  const file = scratch.write(`${slo.name}-${objective.index}-test.json`, { rule_files: [rulesFile], ...cases });
  return { tests, file, key: JSON.stringify([groups, cases]) };
}
async function runObjectiveTests(objectives) {
  const results = /* @__PURE__ */ new Map();
  const sections = /* @__PURE__ */ new Map();
  for (const objective of objectives) {
    const known = objective.key === void 0 ? void 0 : OUTCOMES.get(objective.key);
    if (objective.file && known !== void 0) sections.set(objective.file, known);
  }
  const files = objectives.flatMap((objective) => objective.file && !sections.has(objective.file) ? [objective.file] : []);
  for (const file of files) {
    const run = await runTool("promtool", ["test", "rules", file], { timeoutMs: 6e5 });
    sections.set(file, { text: `${run.stdout}
${run.stderr}`, exitCode: run.exitCode });
  }
  for (const objective of objectives) {
    const section = objective.file === void 0 ? void 0 : sections.get(objective.file);
    if (objective.key === void 0 || section === void 0 || !files.includes(objective.file)) continue;
    if (OUTCOMES.size >= MAX_OUTCOMES) OUTCOMES.delete(OUTCOMES.keys().next().value);
    OUTCOMES.set(objective.key, section);
  }
  for (const objective of objectives) {
    if (!objective.file) continue;
    const section = sections.get(objective.file);
    if (section === void 0) throw new CollectorError(`promtool test rules printed nothing for ${objective.file}`);
    const entries = section.text.split(/\n(?=\s{4}\S)/);
    let attributed = 0;
    for (const test of objective.tests) {
      const name = test.alert.name;
      const pick = (needle) => {
        const found = entries.filter((entry) => entry.includes(needle));
        return found.length ? found.join(" ").replace(/\s+/g, " ").trim() : null;
      };
      const healthyMessage = pick(`alertname: ${name},`);
      const burnMessage = pick(`alertname=\\"${name}\\"`);
      if (healthyMessage !== null || burnMessage !== null) attributed += 1;
      results.set(test.alert, { burnPassed: burnMessage === null, healthyPassed: healthyMessage === null, burnMessage, healthyMessage });
    }
    if (section.exitCode !== 0 && attributed === 0) {
      throw new CollectorError(`promtool test rules failed on the cases generated for ${objective.file} without naming an alert: ${section.text.trim().slice(0, 2e3)}`);
    }
  }
  return results;
}

// src/gates/readiness/kubernetes.ts
function stringLabels(value) {
  const out = {};
  if (isRecord(value)) {
    for (const [key, entry] of Object.entries(value)) if (typeof entry === "string") out[key] = entry;
  }
  return out;
}
function sameNamespace2(a, b) {
  return a.ref.namespace === void 0 || b.ref.namespace === void 0 || a.ref.namespace === b.ref.namespace;
}
function podWorkload(manifest) {
  const entry = BUILT_IN_POD_TEMPLATE_PATHS.find((path) => path.kind === manifest.ref.kind && (!path.apiVersion || path.apiVersion === manifest.apiVersion));
  if (!entry) return void 0;
  const template = getPath(manifest.object, entry.path);
  if (!isRecord(template)) return void 0;
  return { manifest, templatePath: entry.path, template, labels: stringLabels(getPath(template, ["metadata", "labels"])) };
}
function scaled(value, replicas) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^[0-9]+%$/.test(value)) return Math.ceil(Number(value.slice(0, -1)) / 100 * replicas);
  if (typeof value === "string" && /^[0-9]+$/.test(value)) return Number(value);
  return void 0;
}
var DRAIN_MS = /_(MS|MILLIS|MILLISECONDS)$/;
function preStopSeconds(container) {
  const preStop = getPath(container, ["lifecycle", "preStop"]);
  if (!isRecord(preStop)) return null;
  const sleep = getPath(preStop, ["sleep", "seconds"]);
  if (typeof sleep === "number") return sleep;
  const command = getPath(preStop, ["exec", "command"]);
  if (Array.isArray(command)) {
    const match = /\bsleep\s+([0-9]+)\b/.exec(command.map(String).join(" "));
    if (match) return Number(match[1]);
  }
  return null;
}
function drainSeconds(container, names2) {
  const env = Array.isArray(container.env) ? container.env : [];
  let total = 0;
  let found = false;
  for (const name of names2) {
    const entry = env.find((item) => isRecord(item) && item.name === name);
    const value = Number(entry?.value);
    if (entry === void 0 || !Number.isFinite(value)) continue;
    found = true;
    total += DRAIN_MS.test(name) ? value / 1e3 : value;
  }
  return found ? total : null;
}
function workloadKubernetesFacts(workload, objects, all, drainEnv, at) {
  const { manifest, template, templatePath } = workload;
  const ref = manifest.ref;
  const here = (path) => at(manifest.locate(path), ref);
  const inTemplate = (path) => here([...templatePath, ...path]);
  const replicasValue = getPath(manifest.object, ["spec", "replicas"]);
  const replicas = manifest.ref.kind === "DaemonSet" ? null : typeof replicasValue === "number" ? replicasValue : 1;
  const hpaObject = objects.find(
    (object) => object.ref.kind === "HorizontalPodAutoscaler" && sameNamespace2(object, manifest) && getPath(object.object, ["spec", "scaleTargetRef", "kind"]) === ref.kind && getPath(object.object, ["spec", "scaleTargetRef", "name"]) === ref.name
  );
  const hpaMin = hpaObject ? getPath(hpaObject.object, ["spec", "minReplicas"]) : void 0;
  const hpaMax = hpaObject ? getPath(hpaObject.object, ["spec", "maxReplicas"]) : void 0;
  const stabilization = hpaObject ? getPath(hpaObject.object, ["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]) : void 0;
  const hpa = hpaObject ? {
    name: hpaObject.ref.name,
    min: typeof hpaMin === "number" ? hpaMin : 1,
    max: typeof hpaMax === "number" ? hpaMax : 0,
    stabilization_seconds: typeof stabilization === "number" ? stabilization : null,
    place: at(hpaObject.locate(["spec", "minReplicas"]), hpaObject.ref),
    behavior_place: at(hpaObject.locate(["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]), hpaObject.ref)
  } : null;
  const effective = Math.max(replicas ?? 0, hpa?.min ?? 0);
  const pdbs = objects.filter((object) => object.ref.kind === "PodDisruptionBudget" && sameNamespace2(object, manifest) && isRecord(getPath(object.object, ["spec", "selector"]))).filter((object) => selects(getPath(object.object, ["spec", "selector"]), workload.labels)).map((object) => {
    const minAvailable = getPath(object.object, ["spec", "minAvailable"]);
    const maxUnavailable = getPath(object.object, ["spec", "maxUnavailable"]);
    const allowed = minAvailable !== void 0 ? effective - (scaled(minAvailable, effective) ?? effective) : maxUnavailable !== void 0 ? scaled(maxUnavailable, effective) ?? 0 : 0;
    return {
      name: object.ref.name,
      rule: minAvailable !== void 0 ? `minAvailable ${String(minAvailable)}` : maxUnavailable !== void 0 ? `maxUnavailable ${String(maxUnavailable)}` : "neither minAvailable nor maxUnavailable",
      disruptions_allowed: Math.max(0, allowed),
      place: at(object.locate(["spec", minAvailable !== void 0 ? "minAvailable" : "maxUnavailable"]), object.ref)
    };
  });
  const spec = isRecord(template.spec) ? template.spec : {};
  const spread = Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.length > 0 || isRecord(getPath(spec, ["affinity", "podAntiAffinity"]));
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
  const grace = typeof spec.terminationGracePeriodSeconds === "number" ? spec.terminationGracePeriodSeconds : 30;
  const policies = objects.filter(
    (object) => object.ref.kind === "NetworkPolicy" && sameNamespace2(object, manifest) && selects(getPath(object.object, ["spec", "podSelector"]), workload.labels)
  );
  const types = (policy) => {
    const written = getPath(policy.object, ["spec", "policyTypes"]);
    if (Array.isArray(written)) return written.map(String);
    return getPath(policy.object, ["spec", "egress"]) !== void 0 ? ["Ingress", "Egress"] : ["Ingress"];
  };
  const rules = (policy, key) => {
    const value = getPath(policy.object, ["spec", key]);
    return Array.isArray(value) ? value : [];
  };
  const denies = (key, type) => policies.some((policy) => types(policy).includes(type) && rules(policy, key).length === 0);
  const allowPolicies = policies.filter((policy) => rules(policy, "ingress").length > 0 || rules(policy, "egress").length > 0);
  const egress = [];
  for (const policy of policies) {
    if (!types(policy).includes("Egress")) continue;
    rules(policy, "egress").forEach((rule, index) => {
      const to = isRecord(rule) && Array.isArray(rule.to) ? rule.to : [];
      if (to.length === 0) {
        egress.push({ target: "anywhere (an egress rule without `to`)", workloads: [], place: at(policy.locate(["spec", "egress", index]), policy.ref) });
        return;
      }
      to.forEach((peer, peerIndex) => {
        if (!isRecord(peer) || !isRecord(peer.podSelector) || peer.namespaceSelector !== void 0) return;
        const selected = all.filter((other) => sameNamespace2(other.manifest, policy) && selects(peer.podSelector, other.labels)).map((other) => other.manifest.ref.name);
        egress.push({ target: JSON.stringify(peer.podSelector), workloads: selected, place: at(policy.locate(["spec", "egress", index, "to", peerIndex]), policy.ref) });
      });
    });
  }
  return {
    replicas,
    replicas_place: here(["spec", "replicas"]),
    hpa,
    pdbs,
    spread,
    spread_place: inTemplate(["spec"]),
    containers: containers.map((container, index) => ({
      name: typeof container.name === "string" ? container.name : `container ${index}`,
      readiness_probe: isRecord(container.readinessProbe),
      liveness_probe: isRecord(container.livenessProbe),
      pre_stop_seconds: preStopSeconds(container),
      drain_seconds: drainSeconds(container, drainEnv),
      place: inTemplate(["spec", "containers", index])
    })),
    termination_grace_seconds: grace,
    grace_place: inTemplate(["spec", "terminationGracePeriodSeconds"]),
    network: {
      deny_ingress: denies("ingress", "Ingress"),
      deny_egress: denies("egress", "Egress"),
      allow_policies: allowPolicies.map((policy) => policy.ref.name),
      egress
    }
  };
}

// src/gates/readiness/routes.ts
function seconds(value) {
  if (typeof value !== "string") return null;
  return parseGoDuration(value) ?? null;
}
function upper(values) {
  return values.filter((value) => typeof value === "string").map((value) => value.toUpperCase());
}
function httpRoutes(manifest) {
  const rules = getPath(manifest.object, ["spec", "rules"]);
  if (!Array.isArray(rules)) return [];
  const file = manifest.locate([])?.file ?? "(cluster)";
  return rules.map((rule, index) => {
    const at = (path) => manifest.locate(["spec", "rules", index, ...path]);
    const matches = isRecord(rule) && Array.isArray(rule.matches) ? rule.matches.filter(isRecord) : [];
    const methods = matches.some((match) => match.method === void 0) ? [] : upper(matches.map((match) => match.method));
    const headers = matches.flatMap((match) => Array.isArray(match.headers) ? match.headers.filter(isRecord).map((header) => String(header.name ?? "").toLowerCase()) : []);
    const backends = isRecord(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs.filter(isRecord).filter((ref) => (ref.kind ?? "Service") === "Service").map((ref) => String(ref.name)) : [];
    const timeout = getPath(rule, ["timeouts", "request"]);
    const retry = getPath(rule, ["retry"]);
    const attempts = getPath(retry, ["attempts"]);
    return {
      kind: "HTTPRoute",
      name: manifest.ref.name,
      file,
      rule: `rules[${index}]`,
      backends,
      methods,
      required_headers: headers,
      timeout_seconds: seconds(timeout),
      timeout_disabled: seconds(timeout) === 0,
      retry: isRecord(retry) ? { attempts: typeof attempts === "number" ? attempts : null, per_try_timeout_seconds: seconds(getPath(rule, ["timeouts", "backendRequest"])) } : null,
      at: { rule: at([]), timeout: at(["timeouts", "request"]), retry: at(["retry"]) }
    };
  });
}
function virtualServices(manifest) {
  const http = getPath(manifest.object, ["spec", "http"]);
  if (!Array.isArray(http)) return [];
  const file = manifest.locate([])?.file ?? "(cluster)";
  return http.map((route, index) => {
    const at = (path) => manifest.locate(["spec", "http", index, ...path]);
    const matches = isRecord(route) && Array.isArray(route.match) ? route.match.filter(isRecord) : [];
    const methods = matches.length === 0 || matches.some((match) => !isRecord(match.method)) ? [] : upper(matches.map((match) => getPath(match, ["method", "exact"])));
    const headers = matches.flatMap((match) => isRecord(match.headers) ? Object.keys(match.headers).map((name) => name.toLowerCase()) : []);
    const backends = isRecord(route) && Array.isArray(route.route) ? route.route.map((destination) => String(getPath(destination, ["destination", "host"]) ?? "").split(".")[0]) : [];
    const retries = getPath(route, ["retries"]);
    const attempts = getPath(retries, ["attempts"]);
    return {
      kind: "VirtualService",
      name: manifest.ref.name,
      file,
      rule: `http[${index}]`,
      backends,
      methods,
      required_headers: headers,
      timeout_seconds: seconds(getPath(route, ["timeout"])),
      timeout_disabled: seconds(getPath(route, ["timeout"])) === 0,
      retry: isRecord(retries) && attempts !== 0 ? { attempts: typeof attempts === "number" ? attempts : null, per_try_timeout_seconds: seconds(retries.perTryTimeout) } : null,
      at: { rule: at([]), timeout: at(["timeout"]), retry: at(["retries"]) }
    };
  });
}
function kubernetesRoutes(objects) {
  const routes = [];
  for (const manifest of objects) {
    const group2 = manifest.apiVersion.split("/")[0];
    if (manifest.ref.kind === "HTTPRoute" && group2 === "gateway.networking.k8s.io") routes.push(...httpRoutes(manifest));
    if (manifest.ref.kind === "VirtualService" && group2 === "networking.istio.io") routes.push(...virtualServices(manifest));
  }
  return routes;
}
function envoyMethods(match) {
  const headers = isRecord(match) && Array.isArray(match.headers) ? match.headers.filter(isRecord) : [];
  const methods = [];
  const required = [];
  for (const header of headers) {
    const name = String(header.name ?? "").toLowerCase();
    if (name === ":method") {
      const exact2 = header.exact_match ?? getPath(header, ["string_match", "exact"]);
      if (typeof exact2 === "string") methods.push(exact2.toUpperCase());
    } else if (header.invert_match !== true && header.treat_missing_header_as_empty !== true) required.push(name);
  }
  return { methods, headers: required };
}
function envoyRoutes(workspace, globs, errors) {
  const routes = [];
  const clusters = [];
  const files = expandGlobs(workspace, globs, { what: "Envoy configuration" });
  for (const absolute of files) {
    const shown = displayPath(workspace, absolute);
    try {
      for (const document of readYamlFile(workspace, absolute, shown)) {
        const value = document.value;
        if (!isRecord(value)) continue;
        const at = (path) => locateInDocument(document, path);
        const configs = [];
        if (Array.isArray(value.virtual_hosts)) configs.push({ config: value, path: [] });
        const listeners = getPath(value, ["static_resources", "listeners"]);
        (Array.isArray(listeners) ? listeners : []).forEach((listener, l) => {
          const chains = getPath(listener, ["filter_chains"]);
          (Array.isArray(chains) ? chains : []).forEach((chain, c) => {
            const filters = getPath(chain, ["filters"]);
            (Array.isArray(filters) ? filters : []).forEach((filter, f) => {
              const path = ["static_resources", "listeners", l, "filter_chains", c, "filters", f, "typed_config", "route_config"];
              const config = getPath(value, path);
              if (isRecord(config)) configs.push({ config, path });
            });
          });
        });
        for (const { config, path } of configs) {
          const hosts = getPath(config, ["virtual_hosts"]);
          (Array.isArray(hosts) ? hosts : []).forEach((host, h) => {
            const hostName = String(getPath(host, ["name"]) ?? `virtual host ${h}`);
            const hostRetry = getPath(host, ["retry_policy"]);
            const list3 = getPath(host, ["routes"]);
            (Array.isArray(list3) ? list3 : []).forEach((route, r) => {
              const action = getPath(route, ["route"]);
              if (!isRecord(action)) return;
              const base = [...path, "virtual_hosts", h, "routes", r];
              const { methods, headers } = envoyMethods(getPath(route, ["match"]));
              const retry = isRecord(action.retry_policy) ? action.retry_policy : isRecord(hostRetry) ? hostRetry : void 0;
              const timeout = seconds(action.timeout);
              routes.push({
                kind: "Envoy",
                name: String(getPath(route, ["name"]) ?? hostName),
                file: shown,
                rule: `virtual host ${hostName} route ${r}`,
                backends: typeof action.cluster === "string" ? [action.cluster] : [],
                methods,
                required_headers: headers,
                timeout_seconds: action.timeout === void 0 ? null : timeout,
                timeout_disabled: timeout === 0,
                // Envoy's num_retries defaults to 1 once a retry policy is set.
                retry: retry ? { attempts: typeof retry.num_retries === "number" ? retry.num_retries : 1, per_try_timeout_seconds: seconds(retry.per_try_timeout) } : null,
                at: {
                  rule: at(base),
                  timeout: at([...base, "route", "timeout"]),
                  retry: isRecord(action.retry_policy) ? at([...base, "route", "retry_policy"]) : at([...path, "virtual_hosts", h, "retry_policy"])
                }
              });
            });
          });
        }
        const list2 = getPath(value, ["static_resources", "clusters"]);
        (Array.isArray(list2) ? list2 : []).forEach((cluster, index) => {
          if (!isRecord(cluster)) return;
          const endpoint = getPath(cluster, ["load_assignment", "endpoints", 0, "lb_endpoints", 0, "endpoint", "address", "socket_address", "address"]);
          clusters.push({
            name: String(cluster.name ?? `cluster ${index}`),
            file: shown,
            address: typeof endpoint === "string" ? endpoint : null,
            outlier_detection: isRecord(cluster.outlier_detection),
            at: at(["static_resources", "clusters", index, "name"])
          });
        });
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  }
  return { routes, clusters, files: files.length };
}
function missingBackend(route, backend, what) {
  const where = route.at.rule ? `${formatLocation(route.at.rule)}: ` : "";
  return `${where}${route.kind} ${route.name} ${route.rule} sends to ${backend}, which is ${what}`;
}

// src/gates/readiness/runbooks.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";
import { dirname as dirname4, resolve as resolve3 } from "node:path";
function slugOf(text) {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}
var HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
var REVIEWED = /^\s*(?:[-*]\s+)?[*_]{0,2}last[ _-]reviewed[*_]{0,2}\s*:?\s*[*_]{0,2}\s*:?\s*([0-9]{4}-[0-9]{2}-[0-9]{2})/i;
var LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
var FENCE = /^ {0,3}(```|~~~)/;
function scan(text) {
  const headings = [];
  const links = [];
  let reviewed = null;
  let fenced = false;
  text.split(/\r?\n/).forEach((line, index) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const heading = HEADING.exec(line);
    if (heading) headings.push({ text: (heading[2] ?? "").toLowerCase(), slug: slugOf(heading[2] ?? ""), line: index + 1 });
    const review = REVIEWED.exec(line);
    if (review && !reviewed) {
      const date = review[1] ?? "";
      reviewed = { text: date, epoch: epochSeconds(`${date}T00:00:00Z`) ?? null, line: index + 1, column: line.indexOf(date) + 1 };
    }
    for (const match of line.matchAll(LINK)) {
      const target = match[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      links.push({ target, line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return { headings, reviewed, links };
}
function parseRunbook(workspace, absolute) {
  const shown = displayPath(workspace, absolute);
  const scanned = scan(readTextFile(workspace, absolute, shown));
  const links = scanned.links.map((link2) => ({ ...link2, problem: linkProblem(workspace, absolute, scanned.headings, link2.target) }));
  return { file: shown, headings: scanned.headings, reviewed: scanned.reviewed, links };
}
function linkProblem(workspace, runbook, headings, target) {
  const [path = "", anchor] = target.split("#", 2);
  if (path === "") {
    return anchor === void 0 || headings.some((heading) => heading.slug === anchor) ? null : `there is no heading #${anchor} in this runbook`;
  }
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return `${path} is not a valid URL path`;
  }
  const absolute = path.startsWith("/") ? resolve3(workspace.root, `.${decoded}`) : resolve3(dirname4(runbook), decoded);
  try {
    resolveInside({ ...workspace, base: dirname4(runbook) }, absolute, "link");
  } catch {
    return `${path} leads outside the repository`;
  }
  if (!existsSync3(absolute)) return `${displayPath(workspace, absolute)} does not exist`;
  if (anchor !== void 0 && statSync2(absolute).isFile() && /\.md$/i.test(absolute)) {
    const other = scan(readTextFile(workspace, absolute, displayPath(workspace, absolute))).headings;
    if (!other.some((heading) => heading.slug === anchor)) return `${displayPath(workspace, absolute)} has no heading #${anchor}`;
  }
  return null;
}

// src/gates/readiness/switches.ts
import { existsSync as existsSync4 } from "node:fs";
var DEFAULT_KILL_SWITCHES = ".resilience/kill-switches.yaml";
function readRegistry(workspace, given, errors) {
  const path = given ?? DEFAULT_KILL_SWITCHES;
  let absolute;
  try {
    absolute = resolveInside(workspace, path, "kill-switch registry");
  } catch (error) {
    errors.push(describeThrown(error));
    return null;
  }
  if (!existsSync4(absolute)) {
    if (given !== void 0) errors.push(`kill-switch registry ${given} does not exist (schemas/kill-switches.schema.json)`);
    return null;
  }
  const shown = displayPath(workspace, absolute);
  const empty = { file: shown, switches: [], flags: [] };
  try {
    const documents2 = readYamlFile(workspace, absolute, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
    const document = documents2[0];
    if (!document || documents2.length !== 1) {
      errors.push(`${shown}:1: expected one YAML document in the kill-switch registry, found ${documents2.length}`);
      return empty;
    }
    const locate2 = (path2) => locateInDocument(document, path2);
    const problems = validate("kill-switches", document.value, void 0, "the kill-switch registry");
    if (problems.length > 0) {
      for (const problem of problems) errors.push(`${formatLocation(locate2(problem.path))}: kill-switch registry: ${problem.message}`);
      return empty;
    }
    const value = document.value;
    if (!isRecord(value)) return empty;
    return {
      file: shown,
      switches: (value.switches ?? []).map((entry, index) => ({ ...entry, locate: (path2) => locate2(["switches", index, ...path2]) })),
      flags: (value.flags ?? []).map((entry, index) => ({ ...entry, locate: (path2) => locate2(["flags", index, ...path2]) }))
    };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    errors.push(describeThrown(error));
    return empty;
  }
}
function dayStart(date) {
  return epochSeconds(`${date}T00:00:00Z`) ?? null;
}
function registryFacts(registry, at) {
  return {
    kill_switch_registry: registry?.file ?? null,
    kill_switches: (registry?.switches ?? []).map((entry) => {
      const resource = { kind: "KillSwitch", name: entry.name };
      const tests = (entry.tests ?? []).map((test, index) => ({
        date: test.date,
        epoch: dayStart(test.date),
        result: test.result,
        by: test.by,
        place: at(entry.locate(["tests", index, "date"]), resource)
      }));
      return {
        name: entry.name,
        service: entry.service,
        dependency: entry.dependency,
        owner: entry.owner ?? null,
        degraded: entry.degraded ?? null,
        tests,
        place: at(entry.locate(["name"]), resource),
        tests_place: at(entry.locate(["tests"]), resource)
      };
    }),
    flags: (registry?.flags ?? []).map((flag) => {
      const resource = { kind: "FeatureFlag", name: flag.name };
      return {
        name: flag.name,
        service: flag.service ?? null,
        owner: flag.owner ?? null,
        expires: flag.expires ?? null,
        expires_epoch: flag.expires === void 0 ? null : dayStart(flag.expires),
        place: at(flag.locate(["name"]), resource),
        expires_place: at(flag.locate(["expires"]), resource)
      };
    })
  };
}

// src/gates/readiness/settings.ts
var DEFAULT_BURN_RATES = [
  { long: "1h", short: "5m", factor: 14.4, severity: "page" },
  { long: "6h", short: "30m", factor: 6, severity: "page" },
  { long: "1d", short: "2h", factor: 3, severity: "ticket" },
  { long: "3d", short: "6h", factor: 1, severity: "ticket" }
];
var FULL_SECTIONS = ["symptoms", "diagnosis", "mitigation", "rollback", "incident roles", "escalation"];
var TIER_DEFAULTS2 = {
  "0": { runbookSections: FULL_SECTIONS, reviewEvery: "90d", killSwitchTestEvery: "90d", severity: "block" },
  "1": { runbookSections: FULL_SECTIONS, reviewEvery: "90d", killSwitchTestEvery: "90d", severity: "block" },
  "2": { runbookSections: ["symptoms", "mitigation", "escalation"], reviewEvery: "180d", killSwitchTestEvery: "180d", severity: "warn" },
  "3": { runbookSections: ["mitigation"], reviewEvery: "365d", killSwitchTestEvery: "365d", severity: "warn" }
};
var DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";
function seconds2(text, what) {
  const value = parseCatalogDuration(text);
  if (value === void 0 || value <= 0) throw new ConfigurationError(`readiness: ${what} ${text} is not a positive duration like 90d, 6h or 5m`);
  return value;
}
function buildSettings(tiers, burnRates, idempotencyHeader, maxRetries) {
  const out = {};
  for (const [tier, defaults] of Object.entries(TIER_DEFAULTS2)) {
    const given = { ...defaults, ...tiers?.[tier] ?? {} };
    out[tier] = {
      runbook_sections: given.runbookSections.map((section) => section.toLowerCase()),
      review_every_seconds: seconds2(given.reviewEvery, `tiers.${tier}.reviewEvery`),
      kill_switch_test_every_seconds: seconds2(given.killSwitchTestEvery, `tiers.${tier}.killSwitchTestEvery`),
      severity: given.severity
    };
  }
  return {
    tiers: out,
    burn_rates: (burnRates ?? DEFAULT_BURN_RATES).map((window) => ({
      long: window.long,
      short: window.short,
      long_seconds: seconds2(window.long, "burnRates long"),
      short_seconds: seconds2(window.short, "burnRates short"),
      factor: window.factor,
      severity: window.severity
    })),
    idempotency_header: (idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER).toLowerCase(),
    idempotent_methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"],
    max_retries: maxRetries ?? 3
  };
}

// src/gates/readiness/index.ts
var SERVICE_LABEL = "resilience-gates.io/service";
var WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "Rollout"]);
var HISTORY_MINUTES = 360;
var Places = class {
  list = [];
  add(place) {
    this.list.push(place);
    return this.list.length - 1;
  }
  at(location, resource) {
    return this.add({ ...location ? { location } : {}, ...resource ? { resource } : {} });
  }
};
function serviceResource(service) {
  return { kind: "Service", name: service.name };
}
function readRunbooks(context, catalog, places, errors) {
  const cache = /* @__PURE__ */ new Map();
  const catalogDirectory = dirname5(resolve4(context.workspace.root, catalog.file));
  const runbooks = [];
  catalog.services.forEach((service) => {
    service.runbooks.forEach((path, index) => {
      const entry = service.locate(["runbooks", index]);
      let absolute;
      try {
        absolute = resolveInside({ ...context.workspace, base: catalogDirectory }, path, "runbook");
      } catch (error) {
        errors.push(`${formatLocation(entry)}: ${describeThrown(error)}`);
        return;
      }
      let read = cache.get(absolute);
      if (!read) {
        if (!existsSync5(absolute)) read = { missing: `${displayPath(context.workspace, absolute)} does not exist` };
        else if (!statSync3(absolute).isFile()) read = { missing: `${displayPath(context.workspace, absolute)} is not a file` };
        else {
          try {
            read = { parsed: parseRunbook(context.workspace, absolute) };
          } catch (error) {
            if (!(error instanceof ConfigurationError)) throw error;
            errors.push(`${formatLocation(entry)}: runbook ${path}: ${error.message}`);
            return;
          }
        }
        cache.set(absolute, read);
      }
      const resource = serviceResource(service);
      const parsed = read.parsed;
      const file = parsed?.file ?? path;
      if (parsed && read.titlePlace === void 0) {
        read.titlePlace = places.at({ file, line: parsed.headings[0]?.line ?? 1, column: 1 });
        if (parsed.reviewed) read.reviewedPlace = places.at({ file, line: parsed.reviewed.line, column: parsed.reviewed.column });
        read.linkPlaces = parsed.links.map((link2) => places.at({ file, line: link2.line, column: link2.column }));
      }
      runbooks.push({
        id: runbooks.length,
        service: service.name,
        tier: service.tier,
        path,
        file,
        exists: parsed !== void 0,
        missing: read.missing ?? null,
        place: places.at(entry, resource),
        headings: (parsed?.headings ?? []).map((heading) => heading.text),
        slugs: (parsed?.headings ?? []).map((heading) => heading.slug),
        title_place: read.titlePlace ?? places.at({ file, line: 1, column: 1 }),
        reviewed: parsed?.reviewed ? { date: parsed.reviewed.text, epoch: parsed.reviewed.epoch, place: read.reviewedPlace ?? 0 } : null,
        links: (parsed?.links ?? []).map((link2, index2) => ({ target: link2.target, problem: link2.problem, place: read.linkPlaces?.[index2] ?? 0 }))
      });
    });
  });
  return runbooks;
}
function readSloFile(context, given, errors) {
  if (given === void 0 && !existsSync5(resolve4(context.workspace.base, DEFAULT_SLOS))) return [];
  try {
    return readSlos(context.workspace, given, "endpoint").slos;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    errors.push(error.message);
    return [];
  }
}
function resolveRunbookUrl(context, url, base) {
  let rest;
  if (base !== void 0 && url.startsWith(base)) rest = url.slice(base.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { file: null, anchor: null, problem: base === void 0 ? "it is an absolute URL and the gate has no runbookBaseUrl to map it into the repository" : `it is not under runbookBaseUrl ${base}` };
  } else rest = url;
  const [path = "", anchor] = rest.replace(/^\/+/, "").split("#", 2);
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { file: null, anchor: null, problem: `${path} is not a valid URL path` };
  }
  const absolute = resolve4(context.workspace.root, decoded);
  const file = displayPath(context.workspace, absolute);
  if (file.startsWith("/")) return { file: null, anchor: null, problem: `${path} leads outside the repository` };
  if (!existsSync5(absolute)) return { file, anchor: anchor ?? null, problem: `${file} does not exist` };
  return { file, anchor: anchor ?? null, problem: null };
}
function objectiveOf(alert, slo) {
  const written = alert.labels[OBJECTIVE_LABEL];
  if (written === void 0) return slo.objectives.length === 1 ? 0 : null;
  const index = slo.objectives.findIndex((objective) => String(objective.index) === written || objective.displayName === written);
  return index >= 0 ? index : null;
}
async function collectAlerts(context, options, objects, settings, places, errors) {
  const slos = readSloFile(context, options.slos, errors);
  const sources = readRuleSources(context.workspace, options.rules ?? [], objects, errors);
  const scratch = sources.length > 0 ? new Scratch() : void 0;
  try {
    const good = [];
    for (const source of sources) {
      const problems2 = await checkRules(source, scratch);
      if (problems2) errors.push(...problems2);
      else good.push(source);
    }
    const rules = rulesOf(good);
    const records = /* @__PURE__ */ new Map();
    for (const rule of rules) if (rule.kind === "record") records.set(rule.name, [...records.get(rule.name) ?? [], rule]);
    const alerts = rules.filter((rule) => rule.kind === "alert");
    const expanded = new Map(alerts.map((alert) => [alert, expand(alert, records)]));
    const sloByName = new Map(slos.map((slo) => [slo.name, slo]));
    const historyMinutes = HISTORY_MINUTES;
    const results = /* @__PURE__ */ new Map();
    const problems = /* @__PURE__ */ new Map();
    let promtoolTests = 0;
    const written = [];
    for (const slo of slos) {
      for (const objective of slo.objectives) {
        const budget = 1 - objective.target;
        const tests = [];
        for (const alert of alerts) {
          if (alert.labels[SLO_LABEL] !== slo.name || objectiveOf(alert, slo) !== objective.index) continue;
          const windows = expanded.get(alert)?.windows ?? [];
          const pairs = settings.burn_rates.filter((pair) => windows.includes(pair.long_seconds) && windows.includes(pair.short_seconds));
          if (pairs.length === 0) continue;
          const detect = Math.max(...pairs.map((pair) => Math.ceil(pair.factor * budget * pair.long_seconds / 60)));
          const allowedFor = Math.min(...pairs.map((pair) => pair.short_seconds));
          tests.push({ alert, withinMinutes: detect + Math.ceil(Math.min(alert.forSeconds, allowedFor) / 60) + 3 });
        }
        if (tests.length === 0) continue;
        const needed = new Set(tests.flatMap((test2) => expanded.get(test2.alert)?.records ?? []));
        const forObjective = (rule) => (rule.labels[SLO_LABEL] === void 0 || rule.labels[SLO_LABEL] === slo.name) && (rule.labels[OBJECTIVE_LABEL] === void 0 || objectiveOf(rule, slo) === objective.index);
        const neededRecords = rules.filter((rule) => rule.kind === "record" && needed.has(rule.name) && forObjective(rule));
        const test = writeObjectiveTest(slo, objective, tests, neededRecords, historyMinutes, scratch);
        written.push({ ...test, within: new Map(tests.map((entry) => [entry.alert, entry.withinMinutes])) });
        promtoolTests += tests.length * 2;
        if (test.problem) for (const entry of tests) problems.set(entry.alert, test.problem);
      }
    }
    if (written.some((test) => test.file)) {
      context.logger.info(`promtool test rules: ${promtoolTests} generated cases for ${written.length} SLO objectives`);
      const outcomes = await runObjectiveTests(written);
      for (const test of written) {
        for (const [alert, within] of test.within) {
          const outcome = outcomes.get(alert);
          if (outcome) results.set(alert, { ...outcome, withinMinutes: within });
        }
      }
    }
    const sloFacts = slos.map((slo) => ({
      name: slo.name,
      service: slo.service,
      place: places.at(slo.locate(["metadata", "name"]), { kind: "SLO", name: slo.name }),
      objectives: slo.objectives.map((objective) => ({
        index: objective.index,
        name: objective.displayName,
        target: objective.target,
        place: places.at(slo.locate(["spec", "objectives", objective.index]), { kind: "SLO", name: slo.name })
      }))
    }));
    const alertFacts = alerts.map((alert, id) => {
      const url = alert.annotations.runbook_url;
      const sloName = alert.labels[SLO_LABEL] ?? null;
      const slo = sloName === null ? void 0 : sloByName.get(sloName);
      const result = results.get(alert);
      const resource = { kind: "PrometheusRule", name: alert.name };
      return {
        id,
        name: alert.name,
        group: alert.group,
        file: alert.source.file,
        slo: sloName,
        objective: slo ? objectiveOf(alert, slo) : null,
        objective_label: alert.labels[OBJECTIVE_LABEL] ?? null,
        severity: alert.labels.severity ?? null,
        windows: expanded.get(alert)?.windows ?? [],
        numbers: expanded.get(alert)?.numbers ?? [],
        for_seconds: alert.forSeconds,
        runbook_url: url ?? null,
        runbook: url === void 0 ? null : resolveRunbookUrl(context, url, options.runbookBaseUrl),
        place: places.at(alert.locate(["alert"]), resource),
        runbook_place: places.at(alert.locate(url === void 0 ? ["annotations"] : ["annotations", "runbook_url"]), resource),
        test: result ? { tested: true, problem: null, within_seconds: result.withinMinutes * 60, burn_passed: result.burnPassed, healthy_passed: result.healthyPassed, burn_message: result.burnMessage, healthy_message: result.healthyMessage } : { tested: problems.has(alert), problem: problems.get(alert) ?? null, within_seconds: 0, burn_passed: false, healthy_passed: false, burn_message: null, healthy_message: null }
      };
    });
    return { slos: sloFacts, alerts: alertFacts, stats: { ruleSources: sources.length, alerts: alerts.length, promtoolTests } };
  } finally {
    scratch?.dispose();
  }
}
function labelsOf2(manifest) {
  const labels2 = getPath(manifest.object, ["metadata", "labels"]);
  return isRecord(labels2) ? labels2 : {};
}
function workloadFacts(catalog, objects, places, drainEnv) {
  const owners = /* @__PURE__ */ new Map();
  for (const service of catalog.services) for (const name of service.workloads) owners.set(name, { service: service.name });
  for (const store of catalog.stores) for (const name of store.workloads) owners.set(name, { store: store.name });
  const pods = objects.filter((manifest) => WORKLOAD_KINDS.has(manifest.ref.kind)).flatMap((manifest) => podWorkload(manifest) ?? []);
  const at = (location, resource) => places.at(location, resource);
  const workloads = pods.map((pod, id) => {
    const manifest = pod.manifest;
    const label2 = labelsOf2(manifest)[SERVICE_LABEL];
    const owner = owners.get(manifest.ref.name);
    const labelService = typeof label2 === "string" && label2 !== "" ? label2 : null;
    return {
      id,
      kind: manifest.ref.kind,
      name: manifest.ref.name,
      namespace: manifest.ref.namespace ?? "",
      service: owner?.service ?? labelService,
      store: owner?.store ?? null,
      label_service: labelService,
      place: places.at(manifest.locate(["metadata", "name"]), manifest.ref),
      label_place: places.at(manifest.locate(["metadata", "labels", SERVICE_LABEL]), manifest.ref),
      labels: pod.labels,
      ...workloadKubernetesFacts(pod, objects, pods, drainEnv, at)
    };
  });
  const named = new Set(workloads.map((workload) => workload.name));
  const catalogWorkloads = [];
  catalog.services.forEach(
    (service) => service.workloads.forEach(
      (name, index) => catalogWorkloads.push({ service: service.name, store: null, name, matched: named.has(name), place: places.at(service.locate(["workloads", index]), serviceResource(service)) })
    )
  );
  catalog.stores.forEach(
    (store) => store.workloads.forEach(
      (name, index) => catalogWorkloads.push({ service: store.service, store: store.name, name, matched: named.has(name), place: places.at(store.locate(["workloads", index]), { kind: "Store", name: store.name }) })
    )
  );
  return { workloads, catalogWorkloads, pods };
}
function servicesBehind(name, objects, pods, owner) {
  const object = objects.find((candidate) => candidate.ref.kind === "Service" && candidate.apiVersion === "v1" && candidate.ref.name === name);
  if (!object) return void 0;
  const selector = getPath(object.object, ["spec", "selector"]);
  if (!isRecord(selector)) return [];
  const picked = pods.filter((pod) => Object.entries(selector).every(([key, value]) => pod.labels[key] === value));
  return [...new Set(picked.map(owner).filter((service) => service !== null))].sort();
}
function routeFacts(context, options, catalog, objects, pods, owner, places, errors) {
  const envoy = envoyRoutes(context.workspace, options.envoy ?? [], errors);
  const routes = [...kubernetesRoutes(objects), ...envoy.routes];
  const serviceNames = new Set(catalog.services.map((service) => service.name));
  const clusterServices = (cluster) => {
    const host = cluster.address?.split(".")[0];
    const behind = host === void 0 ? void 0 : servicesBehind(host, objects, pods, owner);
    if (behind !== void 0) return behind;
    return serviceNames.has(cluster.name) ? [cluster.name] : host !== void 0 && serviceNames.has(host) ? [host] : [];
  };
  const routeList = routes.map((route, id) => {
    const services = /* @__PURE__ */ new Set();
    for (const backend of route.backends) {
      if (route.kind === "Envoy") {
        const cluster = envoy.clusters.find((candidate) => candidate.name === backend && candidate.file === route.file);
        if (!cluster) errors.push(missingBackend(route, `cluster ${backend}`, `not a cluster of ${route.file}`));
        else for (const service of clusterServices(cluster)) services.add(service);
        continue;
      }
      const behind = servicesBehind(backend, objects, pods, owner);
      if (behind === void 0) errors.push(missingBackend(route, `Service ${backend}`, "not among the objects read"));
      else for (const service of behind) services.add(service);
    }
    const resource = { kind: route.kind === "Envoy" ? "EnvoyRoute" : route.kind, name: route.name };
    return {
      id,
      kind: route.kind,
      name: route.name,
      file: route.file,
      rule: route.rule,
      services: [...services].sort(),
      methods: route.methods,
      required_headers: route.required_headers,
      timeout_seconds: route.timeout_seconds,
      timeout_disabled: route.timeout_disabled,
      retry: route.retry,
      place: places.at(route.at.rule, resource),
      timeout_place: places.at(route.at.timeout ?? route.at.rule, resource),
      retry_place: places.at(route.at.retry ?? route.at.rule, resource)
    };
  });
  const clusters = envoy.clusters.map((cluster) => ({
    name: cluster.name,
    file: cluster.file,
    services: clusterServices(cluster),
    outlier_detection: cluster.outlier_detection,
    place: places.at(cluster.at, { kind: "EnvoyCluster", name: cluster.name })
  }));
  return { routes: routeList, clusters, envoyFiles: envoy.files };
}
async function collect4(context, options) {
  const catalog = loadCatalog(context.workspace, options.catalog);
  const places = new Places();
  const errors = [];
  const settings = buildSettings(options.tiers, options.burnRates, options.idempotencyHeader, options.maxRetries);
  const read = await readManifestSources(context.workspace, options, context.logger);
  const objects = read.objects;
  const services = catalog.services.map((service, id) => ({
    id,
    name: service.name,
    owner: service.owner,
    tier: service.tier,
    on_call: service.onCall ?? null,
    escalation: service.escalation ?? null,
    dri: service.dri ?? null,
    dependencies: service.dependencies,
    runbooks: service.runbooks,
    place: places.at(service.location, serviceResource(service))
  }));
  const runbooks = readRunbooks(context, catalog, places, errors);
  const { workloads, catalogWorkloads, pods } = workloadFacts(catalog, objects, places, options.drainEnv ?? []);
  const ownerOf = new Map(pods.map((pod, index) => [pod, workloads[index]?.service ?? null]));
  const routes = routeFacts(context, options, catalog, objects, pods, (pod) => ownerOf.get(pod) ?? null, places, errors);
  const alerts = await collectAlerts(context, options, objects, settings, places, errors);
  const registry = readRegistry(context.workspace, options.killSwitches, errors);
  const input = {
    catalog: catalog.file,
    settings,
    services,
    stores: catalog.stores.map((store) => ({ name: store.name, service: store.service, tier: store.tier })),
    runbooks,
    workloads,
    catalog_workloads: catalogWorkloads,
    slos: alerts.slos,
    alerts: alerts.alerts,
    routes: routes.routes,
    clusters: routes.clusters,
    ...registryFacts(registry, (location, resource) => places.at(location, resource))
  };
  const locate2 = (finding) => {
    const place = typeof finding.place === "number" ? places.list[finding.place] : void 0;
    if (!place) throw new CollectorError(`policy finding ${finding.rule} has no place the readiness collector knows`);
    return place;
  };
  return {
    input,
    locate: locate2,
    errors,
    stats: { services: services.length, runbooks: runbooks.length, files: read.files, objects: objects.length, workloads: workloads.length, routes: routes.routes.length, envoyFiles: routes.envoyFiles, ...alerts.stats }
  };
}
var readinessGate = {
  id: "readiness",
  summary: "Every service has an owner and on-call, runbooks, burn-rate alerts proven to fire, bounded route timeouts and retries, PDB/HPA/NetworkPolicy, probes, and tested kill switches",
  cliFlags: READINESS_FLAGS,
  optionsFromFlags(flags) {
    const options = objectSourcesFromFlags(flags);
    if (typeof flags.catalog === "string" && flags.catalog !== "") options.catalog = flags.catalog;
    if (typeof flags.slo === "string" && flags.slo !== "") options.slos = flags.slo;
    if (typeof flags["kill-switches"] === "string" && flags["kill-switches"] !== "") options.killSwitches = flags["kill-switches"];
    const rules = flagList(flags.rules);
    const envoy = flagList(flags.envoy);
    if (rules.length) options.rules = rules;
    if (envoy.length) options.envoy = envoy;
    return Object.keys(options).length > 0 ? options : void 0;
  },
  collect: collect4,
  fixtureOptions: (file) => fixtureOptionsFor2(file)
};
function fixtureOptionsFor2(file) {
  const header = [];
  for (const line of readStandaloneTextFile(file, file).split("\n")) {
    if (!line.startsWith("#")) break;
    header.push(line);
  }
  const text = header.join("\n");
  const list2 = (key) => {
    const value = new RegExp(`^# ${key}:(.*)$`, "m").exec(text)?.[1];
    return value === void 0 ? void 0 : value.split(/\s+/).filter(Boolean);
  };
  const one = (key) => list2(key)?.[0];
  const data = "fixtures/readiness/data";
  const none = (values, fallback) => values === void 0 ? fallback : values.filter((value) => value !== "none");
  const slos = one("slo") ?? `${data}/slos.yaml`;
  const options = {
    catalog: file,
    manifests: none(list2("manifests"), []),
    ...slos === "none" ? {} : { slos },
    rules: none(list2("rules"), [`${data}/rules.yaml`]),
    runbookBaseUrl: "https://git.example/shop/blob/main/",
    drainEnv: ["DRAIN_SECONDS"]
  };
  const envoy = list2("envoy");
  const switches = one("kill-switches");
  if (envoy) options.envoy = envoy;
  if (switches) options.killSwitches = switches;
  return options;
}

// src/report/console.ts
var COLORS = {
  pass: "\x1B[32m",
  warn: "\x1B[33m",
  block: "\x1B[31m",
  error: "\x1B[35m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
};
function describeResource(resource) {
  if (!resource) return "";
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ""}${resource.name}`;
}
var consoleReporter = {
  format: "console",
  render(report, context) {
    const paint = (style, text) => context.color ? `${COLORS[style]}${text}\x1B[0m` : text;
    const lines = [];
    for (const gate of report.gates) {
      lines.push(`${paint("bold", gate.id)}  ${paint(gate.verdict, gate.verdict.toUpperCase())}${gate.mode === "audit" ? " (audit mode)" : ""}  ${summary(gate)}`);
      if (gate.error) lines.push(`  ${paint("error", "error:")} ${gate.error}`);
      for (const [file, findings] of groupByFile(gate.findings)) {
        lines.push("", `  ${paint("bold", file)}`);
        for (const finding of findings) {
          const where = finding.location ? `${finding.location.line}:${finding.location.column ?? 1}` : "-";
          const subject = describeResource(finding.resource);
          lines.push(
            `    ${where.padEnd(8)}${finding.audit ? paint("dim", "audit ") : paint(finding.severity, finding.severity.padEnd(6))}${finding.rule.padEnd(11)}${subject ? `${subject}: ` : ""}${finding.message}`
          );
          remediationLines(finding.remediation).forEach((text, index) => {
            lines.push(`    ${" ".repeat(25)}${paint("dim", index === 0 ? `fix: ${text}` : `     ${text}`)}`);
          });
        }
      }
      if (gate.waived.length > 0) {
        lines.push("", `  waived (${gate.waived.length}):`);
        for (const { finding, waiver } of gate.waived) {
          const where = finding.location ? formatLocation(finding.location) : describeResource(finding.resource);
          lines.push(
            `    ${finding.rule} ${where} \u2014 ${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""}; ${formatLocation(waiver.source)})`
          );
        }
      }
      lines.push("");
    }
    lines.push(`Result: ${paint(report.verdict, report.verdict.toUpperCase())}`);
    return `${lines.join("\n")}
`;
  }
};
function remediationLines(remediation) {
  return remediation.split("\n").filter((line) => !line.trim().startsWith("```")).map((line) => line.trimEnd()).filter((line, index, all) => line !== "" || index > 0 && index < all.length - 1);
}
function countFindings(gate) {
  const enforced = gate.findings.filter((finding) => !finding.audit);
  const block = enforced.filter((finding) => finding.severity === "block").length;
  return { block, warn: enforced.length - block, audit: gate.findings.length - enforced.length };
}
function summary(gate) {
  const { block, warn, audit } = countFindings(gate);
  const parts = [`${gate.findings.length} finding${gate.findings.length === 1 ? "" : "s"}${gate.findings.length ? ` (${block} block, ${warn} warn${audit ? `, ${audit} audit` : ""})` : ""}`];
  if (gate.waived.length) parts.push(`${gate.waived.length} waived`);
  if (gate.stats.workloads !== void 0) parts.push(`${gate.stats.workloads} workloads`);
  parts.push(`${gate.durationMs} ms`);
  return parts.join(" \xB7 ");
}
function groupByFile(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = finding.location?.file ?? "(no file)";
    const group2 = groups.get(key) ?? [];
    group2.push(finding);
    groups.set(key, group2);
  }
  return groups;
}

// src/report/github/context.ts
import { readFileSync as readFileSync3 } from "node:fs";
function readEvent(path) {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync3(path, "utf8"));
  } catch {
    return {};
  }
}
function githubContextFromEnv(env = process.env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || !env.GITHUB_SHA) return void 0;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const pullRequest = event.pull_request?.number ?? (env.GITHUB_EVENT_NAME?.startsWith("pull_request") ? event.number : void 0);
  return {
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    owner,
    repo,
    sha: event.pull_request?.head?.sha ?? env.GITHUB_SHA,
    ...env.GITHUB_REF ? { ref: env.GITHUB_REF } : {},
    ...env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {},
    ...env.GITHUB_RUN_ID ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` } : {},
    ...pullRequest ? { pullRequest } : {}
  };
}
function blobUrl(context, path, line) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${context.serverUrl}/${context.owner}/${context.repo}/blob/${context.sha}/${encoded}${line ? `#L${line}` : ""}`;
}

// src/report/github/markdown.ts
var COMMENT_MARKER = "<!-- resilience-gates -->";
var CHECK_SUMMARY_LIMIT = 65535;
var COMMENT_LIMIT = 65536;
var JOB_SUMMARY_BYTES = 1e6;
var ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", block: "\u274C", error: "\u{1F4A5}" };
function inline(text) {
  return text.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");
}
function link(text, url) {
  return url ? `[${text}](${url})` : text;
}
function counts(gate) {
  if (gate.verdict === "error") return "could not run";
  const { block, warn, audit } = countFindings(gate);
  return gate.findings.length === 0 ? "0" : `${gate.findings.length} (${block} block, ${warn} warn${audit ? `, ${audit} audit` : ""})`;
}
function verdictCell(gate) {
  return `${ICON[gate.verdict]} ${gate.verdict}${gate.mode === "audit" ? " (audit)" : ""}`;
}
function duration(ms) {
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
function verdictTable(report) {
  return [
    "| gate | verdict | findings | waived | duration |",
    "|---|---|---|---|---|",
    ...report.gates.map((gate) => `| \`${gate.id}\` | ${verdictCell(gate)} | ${counts(gate)} | ${gate.waived.length} | ${duration(gate.durationMs)} |`)
  ];
}
function findingLine(finding, links) {
  const where = finding.location ? `L${finding.location.line}${finding.location.column ? `:${finding.location.column}` : ""}` : "\u2014";
  const url = finding.location && links ? blobUrl(links, finding.location.file, finding.location.line) : void 0;
  const subject = describeResource(finding.resource);
  const label2 = finding.audit ? `\u{1F50D} **audit** (${finding.severity})` : `${ICON[finding.severity]} **${finding.severity}**`;
  return `- ${link(where, url)} ${label2} \`${finding.rule}\` ${inline(subject ? `${subject}: ${finding.message}` : finding.message)}`;
}
function findingsSection(gate, links) {
  const sections = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of gate.findings) {
    const key = finding.location?.file ?? "";
    byFile.set(key, [...byFile.get(key) ?? [], finding]);
  }
  const lines = [];
  for (const [file, findings] of byFile) {
    const heading = file ? `**${link(inline(file), links ? blobUrl(links, file) : void 0)}**` : "**(no file)**";
    lines.push("", heading, ...findings.map((finding) => findingLine(finding, links)));
  }
  if (lines.length > 0) sections.push({ name: `${gate.id} findings`, lines });
  const rules = new Map(gate.findings.map((finding) => [finding.rule, finding]));
  if (rules.size > 0) {
    const fixes = ["", "<details><summary>How to fix</summary>", ""];
    for (const finding of rules.values()) {
      fixes.push(`**\`${finding.rule}\` ${inline(finding.title)}**${finding.docs && /^https?:/.test(finding.docs) ? ` ([docs](${finding.docs}))` : ""}`, "", finding.remediation, "");
    }
    sections.push({ name: `${gate.id} fixes`, lines: fixes, close: ["</details>"] });
  }
  return sections;
}
function waiversSection(gate, links) {
  if (gate.waived.length === 0) return [];
  const lines = [
    "",
    `**Waivers applied (${gate.waived.length})** \u2014 the audit trail`,
    "",
    "| rule | finding | reason | owner | expires | ticket | waiver |",
    "|---|---|---|---|---|---|---|",
    ...gate.waived.map(({ finding, waiver }) => {
      const where = finding.location ? link(inline(formatLocation(finding.location)), links ? blobUrl(links, finding.location.file, finding.location.line) : void 0) : inline(describeResource(finding.resource));
      const source = link(inline(formatLocation(waiver.source)), links ? blobUrl(links, waiver.source.file, waiver.source.line) : void 0);
      return `| \`${finding.rule}\` | ${where} | ${inline(waiver.reason)} | ${inline(waiver.owner)} | ${waiver.expires} | ${inline(waiver.ticket ?? "")} | ${source} |`;
    })
  ];
  return [{ name: `${gate.id} waivers`, lines }];
}
var byteLength = (text) => Buffer.byteLength(text, "utf8");
function truncateBytes(text, limit) {
  if (byteLength(text) <= limit) return text;
  const bytes2 = Buffer.from(text, "utf8");
  let end = Math.max(0, limit);
  while (end > 0 && (bytes2[end] & 192) === 128) end -= 1;
  return bytes2.subarray(0, end).toString("utf8");
}
var joined = (lines) => lines.reduce((sum, line) => sum + byteLength(line) + 1, 0);
function fitSections(head, sections, limit, cutNote) {
  const headText = head.join("\n");
  const sizes = sections.map((section) => joined(section.lines) + joined(section.close ?? []));
  const budget = limit - byteLength(headText) - 2;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let text = headText;
  if (total <= budget) {
    for (const section of sections) text += `
${[...section.lines, ...section.close ?? []].join("\n")}`;
    return `${truncateBytes(text, limit - 1)}
`;
  }
  const noteBytes = (section) => byteLength(cutNote(section.lines.length, section.name)) + 4;
  const spent = (cap) => sizes.reduce((sum, size, i) => sum + (size <= cap ? size : Math.min(size, cap + noteBytes(sections[i]))), 0);
  let low = 0;
  let high = Math.max(...sizes);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (spent(middle) <= budget) low = middle;
    else high = middle - 1;
  }
  sections.forEach((section, i) => {
    if (sizes[i] <= low) {
      text += `
${[...section.lines, ...section.close ?? []].join("\n")}`;
      return;
    }
    let room = low - joined(section.close ?? []);
    const kept = [];
    for (const line of section.lines) {
      const size = byteLength(line) + 1;
      if (size > room) break;
      kept.push(line);
      room -= size;
    }
    const omitted = section.lines.length - kept.length;
    text += `
${[...kept, "", cutNote(omitted, section.name), ...section.close ?? []].join("\n")}`;
  });
  return `${truncateBytes(text, limit - 1)}
`;
}
function gateSections(gate, links, level) {
  const sections = [{ name: `${gate.id} heading`, lines: ["", `${level} ${ICON[gate.verdict]} \`${gate.id}\` \u2014 ${gate.verdict}`] }];
  if (gate.error) sections.push({ name: `${gate.id} error`, lines: ["", `> **error:** ${inline(gate.error)}`] });
  sections.push(...findingsSection(gate, links), ...waiversSection(gate, links));
  return sections;
}
var cutLines = (where) => (omitted, section) => `> \u2702\uFE0F ${omitted.toLocaleString("en-US")} line${omitted === 1 ? "" : "s"} of section ${inline(section)} left out (${where}); full list in SARIF/JSON.`;
function reportSections(report, links, level) {
  return report.gates.filter((gate) => gate.findings.length > 0 || gate.waived.length > 0 || gate.error).flatMap((gate) => gateSections(gate, links, level));
}
function jobSummary(report, links, extra = []) {
  const head = [`## ${ICON[report.verdict]} resilience-gates: ${report.verdict.toUpperCase()}`, "", ...verdictTable(report), ...extra];
  return fitSections(head, reportSections(report, links, "###"), JOB_SUMMARY_BYTES, cutLines(`job summary limit, ${JOB_SUMMARY_BYTES.toLocaleString("en-US")} bytes; the JSON report at output \`report-path\` has every finding`));
}
function checkRunSummary(gate, links, runUrl, notes = []) {
  const head = [
    `${ICON[gate.verdict]} **${gate.verdict.toUpperCase()}** \xB7 ${counts(gate)} finding${gate.findings.length === 1 ? "" : "s"} \xB7 ${gate.waived.length} waived \xB7 ${duration(gate.durationMs)}`,
    ...notes.flatMap((note) => ["", note])
  ];
  return fitSections(head, gateSections(gate, links, "###").slice(1), CHECK_SUMMARY_LIMIT, cutLines(`GitHub's check-run limit, ${CHECK_SUMMARY_LIMIT.toLocaleString("en-US")} bytes${runUrl ? `; also in the [job summary](${runUrl})` : ""}`));
}
function minimalCheckRunSummary(gate, refusal, runUrl) {
  return truncateBytes(
    `${ICON[gate.verdict]} **${gate.verdict.toUpperCase()}** \xB7 ${counts(gate)} finding${gate.findings.length === 1 ? "" : "s"} \xB7 ${gate.waived.length} waived

GitHub refused the full summary and annotations (${inline(refusal)}). ${runUrl ? `The [job summary](${runUrl}), the` : "The"} SARIF and the JSON report list every finding.
`,
    CHECK_SUMMARY_LIMIT
  );
}
function commentBody2(report, links, runUrl) {
  const head = [
    COMMENT_MARKER,
    `### ${ICON[report.verdict]} resilience-gates: ${report.verdict.toUpperCase()}`,
    "",
    ...verdictTable(report),
    ...runUrl ? ["", `[Workflow run](${runUrl})${links ? ` \xB7 commit \`${links.sha.slice(0, 7)}\`` : ""}`] : []
  ];
  return fitSections(head, reportSections(report, links, "####"), COMMENT_LIMIT, cutLines(`GitHub's comment limit${runUrl ? `; also in the [job summary](${runUrl})` : ""}`));
}

// src/report/github/checks.ts
var ANNOTATIONS_PER_REQUEST = 50;
var TITLE_BYTES = 255;
var DETAILS_BYTES = 64 * 1024;
var MAX_ANNOTATIONS = 500;
var DEFAULT_CHECK_NAME = "resilience-gates";
function checkRunName(gateId, checkName = DEFAULT_CHECK_NAME) {
  return `${checkName} / ${gateId}`;
}
function gateConclusion(gate, failOn) {
  const conclusion = conclusionOf(gate.verdict, failOn);
  return conclusion === "success" && gate.findings.some((finding) => finding.audit) ? "neutral" : conclusion;
}
function conclusionOf(verdict, failOn) {
  if (verdict === "pass") return "success";
  if (verdict === "warn") return failOn === "warn" ? "failure" : "neutral";
  return "failure";
}
function annotationOf(finding) {
  if (!finding.location) return void 0;
  const { file, line, column, endLine } = finding.location;
  const end = endLine && endLine >= line ? endLine : line;
  const subject = describeResource(finding.resource);
  return {
    path: file,
    start_line: line,
    end_line: end,
    // The API takes columns only when the annotation stays on one line.
    ...column && end === line ? { start_column: column } : {},
    annotation_level: finding.audit ? "notice" : finding.severity === "block" ? "failure" : "warning",
    title: truncateBytes(`${finding.audit ? "[audit] " : ""}${finding.rule}: ${finding.title}`, TITLE_BYTES),
    message: truncateBytes(`${subject ? `${subject}: ` : ""}${finding.message}`, DETAILS_BYTES),
    ...finding.remediation ? { raw_details: truncateBytes(`fix: ${finding.remediation}${finding.docs ? `

docs: ${finding.docs}` : ""}`, DETAILS_BYTES) } : {}
  };
}
async function startChecks(gateIds, request) {
  const { api, context, logger } = request;
  const started = { ids: /* @__PURE__ */ new Map() };
  const base = repoPath(context.owner, context.repo);
  const startedAt = timestamp(request.now?.() ?? /* @__PURE__ */ new Date());
  for (const gate of gateIds) {
    const name = checkRunName(gate, request.checkName);
    try {
      const created = await api.request("POST", `${base}/check-runs`, {
        name,
        head_sha: context.sha,
        status: "in_progress",
        started_at: startedAt,
        external_id: gate,
        ...context.runUrl ? { details_url: context.runUrl } : {},
        output: { title: "running", summary: runningSummary(gate, context.runUrl) }
      });
      started.ids.set(gate, created.id);
      logger.info(`check run ${name}: in progress`);
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      if (error.forbidden || error.rateLimited) {
        logger.info(`check runs not started (${error.rateLimited ? "rate limited" : "read-only token"}): ${error.message}`);
        return { ...started, stopped: { reason: error.rateLimited ? "rate-limited" : "forbidden", detail: error.message } };
      }
      logger.info(`check run ${name} not started (${error.message}); it is created when the gate is done`);
    }
  }
  return started;
}
function runningSummary(gate, runUrl) {
  return `\`${gate}\` is running. This check run is completed with the verdict when the gate finishes${runUrl ? ` ([workflow run](${runUrl}))` : ""}.`;
}
function timestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
async function abandonChecks(started, request, reason) {
  const base = repoPath(request.context.owner, request.context.repo);
  for (const [gate, id] of started.ids) {
    try {
      await request.api.request("PATCH", `${base}/check-runs/${id}`, {
        status: "completed",
        conclusion: "failure",
        completed_at: timestamp(request.now?.() ?? /* @__PURE__ */ new Date()),
        output: {
          title: truncateBytes(`error: ${reason}`, TITLE_BYTES),
          summary: truncateBytes(
            `\u{1F4A5} **ERROR** \xB7 the run stopped before \`${gate}\` was reported: ${inline(reason)}${request.context.runUrl ? ` ([workflow run](${request.context.runUrl}))` : ""}.
`,
            CHECK_SUMMARY_LIMIT
          )
        }
      });
    } catch (error) {
      request.logger.warn(`check run ${checkRunName(gate, request.checkName)} left in progress: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
async function publishChecks(report, request) {
  const { api, context, failOn, logger } = request;
  const outcome = { checks: [], failed: [] };
  if (!api) return { ...outcome, stopped: { reason: "no-token", detail: "no github-token given", gates: report.gates.map((gate) => gate.id) } };
  const cap = request.maxAnnotations ?? MAX_ANNOTATIONS;
  const name = (gateId) => checkRunName(gateId, request.checkName);
  const base = repoPath(context.owner, context.repo);
  const links = { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, sha: context.sha };
  for (const [index, gate] of report.gates.entries()) {
    const located = gate.findings.map(annotationOf).filter((annotation) => annotation !== void 0);
    const annotations2 = located.slice(0, cap);
    const capped = located.length > cap ? [`> \u2139\uFE0F ${cap.toLocaleString("en-US")} of ${located.length.toLocaleString("en-US")} findings are annotated (input \`max-annotations\`); the list below and the SARIF have all of them.`] : [];
    const completedAt = timestamp(request.now?.() ?? /* @__PURE__ */ new Date());
    const startedId = request.started?.ids.get(gate.id);
    const completion = { name: name(gate.id), status: "completed", conclusion: gateConclusion(gate, failOn), completed_at: completedAt, external_id: gate.id };
    const post = (output2) => api.request("POST", `${base}/check-runs`, {
      head_sha: context.sha,
      ...completion,
      ...context.runUrl ? { details_url: context.runUrl } : {},
      output: output2
    });
    const create = async (output2) => {
      if (startedId === void 0) return post(output2);
      try {
        const updated = await api.request("PATCH", `${base}/check-runs/${startedId}`, { ...completion, output: output2 });
        return { id: startedId, ...updated?.html_url ? { html_url: updated.html_url } : {} };
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404) return post(output2);
        throw error;
      }
    };
    const output = { title: titleOf(gate), summary: checkRunSummary(gate, links, context.runUrl, capped) };
    let created;
    let problem;
    try {
      try {
        created = await create({ ...output, annotations: annotations2.slice(0, ANNOTATIONS_PER_REQUEST) });
      } catch (error) {
        if (!(error instanceof GitHubApiError) || error.status !== 422) throw error;
        problem = `GitHub refused the full output (${error.message}); written with a minimal summary and no annotations`;
        logger.warn(`check run ${name(gate.id)}: ${problem}`);
        created = await create({ title: output.title, summary: minimalCheckRunSummary(gate, `HTTP 422: ${error.body.slice(0, 200)}`, context.runUrl) });
      }
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      const rest = report.gates.slice(index).map((left) => left.id);
      if (error.forbidden) return { ...outcome, stopped: { reason: "forbidden", detail: error.message, gates: rest } };
      if (error.rateLimited) return { ...outcome, stopped: { reason: "rate-limited", detail: error.message, gates: rest } };
      outcome.failed.push({ gate: gate.id, detail: error.message });
      logger.warn(`check run ${name(gate.id)} not written: ${error.message}`);
      continue;
    }
    let written = problem ? 0 : Math.min(annotations2.length, ANNOTATIONS_PER_REQUEST);
    for (let start = ANNOTATIONS_PER_REQUEST; !problem && start < annotations2.length; start += ANNOTATIONS_PER_REQUEST) {
      try {
        await api.request("PATCH", `${base}/check-runs/${created.id}`, { output: { ...output, annotations: annotations2.slice(start, start + ANNOTATIONS_PER_REQUEST) } });
        written += Math.min(ANNOTATIONS_PER_REQUEST, annotations2.length - start);
      } catch (error) {
        if (!(error instanceof GitHubApiError)) throw error;
        problem = `${annotations2.length - written} of ${annotations2.length} annotations not written (${error.message})`;
        logger.warn(`check run ${name(gate.id)}: ${problem}`);
      }
    }
    outcome.checks.push({ gate: gate.id, id: created.id, ...created.html_url ? { url: created.html_url } : {}, annotations: written, ...problem ? { problem } : {} });
    logger.info(`check run ${name(gate.id)}: ${gateConclusion(gate, failOn)}, ${written} annotation${written === 1 ? "" : "s"}`);
  }
  return outcome;
}
function titleOf(gate) {
  if (gate.verdict === "error") return truncateBytes(`error: ${gate.error ?? "the gate could not run"}`, TITLE_BYTES);
  const { block, warn, audit } = countFindings(gate);
  const waived = gate.waived.length ? `, ${gate.waived.length} waived` : "";
  return `${gate.mode === "audit" ? "audit mode, " : ""}${gate.verdict}: ${block} blocking, ${warn} warning${audit ? `, ${audit} audit` : ""}${waived}`;
}

// src/gates/release/github.ts
function clientFor(target) {
  return new GitHubApi({ apiUrl: target.apiUrl, token: target.token, retryDelayMs: 500 });
}
async function fetchCheckRuns(api, target, commit) {
  try {
    return await api.paginate(
      `${repoPath(target.owner, target.repo)}/commits/${encodeURIComponent(commit)}/check-runs?filter=latest`,
      (page) => page.check_runs ?? []
    );
  } catch (error) {
    throw new CollectorError(`cannot read the check runs of ${commit} in ${target.owner}/${target.repo}: ${describe(error)}`);
  }
}
async function fetchWorkflowRun(api, target, checkSuiteId) {
  try {
    const page = await api.request("GET", `${repoPath(target.owner, target.repo)}/actions/runs?check_suite_id=${checkSuiteId}&per_page=1`);
    return page.workflow_runs?.[0];
  } catch (error) {
    throw new CollectorError(`cannot read the workflow run of check suite ${checkSuiteId} in ${target.owner}/${target.repo}: ${describe(error)}`);
  }
}
async function resolveTag(api, target, tag) {
  try {
    const commit = await api.request("GET", `${repoPath(target.owner, target.repo)}/commits/${encodeURIComponent(tag)}`);
    if (!commit?.sha) throw new Error("the response has no sha");
    return commit.sha;
  } catch (error) {
    throw new CollectorError(`cannot resolve tag ${tag} in ${target.owner}/${target.repo}: ${describe(error)}`);
  }
}
function describe(error) {
  if (error instanceof GitHubApiError && error.forbidden) return `${error.message} (the token needs checks: read, contents: read and, for trustedWorkflows, actions: read)`;
  return error instanceof Error ? error.message : String(error);
}

// src/gates/release/budgets.ts
function budgetLeft(bad, target) {
  const allowed = 1 - target;
  if (allowed <= 0) return bad > 0 ? -1 : 1;
  return 1 - bad / allowed;
}
function sliceMissed(objective, seconds4) {
  const limit = objective.value ?? 0;
  return objective.op === "lt" ? seconds4 >= limit : seconds4 > limit;
}
function fromBaselines(slo, objective, baselines, now) {
  const inWindow = baselines.filter(({ at }) => at <= now && at > now - slo.windowSeconds);
  const source = `${inWindow.length} stored baselines within ${slo.windowText}`;
  if (slo.indicator.kind === "ratio") {
    const rows = inWindow.flatMap(({ baseline }) => baseline.measurements.filter((m) => m.slo === slo.name && m.metric === "error_rate"));
    const events = rows.reduce((sum, m) => sum + m.samples, 0);
    if (events === 0) return { method: "occurrences", source, bad: null, count: 0, problem: `no stored baseline within the last ${slo.windowText} measured ${slo.name}` };
    const bad = rows.reduce((sum, m) => sum + m.value * m.samples, 0) / events;
    return { method: "occurrences", source, bad, count: events, problem: null };
  }
  const runs = inWindow.flatMap(({ baseline }) => baseline.measurements.filter((m) => m.slo === slo.name && m.metric === "latency" && m.objective === objective.index && m.samples > 0));
  if (runs.length === 0) return { method: "timeslices", source, bad: null, count: 0, problem: `no stored baseline within the last ${slo.windowText} measured ${slo.name} objective ${objective.index}` };
  const missed = runs.filter((m) => sliceMissed(objective, m.value)).length;
  return { method: "timeslices", source, bad: missed / runs.length, count: runs.length, problem: null };
}
async function collectBudgets(context, options) {
  const { workspace } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const { slos } = readSlos(workspace, options.slos, "endpoint");
  const tiers = options.tiers ?? [0, 1];
  if (!options.prometheus && !options.baselines?.length) {
    throw new ConfigurationError("release: errorBudgets needs a source: prometheus (a query API URL) or baselines (the stored `baseline save` files)");
  }
  const now = Math.floor(context.now.getTime() / 1e3);
  const errors = [];
  const baselines = [];
  if (!options.prometheus) {
    for (const absolute of expandJsonInputs(workspace, options.baselines ?? [], "baselines")) {
      try {
        const baseline = readBaseline(workspace, absolute);
        const at = epochSeconds(baseline.createdAt);
        if (at === void 0) errors.push(`${displayPath(workspace, absolute)}: createdAt ${baseline.createdAt} is not a real calendar time`);
        else baselines.push({ baseline, at });
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        errors.push(error.message);
      }
    }
  }
  const measurer = options.prometheus ? prometheusMeasurer(new PrometheusClient(options.prometheus), void 0) : void 0;
  const services = new Map(catalog.services.map((service) => [service.name, service]));
  const facts = [];
  const locations = [];
  for (const slo of slos) {
    const service = services.get(slo.service);
    if (!service || !tiers.includes(service.tier)) continue;
    for (const objective of slo.objectives) {
      let figure;
      if (measurer) {
        try {
          const measured = await measurer.measure(slo, objective);
          figure = { method: "occurrences", source: `Prometheus ${measurer.describe} over ${slo.windowText}`, bad: 1 - (measured.ratio ?? 0), count: measured.samples, problem: null };
        } catch (error) {
          if (!(error instanceof CollectorError) && !(error instanceof ConfigurationError)) throw error;
          figure = { method: "occurrences", source: `Prometheus ${measurer.describe}`, bad: null, count: 0, problem: describeThrown(error) };
        }
      } else {
        figure = fromBaselines(slo, objective, baselines, now);
      }
      facts.push({
        id: facts.length,
        slo: slo.name,
        display_name: slo.displayName,
        objective: objective.index,
        objective_name: objective.displayName,
        service: service.name,
        owner: service.owner,
        tier: service.tier,
        window: slo.windowText,
        target: objective.target,
        ...figure,
        remaining: figure.bad === null ? null : budgetLeft(figure.bad, objective.target),
        text: {
          bad: figure.bad === null ? "unknown" : formatPercent(figure.bad),
          allowed: formatPercent(1 - objective.target),
          remaining: figure.bad === null ? "unknown" : formatPercent(budgetLeft(figure.bad, objective.target))
        }
      });
      locations.push(slo.locate(["spec", "objectives", objective.index]));
    }
  }
  return { facts, locations, errors };
}

// src/gates/release/index.ts
var RELEASE_GATE = "release";
var FRESHNESS_GATES = ["backups", "restore-proofs", "chaos-readiness"];
var collectedFacts = /* @__PURE__ */ new WeakMap();
function releaseFactsFor(options) {
  return collectedFacts.get(options);
}
function tagOf(ref) {
  return ref?.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : void 0;
}
function readFactsFile(context, path) {
  const absolute = resolveInside(context.workspace, path, "check-runs file");
  const shown = displayPath(context.workspace, absolute);
  const documents2 = readYamlFile(context.workspace, absolute, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  const [document] = documents2;
  if (!document || documents2.length !== 1 || !isRecord(document.value)) {
    throw new CollectorError(`expected one mapping with tag, commit and check_runs`, { file: shown, line: 1 });
  }
  if (!Array.isArray(document.value.check_runs)) {
    throw new CollectorError(`check_runs must be a list of check runs as the GitHub API returns them`, { file: shown, line: document.locate(["check_runs"]).line });
  }
  return { document, value: document.value };
}
function latestByGate(runs, checkName) {
  const latest = /* @__PURE__ */ new Map();
  const prefix = checkRunName("", checkName);
  runs.forEach(({ run, index }) => {
    if (typeof run.name !== "string" || !run.name.startsWith(prefix)) return;
    const gate = run.name.slice(prefix.length).trim();
    const current = latest.get(gate);
    const key = (candidate) => `${candidate.completed_at ?? candidate.started_at ?? ""}|${String(candidate.id ?? 0).padStart(20, "0")}`;
    if (!current || key(run) > key(current.run)) latest.set(gate, { run, index });
  });
  return latest;
}
async function releaseConfig(context, options) {
  if (!options.config && context.config) return context.config;
  const { loadConfig } = await import("./load-6KG46RGL.js");
  return loadConfig({ cwd: context.workspace.base, ...options.config ? { config: options.config } : {} });
}
async function configuredGates(context, options) {
  const config = await releaseConfig(context, options);
  return config.file ? config.gates : void 0;
}
async function evaluateFreshness(context, options, gates) {
  const findings = /* @__PURE__ */ new Map();
  if (gates.length === 0) return { facts: [], findings };
  if (gates.includes(RELEASE_GATE)) throw new ConfigurationError("release: freshnessGates cannot include the release gate itself");
  const [config, { loadBundle: loadBundle2, runGates: runGates2 }] = await Promise.all([releaseConfig(context, options), import("./run-BNOM7PPY.js")]);
  const plan = gates.map((id) => {
    const gateOptions = config.gates[id];
    if (!gateOptions) throw new ConfigurationError(`release: freshness gate ${id} is not configured in ${config.file ?? ".resilience/gates.yaml"}`);
    return [id, gateOptions];
  });
  context.logger.info(`release: re-evaluating ${gates.join(", ")} as of ${context.now.toISOString()}`);
  const bundle = await loadBundle2(config, context.logger);
  const report = await runGates2({ config, gates: plan, now: context.now, logger: context.logger, ...context.githubToken ? { githubToken: context.githubToken } : {} }, bundle);
  const facts = report.gates.filter((result) => gates.includes(result.id)).map((result) => {
    findings.set(result.id, result.findings);
    return {
      gate: result.id,
      verdict: result.verdict,
      findings: result.findings.length,
      blocking_rules: [...new Set(result.findings.filter((finding) => finding.severity === "block").map((finding) => finding.rule))].sort(),
      error: result.error ?? null
    };
  });
  return { facts, findings };
}
async function collect5(context, options) {
  const env = process.env;
  const tagPattern = options.tagPattern ?? "v*";
  const file = options.checkRunsFile ? readFactsFile(context, options.checkRunsFile) : void 0;
  const fromFile = (key) => typeof file?.value[key] === "string" ? file.value[key] : void 0;
  const ref = fromFile("ref") ?? (options.tag ? `refs/tags/${options.tag}` : env.GITHUB_REF);
  const tag = options.tag ?? fromFile("tag") ?? tagOf(ref);
  const repository = options.repository ?? fromFile("repository") ?? env.GITHUB_REPOSITORY;
  let configured;
  if (!options.requiredGates || !options.freshnessGates) configured = await configuredGates(context, options);
  const requiredGates = options.requiredGates ?? Object.keys(configured ?? {}).filter((id) => id !== RELEASE_GATE);
  if (requiredGates.length === 0) {
    throw new ConfigurationError("release: no required gates: set gates.release.requiredGates, configure other gates, or pass --required-gate");
  }
  const freshnessGates = options.freshnessGates ?? FRESHNESS_GATES.filter((id) => configured?.[id] !== void 0);
  let commit = options.commit ?? fromFile("commit");
  let tagCommit = fromFile("tag_commit") ?? null;
  let runs;
  let workflowOf = async (run) => run.workflow_run ?? void 0;
  if (file) {
    runs = file.value.check_runs;
    commit ??= env.GITHUB_SHA;
  } else {
    const [owner, repo] = (repository ?? "").split("/");
    const token = context.githubToken;
    if (!owner || !repo) throw new ConfigurationError("release: no repository (GITHUB_REPOSITORY or gates.release.repository as owner/name)");
    if (!token) throw new ConfigurationError("release: the check runs are read through the GitHub API and there is no token: give the action's github-token input, set GITHUB_TOKEN on the command line, or give checkRunsFile");
    const target = { apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", token, owner, repo };
    const api = clientFor(target);
    if (tag) tagCommit = await resolveTag(api, target, tag);
    commit ??= env.GITHUB_SHA ?? tagCommit ?? void 0;
    if (!commit) throw new ConfigurationError("release: no commit to judge (GITHUB_SHA, --commit or a resolvable tag)");
    context.logger.info(`release: reading check runs of ${commit.slice(0, 12)} in ${owner}/${repo}`);
    runs = await fetchCheckRuns(api, target, commit);
    const suites = /* @__PURE__ */ new Map();
    workflowOf = (run) => {
      const id = run.check_suite?.id;
      if (typeof id !== "number") return Promise.resolve(void 0);
      if (!suites.has(id)) suites.set(id, fetchWorkflowRun(api, target, id));
      return suites.get(id);
    };
  }
  const checkName = options.checkName ?? DEFAULT_CHECK_NAME;
  const indexed = runs.map((run, index) => ({ run, index }));
  const onCommit = indexed.filter(({ run }) => commit !== void 0 && run.head_sha === commit);
  const elsewhere = latestByGate(indexed.filter(({ run }) => commit === void 0 || run.head_sha !== commit), checkName);
  const latest = latestByGate(onCommit, checkName);
  const checkRuns = [];
  for (const [gate, { run, index }] of latest) {
    const workflow = options.trustedWorkflows && requiredGates.includes(gate) ? await workflowOf(run) : void 0;
    checkRuns.push({
      gate,
      index,
      name: run.name ?? "",
      id: typeof run.id === "number" ? run.id : null,
      status: run.status ?? "unknown",
      conclusion: run.conclusion ?? null,
      app: run.app?.slug ?? null,
      completed_at: run.completed_at ?? null,
      url: run.html_url ?? null,
      workflow: workflow ? { path: workflow.path?.split("@")[0] ?? null, head_branch: workflow.head_branch ?? null, event: workflow.event ?? null, run_id: typeof workflow.id === "number" ? workflow.id : null } : null
    });
  }
  const fresh = isRecord(file?.value) && Array.isArray(file.value.freshness) ? { facts: file.value.freshness.map((fact) => ({ ...fact, findings: fact.findings ?? 0, blocking_rules: fact.blocking_rules ?? [], error: fact.error ?? null })), findings: /* @__PURE__ */ new Map() } : await evaluateFreshness(context, options, freshnessGates);
  const budgets = options.errorBudgets ? await collectBudgets(context, options.errorBudgets) : void 0;
  if (budgets) context.logger.info(`release: ${budgets.facts.length} error budgets of tier ${(options.errorBudgets?.tiers ?? [0, 1]).join("/")} SLOs measured`);
  const facts = {
    repository: repository ?? null,
    ref: ref ?? null,
    tag: tag ?? null,
    tagPattern,
    commit: commit ?? null,
    tagCommit,
    requiredGates,
    checkRuns: checkRuns.map(({ index: _index, ...fact }) => fact),
    freshness: fresh.facts,
    source: file ? "file" : "api"
  };
  collectedFacts.set(options, facts);
  const at = (path) => {
    if (!file) return void 0;
    const position = file.document.locate(path);
    return { file: file.document.file, line: position.line, column: position.column };
  };
  return {
    input: {
      ref: facts.ref,
      tag: facts.tag,
      tag_pattern: tagPattern,
      commit: facts.commit,
      tag_commit: tagCommit,
      required_gates: requiredGates,
      allow_warn: options.allowWarn ?? true,
      trusted_apps: options.trustedApps ?? ["github-actions"],
      check_name: checkName,
      trusted_workflows: options.trustedWorkflows ?? null,
      check_runs: facts.checkRuns,
      check_runs_elsewhere: [...elsewhere].map(([gate, { run }]) => ({ gate, head_sha: typeof run.head_sha === "string" ? run.head_sha : null })),
      freshness: facts.freshness,
      error_budgets: budgets?.facts ?? [],
      error_budget_policy: options.errorBudgets ? {
        exhausted: options.errorBudgets.exhausted ?? "block",
        warn_below: options.errorBudgets.warnBelow ?? 0.25,
        reliability_tag_pattern: options.errorBudgets.reliabilityTagPattern ?? null
      } : null
    },
    ...budgets?.errors.length ? { errors: budgets.errors } : {},
    locate(finding) {
      if (typeof finding.budget === "number") {
        const fact = budgets?.facts[finding.budget];
        const location2 = budgets?.locations[finding.budget];
        if (!fact) throw new CollectorError(`policy finding ${finding.rule} names unknown error budget ${finding.budget}`);
        return { resource: { kind: "SLO", name: fact.slo }, ...location2 ? { location: location2 } : {} };
      }
      const gate = typeof finding.check === "string" ? finding.check : void 0;
      const evidence = typeof finding.freshness === "string" ? finding.freshness : void 0;
      if (gate && finding.field === "head_sha") {
        const other = elsewhere.get(gate);
        const location2 = other ? at(["check_runs", other.index, "head_sha"]) : at(["check_runs"]);
        return { resource: { kind: "CheckRun", name: checkRunName(gate, checkName) }, ...location2 ? { location: location2 } : {} };
      }
      if (gate) {
        const run = checkRuns.find((candidate) => candidate.gate === gate);
        const location2 = run ? at(["check_runs", run.index, finding.field === "app" ? "app" : finding.field === "status" ? "status" : finding.field === "workflow" ? "workflow_run" : "conclusion"]) : at(["check_runs"]);
        return { resource: { kind: "CheckRun", name: checkRunName(gate, checkName) }, ...location2 ? { location: location2 } : {} };
      }
      if (evidence) {
        const index = facts.freshness.findIndex((fact) => fact.gate === evidence);
        const first = fresh.findings.get(evidence)?.find((candidate) => candidate.severity === "block" && candidate.location) ?? fresh.findings.get(evidence)?.find((candidate) => candidate.location);
        const location2 = at(["freshness", index, "verdict"]) ?? first?.location;
        return { resource: { kind: "Gate", name: evidence }, ...location2 ? { location: location2 } : {} };
      }
      const location = at([typeof finding.field === "string" ? finding.field : "tag"]);
      return location ? { location } : {};
    },
    stats: {
      requiredGates: requiredGates.length,
      checkRuns: checkRuns.length,
      freshnessGates: facts.freshness.length,
      ...budgets ? { errorBudgets: budgets.facts.length } : {}
    }
  };
}
var releaseGate = {
  id: RELEASE_GATE,
  summary: "A release tag may ship only when every required gate passed on its commit and the evidence is still fresh",
  cliFlags: RELEASE_FLAGS,
  optionsFromFlags(flags) {
    const required = flagList(flags["required-gate"]);
    const tag = typeof flags.tag === "string" ? flags.tag : void 0;
    const file = typeof flags["check-runs-file"] === "string" ? flags["check-runs-file"] : void 0;
    if (required.length === 0 && !tag && !file) return void 0;
    const options = {};
    if (required.length) options.requiredGates = required;
    if (tag) options.tag = tag;
    if (typeof flags.commit === "string") options.commit = flags.commit;
    if (typeof flags["tag-pattern"] === "string") options.tagPattern = flags["tag-pattern"];
    if (file) options.checkRunsFile = file;
    return options;
  },
  collect: collect5,
  fixtureOptions(file) {
    return { checkRunsFile: file, requiredGates: ["security-context", "migrations"], freshnessGates: [], ...fixtureOverrides(file) };
  }
};
function fixtureOverrides(file) {
  const [document] = readYamlFile(standaloneWorkspace(file), file, file);
  const value = isRecord(document?.value) ? document.value.fixture_options : void 0;
  return isRecord(value) ? value : {};
}

// src/gates/restore-proofs/consistency.ts
var CLOCK_SKEW_SECONDS = 300;
var ROUNDING_SECONDS = 15e-4;
function proofContradictions(proof) {
  const at = {
    backup_time: exact(proof.backup.time),
    drill_started: exact(proof.drill.startedAt),
    restore_started: exact(proof.drill.restoreStartedAt),
    drill_finished: exact(proof.drill.finishedAt),
    verified_at: proof.drill.verifiedAt === null ? null : exact(proof.drill.verifiedAt)
  };
  const found = [];
  const say = (path, message) => found.push({ path, message });
  const { checks } = proof.integrity;
  if (proof.result === "passed") {
    if (proof.failures.length > 0) say(["failures"], `result is "passed" but failures lists ${proof.failures.length}: ${JSON.stringify(proof.failures[0])}`);
    if (proof.drill.verifiedAt === null) say(["drill", "verifiedAt"], `result is "passed" but verifiedAt is null: the restored copy was never verified`);
    const failedCheck = checks.findIndex((check) => !check.passed);
    if (failedCheck >= 0) say(["integrity", "checks", failedCheck, "passed"], `result is "passed" but integrity check ${checks[failedCheck]?.name} failed`);
    const failedSmoke = proof.smoke.findIndex((check) => !check.passed);
    if (failedSmoke >= 0) say(["smoke", failedSmoke, "passed"], `result is "passed" but smoke check ${proof.smoke[failedSmoke]?.name} failed`);
  }
  const allPassed = checks.every((check) => check.passed);
  if (proof.integrity.passed && !allPassed) {
    say(["integrity", "passed"], `integrity.passed is true but ${checks.filter((check) => !check.passed).length} of ${checks.length} checks failed`);
  } else if (!proof.integrity.passed && allPassed) {
    say(["integrity", "passed"], `integrity.passed is false but ${checks.length === 0 ? "it lists no check" : `every one of its ${checks.length} checks passed`}`);
  }
  const order = [
    ["drill_started", "drill.startedAt", "restore_started", "drill.restoreStartedAt"],
    ["restore_started", "drill.restoreStartedAt", "verified_at", "drill.verifiedAt"],
    ["verified_at", "drill.verifiedAt", "drill_finished", "drill.finishedAt"],
    ["restore_started", "drill.restoreStartedAt", "drill_finished", "drill.finishedAt"]
  ];
  for (const [earlier, earlierName, later, laterName] of order) {
    const from = at[earlier];
    const to = at[later];
    if (from === null || to === null || to >= from) continue;
    const [, field] = laterName.split(".");
    say(["drill", field], `${laterName} ${instant(to)} is before ${earlierName} ${instant(from)}`);
  }
  if (at.backup_time > at.restore_started + CLOCK_SKEW_SECONDS) {
    say(["backup", "time"], `backup.time ${instant(at.backup_time)} is after drill.restoreStartedAt ${instant(at.restore_started)}: a restore cannot start before its backup exists`);
  }
  const { rtoSeconds, rpoSeconds } = proof.measured;
  if (at.verified_at === null) {
    if (rtoSeconds !== null) say(["measured", "rtoSeconds"], `rtoSeconds is ${rtoSeconds} but the drill was never verified (verifiedAt is null), so there is no RTO`);
  } else {
    const rto = at.verified_at - at.restore_started;
    if (rtoSeconds === null || Math.abs(rtoSeconds - rto) > ROUNDING_SECONDS) {
      say(["measured", "rtoSeconds"], `rtoSeconds is ${String(rtoSeconds)} but restoreStartedAt to verifiedAt is ${seconds3(rto)} s`);
    }
  }
  const rpo = Math.max(0, at.restore_started - at.backup_time);
  if (Math.abs(rpoSeconds - rpo) > ROUNDING_SECONDS) {
    say(["measured", "rpoSeconds"], `rpoSeconds is ${rpoSeconds} but backup.time to restoreStartedAt is ${seconds3(rpo)} s`);
  }
  return found;
}
function exact(text) {
  return Date.parse(text) / 1e3;
}
function instant(epochSeconds2) {
  return new Date(epochSeconds2 * 1e3).toISOString();
}
function seconds3(value) {
  return String(Math.round(value * 1e3) / 1e3);
}

// src/gates/restore-proofs/index.ts
var PROOF_RESOURCE_TYPE = publishedResourceType(RESTORE_PROOF_CONFIGMAP);
async function clusterProofs(context, options, keys) {
  return readPublishedSigned(context, "restore-proofs", options, keys, RESTORE_PROOF_CONFIGMAP, RESTORE_PROOF);
}
async function collect6(context, options) {
  const { workspace } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const keys = trustedKeys(context, "restore-proofs", options, "proof");
  const files = expandJsonInputs(workspace, options.proofs ?? [], "proofs");
  const storeIndex = new Map(catalog.stores.map((store, id) => [store.name, id]));
  const sources = files.map((absolute) => {
    const shown = displayPath(workspace, absolute);
    return { shown, result: readProofFile(workspace, absolute, shown, keys) };
  });
  if (options.cluster) sources.push(...await clusterProofs(context, options.cluster === true ? {} : options.cluster, keys));
  const read = [];
  const proofs = [];
  const problems = [];
  for (const { shown, result, resource } of sources) {
    if (!result.ok) {
      problems.push({ id: problems.length, file: shown, message: result.message, location: result.location, resource });
      continue;
    }
    const { proof, signature, json } = result;
    const times = {
      backup_time: proof.backup.time,
      drill_started: proof.drill.startedAt,
      restore_started: proof.drill.restoreStartedAt,
      drill_finished: proof.drill.finishedAt,
      verified_at: proof.drill.verifiedAt ?? null
    };
    const epochs = {};
    let bad;
    for (const [key, value] of Object.entries(times)) {
      const seconds4 = value === null ? null : epochSeconds(value);
      if (seconds4 === void 0) bad = `${key} ${String(value)} is not a real calendar time`;
      epochs[key] = seconds4 ?? null;
    }
    if (bad) {
      problems.push({ id: problems.length, file: shown, message: bad, location: json.locate(["drill"]), resource });
      continue;
    }
    const contradictions = signature.status === "valid" ? proofContradictions(proof) : [];
    if (contradictions.length > 0) {
      for (const { path, message } of contradictions) {
        problems.push({ id: problems.length, file: shown, message: `it contradicts itself: ${message}`, location: json.locate(path), resource });
      }
      continue;
    }
    read.push({ json, resource });
    proofs.push({
      id: proofs.length,
      file: shown,
      store: proof.store,
      store_known: storeIndex.has(proof.store),
      engine: proof.engine,
      result: proof.result,
      signature: signature.status,
      signature_detail: signature.detail,
      key_id: signature.keyId,
      ...epochs,
      rto_seconds: proof.measured.rtoSeconds,
      rpo_seconds: proof.measured.rpoSeconds,
      integrity_passed: proof.integrity.passed,
      checks: proof.integrity.checks.map((check, index) => ({
        index,
        kind: check.kind,
        name: check.name,
        passed: check.passed,
        detail: check.detail ?? null
      })),
      smoke: proof.smoke.map((check, index) => ({ index, name: check.name, passed: check.passed, detail: check.detail ?? null })),
      failures: proof.failures
    });
  }
  const locate2 = (finding) => {
    if (typeof finding.proof === "number") {
      const source = read[finding.proof];
      const fact = proofs[finding.proof];
      if (!source || !fact) throw new CollectorError(`policy finding ${finding.rule} names unknown proof ${finding.proof}`);
      const path = Array.isArray(finding.path) ? finding.path : [];
      if (source.resource) return { resource: source.resource };
      const store2 = catalog.byName.get(String(fact.store));
      return { ...store2 ? { resource: { kind: "Store", name: store2.name } } : {}, location: source.json.locate(path) };
    }
    if (typeof finding.problem === "number") {
      const problem = problems[finding.problem];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown problem ${finding.problem}`);
      return problem.resource ? { resource: problem.resource } : { location: problem.location };
    }
    const store = typeof finding.store === "number" ? catalog.stores[finding.store] : void 0;
    if (!store) throw new CollectorError(`policy finding ${finding.rule} has no locator the restore-proofs collector knows`);
    return { resource: { kind: "Store", name: store.name }, location: store.location };
  };
  return {
    input: {
      catalog: catalog.file,
      trusted_keys: keys.length,
      stores: catalog.stores.map((store, id) => storeFacts(store, id)),
      proofs,
      problems: problems.map(({ id, file, message }) => ({ id, file, message }))
    },
    locate: locate2,
    stats: { files: files.length, proofs: proofs.length, problems: problems.length, stores: catalog.stores.length, ...options.cluster ? { configMaps: sources.length - files.length } : {} }
  };
}
var restoreProofsGate = {
  id: "restore-proofs",
  summary: "Every store has a passing, fresh, signed restore-drill proof within its tier's RTO and RPO",
  cliFlags: RESTORE_PROOFS_FLAGS,
  optionsFromFlags(flags) {
    const proofs = flagList(flags.proofs);
    const keys = flagList(flags["public-key"]);
    const cluster = clusterFromFlags(flags);
    if (proofs.length === 0 && !cluster) return void 0;
    return {
      ...proofs.length ? { proofs } : {},
      ...cluster ? { cluster } : {},
      ...typeof flags.catalog === "string" ? { catalog: flags.catalog } : {},
      ...keys.length === 1 ? { publicKey: keys[0] } : keys.length > 1 ? { publicKey: keys } : {}
    };
  },
  collect: collect6,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of restore-proofs options`);
    return document.value;
  }
};

// src/engine/waivers.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
var MAX_WAIVER_DAYS = 90;
var DAY_MS = 864e5;
function loadWaiversFile(workspace, file, now) {
  const shown = displayPath(workspace, file);
  const documents2 = readYamlFile(workspace, file, shown).filter((document2) => document2.value !== null && document2.value !== void 0);
  if (documents2.length === 0) return { waivers: [], problems: [] };
  const [document] = documents2;
  if (!document || documents2.length > 1 || !isRecord(document.value) || !Array.isArray(document.value.waivers)) {
    throw new ConfigurationError("expected one document with a `waivers:` list", { file: shown, line: 1 });
  }
  const result = { waivers: [], problems: [] };
  document.value.waivers.forEach((entry, index) => {
    const at = (path) => {
      const position = document.locate(["waivers", index, ...path]);
      return { file: shown, line: position.line, column: position.column };
    };
    const checked = checkWaiver(entry, "waiver", at, now);
    if ("problem" in checked) result.problems.push(checked.problem);
    else result.waivers.push(checked.waiver);
  });
  return result;
}
function checkWaiver(entry, form, at, now, scope = {}) {
  const problems = validate("waivers", entry, `$defs/${form}`, "it");
  const waivedRule = isRecord(entry) && typeof entry.rule === "string" ? entry.rule : void 0;
  if (problems.length > 0) {
    const [first] = problems;
    return {
      problem: {
        rule: "WAIVER-002",
        message: `waiver${waivedRule ? ` for ${waivedRule}` : ""} is malformed: ${problems.map((p) => p.message).join("; ")}`,
        location: at(first?.path ?? []),
        ...waivedRule ? { waivedRule } : {}
      }
    };
  }
  const waiver = entry;
  const expires = Date.parse(`${waiver.expires}T23:59:59.999Z`);
  if (Number.isNaN(expires) || new Date(expires).toISOString().slice(0, 10) !== waiver.expires) {
    return { problem: { rule: "WAIVER-002", message: `waiver for ${waiver.rule}: expires ${waiver.expires} is not a calendar date`, location: at(["expires"]), waivedRule: waiver.rule } };
  }
  if (expires < now.getTime()) {
    return { problem: { rule: "WAIVER-001", message: `waiver for ${waiver.rule} (owner ${waiver.owner}) expired on ${waiver.expires}`, location: at(["expires"]), waivedRule: waiver.rule } };
  }
  const latest = new Date(now.getTime() + MAX_WAIVER_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (waiver.expires > latest) {
    return {
      problem: {
        rule: "WAIVER-002",
        message: `waiver for ${waiver.rule} expires ${waiver.expires}, more than ${MAX_WAIVER_DAYS} days ahead; the latest allowed today is ${latest}`,
        location: at(["expires"]),
        waivedRule: waiver.rule
      }
    };
  }
  return { waiver: { ...waiver, ...scope, source: at([]) } };
}
var matchers = /* @__PURE__ */ new Map();
function globMatch(pattern, value) {
  if (value === void 0) return false;
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = (0, import_picomatch2.default)(pattern, { dot: true });
    matchers.set(pattern, matcher);
  }
  return matcher(value);
}
function waiverMatches(waiver, finding) {
  if (!globMatch(waiver.rule, finding.rule)) return false;
  if (waiver.resource) {
    const { kind, name, namespace } = waiver.resource;
    if (kind !== void 0 && !globMatch(kind, finding.resource?.kind)) return false;
    if (name !== void 0 && !globMatch(name, finding.resource?.name)) return false;
    if (namespace !== void 0 && !globMatch(namespace, finding.resource?.namespace)) return false;
  }
  if (waiver.file !== void 0 && !globMatch(waiver.file, finding.location?.file)) return false;
  return true;
}
function applyWaivers(findings, fileWaivers) {
  const kept = [];
  const waived = [];
  for (const { finding, localWaivers } of findings) {
    const waiver = localWaivers.find((w) => globMatch(w.rule, finding.rule)) ?? fileWaivers.find((w) => waiverMatches(w, finding));
    if (waiver) waived.push({ finding, waiver });
    else kept.push(finding);
  }
  return { findings: kept, waived };
}

// src/gates/security-context/live.ts
var WORKLOAD_RESOURCE_TYPES = [
  { kind: "Deployment", group: "apps", version: "v1", plural: "deployments" },
  { kind: "StatefulSet", group: "apps", version: "v1", plural: "statefulsets" },
  { kind: "DaemonSet", group: "apps", version: "v1", plural: "daemonsets" },
  { kind: "ReplicaSet", group: "apps", version: "v1", plural: "replicasets" },
  { kind: "CronJob", group: "batch", version: "v1", plural: "cronjobs" },
  { kind: "Job", group: "batch", version: "v1", plural: "jobs" },
  { kind: "Pod", group: "", version: "v1", plural: "pods" }
];
function controllerUid(object) {
  const owners = getPath(object, ["metadata", "ownerReferences"]);
  if (!Array.isArray(owners)) return void 0;
  const controller = owners.find((owner) => isRecord(owner) && owner.controller === true);
  return isRecord(controller) && typeof controller.uid === "string" ? controller.uid : void 0;
}
async function readLiveWorkloads(options, repository, logger) {
  const reader = await ClusterReader.connect(options, logger);
  logger.info(`security-context: reading workloads and pods from ${reader.describe()}`);
  const listed = (await reader.listAll(WORKLOAD_RESOURCE_TYPES)).flatMap((result) => "objects" in result ? result.objects : []);
  const uids = new Set(listed.map((object) => getPath(object, ["metadata", "uid"])).filter((uid) => typeof uid === "string"));
  const index = repositoryIndex(repository);
  const objects = [];
  let owned = 0;
  for (const object of listed) {
    const owner = controllerUid(object);
    if (owner !== void 0 && uids.has(owner)) {
      owned++;
      continue;
    }
    const phase = getPath(object, ["status", "phase"]);
    if (object.kind === "Pod" && (phase === "Succeeded" || phase === "Failed")) continue;
    objects.push(liveManifest(object, index));
  }
  logger.info(`security-context: ${objects.length} live objects to judge (${owned} left out because their controller is judged)`);
  return { objects, owned, label: reader.label };
}

// src/gates/security-context/index.ts
var WAIVER_ANNOTATION = "resilience-gates.io/waivers";
async function collect7(context, options) {
  const { logger } = context;
  const setting = options.podSecurity ?? {};
  const gateMinor = podSecurityMinor(setting.version ?? "latest", "security-context podSecurity.version");
  const gatePodSecurity = { level: setting.level ?? "restricted", minor: gateMinor, source: "podSecurity" };
  const { objects, files, errors } = await readManifestSources(context.workspace, { ...options, kubeVersion: kubeVersionForPodSecurity(gateMinor) }, logger);
  const live = options.cluster ? await readLiveWorkloads(options.cluster === true ? {} : options.cluster, objects, logger) : void 0;
  const judged = live ? live.objects : objects;
  const customPaths = (options.podTemplatePaths ?? []).map((entry) => ({
    kind: entry.kind,
    ...entry.apiVersion ? { apiVersion: entry.apiVersion } : {},
    path: parseFieldPath(entry.path)
  }));
  const workloads = findWorkloads(judged, [...customPaths, ...BUILT_IN_POD_TEMPLATE_PATHS], errors);
  const serviceAccounts = serviceAccountIndex([...judged, ...live ? objects : []]);
  const podSecurityOf = podSecurityResolver(gatePodSecurity, setting.namespaceLabels === false ? [] : [...judged, ...live ? objects : []]);
  const waiverProblems = [];
  const localWaivers = workloads.map((workload) => annotationWaivers(workload, context.now, waiverProblems, live?.label));
  return {
    input: {
      workloads: workloads.map((workload, id) => ({
        id,
        kind: workload.manifest.ref.kind,
        api_version: workload.manifest.apiVersion,
        name: workload.manifest.ref.name,
        ...workload.manifest.ref.namespace ? { namespace: workload.manifest.ref.namespace } : {},
        template: workload.template,
        pod_security: (({ level, minor }) => ({ level, minor }))(podSecurityOf(workload.manifest.ref.namespace)),
        ...serviceAccountFacts(workload, serviceAccounts)
      }))
    },
    locate: (finding) => {
      const workload = typeof finding.workload === "number" ? workloads[finding.workload] : void 0;
      if (!workload) throw new CollectorError(`policy finding ${finding.rule} names unknown workload ${String(finding.workload)}`);
      const path = Array.isArray(finding.path) ? finding.path : [];
      const container = containerAt(workload, path);
      return {
        resource: workload.manifest.ref,
        ...container ? { container } : {},
        location: workload.manifest.locate([...workload.templatePath, ...path]),
        waivers: localWaivers[finding.workload] ?? []
      };
    },
    stats: { files, objects: judged.length, workloads: workloads.length, ...live ? { ownedLeftOut: live.owned } : {} },
    waiverProblems,
    ...errors.length > 0 ? { errors } : {}
  };
}
function podSecurityResolver(gate, objects) {
  const labels2 = /* @__PURE__ */ new Map();
  for (const object of objects) {
    if (object.ref.kind !== "Namespace" || object.apiVersion !== "v1" || labels2.has(object.ref.name)) continue;
    const found = getPath(object.object, ["metadata", "labels"]);
    labels2.set(object.ref.name, isRecord(found) ? found : {});
  }
  const resolved = /* @__PURE__ */ new Map();
  return (namespace) => {
    let result = resolved.get(namespace);
    if (!result) {
      result = namespace === void 0 ? gate : inForce(gate, labels2.get(namespace), namespace);
      resolved.set(namespace, result);
    }
    return result;
  };
}
function serviceAccountIndex(objects) {
  const index = /* @__PURE__ */ new Map();
  for (const object of objects) {
    if (object.ref.kind !== "ServiceAccount" || object.apiVersion !== "v1") continue;
    const key = `${object.ref.namespace ?? ""}/${object.ref.name}`;
    if (!index.has(key)) index.set(key, object.object);
  }
  return index;
}
function serviceAccountFacts(workload, index) {
  const spec = isRecord(workload.template.spec) ? workload.template.spec : {};
  const named = [spec.serviceAccountName, spec.serviceAccount].find((value) => typeof value === "string" && value !== "") ?? "default";
  const namespace = workload.manifest.ref.namespace;
  const account = index.get(`${namespace ?? ""}/${named}`) ?? index.get(`/${named}`);
  if (!account) return {};
  const automount = account.automountServiceAccountToken;
  return { service_account: { name: named, ...typeof automount === "boolean" ? { automountServiceAccountToken: automount } : {} } };
}
function containerAt(workload, path) {
  const [spec, list2, index] = path;
  if (spec !== "spec" || typeof list2 !== "string" || !/^(init|ephemeral)?[cC]ontainers$/.test(list2) || typeof index !== "number") return void 0;
  const entries = isRecord(workload.template.spec) ? workload.template.spec[list2] : void 0;
  const entry = Array.isArray(entries) ? entries[index] : void 0;
  return isRecord(entry) && typeof entry.name === "string" ? entry.name : void 0;
}
function annotationWaivers(workload, now, problems, cluster) {
  const waivers = [];
  const places = [["metadata"], [...workload.templatePath, "metadata"]];
  for (const place of places.filter((p, i) => i === 0 || p.length > 1)) {
    const metadata = place.reduce((value, key) => isRecord(value) ? value[String(key)] : void 0, workload.manifest.object);
    const annotations2 = isRecord(metadata) ? metadata.annotations : void 0;
    const raw = isRecord(annotations2) ? annotations2[WAIVER_ANNOTATION] : void 0;
    if (raw === void 0) continue;
    const { ref } = workload.manifest;
    const where = workload.manifest.locate([...place, "annotations", WAIVER_ANNOTATION]) ?? {
      file: `${cluster ?? "cluster"}: ${objectKey(ref.kind, ref.namespace, ref.name)}`,
      line: 1
    };
    let entries;
    try {
      entries = typeof raw === "string" ? parseYamlValue(raw, `annotation ${WAIVER_ANNOTATION}`) : raw;
    } catch (error) {
      const reason = error.message.split("\n")[0]?.replace(/^annotation \S+:\d+(:\d+)?: /, "");
      problems.push({ rule: "WAIVER-002", message: `annotation ${WAIVER_ANNOTATION} is not valid JSON or YAML: ${reason}`, location: where });
      continue;
    }
    if (!Array.isArray(entries)) {
      problems.push({ rule: "WAIVER-002", message: `annotation ${WAIVER_ANNOTATION} must be a list of waivers`, location: where });
      continue;
    }
    for (const entry of entries) {
      const checked = checkWaiver(entry, "annotationWaiver", () => where, now, {
        resource: { ...workload.manifest.ref }
      });
      if ("problem" in checked) problems.push(checked.problem);
      else waivers.push(checked.waiver);
    }
  }
  return waivers;
}
var securityContextGate = {
  id: "security-context",
  summary: "Pod Security baseline and restricted, plus hardening good practice, on manifests, charts and kustomizations",
  cliFlags: SECURITY_CONTEXT_FLAGS,
  optionsFromFlags(flags) {
    const sources = objectSourcesFromFlags(flags);
    if (Object.keys(sources).length === 0) return void 0;
    const level = flags["pod-security-level"];
    const version = flags["pod-security-version"];
    if (level !== void 0 && level !== "baseline" && level !== "restricted") {
      throw new ConfigurationError(`--pod-security-level must be baseline or restricted, not ${JSON.stringify(level)}`);
    }
    const podSecurity = {
      ...level !== void 0 ? { level } : {},
      ...typeof version === "string" ? { version } : {}
    };
    return { ...sources, ...Object.keys(podSecurity).length > 0 ? { podSecurity } : {} };
  },
  collect: collect7,
  independentItems: "workloads",
  fixtureOptions: (file) => ({ manifests: [file] })
};

// src/gates/registry.ts
var GATES = /* @__PURE__ */ new Map([
  [securityContextGate.id, securityContextGate],
  [migrationsGate.id, migrationsGate],
  [backupsGate.id, backupsGate],
  [restoreProofsGate.id, restoreProofsGate],
  [chaosReadinessGate.id, chaosReadinessGate],
  [releaseGate.id, releaseGate],
  [loadBudgetGate.id, loadBudgetGate],
  [sloGate.id, sloGate],
  [readinessGate.id, readinessGate]
]);

// src/engine/bundle.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdtempSync as mkdtempSync3, readFileSync as readFileSync4, rmSync as rmSync4, statSync as statSync4, writeFileSync as writeFileSync4 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import { isAbsolute, join as join8, relative as relative2 } from "node:path";

// src/engine/tar.ts
import { gunzipSync } from "node:zlib";
function readTarGzMember(archive, wanted) {
  const tar = gunzipSync(archive);
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) return void 0;
    const prefix = header.subarray(345, 500).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("utf8").replace(/\0.*$/s, "").trim() || "0", 8);
    const full = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, "");
    const start = offset + 512;
    if (full === wanted.replace(/^\/+/, "")) return tar.subarray(start, start + size);
    offset = start + Math.ceil(size / 512) * 512;
  }
  return void 0;
}

// src/engine/bundle.ts
function policyPackage(gateId) {
  return gateId.replace(/-/g, "_");
}
function entrypointOf(gateId) {
  return `resilience/${policyPackage(gateId)}/findings`;
}
function regoFiles(directories, root) {
  const files = [];
  for (const directory of directories) {
    if (!statSync4(directory, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ConfigurationError(`policy directory ${directory} does not exist`);
    }
    const workspace = root ? { root, base: root } : standaloneWorkspace(join8(directory, "."));
    files.push(...filesBelow(workspace, directory, (name) => name.endsWith(".rego") && !name.endsWith("_test.rego"), "policy file"));
  }
  return files.sort();
}
function policiesDigest(directories, root) {
  const hash = createHash2("sha256");
  directories.forEach((directory, index) => {
    for (const file of regoFiles([directory], root)) {
      hash.update(`${index}:${relative2(directory, file)}`).update("\0").update(readStandaloneTextFile(file, file)).update("\0");
    }
  });
  return hash.digest("hex");
}
async function compilePolicies(directories, gateIds, cwd) {
  const files = regoFiles(directories, cwd);
  const texts = files.map((file) => readStandaloneTextFile(file, relative2(cwd, file)));
  files.forEach((file, index) => checkSprintfVerbs(texts[index] ?? "", relative2(cwd, file)));
  const packages = new Set(texts.flatMap((text) => [...text.matchAll(/^package\s+resilience\.([a-z_]+)\s*$/gm)].map((m) => m[1])));
  const entrypoints = gateIds.filter((id) => packages.has(policyPackage(id))).map(entrypointOf);
  if (entrypoints.length === 0) throw new ConfigurationError(`no policy packages resilience.<gate> found in ${directories.join(", ")}`);
  const scratch = mkdtempSync3(join8(tmpdir3(), "resilience-gates-opa-"));
  try {
    const capabilities = join8(scratch, "capabilities.json");
    writeFileSync4(capabilities, JSON.stringify(wasmCapabilities()));
    const output = join8(scratch, "bundle.tar.gz");
    const args = ["build", "-t", "wasm", "--capabilities", capabilities, "--ignore", "*_test.rego", "-o", output];
    for (const entrypoint of entrypoints) args.push("-e", entrypoint);
    const shownDirectories = directories.map((directory) => relative2(cwd, directory).startsWith("..") ? directory : relative2(cwd, directory) || ".");
    const build = await runTool("opa", [...args, ...shownDirectories], { cwd, timeoutMs: 3e5 });
    if (build.exitCode !== 0) throw opaError("opa build", build, cwd);
    const wasm = readTarGzMember(readFileSync4(output), "policy.wasm");
    if (!wasm) throw new Error("opa build wrote no policy.wasm");
    const annotations2 = [];
    for (const directory of shownDirectories) {
      const inspect = await runTool("opa", ["inspect", "-a", "--format", "json", directory], { cwd, timeoutMs: 12e4 });
      if (inspect.exitCode !== 0) throw opaError(`opa inspect ${directory}`, inspect, cwd);
      annotations2.push(...JSON.parse(inspect.stdout).annotations ?? []);
    }
    return { wasm, rules: rulesFromInspect({ annotations: annotations2 }, cwd), entrypoints };
  } finally {
    rmSync4(scratch, { recursive: true, force: true });
  }
}
function wasmCapabilities() {
  const shipped = JSON.parse(readFileSync4(join8(packageRoot(), "dist", "opa-wasm-capabilities.json"), "utf8"));
  return { ...shipped, features: ["rego_v1"] };
}
function opaError(what, run, cwd) {
  const text = `${run.stdout}
${run.stderr}`.trim();
  const errors = [...text.matchAll(/(?:^|\s)((?:[^\s:]+\/)*[^\s:]+\.rego):(\d+)(?::(\d+))?: (rego_[a-z_]+_error: [^\n]*)/g)];
  const first = errors[0];
  if (!first) return new ConfigurationError(`${what} failed (exit code ${run.exitCode}): ${text || "opa printed nothing"}`);
  const shownFile = (file) => isAbsolute(file) ? relative2(cwd, file) || file : file;
  const listed = errors.map((match) => `${shownFile(match[1] ?? "")}:${match[2]}: ${match[4]}`);
  const location = { file: shownFile(first[1] ?? ""), line: Number(first[2]), ...first[3] ? { column: Number(first[3]) } : {} };
  return new ConfigurationError(
    `${what} failed: ${first[4]}${listed.length > 1 ? ` (${listed.length} errors: ${listed.slice(1, 10).join("; ")})` : ""}`,
    location
  );
}
var SPRINTF = /sprintf\(\s*"((?:[^"\\]|\\.)*)"/g;
function checkSprintfVerbs(text, shown) {
  for (const match of text.matchAll(SPRINTF)) {
    const format = match[1] ?? "";
    const bad = /%(?!%)(?![sd])./.exec(format.replace(/%%/g, ""));
    if (bad) {
      const line = text.slice(0, match.index).split("\n").length;
      throw new ConfigurationError(`sprintf verb ${bad[0]} is not supported under WebAssembly; use %s or %d`, { file: shown, line });
    }
  }
}
function rulesFromInspect(inspect, cwd) {
  const rules = [];
  const seen = /* @__PURE__ */ new Map();
  for (const entry of inspect.annotations ?? []) {
    const annotations2 = entry.annotations;
    if (!annotations2 || annotations2.scope !== "rule") continue;
    const file = entry.location?.file ? relative2(cwd, entry.location.file) || entry.location.file : "?";
    const source = `${file}:${entry.location?.row ?? 1}`;
    const custom = annotations2.custom ?? {};
    const id = custom.id;
    if (typeof id !== "string") continue;
    const problems = [];
    const text = (key, value) => {
      if (typeof value !== "string" || value.trim() === "") problems.push(`\`${key}\` is missing`);
      return typeof value === "string" ? value.trim() : "";
    };
    const title = text("title", annotations2.title);
    const description = text("description", annotations2.description);
    const remediation = text("custom.remediation", custom.remediation);
    const docs = text("custom.docs", custom.docs);
    const severity = custom.severity;
    if (severity !== "block" && severity !== "warn") problems.push("`custom.severity` must be block or warn");
    const pkg = entry.path?.[2]?.value;
    if (!pkg) problems.push("the rule is not in a package resilience.<gate>");
    if (problems.length > 0) {
      throw new ConfigurationError(`METADATA of rule ${id}: ${problems.join("; ")}`, { file, line: entry.location?.row ?? 1 });
    }
    const previous = seen.get(id);
    if (previous) throw new ConfigurationError(`rule id ${id} is defined twice (also at ${previous})`, { file, line: entry.location?.row ?? 1 });
    seen.set(id, source);
    rules.push({
      id,
      gate: (pkg ?? "").replace(/_/g, "-"),
      title,
      description,
      severity,
      remediation,
      docs,
      source
    });
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

// src/engine/run.ts
var ORDER = ["pass", "warn", "block", "error"];
function worstVerdict(verdicts) {
  return verdicts.reduce((worst, v) => ORDER.indexOf(v) > ORDER.indexOf(worst) ? v : worst, "pass");
}
async function loadBundle(config, logger) {
  if (config.policies.length === 0) return loadBuiltInBundle();
  const directories = [join9(packageRoot(), "policies"), ...config.policies];
  const digest = policiesDigest(directories, config.workspace.root);
  const cache = cacheDirectory(digest);
  if (!cachingEnabled() || !existsSync6(join9(cache, "policies.wasm"))) {
    logger.info(`compiling custom policies from ${config.policies.length} director${config.policies.length === 1 ? "y" : "ies"} with opa`);
    const compiled = await compilePolicies(directories, [...GATES.keys()], config.workspace.root);
    if (!cachingEnabled()) return PolicyBundle.load(compiled.wasm, compiled.rules, digest);
    makeDirectories(cache);
    writeFileSync5(join9(cache, "rules.json"), JSON.stringify(compiled.rules));
    writeFileSync5(join9(cache, "policies.wasm"), compiled.wasm);
  }
  const rules = JSON.parse(readFileSync5(join9(cache, "rules.json"), "utf8"));
  return PolicyBundle.load(readFileSync5(join9(cache, "policies.wasm")), rules, digest);
}
async function runGates(request, bundle) {
  const { config, now, logger } = request;
  const fileWaivers = knownRulesOnly(
    bundle,
    config.waiversFile ? loadWaiversFile(config.workspace, config.waiversFile, now) : { waivers: [], problems: [] }
  );
  const context = { workspace: config.workspace, logger, now, config, ...request.githubToken ? { githubToken: request.githubToken } : {} };
  const results = [];
  const claimed = /* @__PURE__ */ new Set();
  for (const [id, options] of request.gates) {
    const started = performance.now();
    const gateProblems = fileWaivers.problems.filter((problem) => problem.waivedRule && ruleBelongsTo(bundle, problem.waivedRule, id));
    gateProblems.forEach((problem) => claimed.add(problem));
    try {
      const gate = GATES.get(id);
      if (!gate) throw new ConfigurationError(`unknown gate ${id}; known gates: ${[...GATES.keys()].join(", ")}`);
      const problems = validate("gates", options, `$defs/${id}`);
      if (problems.length > 0) {
        throw new ConfigurationError(`options of gate ${id}: ${problems.map((p) => p.message).join("; ")}`);
      }
      logger.info(`${id}: collecting`);
      const audit = options.mode === "audit";
      const gateContext = request.commandLineGates?.includes(id) ? { ...context, workspace: { ...config.workspace, commandLine: true } } : context;
      const collected = await gate.collect(gateContext, options);
      const entrypoint = entrypointOf(id);
      if (!bundle.hasEntrypoint(entrypoint)) throw new ConfigurationError(`the policy bundle has no entrypoint ${entrypoint}`);
      const raw = await evaluateCollected(bundle, entrypoint, id, collected, gate.independentItems, Math.floor(now.getTime() / 1e3));
      const decorated = raw.filter((policyFinding) => config.rules[policyFinding.rule]?.severity !== "off").map((policyFinding) => {
        const place = collected.locate(policyFinding);
        return {
          finding: toFinding(bundle, config, policyFinding.rule, policyFinding.message, policyFinding.severity, place, audit),
          localWaivers: place.waivers ?? []
        };
      });
      const problemFindings = [...gateProblems, ...collected.waiverProblems ?? []].map((problem) => ({
        finding: toFinding(bundle, config, problem.rule, problem.message, void 0, { location: problem.location }, audit),
        localWaivers: []
      }));
      const { findings, waived } = applyWaivers(decorated, fileWaivers.waivers);
      const all = sortFindings([...findings, ...problemFindings.map((entry) => entry.finding)]);
      const broken = collected.errors ?? [];
      results.push({
        id,
        verdict: broken.length > 0 ? "error" : verdictOf(all),
        findings: all,
        waived,
        ...audit ? { mode: "audit" } : {},
        ...broken.length > 0 ? { error: broken.join("; ") } : {},
        stats: { ...collected.stats, findings: all.length, waived: waived.length },
        durationMs: Math.round(performance.now() - started)
      });
    } catch (error) {
      const internal = !(error instanceof ConfigurationError) && !(error instanceof PolicyEvaluationError);
      if (internal) logger.debug(error instanceof Error && error.stack ? error.stack : describeThrown(error));
      results.push({
        id,
        verdict: "error",
        findings: [],
        waived: [],
        error: internal ? `internal error: ${describeThrown(error)}` : describeThrown(error),
        stats: {},
        durationMs: Math.round(performance.now() - started)
      });
    }
  }
  const unclaimed = fileWaivers.problems.filter(
    (problem) => !claimed.has(problem) && !(problem.waivedRule && rulesMatching(bundle, problem.waivedRule).length > 0)
  );
  if (unclaimed.length > 0) {
    const findings = unclaimed.map((problem) => toFinding(bundle, config, problem.rule, problem.message, void 0, { location: problem.location }));
    results.push({ id: "waivers", verdict: verdictOf(findings), findings, waived: [], stats: { findings: findings.length }, durationMs: 0 });
  }
  return { verdict: worstVerdict(results.map((result) => result.verdict)), gates: results };
}
async function evaluateCollected(bundle, entrypoint, id, collected, independentItems, now) {
  const inputSchema = hasSchema(`${id}-input`) ? id : void 0;
  if (!collected.slices) {
    if (!collected.input) throw new Error(`collector of ${id} produced neither an input nor slices`);
    const input = { ...collected.input, now };
    if (inputSchema) checkInput(inputSchema, input);
    return evaluateInSlices(bundle, entrypoint, input, independentItems);
  }
  const evaluator = sliceEvaluator(bundle, entrypoint, inputSchema);
  try {
    for await (const slice of collected.slices) evaluator.submit({ ...slice, now });
    return await evaluator.finish();
  } finally {
    evaluator.close();
  }
}
var SLICE = 100;
function evaluateInSlices(bundle, entrypoint, input, key) {
  const items = key ? input[key] : void 0;
  if (!key || !Array.isArray(items) || items.length <= SLICE) return bundle.evaluate(entrypoint, input);
  const findings = [];
  for (let start = 0; start < items.length; start += SLICE) {
    findings.push(...bundle.evaluate(entrypoint, { ...input, [key]: items.slice(start, start + SLICE) }));
  }
  return findings;
}
function knownRulesOnly(bundle, set) {
  const waivers = [];
  const problems = [...set.problems];
  for (const waiver of set.waivers) {
    if (rulesMatching(bundle, waiver.rule).length > 0) waivers.push(waiver);
    else problems.push({ rule: "WAIVER-002", message: `waiver names rule ${waiver.rule}, which no policy defines`, location: waiver.source });
  }
  return { waivers, problems };
}
function rulesMatching(bundle, pattern) {
  const exact2 = bundle.catalog.get(pattern);
  if (exact2) return [exact2];
  const matches = (0, import_picomatch3.default)(pattern);
  return [...bundle.catalog.values()].filter((rule) => matches(rule.id));
}
function ruleBelongsTo(bundle, pattern, gateId) {
  return rulesMatching(bundle, pattern).some((rule) => rule.gate === gateId);
}
function toFinding(bundle, config, rule, message, severity, place, gateAudit = false) {
  const metadata = bundle.catalog.get(rule);
  const override = config.rules[rule]?.severity;
  return {
    rule,
    severity: override === "block" || override === "warn" ? override : severity ?? metadata?.severity ?? "block",
    title: metadata?.title ?? rule,
    message,
    ...place.resource ? { resource: place.resource } : {},
    ...place.container ? { container: place.container } : {},
    ...place.location ? { location: place.location } : {},
    remediation: metadata?.remediation ?? "",
    docs: metadata?.docs ?? "",
    ...gateAudit || config.rules[rule]?.mode === "audit" ? { audit: true } : {}
  };
}
function verdictOf(all) {
  const findings = all.filter((finding) => !finding.audit);
  if (findings.some((finding) => finding.severity === "block")) return "block";
  if (findings.some((finding) => finding.severity === "warn")) return "warn";
  return "pass";
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0) || a.rule.localeCompare(b.rule)
  );
}

export {
  describeResource,
  consoleReporter,
  githubContextFromEnv,
  COMMENT_MARKER,
  inline,
  jobSummary,
  commentBody2 as commentBody,
  MAX_ANNOTATIONS,
  DEFAULT_CHECK_NAME,
  checkRunName,
  startChecks,
  abandonChecks,
  publishChecks,
  RELEASE_GATE,
  releaseFactsFor,
  GATES,
  worstVerdict,
  loadBundle,
  runGates,
  evaluateInSlices
};

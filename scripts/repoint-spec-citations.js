#!/usr/bin/env node
'use strict';
/**
 * Re-points citations of the original design documents (the partner contract, the 12go API description,
 * the booking-schema rules and the operations design, cited as `<name>.md §N`, bare `§N`, `<name>.md Dn`
 * or `reconciliation N`) at the project's own reference in docs/ (see docs/contract/README.md).
 *
 *   node scripts/repoint-spec-citations.js            rewrite the default tree in place, list the changes
 *   node scripts/repoint-spec-citations.js --check    list what would change; exit 1 if anything would
 *   node scripts/repoint-spec-citations.js FILE…      only these files
 *
 * A bare `§N` takes the document of the closest explicit citation before it in the same file, else the
 * default of its directory (DEFAULT_DOC). test/unit/repo-stands-alone.spec.ts fails while any remain.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');

const C = 'docs/contract/';
const UP = 'docs/upstream-12go.md';
const PLATFORM = 'docs/platform.md';
const RUNBOOK = 'docs/operations.md';

/** Section (longest matching prefix wins) → where the project's docs now hold it. '' = the document. */
const SECTIONS = {
  'client-api': {
    '': `${C}README.md`,
    0: `${C}README.md#conventions`,
    0.1: `${C}README.md#endpoints-at-a-glance`,
    1: `${C}headers.md`,
    1.1: `${C}headers.md#processing-order`,
    1.2: `${C}headers.md#authentication`,
    1.3: `${C}headers.md#versioning`,
    1.4: `${C}headers.md#tracing-headers`,
    1.5: `${C}headers.md#response-headers`,
    1.6: `${C}headers.md#locale-and-currency`,
    1.7: `${C}headers.md#request-bodies-and-limits`,
    2: `${C}values.md`,
    2.1: `${C}values.md#money`,
    2.2: `${C}values.md#pricing-and-markup`,
    2.3: `${C}values.md#cancellation-policies`,
    2.4: `${C}values.md#cut-off`,
    2.5: `${C}values.md#enumerations`,
    2.6: `${C}ids.md#other-ids`,
    '2.6.1': `${C}ids.md#itinerary-ids`,
    '2.6.2': `${C}ids.md#booking-ids`,
    3: `${C}values.md#itinerary-segment-and-vehicle`,
    3.5: `${C}values.md#booking-object-and-status`,
    3.6: `${C}values.md#booking-object-and-status`,
    4: `${C}endpoints.md`,
    4.1: `${C}endpoints.md#search`,
    4.2: `${C}endpoints.md#getitinerary`,
    4.3: `${C}endpoints.md#createbooking`,
    4.4: `${C}endpoints.md#confirmbooking`,
    4.5: `${C}endpoints.md#seatlock`,
    4.6: `${C}endpoints.md#getbookingdetails`,
    4.7: `${C}endpoints.md#getticket`,
    4.8: `${C}endpoints.md#cancelbooking`,
    4.9: `${C}endpoints.md#incompleteresults-async-flow`,
    '4.10': `${C}endpoints.md#master-data`,
    4.11: `${C}endpoints.md#master-data`,
    4.12: `${C}endpoints.md#master-data`,
    4.13: `${C}webhooks.md#outbound-events`,
    5: `${C}errors.md`,
    5.1: `${C}errors.md#envelope`,
    5.2: `${C}errors.md#field-errors`,
    5.3: `${C}errors.md#codes`,
    6: `${C}README.md#decisions-in-one-list`,
  },
  'booking-schema': {
    '': `${C}booking-schema.md`,
    0: `${C}booking-schema.md#checkout-keys`,
    1: `${C}booking-schema.md#checkout-keys`,
    2: `${C}booking-schema.md#checkout-keys`,
    3: `${C}booking-schema.md#schema-document`,
    3.4: `${C}booking-schema.md#patterns`,
    3.6: `${C}booking-schema.md#seats-and-seat-map`,
    3.7: `${C}booking-schema.md#prices-in-the-schema`,
    4: `${C}booking-schema.md#booking-data-normalisation-and-validation`,
    4.6: `${C}booking-schema.md#reserve-body`,
    4.7: `${C}booking-schema.md#reserve-body`,
    4.8: `${C}booking-schema.md#supplier-field-errors`,
    5: `${C}booking-schema.md#state-between-checkout-and-booking`,
    5.3: `${C}ids.md#booking-tokens`,
    6: `${C}ids.md#cipher-and-klv`,
    7: `${C}ids.md#itinerary-ids`,
    8: `${C}ids.md#booking-ids`,
    9: `${C}ids.md#station-operator-and-poi-ids`,
    10: `${C}ids.md`,
    11: `${C}booking-schema.md`,
    12: `${PLATFORM}#assumptions-to-verify-before-go-live`,
  },
  'twelvego-api': {
    '': UP,
    0: UP,
    0.1: `${UP}#calls-the-bff-makes`,
    0.2: `${UP}#calls-the-bff-makes`,
    0.3: `${UP}#authentication-and-key-scoping`,
    0.4: `${UP}#identifiers`,
    0.5: `${UP}#dates-and-money`,
    0.6: `${UP}#dates-and-money`,
    0.7: `${UP}#json-quirks`,
    0.8: `${UP}#errors`,
    0.9: `${UP}#timeouts-retries-and-breakers`,
    1: `${UP}#search`,
    2: `${UP}#trip-details`,
    3: `${UP}#carts`,
    4: `${UP}#carts`,
    5: `${UP}#carts`,
    6: `${UP}#checkout`,
    7: `${UP}#reserve`,
    8: `${UP}#confirm`,
    9: `${UP}#booking-details`,
    10: `${UP}#refunds`,
    11: `${UP}#refunds`,
    12: `${UP}#booking-lifecycle`,
    13: `${UP}#recheck`,
    14: `${UP}#carts`,
    15: `${UP}#webhook-from-12go`,
    16: `${UP}#what-12go-does-not-offer`,
    17: `${UP}#the-sandbox`,
    17.2: `${UP}#clock-and-determinism`,
    17.3: `${UP}#seed-data-and-trips`,
    17.4: `${UP}#seed-data-and-trips`,
    17.5: `${UP}#checkout-field-sets`,
    17.6: `${UP}#state-and-timers`,
    17.7: `${UP}#recheck-simulation`,
    17.8: `${UP}#scenario-trips`,
    17.9: `${UP}#magic-passenger-names`,
    '17.10': `${UP}#faults`,
    17.11: `${UP}#admin-api`,
    17.12: `${UP}#latency-profiles`,
    17.13: `${UP}#webhook-sender`,
    17.14: `${UP}#fixtures`,
    18: `${UP}#the-sandbox`,
  },
  operations: {
    '': PLATFORM,
    1: `${PLATFORM}#client-registry`,
    1.6: `${C}headers.md#authentication`,
    1.7: `${RUNBOOK}#rotate-keys-and-secrets`,
    1.8: `${RUNBOOK}#onboard-a-partner`,
    2: `${C}webhooks.md`,
    2.2: `${C}webhooks.md#receiving-12go-notifications`,
    2.3: `${C}webhooks.md#receiving-12go-notifications`,
    2.4: `${C}webhooks.md#who-owns-a-booking`,
    2.5: `${C}webhooks.md#outbound-events`,
    2.6: `${C}webhooks.md#delivery-and-retries`,
    2.7: `${C}webhooks.md#signing`,
    2.8: `${C}webhooks.md#dead-letters`,
    3: `${PLATFORM}#redis-keyspace`,
    3.2: `${C}endpoints.md#incompleteresults-async-flow`,
    3.3: `${C}endpoints.md#seatlock`,
    4: `${PLATFORM}#logs-and-redaction`,
    4.1: `${PLATFORM}#traces`,
    4.4: `${PLATFORM}#traces`,
    4.5: `${PLATFORM}#metrics`,
    4.6: `${PLATFORM}#business-events`,
    4.7: `${RUNBOOK}#monitors-what-they-mean-what-to-do`,
    5: `${RUNBOOK}#health-endpoints`,
    5.2: `${RUNBOOK}#admin-api`,
    6: `${UP}#timeouts-retries-and-breakers`,
    6.4: `${C}errors.md#upstream-failures`,
    6.5: `${RUNBOOK}#when-redis-is-down`,
    6.6: `${RUNBOOK}#shutdown-and-restarts`,
    6.7: `${PLATFORM}#load-limits`,
    7: `${RUNBOOK}#deploy`,
    7.2: `${RUNBOOK}#local-stack-docker-compose`,
    7.3: `${RUNBOOK}#scale-out`,
    7.4: 'README.md#environment-variables',
    8: `${PLATFORM}#hardening`,
    8.1: `${C}errors.md#envelope`,
    8.2: `${C}headers.md#request-bodies-and-limits`,
    8.3: `${C}headers.md#rate-limits`,
    8.4: `${C}headers.md#client-isolation`,
    8.5: `${C}webhooks.md#target-url-safety`,
    8.6: `${PLATFORM}#hardening`,
    9: `${PLATFORM}#assumptions-to-verify-before-go-live`,
  },
};

/** The numbered reconciliations that settled conflicts between the design documents. */
const RECONCILIATIONS = {
  1: `${C}errors.md#codes`,
  2: `${C}ids.md#itinerary-ids`,
  3: `${C}headers.md#request-bodies-and-limits`,
  4: `${C}endpoints.md#master-data`,
  5: `${PLATFORM}#validation`,
  6: UP,
  7: 'README.md',
};

/**
 * Which document a bare `§N` means: the first matching override (file, text of the line); else the document of
 * an explicit citation on the same line or up to NEARBY_LINES lines above; else the default of the directory.
 */
const NEARBY_LINES = 3;
const OVERRIDES = [
  [/checkout-schema\.types\.ts$/, '§6 Option.data', 'twelvego-api'],
  [/twelvego-client\.options\.ts$/, 'ops names of §6.1', 'operations'],
  [/booking-owner\.store\.ts$/, '(§2.4)', 'operations'],
  [/booking-status\.mapper\.ts$/, '"state temporarily unknown", §3.6', 'client-api'],
  [/contract-exception\.filter\.ts$/, 'the §5 envelope', 'client-api'],
];
const DEFAULT_DOC = [
  [/^(apps\/twelvego-sandbox|libs\/twelvego-client|test\/sandbox|test\/twelvego-client)\//, 'twelvego-api'],
  [/^apps\/connect-api\/src\/post-booking\/booking\.mapper\.ts$/, 'twelvego-api'],
  [/^apps\/connect-api\/src\/(booking\/schema|booking\/token|ids|booking-ids)\//, 'booking-schema'],
  [
    /^apps\/connect-api\/src\/(notifications|platform\/metrics|platform\/logging|platform\/events)\//,
    'operations',
  ],
  [/^(test\/notifications\/|test\/bench\/|docs\/benchmarks\.md$)/, 'operations'],
  [/./, 'client-api'],
];

const DOC = '(client-api|twelvego-api|booking-schema|operations)\\.md';
const NUM = '\\d+(?:\\.\\d+)*';
const SEC = `§\\s?${NUM}(?:\\s?[–-]\\s?§?\\s?${NUM})?`;
const DEC = 'D\\d{1,2}(?:\\s?[–-]\\s?D\\d{1,2})?';
const REF = `(?:${SEC}|${DEC})`;
const REFS = `${REF}(?:(?:\\s?(?:,|/|\\+|and)\\s?|\\s)${REF})*`;
/** Group 1: document; group 2: its refs; group 3: bare section refs; group 4: a reconciliation number. */
const CITATION = new RegExp(
  `(?<![\\w/.-])\`?${DOC}\`?(?:\\s(${REFS}))?|(?<!RFC \\d+ )(${SEC}(?:(?:\\s?(?:,|/|\\+|and)\\s?|\\s)${REF})*)|reconciliation (\\d)`,
  'g',
);

function lookup(doc, section) {
  const table = SECTIONS[doc];
  const parts = section.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (key in table) return table[key];
  }
  return table[''];
}

/** `3–5` → 3, 4, 5; `1.2–1.4` → 1.2, 1.3, 1.4; `4.10–4.12` likewise; anything else → both ends. */
function expandRange(from, to) {
  const a = from.split('.').map(Number);
  const b = to.split('.').map(Number);
  if (b.length === 1 && a.length > 1) b.unshift(...a.slice(0, a.length - 1));
  const head = a.slice(0, -1).join('.');
  if (a.length === b.length && head === b.slice(0, -1).join('.') && b.at(-1) >= a.at(-1)) {
    const out = [];
    for (let i = a.at(-1); i <= b.at(-1) && out.length < 30; i++) out.push(head ? `${head}.${i}` : String(i));
    return out;
  }
  return [from, b.join('.')];
}

function targetsOf(doc, refs) {
  const targets = [];
  const decisions = [];
  for (const m of refs.matchAll(new RegExp(REF, 'g'))) {
    const ref = m[0];
    if (ref.startsWith('D')) {
      decisions.push(ref.replace(/\s/g, ''));
      continue;
    }
    const [from, to] = ref.replace(/[§\s]/g, '').split(/[–-]/);
    for (const section of to ? expandRange(from, to) : [from]) targets.push(lookup(doc, section));
  }
  let unique = [...new Set(targets)];
  if (unique.length > 3) unique = [...new Set(unique.map((t) => t.split('#')[0]))];
  if (!unique.length && decisions.length) unique = [`${C}README.md`];
  if (!unique.length) unique = [SECTIONS[doc]['']];
  return unique.join(', ') + (decisions.length ? ` ${decisions.join(', ')}` : '');
}

function overrideDoc(rel, lineText) {
  const override = OVERRIDES.find(([file, snippet]) => file.test(rel) && lineText.includes(snippet));
  return override ? override[2] : null;
}

function defaultDoc(rel) {
  return DEFAULT_DOC.find(([re]) => re.test(rel))[1];
}

/** Rewrites one file's text; returns the new text and the list of `old → new` replacements. */
function repoint(rel, text) {
  let context = null;
  const changes = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lineText = (line) => text.slice(lineStarts[line - 1], lineStarts[line] ?? text.length);
  const inDocs = rel.startsWith('docs/');
  const out = text.replace(CITATION, (match, doc, docRefs, bareRefs, reconciliation, offset) => {
    const line = lineOf(offset);
    let replacement;
    if (reconciliation) {
      if (!RECONCILIATIONS[reconciliation]) return match;
      replacement = RECONCILIATIONS[reconciliation];
    } else if (doc) {
      // Inside docs/, a bare `operations.md` is the runbook next to it.
      if (inDocs && doc === 'operations' && !docRefs) return match;
      context = { doc, line };
      replacement = targetsOf(doc, docRefs ?? '');
      if (match.startsWith('`') && match.trimEnd().endsWith('`') && !docRefs)
        replacement = `\`${replacement}\``;
    } else {
      const near = context && line - context.line <= NEARBY_LINES ? context.doc : null;
      replacement = targetsOf(overrideDoc(rel, lineText(line)) ?? near ?? defaultDoc(rel), bareRefs);
    }
    changes.push(`${rel}:${line}: ${match} → ${replacement}`);
    return replacement;
  });
  // Two citations that now name the same place (`…#x, …#x`) are said once.
  const deduped = out.replace(DUPLICATE_TARGETS, (match, first) => {
    changes.push(`${rel}:${lineOf(text.indexOf(first))}: ${match} → ${first}`);
    return first;
  });
  return { text: deduped, changes };
}

const DUPLICATE_TARGETS = /((?:README\.md|docs\/[\w/.-]+\.md)(?:#[\w-]+)?)(?:, \1(?![\w#-]))+/g;

/** Tracked text files outside the verbatim fixture copies and this tooling. */
function defaultFiles() {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  return tracked.filter(
    (f) =>
      /^(apps|libs|test|scripts|docker|\.ci|config)\/|^README\.md$|^\.dockerignore$|^docs\/.+\.(md|json)$/.test(
        f,
      ) &&
      /\.(ts|js|mjs|cjs|json|md|ya?ml|sh|txt)$|^\.ci\/|Dockerfile|^\.dockerignore$/.test(f) &&
      !/^test\/fixtures\/[^/]+\//.test(f) &&
      !/(^|\/)node_modules\//.test(f) &&
      f !== 'scripts/repoint-spec-citations.js' &&
      f !== 'docs/platform.md' &&
      !f.startsWith('docs/contract/') &&
      f !== 'docs/upstream-12go.md' &&
      f !== 'test/unit/repo-stands-alone.spec.ts' &&
      fs.existsSync(path.join(ROOT, f)),
  );
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const files = args.filter((a) => a !== '--check');
  const targets = files.length ? files.map((f) => path.relative(ROOT, path.resolve(f))) : defaultFiles();
  const all = [];
  for (const rel of targets) {
    const abs = path.join(ROOT, rel);
    const before = fs.readFileSync(abs, 'utf8');
    const { text, changes } = repoint(rel, before);
    if (!changes.length) continue;
    all.push(...changes);
    if (!check) fs.writeFileSync(abs, text);
  }
  for (const c of all) console.log(c);
  console.log(`${all.length} citation(s) ${check ? 'to re-point' : 're-pointed'}`);
  if (check && all.length) process.exitCode = 1;
}

module.exports = { repoint, SECTIONS, RECONCILIATIONS };

if (require.main === module) main();

'use strict';
/**
 * The layers of apps/connect-api/src (docs/architecture.md#layers-and-what-each-may-import) as an ESLint
 * config: eslint-plugin-boundaries classifies every file by its folder and reports an import that runs
 * sideways (feature → feature) or up. Used by eslint.config.mjs and by test/unit/layer-boundaries.spec.ts.
 */
const boundaries = require('eslint-plugin-boundaries');
const tseslint = require('typescript-eslint');

const SRC = 'apps/connect-api/src';
const FEATURES = ['search', 'booking', 'post-booking', 'static-data', 'notifications', 'migration'];
const SHARED_SERVICES = ['booking-ids', 'booking-owner', 'seat-class-images'];

/** Element types, lowest last; each may import the types listed. Imports inside one element (a feature's own folder) are always allowed. */
const MAY_IMPORT = {
  root: ['feature', 'openapi', 'contract', 'shared-service', 'ids', 'pricing', 'platform'],
  feature: ['contract', 'shared-service', 'ids', 'pricing', 'platform'],
  openapi: ['platform'],
  contract: ['ids', 'pricing', 'platform'],
  'shared-service': ['ids', 'pricing', 'platform'],
  ids: ['platform'],
  pricing: [],
  platform: [],
};

const elements = [
  { type: 'feature', pattern: `${SRC}/(${FEATURES.join('|')})`, capture: ['name'] },
  { type: 'shared-service', pattern: `${SRC}/(${SHARED_SERVICES.join('|')})`, capture: ['name'] },
  { type: 'contract', pattern: `${SRC}/contract` },
  { type: 'openapi', pattern: `${SRC}/openapi` },
  { type: 'ids', pattern: `${SRC}/ids` },
  { type: 'pricing', pattern: `${SRC}/pricing` },
  { type: 'platform', pattern: `${SRC}/platform` },
  // Last: whatever is left — main.ts, create-connect-app.ts, app.module.ts, bootstrap.ts, the OpenAPI builder, cli/.
  { type: 'root', pattern: SRC },
];

module.exports = {
  files: [`${SRC}/**/*.ts`],
  languageOptions: { parser: tseslint.parser },
  // typescript-eslint's plugin only so that its rules named in eslint-disable comments are known.
  plugins: { boundaries, '@typescript-eslint': tseslint.plugin },
  settings: {
    'boundaries/elements': elements,
    'boundaries/include': [`${SRC}/**/*.ts`],
    'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: Object.entries(MAY_IMPORT).map(([from, to]) => ({
          from: { element: { type: from } },
          allow: { to: { element: { types: { anyOf: to } } } },
        })),
      },
    ],
  },
};

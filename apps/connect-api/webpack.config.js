'use strict';
const path = require('node:path');

/**
 * Nest's default webpack config for connect-api plus the operator CLIs as extra entry points, so
 * `npm run build` emits dist/apps/connect-api/{main,cli/keygen,cli/verify-clients}.js and the
 * `keygen` / `verify-clients` npm scripts run plain Node on the built files (no dev dependency needed).
 */
module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'cli/keygen': path.join(__dirname, 'src/cli/keygen.ts'),
    'cli/verify-clients': path.join(__dirname, 'src/cli/verify-clients.ts'),
    'cli/replay': path.join(__dirname, 'src/cli/replay.ts'),
    // The shadow comparison's worker thread (loaded by file name at run time).
    'migration/compare.worker': path.join(__dirname, 'src/migration/shadow/compare.worker.ts'),
  },
  // The default filename is `<project root>/main.js` under dist/; keep that folder for every entry.
  output: { ...options.output, filename: path.join(path.dirname(options.output.filename), '[name].js') },
});

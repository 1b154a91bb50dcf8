/**
 * V8 code cache for the modules loaded at start-up (Node ≥ 22.1 `module.enableCompileCache`): a restart of the
 * same build skips recompiling Nest, dd-trace, BullMQ and the rest (≈ 40 % of a cold start in the bench,
 * docs/benchmarks.md P5). Directory: `NODE_COMPILE_CACHE`, else `<tmpdir>/node-compile-cache`; Node's own
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off. No-op on Node versions without the API. Imports nothing else.
 */
import * as nodeModule from 'node:module';

const enable = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
try {
  enable?.(process.env.NODE_COMPILE_CACHE || undefined);
} catch {
  // an unwritable cache directory only costs start-up time
}

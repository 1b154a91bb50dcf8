/* global setTimeout, clearTimeout */
'use strict';
/**
 * The step runner the test scripts share: each step is one child process with inherited output, a
 * `▶ label` line before and a `✔/✖ label (seconds)` line after, an optional time limit (SIGTERM, then
 * SIGKILL 5 s later), and `stopAll()`/`stopper()` to end whatever still runs when the script stops.
 */
const { spawn } = require('node:child_process');

/** @param {string} cwd the directory every step runs in */
function createStepRunner(cwd) {
  const running = new Set();

  /** Resolves true when the child exits 0, false otherwise (never rejects). */
  function run(label, command, args, { env = process.env, timeoutMs } = {}) {
    return new Promise((resolve) => {
      console.log(`\n▶ ${label}`);
      const started = Date.now();
      const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
      running.add(child);
      const timer = timeoutMs
        ? setTimeout(() => {
            console.error(
              `✖ ${label}: still running after ${Math.round(timeoutMs / 1000)} s (open handles?), stopping it`,
            );
            child.kill('SIGTERM');
            setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
          }, timeoutMs)
        : undefined;
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        running.delete(child);
        const ok = code === 0;
        console.log(
          `${ok ? '✔' : '✖'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s${ok ? '' : `, exit ${signal ?? code}`})`,
        );
        resolve(ok);
      });
    });
  }

  function stopAll() {
    for (const child of running) child.kill('SIGTERM');
  }

  /**
   * `stop(code)`: ends the running steps, awaits `cleanup` (e.g. stopping a private Redis), exits with
   * `code`. Also installed for SIGINT (130) and SIGTERM (143).
   */
  function stopper(cleanup) {
    const stop = async (code) => {
      stopAll();
      await cleanup();
      process.exit(code);
    };
    process.on('SIGINT', () => void stop(130));
    process.on('SIGTERM', () => void stop(143));
    return stop;
  }

  return { run, stopAll, stopper };
}

module.exports = { createStepRunner };

/* global Buffer, setInterval, clearInterval */
'use strict';
/** Load and latency measurement helpers of `npm run bench`. */
const fs = require('node:fs');
const http = require('node:http');
const zlib = require('node:zlib');
const autocannon = require('autocannon');

/** One autocannon run; returns the figures the report uses. */
function load(url, { connections = 16, duration = 10, headers = {}, overallRate } = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration, headers, pipelining: 1, ...(overallRate ? { overallRate } : {}) },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          rps: r.requests.average,
          requests: r.requests.total,
          latencyP50: r.latency.p50,
          latencyP99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          statusCodes: r.statusCodeStats,
        });
      },
    );
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One keep-alive HTTP request; resolves with { status, body, ms } (sub-millisecond resolution). */
function request(url, { method = 'GET', headers = {}, body, gzip = false } = {}) {
  if (gzip) headers = { ...headers, 'accept-encoding': 'gzip' };
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let raw = Buffer.concat(chunks);
        // Decompressing is part of a client's cost, as in the 12go client.
        if (res.headers['content-encoding'] === 'gzip') raw = zlib.gunzipSync(raw);
        resolve({
          status: res.statusCode,
          body: raw.toString(),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

/** Runs `fn` (returning a duration in ms) sequentially `n` times on one connection; p50/p99. */
async function sequential(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await fn(i));
  return {
    n,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / n,
  };
}

/**
 * Interleaves the samples of two targets (A, B, A, B, …) so that machine noise hits both alike.
 * Returns the percentiles of each.
 */
async function interleaved(n, fnA, fnB) {
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    a.push(await fnA(i));
    b.push(await fnB(i));
  }
  const stats = (s) => ({
    n: s.length,
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    mean: s.reduce((x, y) => x + y, 0) / s.length,
  });
  return [stats(a), stats(b)];
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return NaN;
  }
}

/** Resident set size (bytes) of a process right now, from /proc (Linux). */
function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every `everyMs` until the returned `stop()`; `stop()` gives the peak (bytes). */
function rssSampler(pid, everyMs = 200) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    const now = rssBytes(pid);
    if (now > peak || Number.isNaN(peak)) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = rssBytes(pid);
      return Math.max(peak, Number.isNaN(now) ? 0 : now);
    },
  };
}

module.exports = { cpuMs, rssBytes, rssSampler, load, request, percentile, sequential, interleaved };

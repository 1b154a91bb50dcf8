import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareAnswers, type Comparison, type EndpointKind, type HttpAnswer } from '../compare';
import type { CompareRequest } from './compare.worker';

/** The worker script: next to this file from source (tests), under migration/ in the production bundle. */
function workerFile(): string | undefined {
  const candidates = [
    join(__dirname, 'compare.worker.js'),
    join(__dirname, 'migration', 'compare.worker.js'),
    join(__dirname, 'compare.worker.ts'),
  ];
  return candidates.find((f) => existsSync(f));
}

type Pending = { resolve: (c: Comparison) => void; reject: (e: Error) => void };

/**
 * Runs comparisons in one worker thread so parsing and walking two answers never holds up partner requests
 * on the main loop; compares in-process when no worker can run (then the cost is on the loop again).
 */
export class CompareWorkerClient {
  private worker?: Worker;
  /** Set by the first `start()`. */
  started = false;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private markReady!: () => void;
  /** Resolves once the worker listens (or at once when comparisons run on the main thread). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly onProblem: (message: string) => void) {}

  /** Starts the worker once; later calls (and calls after `stop()`) do nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const file = workerFile();
    if (!file) {
      this.markReady();
      return this.onProblem('compare worker script not found; comparing on the main thread');
    }
    try {
      const worker = new Worker(file, { execArgv: file.endsWith('.ts') ? ['-r', '@swc-node/register'] : [] });
      worker.unref();
      worker.on('message', (m: { id: number; ready?: boolean; result?: Comparison; error?: string }) => {
        if (m.ready) return this.markReady();
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.result) p?.resolve(m.result);
        else p?.reject(new Error(m.error ?? 'compare failed'));
      });
      worker.on('error', (e) => this.failAll(`compare worker failed: ${e.message}`));
      worker.on('exit', () => this.failAll('compare worker exited'));
      this.worker = worker;
    } catch (e) {
      this.markReady();
      this.onProblem(`compare worker did not start (${(e as Error).message}); comparing on the main thread`);
    }
  }

  compare(baseline: HttpAnswer, candidate: HttpAnswer, endpoint: EndpointKind): Promise<Comparison> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(compareAnswers(baseline, candidate, endpoint));
    const id = ++this.seq;
    return new Promise<Comparison>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, baseline, candidate, endpoint } satisfies CompareRequest);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll('stopping');
    await worker?.terminate();
  }

  private failAll(reason: string): void {
    this.markReady();
    if (this.worker && reason !== 'stopping') {
      this.onProblem(reason);
      this.worker = undefined;
    }
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }
}

import { PassThrough, Readable, Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { copyAnswer, type ByteBudget } from './answer-copy';

function budgetOf(limit: number): ByteBudget & { held: number } {
  return {
    held: 0,
    take(bytes) {
      if (this.held + bytes > limit) return false;
      this.held += bytes;
      return true;
    },
    give(bytes) {
      this.held -= bytes;
    },
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.pipe(
      new Writable({
        write(chunk: Buffer, _e, next) {
          chunks.push(chunk);
          next();
        },
        final(done) {
          resolve();
          done();
        },
      }),
    );
    stream.on('error', reject);
  });
  return Buffer.concat(chunks);
}

const parts = [Buffer.from('{"a":'), Buffer.from('1,"b":'), Buffer.from('2}')];

describe('copyAnswer', () => {
  it('loses no byte when the partner’s side starts reading a few ticks after the source had data', async () => {
    const source = new PassThrough();
    for (const p of parts) source.write(p);
    source.end();
    const budget = budgetOf(1000);
    const copy = copyAnswer(source, 1000, budget);
    await tick();
    await tick();
    const sent = await readAll(copy.stream);
    expect(sent.toString()).toBe('{"a":1,"b":2}');
    expect(copy.outcome()).toEqual({ kind: 'copied', body: Buffer.from('{"a":1,"b":2}') });
    expect(budget.held).toBe(13);
    // the copy is the caller's now (the shadow job gives its bytes back): a late discard gives nothing twice
    copy.discard();
    expect(budget.held).toBe(13);
  });

  it('discard before the copy is taken gives its bytes back once', async () => {
    const budget = budgetOf(1000);
    const copy = copyAnswer(Readable.from(parts), 1000, budget);
    await readAll(copy.stream);
    expect(budget.held).toBe(13);
    copy.discard();
    copy.discard();
    expect(budget.held).toBe(0);
  });

  it('stops copying (and gives its bytes back) past the per-answer limit; the partner still gets everything', async () => {
    const budget = budgetOf(1000);
    const copy = copyAnswer(Readable.from(parts), 8, budget);
    expect((await readAll(copy.stream)).toString()).toBe('{"a":1,"b":2}');
    expect(copy.outcome()).toEqual({ kind: 'too_large' });
    expect(budget.held).toBe(0);
  });

  it('stops copying when the shared byte budget is spent', async () => {
    const budget = budgetOf(20);
    budget.take(10);
    const copy = copyAnswer(Readable.from(parts), 1000, budget);
    expect((await readAll(copy.stream)).toString()).toBe('{"a":1,"b":2}');
    expect(copy.outcome()).toEqual({ kind: 'over_budget' });
    expect(budget.held).toBe(10);
  });

  it('a source that fails gives its bytes back and reports the failure', async () => {
    const budget = budgetOf(1000);
    const source = new PassThrough();
    const copy = copyAnswer(source, 1000, budget);
    copy.stream.resume();
    source.write(parts[0]);
    await tick();
    source.destroy(new Error('legacy went away'));
    await tick();
    expect(copy.outcome()).toEqual({ kind: 'failed' });
    expect(budget.held).toBe(0);
  });
});

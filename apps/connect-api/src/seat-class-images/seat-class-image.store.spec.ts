import type { RedisService } from '../platform/redis/redis.service';
import { SeatClassImageStore } from './seat-class-image.store';

const IMAGE = {
  url: 'https://cdn5.12go.asia/static/images/operator/16779/class/12-inside.jpeg',
  width: 1200,
  height: 800,
  type: 'TYPE_CLASS_INSIDE' as const,
};

/** A RedisService stand-in holding one string key; `down` makes reads fail like an unreachable Redis. */
function fakeRedis() {
  const data = new Map<string, string>();
  const state = { down: false, reads: 0 };
  const client = {
    set: async (key: string, value: string) => void data.set(key, value),
    get: async (key: string) => data.get(key) ?? null,
  };
  const redis = {
    keyPrefix: 't:',
    client,
    run: async <T>(_op: string, command: (c: typeof client) => Promise<T>): Promise<T> => {
      state.reads++;
      if (state.down) throw new Error('Redis unavailable');
      return command(client);
    },
  };
  return { redis: redis as unknown as RedisService, data, state };
}

describe('SeatClassImageStore', () => {
  it('writes the index under the static-data hash tag and reads it back on another instance', async () => {
    const { redis, data } = fakeRedis();
    await new SeatClassImageStore(redis).save({ '16779:12': [IMAGE] }, 600);
    expect([...data.keys()]).toEqual(['t:{static}:class-images']);
    expect(await new SeatClassImageStore(redis).current()).toEqual({ '16779:12': [IMAGE] });
  });

  it('reads Redis at most once per 30 s per instance', async () => {
    const { redis, state } = fakeRedis();
    const store = new SeatClassImageStore(redis);
    await store.current(1_000);
    await store.current(20_000);
    expect(state.reads).toBe(1);
    await store.current(31_001);
    expect(state.reads).toBe(2);
  });

  it('an empty index when nothing is stored; the last index read while Redis fails', async () => {
    const { redis, state, data } = fakeRedis();
    const store = new SeatClassImageStore(redis);
    expect(await store.current(0)).toEqual({});
    data.set('t:{static}:class-images', JSON.stringify({ '16779:12': [IMAGE] }));
    expect(await store.current(40_000)).toEqual({ '16779:12': [IMAGE] });
    state.down = true;
    expect(await store.current(80_000)).toEqual({ '16779:12': [IMAGE] });
    expect(await new SeatClassImageStore(redis).current(0)).toEqual({});
  });
});

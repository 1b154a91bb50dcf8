import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../platform/config/app-config';
import { RedisService } from '../../platform/redis/redis.service';
import { redisKeys } from '../../platform/redis/redis-keys';
import type { Comparison } from '../compare';
import { SHADOW_RECORD_LUA } from './shadow-report.lua';
import {
  hourBucket,
  hourBuckets,
  mergeShadowBuckets,
  pathMember,
  type ShadowBucket,
  type ShadowEndpointReport,
} from './shadow-report.view';

/** Distinct differing paths kept per client and hour (the most frequent ones). */
export const SHADOW_MAX_PATHS = 200;
/** Paths listed per endpoint in the report. */
export const SHADOW_REPORT_TOP = 20;

type WithShadowCommand = Redis & {
  tcShadowRecord(k1: string, k2: string, k3: string, ...argv: Array<string | number>): Promise<number>;
};

/**
 * The shadow report's aggregates: per client and UTC hour, one hash tag (`{shadow:<client>:<hour>}`) for
 * the three keys (answer counts, path counts, one example per path), bounded to SHADOW_MAX_PATHS paths and
 * expiring after SHADOW_REPORT_TTL_S.
 */
@Injectable()
export class ShadowReportStore {
  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {
    redis.client.defineCommand('tcShadowRecord', { numberOfKeys: 3, lua: SHADOW_RECORD_LUA });
  }

  private keys(clientId: string, bucket: string): [string, string, string] {
    const key = (part: 'counts' | 'paths' | 'examples') =>
      redisKeys.shadowReport(this.redis.keyPrefix, clientId, bucket, part);
    return [key('counts'), key('paths'), key('examples')];
  }

  async record(clientId: string, endpoint: string, comparison: Comparison, at = new Date()): Promise<void> {
    const argv: Array<string | number> = [
      this.config.SHADOW_REPORT_TTL_S,
      SHADOW_MAX_PATHS,
      endpoint,
      comparison.total > 0 ? 1 : 0,
    ];
    for (const d of comparison.differences)
      argv.push(
        pathMember(endpoint, d.kind, d.path),
        d.count,
        JSON.stringify({ baseline: d.baseline, candidate: d.candidate }),
      );
    await this.redis.run('shadow.record', (client) =>
      (client as WithShadowCommand).tcShadowRecord(...this.keys(clientId, hourBucket(at)), ...argv),
    );
  }

  async report(clientId: string, since: Date, until = new Date()): Promise<ShadowEndpointReport[]> {
    const maxHours = Math.ceil(this.config.SHADOW_REPORT_TTL_S / 3600) + 1;
    const buckets = hourBuckets(since, until, maxHours);
    const read = await this.redis.run('shadow.report', (client) =>
      Promise.all(
        buckets.map(async (bucket): Promise<ShadowBucket> => {
          const [counts, paths, examples] = this.keys(clientId, bucket);
          const [c, p, e] = await Promise.all([
            client.hgetall(counts),
            client.zrevrange(paths, 0, -1, 'WITHSCORES'),
            client.hgetall(examples),
          ]);
          const pairs: Array<[string, number]> = [];
          for (let i = 0; i + 1 < p.length; i += 2) pairs.push([p[i], Number(p[i + 1])]);
          return { counts: c, paths: pairs, examples: e };
        }),
      ),
    );
    return mergeShadowBuckets(read, SHADOW_REPORT_TOP);
  }
}

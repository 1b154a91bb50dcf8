import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  TwelveGoClient,
  TwelveGoError,
  type TwelveGoCallContext,
  type TwelveGoSearchResponse,
} from '@app/twelvego-client';
import { IdMapping } from '../ids/id-mapping';
import { SeatClassImageStore } from '../seat-class-images/seat-class-image.store';
import { seatClassImagesOf } from '../seat-class-images/seat-class-images';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { AppConfig } from '../platform/config/app-config';
import { UpstreamErrors } from '../platform/errors/twelvego-error.mapper';
import type { UpstreamErrorTable } from '../platform/errors/upstream-error-table';
import { callContextFor } from '../platform/twelvego/call-context';
import { MetricsService } from '../platform/metrics/metrics.service';
import { RateLimitStep } from '../platform/rate-limit/rate-limit.step';
import { mapWithConcurrency } from '../platform/concurrency/bounded-concurrency';
import type { SearchResponse } from '../contract/itinerary/search-response';
import type { SearchPlace, SearchQuery } from './dto/search-query.parser';
import { mapSearchResponses } from '../contract/itinerary/search.mapper';
import { searchSettingsFrom, type SearchSettings } from './search.settings';
import { recordBusinessEvent } from '../platform/events/record-business-event';

export interface SearchOutcome {
  /** 200 complete; 206 partial (rechecks pending, or a place pair failed while others answered). */
  status: 200 | 206;
  body: SearchResponse;
  /** `RateLimit-*` after the per-search charge, when one was taken. */
  rateLimitHeaders?: Record<string, string>;
}

/** One 12go search: `{n}s`/`{n}p` place ids. */
interface UpstreamPair {
  from: string;
  to: string;
}

type PairState = { ok: true; response: TwelveGoSearchResponse } | { ok: false; error: unknown };

/** Every pair failed: 12go's 404 reads as `itinerary_not_found`, everything else keeps the defaults. */
export const SEARCH_UPSTREAM_ERRORS: UpstreamErrorTable = { notFound: 'itinerary_not_found' };

/**
 * Search orchestration (docs/contract/endpoints.md#search, docs/upstream-12go.md#search, docs/upstream-12go.md#recheck): one 12go search per distinct place
 * pair, concurrently with a bound; a failing pair does not sink the others unless all fail; recheck URLs
 * are triggered and, within the partner's `timeout`, the incomplete pairs are queried again.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);
  private readonly settings: SearchSettings;

  constructor(
    private readonly twelveGo: TwelveGoClient,
    private readonly ids: IdMapping,
    config: AppConfig,
    @Optional() private readonly rateLimit?: RateLimitStep,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() private readonly classImages?: SeatClassImageStore,
  ) {
    this.settings = searchSettingsFrom(config);
  }

  @UpstreamErrors(SEARCH_UPSTREAM_ERRORS)
  async search(client: ClientSnapshot, query: SearchQuery): Promise<SearchOutcome> {
    const startedAt = Date.now();
    const searchTime = new Date(startedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pairs = this.upstreamPairs(client, query);
    this.metrics?.distribution('search.pairs', pairs.length, { client_id: client.clientId });
    // One rate-limit token per 12go search: the request itself paid for the first.
    const rateLimitHeaders =
      pairs.length > 1 ? await this.rateLimit?.charge(client, pairs.length - 1, false) : undefined;
    const ctx = callContextFor(client, { lang: query.locale });

    const states = await mapWithConcurrency(pairs, this.settings.pairConcurrency, (pair) =>
      this.searchPair(ctx, pair, query),
    );
    const initialFailures = states.filter((s) => !s.ok);
    if (pairs.length > 0 && initialFailures.length === pairs.length)
      throw (initialFailures[0] as { error: unknown }).error;

    const waitS = Math.min(query.timeoutS, this.settings.recheckMaxWaitS);
    await this.completePendingPairs(ctx, pairs, states, query, startedAt + waitS * 1000);

    const responses = states
      .filter((s): s is { ok: true; response: TwelveGoSearchResponse } => s.ok)
      .map((s) => s.response);
    const imageIndex = (await this.classImages?.current()) ?? {};
    const body = mapSearchResponses(responses, {
      pax: query.pax,
      itineraryIdFormat: client.itineraryIdFormat ?? 'native',
      contractCode: client.contractCode || '12go',
      searchTime,
      markup: client.markup ?? null,
      clientStationId: (id) => this.ids.toClientStation(id, client.idScheme),
      clientOperatorId: (id) => this.ids.toClientOperator(id, client.idScheme),
      seatClassImages: (operatorId, classId) => seatClassImagesOf(imageIndex, operatorId, classId),
    });
    // Incomplete: a recheck still pending, or a pair that never answered.
    const partial = states.some((s) => !s.ok || hasRecheck(s.response));
    this.logCompleted(query, pairs.length, states, body, partial, startedAt);
    return { status: partial ? 206 : 200, body, rateLimitHeaders };
  }

  /** Business event `search.completed` (docs/platform.md#business-events). */
  private logCompleted(
    query: SearchQuery,
    pairCount: number,
    states: PairState[],
    body: SearchResponse,
    partial: boolean,
    startedAt: number,
  ): void {
    recordBusinessEvent('search.completed', {
      departures: query.departurePoi !== undefined ? [query.departurePoi] : query.departures,
      arrivals: query.arrivalPoi !== undefined ? [query.arrivalPoi] : query.arrivals,
      date: query.departureDate,
      pax: query.pax,
      pairs: pairCount,
      failed_pairs: states.filter((s) => !s.ok).length,
      result_count: body.itineraries.length,
      partial,
      recheck_count: states.reduce((n, s) => n + (s.ok ? (s.response.recheck?.length ?? 0) : 0), 0),
      currency: body.itineraries[0]?.pricing.net_price.currency ?? query.currency ?? null,
      upstream_ms: Date.now() - startedAt,
    });
  }

  /** Client places → distinct 12go place pairs; unknown ids (no mapping) simply yield no results. */
  private upstreamPairs(client: ClientSnapshot, query: SearchQuery): UpstreamPair[] {
    const seen = new Set<string>();
    const pairs: UpstreamPair[] = [];
    for (const pair of query.pairs) {
      const from = this.placeId(pair.from, client);
      const to = this.placeId(pair.to, client);
      if (!from || !to || from === to) continue;
      const key = `${from}/${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ from, to });
    }
    return pairs;
  }

  private placeId(place: SearchPlace, client: ClientSnapshot): string | null {
    if (place.kind === 'station') {
      const station = this.ids.toTwelveGoStation(place.id, client.idScheme);
      return station ? `${station.stationId}s` : null;
    }
    const province = this.ids.toTwelveGoProvince(place.id, client.idScheme);
    return province !== null ? `${province}p` : null;
  }

  private async searchPair(
    ctx: TwelveGoCallContext,
    pair: UpstreamPair,
    query: SearchQuery,
  ): Promise<PairState> {
    try {
      const response = await this.twelveGo.search(ctx, {
        from: pair.from,
        to: pair.to,
        date: query.departureDate,
        seats: query.pax,
      });
      return { ok: true, response };
    } catch (error) {
      if (isNoResultsRejection(error)) return { ok: true, response: EMPTY_RESPONSE };
      this.logger.warn({
        msg: 'search pair failed',
        from: pair.from,
        to: pair.to,
        kind: (error as TwelveGoError).kind,
        status: (error as TwelveGoError).status,
      });
      return { ok: false, error };
    }
  }

  /**
   * Triggers every recheck URL, then re-queries the incomplete pairs (recheck pending or failed) every poll
   * interval until they are complete or the deadline passes. A failed re-query keeps the earlier answer.
   */
  private async completePendingPairs(
    ctx: TwelveGoCallContext,
    pairs: UpstreamPair[],
    states: PairState[],
    query: SearchQuery,
    deadline: number,
  ): Promise<void> {
    // Incomplete = recheck pending, or the pair failed (it gets another chance within the timeout).
    const pendingIndexes = () => states.flatMap((s, i) => (!s.ok || hasRecheck(s.response) ? [i] : []));
    let pending = pendingIndexes();
    if (pending.length === 0) return;
    for (const i of pending) this.triggerRechecks(states[i]);
    while (pending.length > 0 && Date.now() + this.settings.recheckPollMs < deadline) {
      await sleep(this.settings.recheckPollMs);
      const pollCtx = { ...ctx, deadlineAt: deadline };
      const polling = mapWithConcurrency(pending, this.settings.pairConcurrency, (i) =>
        this.searchPair(pollCtx, pairs[i], query),
      );
      // A re-query still running at the deadline is abandoned (searchPair never rejects); earlier answers stand.
      const again = await beforeDeadline(polling, deadline);
      if (!again) break;
      again.forEach((state, k) => {
        if (state.ok) states[pending[k]] = state;
      });
      pending = pendingIndexes();
      for (const i of pending) this.triggerRechecks(states[i]);
    }
  }

  private triggerRechecks(state: PairState): void {
    if (!state.ok) return;
    for (const url of state.response.recheck ?? []) this.twelveGo.triggerRecheck(url);
  }
}

const EMPTY_RESPONSE: TwelveGoSearchResponse = {
  trips: [],
  operators: [],
  stations: [],
  classes: [],
  recheck: [],
};

function hasRecheck(response: TwelveGoSearchResponse): boolean {
  return Array.isArray(response.recheck) && response.recheck.length > 0;
}

/**
 * 12go rejects a search only for request problems the partner contract treats as "no results": a date it
 * considers past (partners a day ahead of UTC are allowed yesterday) or more seats than it sells at once.
 */
function isNoResultsRejection(error: unknown): boolean {
  if (!(error instanceof TwelveGoError) || error.kind !== 'validation') return false;
  const fields = Object.keys(error.fields ?? {});
  return fields.length > 0 && fields.every((f) => f === 'date' || f === 'seats');
}

/** The promise's value if it settles before `deadline` (epoch ms), else null. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

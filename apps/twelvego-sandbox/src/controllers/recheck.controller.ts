import { Controller, Get, Query } from '@nestjs/common';
import type { TwelveGoSearchResponse } from '@app/twelvego-client';
import { parseDate } from '../core/local-time';
import { Query as Q, queryString } from '../http/params';
import { UpstreamError, fieldErrors } from '../http/upstream-error';
import { RecheckService } from '../trips/recheck.service';
import { TripCatalogService } from '../trips/trip-catalog.service';

/** docs/upstream-12go.md#recheck, docs/upstream-12go.md#recheck-simulation — GET /searchr (the recheck URL). No `k` required. */
@Controller()
export class RecheckController {
  constructor(
    private readonly rechecks: RecheckService,
    private readonly catalog: TripCatalogService,
  ) {}

  @Get('searchr')
  async recheck(@Query() query: Q): Promise<TwelveGoSearchResponse | string[]> {
    const int = (name: string) => {
      const v = queryString(query, name);
      return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : null;
    };
    const [f, t, s, i] = [int('f'), int('t'), int('s'), int('i')];
    const d = queryString(query, 'd') ?? '';
    const sig = queryString(query, 'sig') ?? '';
    const errors: Record<string, string> = {};
    for (const [name, value] of Object.entries({ f, t, s, i }))
      if (value === null) errors[name] = 'Required integer';
    if (parseDate(d) === null) errors.d = 'Required date';
    if (f === null || t === null || s === null || i === null || Object.keys(errors).length)
      throw fieldErrors(400, errors, 'Invalid recheck parameters');
    if (sig !== this.catalog.recheckSignature(f, t, d, s, i))
      throw new UpstreamError(403, { messages: ['Invalid signature'] });
    await this.rechecks.check(i, f, t, d);
    if (queryString(query, 'out') === 'keys') return this.rechecks.groupTripKeys(i, f, t);
    return this.catalog.search({
      from: { id: f, kind: 's' },
      to: { id: t, kind: 's' },
      date: d,
      seats: s,
      direct: false,
      currency: 'THB',
      sellerId: i,
    }).response;
  }
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { parseSearchQuery, type SearchQuery } from './search-query.parser';

/** Binds the raw query string of Search to a validated SearchQuery (400 `validation_error`, all problems at once). */
@Injectable()
export class SearchQueryPipe implements PipeTransform<Record<string, unknown>, SearchQuery> {
  constructor(private readonly config: AppConfig) {}

  transform(raw: Record<string, unknown>): SearchQuery {
    const result = parseSearchQuery(raw ?? {}, {
      now: new Date(),
      supportedCurrencies: this.config.supportedCurrencies,
      maxPairs: this.config.SEARCH_MAX_PAIRS,
    });
    if (!result.ok)
      throw new ContractError('validation_error', 'The request is invalid.', { details: result.details });
    return result.query;
  }
}

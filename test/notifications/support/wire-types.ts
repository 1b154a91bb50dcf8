import type { DeadLetterView } from '../../../apps/connect-api/src/notifications/admin/dead-letter.view';
import type { PartnerBookingEvent } from '../../../apps/connect-api/src/notifications/queueing/partner-event.mapper';

/** Shapes the tests read from the wire. */
export type EventJson = PartnerBookingEvent;
export interface ErrorJson {
  error: { code: string; message: string };
  correlation_id: string;
  request_id: string;
}
export type DeadLetterJson = DeadLetterView;
export interface JobJson {
  queue: string;
  state: string;
  history: Array<Record<string, unknown>>;
  data: Record<string, unknown>;
}
export interface StatsJson {
  [queue: string]: {
    counts: Record<string, number>;
    oldest_waiting_s: number;
    dead_letters: Record<string, Record<string, number>>;
  };
}
/** One client entry of the clients file as tests mutate it. */
export interface ClientEntryJson {
  client_id: string;
  webhook?: {
    url: string;
    secrets?: string[];
    allow_private_target?: boolean;
    enabled?: boolean;
    event_types?: string[];
  };
  [key: string]: unknown;
}

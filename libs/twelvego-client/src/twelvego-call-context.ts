/** Per-call context: whose 12go key to use and what to forward for tracing. */
export interface TwelveGoCallContext {
  /** The 12go key, sent as the `k` query parameter; never logged, traced or put in an error. */
  apiKey: string;
  /** Forwarded as `x-correlation-id`. */
  correlationId?: string;
  /** Forwarded as `X-Request-Id`. */
  requestId?: string;
  /** Language of texts (`lang` query parameter where 12go documents it). */
  lang?: string;
  /** For logs and span tags (`tc.client_id`). */
  clientId?: string;
  /** Epoch ms by which the partner request must be answered; no retry starts if it would overrun it. */
  deadlineAt?: number;
}

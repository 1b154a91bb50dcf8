import type { BodyFault, FaultAction } from './fault-action';

/** Per-request fault state shared by the Fastify hooks and the controllers. */
export interface RequestFaultState {
  action: FaultAction | null;
  /** The fault already produced the answer (status without execute). */
  answered: boolean;
  /** Body corruption forced by a scenario (MALFRM). */
  forcedBody: BodyFault | null;
}

const KEY = Symbol('sandboxFault');

export function faultState(req: object): RequestFaultState {
  const holder = req as { [KEY]?: RequestFaultState };
  if (!holder[KEY]) holder[KEY] = { action: null, answered: false, forcedBody: null };
  return holder[KEY];
}

export function markForcedBody(req: object, kind: BodyFault): void {
  faultState(req).forcedBody = kind;
}

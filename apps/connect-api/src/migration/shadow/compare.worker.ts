import { parentPort } from 'node:worker_threads';
import { compareAnswers } from '../compare/compare-answers';
import type { EndpointKind } from '../compare/endpoint-profiles';
import type { HttpAnswer } from '../compare/compare-answers';

/** The comparison engine off the request loop: one message in (two answers), one message out. */
export interface CompareRequest {
  id: number;
  baseline: HttpAnswer;
  candidate: HttpAnswer;
  endpoint: EndpointKind;
}

/** Structured clone turns Buffers into Uint8Arrays. */
function revived(answer: HttpAnswer): HttpAnswer {
  const body = answer.body as unknown;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return answer;
  const bytes = body as Uint8Array;
  return { ...answer, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

parentPort?.postMessage({ ready: true });
parentPort?.on('message', (m: CompareRequest) => {
  try {
    const result = compareAnswers(revived(m.baseline), revived(m.candidate), m.endpoint);
    parentPort!.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import type { TestStack } from '../support/stack';
import { openApiErrors, searchResponseProblems } from '../contract/search-contract';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** The sandbox's "today" is the calendar date in UTC+7 (docs/upstream-12go.md#clock-and-determinism); `days` later. */
export function sandboxDate(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function getSearch(
  stack: TestStack,
  query: string,
  init: { key?: string; clientId?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const res = await fetch(`${stack.bffUrl}/v1/${init.clientId ?? 'demo'}/itineraries?${query}`, {
    headers: { 'x-api-key': init.key ?? stack.demoKey, ...init.headers },
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Common response headers (docs/contract/headers.md#response-headers). */
export function expectCommonHeaders(res: HttpResult, correlationId?: string): void {
  expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
  expect(res.headers.get('travelier-version')).toBe('2023-07-01');
  const correlation = res.headers.get('x-correlation-id');
  if (correlationId) expect(correlation).toBe(correlationId);
  else expect(correlation).toMatch(/^[A-Za-z0-9\-=]{1,100}$/);
  expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9\-=]{1,100}$/);
}

/**
 * The contract check every received Search response goes through: status 200/206, headers, OpenAPI schema,
 * the real responses' structure (test/contract/structural-compare.ts) and the envelope rules.
 */
export function expectSearchContract(res: HttpResult, correlationId?: string): void {
  expect([200, 206]).toContain(res.status);
  expectCommonHeaders(res, correlationId);
  expect(searchResponseProblems(res.body)).toEqual([]);
}

/** The contract check of an error response (docs/contract/errors.md): envelope schema and ids matching the headers. */
export function expectErrorContract(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expectCommonHeaders(res);
  expect(openApiErrors('Error', res.body)).toEqual([]);
  expect(res.body.correlation_id).toBe(res.headers.get('x-correlation-id'));
  expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
  expect(res.text).not.toMatch(/sandbox-key|127\.0\.0\.1|k=/);
}

export async function addFault(stack: TestStack, rule: Record<string, unknown>): Promise<string> {
  const res = await stack.sandboxAdmin('/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { id: string }).id;
}

export async function clearFaults(stack: TestStack): Promise<void> {
  await stack.sandboxAdmin('/faults', { method: 'DELETE' });
}

/** Search requests the sandbox received since `since` (its request log, `k` masked). */
export async function upstreamSearches(stack: TestStack): Promise<string[]> {
  const res = await stack.sandboxAdmin('/requests');
  const log = (await res.json()) as any;
  const entries: any[] = Array.isArray(log) ? log : (log.requests ?? log.items ?? []);
  return entries.filter((e) => String(e.path).startsWith('/search/')).map((e) => String(e.path));
}

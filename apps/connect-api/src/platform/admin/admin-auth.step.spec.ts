import type { FastifyRequest } from 'fastify';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { ContractError } from '../errors/contract-error';
import { AppLogger } from '../logging/app-logger';
import { AdminAuthStep } from './admin-auth.step';

const TOKEN = 't'.repeat(40);
const request = () => ({ headers: { authorization: `Bearer ${TOKEN}` } }) as unknown as FastifyRequest;

function outcome(step: AdminAuthStep): string {
  try {
    return step.authorize(request());
  } catch (e) {
    return e instanceof ContractError ? e.code : String(e);
  }
}

describe('AdminAuthStep rate limit (10 req/s per instance)', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('allows a burst of 10, refuses the 11th, and gives one call back per 100 ms', () => {
    const step = new AdminAuthStep(
      { adminTokens: [TOKEN] } as unknown as AppConfig,
      new AppLogger(pino({ level: 'silent' })),
    );
    const first = Array.from({ length: 11 }, () => outcome(step));
    expect(first.slice(0, 10)).toEqual(Array(10).fill('admin-1'));
    expect(first[10]).toBe('rate_limited');
    jest.advanceTimersByTime(99);
    expect(outcome(step)).toBe('rate_limited');
    jest.advanceTimersByTime(1);
    expect(outcome(step)).toBe('admin-1');
    expect(outcome(step)).toBe('rate_limited');
  });
});

import { Injectable } from '@nestjs/common';
import { seededStream } from '../core/hashing';
import { SandboxState } from '../state/sandbox-state';
import { FaultAction, globToRegExp } from './fault-action';

export interface FaultMatch {
  method?: string;
  path?: string;
  apiKey?: string;
}

export interface FaultRuleInput {
  match?: FaultMatch;
  action?: FaultAction;
  times?: number;
  probability?: number;
}

export interface FaultRule {
  id: string;
  match: FaultMatch;
  action: FaultAction;
  times: number | null;
  remaining: number | null;
  probability: number;
  hits: number;
}

interface CompiledRule extends FaultRule {
  pathRe: RegExp | null;
  draw: () => number;
}

const ACTION_KEYS = new Set([
  'status',
  'delayMs',
  'body',
  'conn',
  'execute',
  'headers',
  'webhook',
  'retryAfterSec',
]);

export class FaultRuleError extends Error {}

/** Admin fault rules (docs/upstream-12go.md#admin-api): first match in creation order with remaining `times` applies. */
@Injectable()
export class FaultRulesService {
  private rules: CompiledRule[] = [];
  private nextId = 1;

  constructor(private readonly state: SandboxState) {}

  add(input: FaultRuleInput): FaultRule {
    if (!input || typeof input !== 'object') throw new FaultRuleError('rule must be an object');
    const action = input.action ?? {};
    if (typeof action !== 'object') throw new FaultRuleError('action must be an object');
    for (const key of Object.keys(action))
      if (!ACTION_KEYS.has(key)) throw new FaultRuleError(`unknown action key ${key}`);
    if (
      action.status !== undefined &&
      (!Number.isInteger(action.status) || action.status < 400 || action.status > 599)
    ) {
      throw new FaultRuleError('action.status must be 400-599');
    }
    if (
      action.body !== undefined &&
      !['json', 'html', 'truncate', 'empty', 'notjson', 'wrongshape'].includes(action.body)
    ) {
      throw new FaultRuleError('action.body is invalid');
    }
    if (action.conn !== undefined && !['reset', 'hang'].includes(action.conn))
      throw new FaultRuleError('action.conn must be reset or hang');
    if (action.webhook !== undefined && !['drop', 'duplicate'].includes(action.webhook))
      throw new FaultRuleError('action.webhook must be drop or duplicate');
    const times = input.times === undefined || input.times === null ? null : Number(input.times);
    if (times !== null && (!Number.isInteger(times) || times < 1))
      throw new FaultRuleError('times must be a positive integer');
    const probability = input.probability === undefined ? 1 : Number(input.probability);
    if (!(probability >= 0 && probability <= 1)) throw new FaultRuleError('probability must be within 0..1');
    const match = input.match ?? {};
    const id = `f${this.nextId++}`;
    const rule: CompiledRule = {
      id,
      match: { ...match },
      action: { ...action },
      times,
      remaining: times,
      probability,
      hits: 0,
      pathRe: match.path ? globToRegExp(match.path) : null,
      draw: seededStream(`${this.state.seed}|${id}`),
    };
    this.rules.push(rule);
    return this.view(rule);
  }

  list(): FaultRule[] {
    return this.rules.map((r) => this.view(r));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
    this.nextId = 1;
  }

  /** Finds and consumes the first applicable rule. Webhook rules use the path `webhook:{type}`. */
  match(target: { method: string; path: string; apiKey?: string }): FaultAction | null {
    const isWebhook = target.path.startsWith('webhook:');
    for (const rule of this.rules) {
      if (rule.remaining !== null && rule.remaining <= 0) continue;
      const rulePath = rule.match.path ?? '';
      if (rulePath.startsWith('webhook:') !== isWebhook && rule.match.path !== undefined) continue;
      if (rule.match.path === undefined && isWebhook) continue;
      if (rule.match.method && rule.match.method.toUpperCase() !== target.method.toUpperCase()) continue;
      if (rule.pathRe && !rule.pathRe.test(target.path)) continue;
      if (rule.match.apiKey && rule.match.apiKey !== target.apiKey) continue;
      if (rule.probability < 1 && !(rule.draw() < rule.probability)) continue;
      if (rule.remaining !== null) rule.remaining--;
      rule.hits++;
      return { ...rule.action };
    }
    return null;
  }

  private view(r: CompiledRule): FaultRule {
    return {
      id: r.id,
      match: r.match,
      action: r.action,
      times: r.times,
      remaining: r.remaining,
      probability: r.probability,
      hits: r.hits,
    };
  }
}

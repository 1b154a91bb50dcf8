/** What one comparison found; `kind` names the class of difference (see docs/migration.md). */
export type DifferenceKind =
  | 'status'
  | 'header_missing'
  | 'header_extra'
  | 'header_value'
  | 'body_format'
  | 'missing_key'
  | 'extra_key'
  | 'null_vs_absent'
  | 'type_change'
  | 'format'
  | 'enum'
  | 'array_length'
  | 'missing_item'
  | 'extra_item'
  | 'value';

export const DIFFERENCE_KINDS: readonly DifferenceKind[] = [
  'status',
  'header_missing',
  'header_extra',
  'header_value',
  'body_format',
  'missing_key',
  'extra_key',
  'null_vs_absent',
  'type_change',
  'format',
  'enum',
  'array_length',
  'missing_item',
  'extra_item',
  'value',
];

/** A JSON-safe description of one side (a type, a format class, a length, or a non-PII value). */
export type DifferenceSide = string | number | boolean | null;

/**
 * One difference at a normalised path (`itineraries[].pricing.gross_price.amount`), with how often it was
 * seen in the answer; `baseline`/`candidate` are the first occurrence (absent side = null).
 */
export interface Difference {
  path: string;
  kind: DifferenceKind;
  baseline: DifferenceSide;
  candidate: DifferenceSide;
  count: number;
}

export interface Comparison {
  /** One entry per (path, kind), in the order first seen. */
  differences: Difference[];
  /** Sum of the counts. */
  total: number;
  byKind: Partial<Record<DifferenceKind, number>>;
}

/** Collects differences, merging repeats of the same (path, kind). */
export class DifferenceSink {
  private readonly entries = new Map<string, Difference>();

  add(path: string, kind: DifferenceKind, baseline: DifferenceSide, candidate: DifferenceSide): void {
    const id = `${kind}\u0000${path}`;
    const known = this.entries.get(id);
    if (known) known.count += 1;
    else this.entries.set(id, { path, kind, baseline, candidate, count: 1 });
  }

  result(): Comparison {
    const differences = [...this.entries.values()];
    const byKind: Comparison['byKind'] = {};
    let total = 0;
    for (const d of differences) {
      total += d.count;
      byKind[d.kind] = (byKind[d.kind] ?? 0) + d.count;
    }
    return { differences, total, byKind };
  }
}

import { booleanDefault, buildProperty, buildSpec, texts } from './checkout-field-spec';
import type { ParserEvent } from './checkout-schema.types';

const opts = {
  seatCount: 1,
  basePrice: null,
  addonPrice: (amount: number, currency: string) => ({ amount: amount.toFixed(2), currency }),
};

describe('checkout field spec', () => {
  it('reads 12go booleans loosely and leaves anything else undecided', () => {
    expect([true, 1, '1', 'true'].map(booleanDefault)).toEqual([true, true, true, true]);
    expect([false, 0, '0', 'false', ''].map(booleanDefault)).toEqual([false, false, false, false, false]);
    expect(booleanDefault('yes')).toBeUndefined();
  });

  it('takes title and description only when non-empty', () => {
    expect(texts({ title: 'Name', description: '' })).toEqual({ title: 'Name' });
  });

  it('treats is_child as a boolean whatever 12go says, and a select without options as a string', () => {
    const events: ParserEvent[] = [];
    const child = buildSpec('passengers[].is_child', 'is_child', 'k1', { type: 'input' }, events);
    expect(child.valueType).toBe('boolean');
    const empty = buildSpec('passengers[].x', 'x', 'k2', { type: 'select', options: [] }, events);
    expect(empty).toMatchObject({ valueType: 'string', options: null });
  });

  it('translates patterns and reports the ones it cannot', () => {
    const events: ParserEvent[] = [];
    const spec = buildSpec('passengers[].id_no', 'id_no', 'k', { regexp: ['/^[A-Z]{2}$/', 42] }, events);
    expect(spec.patterns).toHaveLength(1);
    expect(events).toEqual([]);
    expect(buildProperty(spec, { title: 'ID', value: 7 }, opts)).toEqual({
      type: 'string',
      title: 'ID',
      pattern: spec.patterns[0],
      default: '7',
    });
  });
});

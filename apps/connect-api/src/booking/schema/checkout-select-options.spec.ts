import { flattenOptions, recordOptionPrices } from './checkout-select-options';
import type { AddonPrices, FieldSpec } from './checkout-schema.types';

describe('flattenOptions', () => {
  it('flattens groups, drops empty and repeated values, keeps the group membership', () => {
    const flat = flattenOptions([
      { value: null, text: 'Popular', values: [{ value: 'TH', text: 'Thailand' }] },
      {
        value: null,
        text: 'All',
        values: [
          { value: 'TH', text: 'Thailand' },
          { value: 'GB', text: '' },
        ],
      },
      { value: '', text: 'none' },
    ]);
    expect(flat.entries).toEqual([
      { value: 'TH', title: 'Thailand' },
      { value: 'GB', title: 'GB' },
    ]);
    expect(flat.groups).toEqual([
      { title: 'Popular', values: ['TH'] },
      { title: 'All', values: ['TH', 'GB'] },
    ]);
  });

  it('keeps a price only when both amount and currency are given', () => {
    const flat = flattenOptions([
      { value: 'bag', text: 'Bag', data: { price: { value: 150, fxcode: 'THB' } } },
      { value: 'half', text: 'Half', data: { price: { value: 10 } } },
      { value: 7, text: 'Seven' },
    ]);
    expect([...flat.prices]).toEqual([['bag', { value: 150, fxcode: 'THB' }]]);
    expect(flat.entries.map((e) => e.value)).toEqual(['bag', 'half', '7']);
    expect(flat.groups).toBeNull();
  });
});

describe('recordOptionPrices', () => {
  const spec = (options: FieldSpec['options']): FieldSpec => ({
    path: 'passengers[].baggage_option',
    name: 'baggage_option',
    key: 'passenger[0][baggage_T1]',
    valueType: 'select',
    options,
    patterns: [],
    required: false,
  });
  const field = { options: [{ value: 'bag', text: 'Bag', data: { price: { value: 150, fxcode: 'THB' } } }] };

  it('records the priced options under the 12go key', () => {
    const into: AddonPrices = { options: {}, seats: {} };
    recordOptionPrices(into, spec([{ value: 'bag', title: 'Bag' }]), field);
    expect(into.options).toEqual({ 'passenger[0][baggage_T1]': { bag: { value: 150, fxcode: 'THB' } } });
  });

  it('records nothing for a field that is not a select', () => {
    const into: AddonPrices = { options: {}, seats: {} };
    recordOptionPrices(into, spec(null), field);
    expect(into.options).toEqual({});
  });
});

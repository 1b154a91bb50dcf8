import { mapSupplierFieldErrors, toFieldErrorDetails } from './booking-field-errors.mapper';

const fieldMap = {
  email: 'contact[email]',
  mobile_phone: 'contact[mobile]',
  seat_selection: 'selected_seats_TH1',
  'passengers[].id_number': 'passenger[0][id_no]',
  'passengers[].baggage_option': 'passenger[0][baggage_TH1]',
  'additional_fields.points_pickup': 'points[TH1][pickup]',
};

describe('mapSupplierFieldErrors (docs/contract/booking-schema.md#supplier-field-errors)', () => {
  it('maps every 12go key back to a client path', () => {
    const issues = mapSupplierFieldErrors(
      {
        'contact[email]': 'bad',
        'contact[mobile]': 'bad',
        'passenger[2][id_no]': 'bad',
        'passenger[1][baggage_TH1]': 'bad',
        'passenger[1][last_name]': 'bad',
        selected_seats_TH1: 'taken',
        'points[TH1][pickup]': 'bad',
        'mystery[x]': 'bad',
      },
      fieldMap,
    );
    expect(issues.map((i) => i.field)).toEqual([
      'booking_data.email',
      'booking_data.mobile_phone',
      'booking_data.passengers[2].id_number',
      'booking_data.passengers[1].baggage_option',
      'booking_data.passengers[1].last_name',
      'booking_data.seat_selection',
      'booking_data.additional_fields.points_pickup',
      'booking_data.mystery[x]',
    ]);
    expect(issues.every((i) => i.code === 'rejected_by_supplier')).toBe(true);
  });

  it('renders contract field errors with reason and the schema code', () => {
    expect(
      toFieldErrorDetails([
        { field: 'booking_data.passengers', code: 'passenger_count_mismatch', message: 'm' },
      ]),
    ).toEqual([
      {
        field: 'booking_data.passengers',
        reason: 'count_mismatch',
        message: 'm',
        code: 'passenger_count_mismatch',
      },
    ]);
  });
});

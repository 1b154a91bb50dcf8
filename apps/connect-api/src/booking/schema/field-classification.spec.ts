import {
  classifyKey,
  FirstKeyState,
  pointsKind,
  deliveryKind,
  sanitize,
  uniqueName,
} from './field-classification';

const fresh = (): FirstKeyState => ({ autoAssignment: false, seatSelection: false, baggage: false });

describe('classifyKey — the ordered rules of docs/contract/booking-schema.md#checkout-keys', () => {
  it.each([
    ['seats', 'seats'],
    ['contact[mobile]', 'mobile'],
    ['contact[email]', 'email'],
    ['selected_seats_TH1_allow_auto', 'seat_auto_assignment'],
    ['selected_seats_TH1', 'seat_selection'],
    ['passenger[0][baggage_TH1]', 'baggage'],
    ['passenger[1][first_name]', 'other_passenger'],
    ['passenger[25][baggage_TH1]', 'other_passenger'],
    ['passenger[0][id_no]', 'fixed_passenger'],
    ['passenger[0][wheelchair]', 'extra_passenger'],
    ['points[TH1][pickup]', 'points'],
    ['delivery[TH1]', 'delivery'],
    ['lang', 'other'],
  ])('%s → %s', (key, rule) => {
    expect(classifyKey(key, fresh()).rule).toBe(rule);
  });

  it('rule 4 precedes rule 5: an allow_auto key is never the seat field', () => {
    expect(classifyKey('selected_seats_X_allow_auto', fresh()).rule).toBe('seat_auto_assignment');
  });

  it('a second allow_auto key is not taken for the seat field (suffix exclusion) and falls to rule 12', () => {
    const used = { ...fresh(), autoAssignment: true };
    expect(classifyKey('selected_seats_Y_allow_auto', used)).toEqual({
      rule: 'other',
      name: 'selected_seats_y_allow_auto',
    });
  });

  it('second seat and baggage keys fall through to rules 12 and 9', () => {
    const used: FirstKeyState = { autoAssignment: true, seatSelection: true, baggage: true };
    expect(classifyKey('selected_seats_Y', used)).toEqual({ rule: 'other', name: 'selected_seats_y' });
    expect(classifyKey('passenger[0][baggage_Y]', used)).toEqual({
      rule: 'extra_passenger',
      sub: 'baggage_Y',
    });
  });

  it('baggage (rule 6) wins over the passenger-field rules 8 and 9', () => {
    expect(classifyKey('passenger[0][baggage_title]', fresh()).rule).toBe('baggage');
  });

  it('maps fixed passenger keys to client names', () => {
    expect(classifyKey('passenger[0][id_exp_date]', fresh())).toEqual({
      rule: 'fixed_passenger',
      clientName: 'id_expiry_date',
    });
    expect(classifyKey('passenger[0][seattype_code]', fresh())).toEqual({
      rule: 'fixed_passenger',
      clientName: 'seat_type_code',
    });
  });

  it('names points/delivery fields without the dynamic id', () => {
    expect(classifyKey('points[JP0zJM0rPO46Yb0R402TFAOi][pickup]', fresh())).toEqual({
      rule: 'points',
      name: 'points_pickup',
      kind: 'pickup_point',
    });
    expect(classifyKey('delivery[X][hotel_checkin_date]', fresh())).toEqual({
      rule: 'delivery',
      name: 'delivery_hotel_checkin_date',
      kind: 'hotel_checkin_date',
    });
    expect(classifyKey('points[X]', fresh())).toEqual({ rule: 'points', name: 'points', kind: 'points' });
    expect(classifyKey('points_TH02lb[pickup]', fresh())).toEqual({
      rule: 'points',
      name: 'points_pickup',
      kind: 'pickup_point',
    });
  });
});

describe('points / delivery kinds — order of docs/contract/booking-schema.md#checkout-keys', () => {
  it.each([
    ['pickup', 'pickup_point'],
    ['dropoff', 'dropoff_point'],
    ['pickup_text', 'pickup_text'],
    ['dropoff_text', 'dropoff_text'],
    ['current_city', 'current_city'],
    ['flight_arr_time', 'flight_arrival_time'],
    ['flight_dep_time', 'flight_departure_time'],
    ['flight_no', 'flight_number'],
    ['airline', 'airline'],
    ['drop_off_point', 'drop_off_point'],
    ['point', 'point'],
    ['number_luggage', 'luggage_count'],
    ['additional_info', 'additional_information'],
    ['additional_information_address', 'additional_information'],
    ['address', 'address'],
    ['car_number', 'car_number'],
    ['number_luggage_car_number', 'luggage_count'],
    ['', 'points'],
    ['whatever', 'points'],
  ])('points sub %p → %s', (sub, kind) => {
    expect(pointsKind(sub)).toBe(kind);
  });

  it.each([
    ['address', 'delivery_address'],
    ['hotel_checkin_date', 'hotel_checkin_date'],
    ['', 'delivery'],
  ])('delivery sub %p → %s', (sub, kind) => {
    expect(deliveryKind(sub)).toBe(kind);
  });
});

describe('sanitize and collisions (docs/contract/booking-schema.md#checkout-keys)', () => {
  it('sanitizes', () => {
    expect(sanitize('Passenger[0][Foo-Bar]')).toBe('passenger_0_foo_bar');
    expect(sanitize('__[]__')).toBe('field');
  });
  it('appends the smallest free suffix', () => {
    const taken = new Set(['points_pickup', 'points_pickup1']);
    expect(uniqueName('points_pickup', taken)).toBe('points_pickup2');
    expect(uniqueName('points_dropoff', taken)).toBe('points_dropoff');
  });
});

import { shapePreservingFake, withFakePii } from './pii-fakes';
import { toRecordedRequest } from './recorded-request';

describe('recorded requests', () => {
  const body = {
    booking_token: 'tok-1',
    booking_data: {
      email: 'jane.doe@example.com',
      mobile_phone: '+66812345678',
      passengers: [
        {
          first_name: 'Jane',
          last_name: 'Doe-Smith',
          gender: 'Female',
          dob: '1990-01-31',
          id_number: 'AB1234567',
        },
      ],
    },
  };

  it('keeps method, path, raw query, whitelisted headers and the key id — never the key', () => {
    const line = toRecordedRequest({
      at: new Date('2026-12-02T10:00:00Z'),
      clientId: 'acme',
      keyId: 'k-2026',
      method: 'POST',
      url: '/v1/acme/bookings?departures[]=1&departures[]=2',
      headers: {
        'x-api-key': 'secret-key',
        'content-type': 'application/json',
        'travelier-version': '2023-07-01',
        cookie: 'c',
      },
      body,
    });
    expect(line).toMatchObject({
      v: 1,
      client_id: 'acme',
      key_id: 'k-2026',
      method: 'POST',
      path: '/v1/acme/bookings',
      query: 'departures[]=1&departures[]=2',
      headers: { 'content-type': 'application/json', 'travelier-version': '2023-07-01' },
    });
    expect(JSON.stringify(line)).not.toContain('secret-key');
  });

  it('replaces names, e-mails, phones, documents and birth dates by fakes of the same shape', () => {
    const faked = withFakePii(body) as typeof body;
    const text = JSON.stringify(faked);
    for (const pii of ['Jane', 'Doe', 'jane.doe', '66812345678', '1990-01-31', 'AB1234567'])
      expect(text).not.toContain(pii);
    const p = faked.booking_data.passengers[0];
    expect(p.first_name).toMatch(/^[A-Z][a-z]{3}$/);
    expect(p.last_name).toMatch(/^[A-Z][a-z]{2}-[A-Z][a-z]{4}$/);
    expect(p.dob).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(p.dob))).toBe(false);
    expect(p.id_number).toMatch(/^[A-Z]{2}\d{7}$/);
    expect(faked.booking_data.email).toMatch(/^[a-z]{4}\.[a-z]{3}@[a-z]{7}\.[a-z]{3}$/);
    expect(faked.booking_data.mobile_phone).toMatch(/^\+\d{11}$/);
    // Not PII: kept.
    expect(p.gender).toBe('Female');
    expect(faked.booking_token).toBe('tok-1');
  });

  it('also fakes document dates, visa fields and addresses', () => {
    const faked = withFakePii({
      passengers: [{ id_issue_date: '2020-02-03', id_expiry_date: '2030-02-03', visa_number: 'V998877' }],
      additional_fields: { delivery_address: 'Sukhumvit 11' },
    });
    const text = JSON.stringify(faked);
    for (const pii of ['2020-02-03', '2030-02-03', 'V998877', 'Sukhumvit']) expect(text).not.toContain(pii);
  });

  it('fakes keep the length and separators', () => {
    expect(shapePreservingFake('a-B 9/x')).toMatch(/^[a-z]-[A-Z] \d\/[a-z]$/);
  });
});

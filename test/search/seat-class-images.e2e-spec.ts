/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are walked as plain JSON */
import { eventually } from '../static-data/static-data.helpers';
import { startStack, type TestStack } from '../support/stack';

/**
 * Seat-class photos (issue 16): the sandbox catalogue lists an inside photo for some (operator, class) pairs;
 * search and GetItinerary join them into `vehicles[].seat_classes[].images`, and keep `null` for the others.
 * Route R01 (station 3 → 4, operator 16779) sells class 12 (with a photo) and class 14 (without).
 */
const OPERATOR = 16779;
const WITH_PHOTO = '12';
const WITHOUT_PHOTO = '14';
const photo = (classId: string) => [
  {
    url: `https://cdn5.12go.asia/static/images/operator/${OPERATOR}/class/${classId}-inside.jpeg`,
    width: 1200,
    height: 800,
    type: 'TYPE_CLASS_INSIDE',
  },
];

describe('seat-class images from the static-data catalogue', () => {
  let stack: TestStack;
  const get = async (path: string) => {
    const res = await fetch(`${stack.bffUrl}/v1/demo${path}`, {
      headers: { 'x-api-key': stack.demoKey, accept: 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  let search: { status: number; body: any };

  const seatClassOf = (body: any, itinerary: any) => {
    const segment = body.segments.find((s: any) => s.id === itinerary.departure_segments[0]);
    const vehicle = body.vehicles.find((v: any) => v.id === segment.vehicle_id);
    return vehicle.seat_classes.find((c: any) => c.id === segment.seat_class_id);
  };
  const itineraryOfClass = (classId: string) =>
    search.body.itineraries.find((i: any) => seatClassOf(search.body, i).id === classId);

  beforeAll(async () => {
    stack = await startStack();
    // The catalogue is loaded at boot; its class photos are stored with it.
    await eventually(async () => ((await get('/stations')).status === 200 ? true : undefined));
    search = await get(`/itineraries?departures=3&arrivals=4&departure_date=${date}&pax=1`);
  });
  afterAll(() => stack?.close());

  it('search: the class with a catalogue photo carries it in the legacy shape, the class without has null', () => {
    expect([200, 206]).toContain(search.status);
    expect(seatClassOf(search.body, itineraryOfClass(WITH_PHOTO)).images).toEqual(photo(WITH_PHOTO));
    expect(seatClassOf(search.body, itineraryOfClass(WITHOUT_PHOTO)).images).toBeNull();
    expect(search.body.vehicles.every((v: any) => v.images === null)).toBe(true);
  });

  it('GetItinerary: the same join for a class with a photo and one without', async () => {
    for (const [classId, expected] of [
      [WITH_PHOTO, photo(WITH_PHOTO)],
      [WITHOUT_PHOTO, null],
    ] as const) {
      const itinerary = itineraryOfClass(classId);
      const res = await get(`/itineraries/${encodeURIComponent(itinerary.id)}`);
      expect(res.status).toBe(200);
      expect(seatClassOf(res.body, res.body.itineraries[0])).toMatchObject({ id: classId, images: expected });
    }
  });
});

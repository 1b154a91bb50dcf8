import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TwelveGoSearchResponse } from '@app/twelvego-client';
import { indexSeatClassImages, seatClassImagesOf } from '../seat-class-images/seat-class-images';
import { mapSearchResponses, mapTrip, type SearchMappingContext } from '../contract/itinerary/search.mapper';

const FIXTURE = join(__dirname, '../../../../test/fixtures/twelvego/search.json');
const load = (): TwelveGoSearchResponse => JSON.parse(readFileSync(FIXTURE, 'utf8'));
const TRAIN = 'TH000300044mDt00c00h5BMe';

const response = load();
const trainRide = response.trips.find((t) => t.id === TRAIN)!.segments.find((s) => s.type === 'route')!;
const image = {
  url: `https://cdn5.12go.asia/static/images/operator/${trainRide.operator}/class/${trainRide.class}-inside.jpeg`,
  width: 1200,
  height: 800,
  type: 'TYPE_CLASS_INSIDE' as const,
};
// The catalogue knows a photo for the train's (operator, class) only.
const index = indexSeatClassImages([{ operatorId: trainRide.operator, classId: trainRide.class, ...image }]);

const ctx: SearchMappingContext = {
  pax: 1,
  itineraryIdFormat: 'native',
  contractCode: '12go',
  searchTime: '2026-05-10T03:00:00Z',
  markup: null,
  clientStationId: (id) => String(id),
  clientOperatorId: (id) => String(id),
  seatClassImages: (operatorId, classId) => seatClassImagesOf(index, operatorId, classId),
};

describe('seat-class images joined from the catalogue', () => {
  it('search: the class with a catalogue photo carries it, every other class stays null', () => {
    const result = mapSearchResponses([response], ctx);
    const classes = result.vehicles.flatMap((v) =>
      v.seat_classes.map((c) => ({ vehicle: v.id, id: c.id, images: c.images })),
    );
    const withPhoto = classes.filter((c) => c.images !== null);
    expect(withPhoto).toEqual([
      {
        vehicle: expect.stringContaining(String(trainRide.operator)),
        id: String(trainRide.class),
        images: [image],
      },
    ]);
    expect(classes.length).toBeGreaterThan(1);
    // Vehicle-level images are not class photos.
    expect(result.vehicles.every((v) => v.images === null)).toBe(true);
  });

  it('GetItinerary (one trip): the same join, null for a trip whose class has no photo', () => {
    const train = mapTrip(
      response.trips.find((t) => t.id === TRAIN)!,
      response.classes,
      ctx,
    )!;
    expect(train.vehicles[0].seat_classes[0].images).toEqual([image]);
    const other = response.trips.find(
      (t) => t.id !== TRAIN && t.segments.every((s) => s.class !== trainRide.class),
    )!;
    const mapped = mapTrip(other, response.classes, ctx)!;
    expect(mapped.vehicles.flatMap((v) => v.seat_classes.map((c) => c.images))).toEqual(
      mapped.vehicles.flatMap((v) => v.seat_classes.map(() => null)),
    );
  });

  it('without join data every class image is null (as before the catalogue carried any)', () => {
    const result = mapSearchResponses([response], { ...ctx, seatClassImages: undefined });
    expect(result.vehicles.flatMap((v) => v.seat_classes).every((c) => c.images === null)).toBe(true);
  });
});

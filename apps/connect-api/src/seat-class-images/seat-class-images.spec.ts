import { indexSeatClassImages, seatClassImagesOf } from './seat-class-images';

const photo = (operatorId: number, classId: number, width: number | null = 1200) => ({
  operatorId,
  classId,
  url: `https://cdn5.12go.asia/static/images/operator/${operatorId}/class/${classId}-inside.jpeg`,
  width,
  height: width === null ? null : 800,
  type: 'TYPE_CLASS_INSIDE' as const,
});

describe('seat-class image index', () => {
  const index = indexSeatClassImages([photo(16779, 12), photo(16779, 12), photo(231, 4, null)]);

  it('groups per (operator, class), drops repeated URLs, keeps unknown sizes as null', () => {
    expect(index).toEqual({
      '16779:12': [{ url: photo(16779, 12).url, width: 1200, height: 800, type: 'TYPE_CLASS_INSIDE' }],
      '231:4': [{ url: photo(231, 4).url, width: null, height: null, type: 'TYPE_CLASS_INSIDE' }],
    });
  });

  it('answers null for a class without a photo, and for the same class of another operator', () => {
    expect(seatClassImagesOf(index, 16779, 14)).toBeNull();
    expect(seatClassImagesOf(index, 231, 12)).toBeNull();
    expect(seatClassImagesOf({}, 16779, 12)).toBeNull();
  });

  it('returns copies (a mapped response cannot alter the shared index)', () => {
    const images = seatClassImagesOf(index, 16779, 12)!;
    images[0].url = 'changed';
    expect(seatClassImagesOf(index, 16779, 12)![0].url).toBe(photo(16779, 12).url);
  });
});

/** A seat-class photo as partners receive it in `vehicles[].seat_classes[].images`. */
export interface SeatClassImage {
  url: string;
  width: number | null;
  height: number | null;
  type: 'TYPE_CLASS_INSIDE';
}

/** One catalogue entry: the photo of a 12go class as sold by one 12go operator. */
export interface CatalogClassImage extends SeatClassImage {
  operatorId: number;
  classId: number;
}

/** Photos by `"{operatorId}:{classId}"` (12go ids), as stored and joined by search and GetItinerary. */
export type SeatClassImageIndex = Record<string, SeatClassImage[]>;

const keyOf = (operatorId: number, classId: number): string => `${operatorId}:${classId}`;

/** The catalogue's class images grouped per (operator, class), in catalogue order, duplicates (same URL) dropped. */
export function indexSeatClassImages(images: readonly CatalogClassImage[]): SeatClassImageIndex {
  const index: SeatClassImageIndex = {};
  for (const { operatorId, classId, url, width, height, type } of images) {
    const list = (index[keyOf(operatorId, classId)] ??= []);
    if (!list.some((i) => i.url === url)) list.push({ url, width, height, type });
  }
  return index;
}

/** The photos of one (operator, class), copied; null when the catalogue has none (the contract's `images: null`). */
export function seatClassImagesOf(
  index: SeatClassImageIndex,
  operatorId: number,
  classId: number,
): SeatClassImage[] | null {
  const list = index[keyOf(operatorId, classId)];
  return list && list.length > 0 ? list.map((i) => ({ ...i })) : null;
}

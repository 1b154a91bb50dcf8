export interface TwelveGoSearchParams {
  /** Place id: `{n}p` (province) or `{n}s` (station). */
  from: string;
  to: string;
  /** `yyyy-MM-dd`. */
  date: string;
  seats: number;
}

export interface TwelveGoTripRef {
  tripId: string;
  /** `yyyy-MM-dd-HH-mm-ss`. */
  datetime: string;
  seats: number;
}

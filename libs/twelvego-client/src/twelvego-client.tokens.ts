/** Injection token of `TwelveGoClientOptions`. */
export const TWELVEGO_CLIENT_OPTIONS = Symbol('TWELVEGO_CLIENT_OPTIONS');

export * from './klv';
export * from './shift-cipher';
export * from './percent-encoding';
export * from './itinerary-id';
export * from './id-mapping';
export * from './id-mapping.loader';
export * from './ids.module';

export * from './currency-minor-units';
export * from './decimal-amount';
export * from './money';
export * from './markup';

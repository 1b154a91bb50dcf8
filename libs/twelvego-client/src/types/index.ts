export * from './common.types';
export * from './search.types';
export * from './cart.types';
export * from './checkout.types';
export * from './booking.types';
export * from './webhook.types';

export * from './difference';
export * from './endpoint-profiles';
export * from './compare-answers';
export * from './pii-paths';
export { formatClassOf } from './value-format';

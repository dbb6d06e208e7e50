// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
export { ClearStreet, DEFAULT_BASE_URL, type ClearStreetOptions } from './client.js';
export * from './core.js';
export type * from './models.js';
export * from './resources/positions.js';

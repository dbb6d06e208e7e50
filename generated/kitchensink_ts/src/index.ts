// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
export { KitchenSink, DEFAULT_BASE_URL, type KitchenSinkOptions, ENVIRONMENTS, type Environment } from './client.js';
export * from './core.js';
export type * from './models.js';
export * from './resources/pets.js';
export * from './resources/stores.js';
export * from './resources/misc.js';

// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
import * as $core from './core.js';
import { PetsResource } from './resources/pets.js';
import { StoresResource } from './resources/stores.js';
import { MiscResource } from './resources/misc.js';

/** The API's base URL, unless the options or `KITCHEN_SINK_BASE_URL` give another. */
export const DEFAULT_BASE_URL = "https://api.kitchensink.example";

/** The API's servers by name, for the `environment` option: the first is the default. */
export const ENVIRONMENTS = {
  production: "https://api.kitchensink.example",
  sandbox: "https://sandbox.kitchensink.example",
  local: "http://localhost:8080",
} as const;
export type Environment = keyof typeof ENVIRONMENTS;

export interface KitchenSinkOptions extends Omit<$core.ClientOptions, 'baseURL'> {
  /**
   * The API's base URL; a trailing slash is ignored. With `environment`, `null` says to ignore
   * the `KITCHEN_SINK_BASE_URL` environment variable.
   */
  baseURL?: string | null | undefined;
  /**
   * Which of the API's servers to call (`ENVIRONMENTS`; default production). Passing `baseURL`
   * too is an error, and so is `KITCHEN_SINK_BASE_URL` being set, unless `baseURL` is `null`.
   */
  environment?: Environment | undefined;
  /**
   * Bearer token sent in the `Authorization` header.
   *
   * Defaults to the `KITCHEN_SINK_API_KEY` environment variable.
   */
  apiKey?: string | undefined;
}

/**
 * A small pet-shop API written to exercise the OpenAPI features an SDK generator must support: every parameter location and style, request bodies, several responses per operation, no-content responses, arrays and maps, recursive and mutually recursive models, awkward wire names, non-identifier enum values, discriminated unions and schema composition.
 */
export class KitchenSink extends $core.BaseClient {
  readonly apiKey: string | undefined;
  /**
   * Manage the pets offered by the shop.
   */
  readonly pets: PetsResource;
  /**
   * Stores, their stock and the orders placed with them.
   */
  readonly stores: StoresResource;
  /**
   * Categories, user profiles and the organisation chart.
   */
  readonly misc: MiscResource;

  constructor(options: KitchenSinkOptions = {}) {
    const environment = options.environment;
    const variable = $core.readEnv("KITCHEN_SINK_BASE_URL");
    let baseURL: string;
    if (environment === undefined) {
      baseURL = options.baseURL ?? variable ?? DEFAULT_BASE_URL;
    } else {
      if (!Object.hasOwn(ENVIRONMENTS, environment)) {
        const known = Object.keys(ENVIRONMENTS).join(', ');
        throw new $core.SDKError(`Unknown environment ${JSON.stringify(environment)}: one of ${known}.`);
      }
      if (typeof options.baseURL === 'string') {
        throw new $core.SDKError('Pass baseURL or environment to the client, not both.');
      }
      if (variable !== undefined && options.baseURL === undefined) {
        throw new $core.SDKError("Ambiguous base URL: KITCHEN_SINK_BASE_URL is set and environment is given; pass baseURL: null to use the environment.");
      }
      baseURL = ENVIRONMENTS[environment];
    }
    if (!baseURL) {
      throw new $core.SDKError("No base URL: pass baseURL to the client or set the KITCHEN_SINK_BASE_URL environment variable.");
    }
    super({ ...options, baseURL });
    this.apiKey = options.apiKey ?? $core.readEnv("KITCHEN_SINK_API_KEY");
    if (this.apiKey === undefined) {
      throw new $core.SDKError("No credential: pass apiKey to the client or set the KITCHEN_SINK_API_KEY environment variable.");
    }
    this.pets = new PetsResource(this);
    this.stores = new StoresResource(this);
    this.misc = new MiscResource(this);
  }

  protected override authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.apiKey !== undefined) headers["Authorization"] = `Bearer ${this.apiKey}`;
    return headers;
  }

  protected override authQuery(): Record<string, string> {
    const query: Record<string, string> = {};
    return query;
  }
}

// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
import * as $core from './core.js';
import { PetsResource } from './resources/pets.js';
import { StoresResource } from './resources/stores.js';
import { MiscResource } from './resources/misc.js';

/** The API's base URL, unless the options or `KITCHEN_SINK_BASE_URL` give another. */
export const DEFAULT_BASE_URL = "https://api.kitchensink.example";

export interface KitchenSinkOptions extends $core.ClientOptions {
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
    const baseURL = options.baseURL ?? $core.readEnv("KITCHEN_SINK_BASE_URL") ?? DEFAULT_BASE_URL;
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

// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
import type { APIPromise, BaseClient, RequestOptions } from '../core.js';
import type * as Models from '../models.js';

export interface GetStoreParams {
  /**
   * Short code of the store, e.g. north-1.
   */
  storeCode: string;
}

export interface GetStoreInventoryParams {
  /**
   * Short code of the store, e.g. north-1.
   */
  storeCode: string;
}

export interface CreateOrderParams {
  /**
   * Short code of the store, e.g. north-1.
   */
  storeCode: string;
  /**
   * Free-form tag echoed in the server logs for tracing.
   */
  xRequestTag?: string;
  /**
   * What to order.
   */
  body: Models.CreateOrderBody;
}

/**
 * Stores, their stock and the orders placed with them.
 */
export class StoresResource {
  constructor(private readonly client: BaseClient) {}

  /**
   * Get a store
   *
   * Returns a store with its address, opening hours and audit data.
   */
  getStore(
    params: GetStoreParams,
    options?: RequestOptions,
  ): APIPromise<Models.Store> {
    return this.client.request<Models.Store>(
      {
        method: "GET",
        path: this.client.buildPath("/stores/{store_code}", {
          store_code: params.storeCode,
        }),
        responseKind: "json",
      },
      options,
    );
  }

  /**
   * Count the pets in stock per species
   *
   * Returns how many pets of each species the store has, as a map from species name to count. (No example on purpose.)
   */
  getStoreInventory(
    params: GetStoreInventoryParams,
    options?: RequestOptions,
  ): APIPromise<{ [key: string]: number }> {
    return this.client.request<{ [key: string]: number }>(
      {
        method: "GET",
        path: this.client.buildPath("/stores/{store_code}/inventory", {
          store_code: params.storeCode,
        }),
        responseKind: "json",
      },
      options,
    );
  }

  /**
   * Place an order
   *
   * Places an order for a pet at the store.
   */
  createOrder(
    params: CreateOrderParams,
    options?: RequestOptions,
  ): APIPromise<Models.Order> {
    return this.client.request<Models.Order>(
      {
        method: "POST",
        path: this.client.buildPath("/stores/{store_code}/orders", {
          store_code: params.storeCode,
        }),
        headers: {
          "X-Request-Tag": params.xRequestTag,
        },
        body: params.body,
        bodyEncoding: "json",
        contentType: "application/json",
        responseKind: "json",
      },
      options,
    );
  }
}

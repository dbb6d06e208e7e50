// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
import type { APIPromise, BaseClient, PagePromise, RequestOptions } from '../core.js';
import type * as Models from '../models.js';

export interface ListPetsParams {
  /**
   * Only pets whose name contains this text.
   */
  name?: string;
  /**
   * Only pets with this availability status.
   */
  status?: Models.PetStatus;
  /**
   * Only pets carrying all of these tags (repeat the parameter).
   */
  tags?: Array<string>;
  /**
   * Maximum number of pets to return.
   */
  pageSize?: number;
  /**
   * Number of pets to skip.
   */
  offset?: number;
  /**
   * Also return archived pets.
   */
  includeArchived?: boolean;
  /**
   * Only pets added at or after this instant.
   */
  queryFrom?: string;
  /**
   * Free-form tag echoed in the server logs for tracing.
   */
  xRequestTag?: string;
}

export interface GetPetParams {
  /**
   * Numeric id of the pet.
   */
  petId: number;
}

export interface PutPetParams {
  /**
   * Numeric id of the pet.
   */
  petId: number;
  /**
   * Free-form tag echoed in the server logs for tracing.
   */
  xRequestTag?: string;
  /**
   * The full pet to store.
   */
  body: Models.Pet;
}

export interface DeletePetParams {
  /**
   * Numeric id of the pet.
   */
  petId: number;
  /**
   * Free-form tag echoed in the server logs for tracing.
   */
  xRequestTag?: string;
}

/**
 * Manage the pets offered by the shop.
 */
export class PetsResource {
  constructor(private readonly client: BaseClient) {}

  /**
   * List pets
   *
   * Returns the pets matching the filters, dogs and cats mixed, as a JSON array.
   */
  listPets(
    params: ListPetsParams = {},
    options?: RequestOptions,
  ): PagePromise<Models.Pet, Array<Models.Pet>> {
    return this.client.requestPage<Models.Pet, Array<Models.Pet>>(
      {
        method: "GET",
        path: "/pets",
        query: [
          { name: "name", value: params.name, style: "form", explode: true },
          { name: "status", value: params.status, style: "form", explode: true },
          { name: "tags", value: params.tags, style: "form", explode: true },
          { name: "page-size", value: params.pageSize, style: "form", explode: true },
          { name: "offset", value: params.offset, style: "form", explode: true },
          { name: "include_archived", value: params.includeArchived, style: "form", explode: true },
          { name: "from", value: params.queryFrom, style: "form", explode: true },
        ],
        headers: {
          "X-Request-Tag": params.xRequestTag,
        },
        responseKind: "json",
      },
      {
        style: "offset",
        parameter: "offset",
        limit: "page-size",
        items: (body) => body,
      },
      options,
    );
  }

  /**
   * Get a pet
   *
   * Returns a single pet by id.
   */
  getPet(
    params: GetPetParams,
    options?: RequestOptions,
  ): APIPromise<Models.Pet> {
    return this.client.request<Models.Pet>(
      {
        method: "GET",
        path: this.client.buildPath("/pets/{pet_id}", {
          pet_id: params.petId,
        }),
        responseKind: "json",
      },
      options,
    );
  }

  /**
   * Create or replace a pet
   *
   * Stores the pet under the given id: replaces it when it exists (200), creates it otherwise (201).
   */
  putPet(
    params: PutPetParams,
    options?: RequestOptions,
  ): APIPromise<Models.Pet> {
    return this.client.request<Models.Pet>(
      {
        method: "PUT",
        path: this.client.buildPath("/pets/{pet_id}", {
          pet_id: params.petId,
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

  /**
   * Delete a pet
   *
   * Removes the pet. Returns no content.
   */
  deletePet(
    params: DeletePetParams,
    options?: RequestOptions,
  ): APIPromise<void> {
    return this.client.request<void>(
      {
        method: "DELETE",
        path: this.client.buildPath("/pets/{pet_id}", {
          pet_id: params.petId,
        }),
        headers: {
          "X-Request-Tag": params.xRequestTag,
        },
        responseKind: "empty",
      },
      options,
    );
  }
}

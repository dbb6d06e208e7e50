// What every method of sdkwright's TypeScript SDKs returns, copied into each one as
// src/api-promise.ts: a promise of the parsed result that also gives the raw response.

import { USUAL_REQUEST_IDS, requestIdOf, type RequestIdPlaces } from './errors.js';

/** The parsed result, the fetch `Response` it came from and the server's request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | null;
}

/**
 * A method's result: `await` it for the parsed body, or ask for the HTTP response:
 *
 *     const order = await client.orders.get({ id });
 *     const response = await client.orders.get({ id }).asResponse(); // body unread
 *     const { data, response, requestId } = await client.orders.get({ id }).withResponse();
 *
 * The request is sent when the method is called; its body is read only when the parsed
 * result is asked for, so `asResponse()` leaves it to the caller (to stream it, say).
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined;

  constructor(
    private readonly responsePromise: Promise<Response>,
    private readonly parseResponse: (response: Response) => Promise<T>,
    private readonly requestIds: RequestIdPlaces = USUAL_REQUEST_IDS,
  ) {
    // The promise itself is never awaited: then/catch/finally read the parsed result.
    super((resolve) => resolve(undefined as T));
  }

  // `then` of a subclass would build instances of it through the species constructor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The fetch `Response` of a 2xx answer, its body unread (errors throw as usual). */
  asResponse(): Promise<Response> {
    return this.responsePromise;
  }

  /** The parsed result, the `Response` it was read from and its request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, response] = await Promise.all([this.parse(), this.responsePromise]);
    return { data, response, requestId: requestIdOf(response.headers, this.requestIds, data) };
  }

  private parse(): Promise<T> {
    this.parsed ??= this.responsePromise.then(this.parseResponse);
    return this.parsed;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.parse().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<T | R> {
    return this.parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.parse().finally(onfinally);
  }
}

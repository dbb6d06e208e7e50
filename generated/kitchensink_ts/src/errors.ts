// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// The errors of sdkwright's TypeScript SDKs, copied into each one as src/errors.ts.

/** Any error of the SDK. */
export class SDKError extends Error {
  override name = 'SDKError';
}

/** The request never got a response: the network, DNS, TLS or an abort. */
export class APIConnectionError extends SDKError {
  override name = 'APIConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No response within the timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}

/** The server answered with a status outside 2xx: its parsed body and the request id. */
export class APIError extends SDKError {
  override name = 'APIError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
    message: string,
    /** The server's request id, if it sent one (where the client's `requestIds()` say). */
    readonly requestId: string | null = requestIdOf(headers, USUAL_REQUEST_IDS, body),
  ) {
    super(message);
  }
}

/** Where the API puts a request's id: the first of `headers` a response has, else the
 * string at `body` (keys into a JSON object body). */
export interface RequestIdPlaces {
  headers: readonly string[];
  body: readonly string[];
}

/** The headers APIs usually send a request id in. */
export const USUAL_REQUEST_IDS: RequestIdPlaces = {
  headers: ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amz-request-id', 'x-correlation-id'],
  body: [],
};

/** The request id a response carries (its headers, else its parsed `body`), or null. */
export function requestIdOf(
  headers: Headers,
  places: RequestIdPlaces = USUAL_REQUEST_IDS,
  body: unknown = undefined,
): string | null {
  for (const name of places.headers) {
    const value = headers.get(name);
    if (value) return value;
  }
  let found: unknown = places.body.length > 0 ? body : null;
  for (const key of places.body) {
    const isRecord = typeof found === 'object' && found !== null && !Array.isArray(found);
    const record = isRecord ? (found as Record<string, unknown>) : {};
    found = Object.hasOwn(record, key) ? record[key] : null;
  }
  return typeof found === 'string' && found !== '' ? found : null;
}

export class BadRequestError extends APIError { override name = 'BadRequestError'; }
export class AuthenticationError extends APIError { override name = 'AuthenticationError'; }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError'; }
export class NotFoundError extends APIError { override name = 'NotFoundError'; }
export class ConflictError extends APIError { override name = 'ConflictError'; }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError'; }
export class RateLimitError extends APIError { override name = 'RateLimitError'; }
export class InternalServerError extends APIError { override name = 'InternalServerError'; }

const ERRORS_BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error a status gives, carrying the parsed body. */
export function errorFor(
  status: number,
  body: unknown,
  headers: Headers,
  requestIds: RequestIdPlaces = USUAL_REQUEST_IDS,
): APIError {
  const kind = ERRORS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  const detail = typeof body === 'string' ? body : JSON.stringify(body);
  const requestId = requestIdOf(headers, requestIds, body);
  return new kind(status, body, headers, `${status} ${detail ?? ''}`.trim(), requestId);
}

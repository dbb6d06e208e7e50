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
  ) {
    super(message);
  }
  /** The server's request id (`x-request-id` or `request-id`), if it sent one. */
  get requestId(): string | null {
    return requestIdOf(this.headers);
  }
}

/** The request id a server sent (`x-request-id` or `request-id`), or null. */
export function requestIdOf(headers: Headers): string | null {
  return headers.get('x-request-id') ?? headers.get('request-id');
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
export function errorFor(status: number, body: unknown, headers: Headers): APIError {
  const kind = ERRORS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  const detail = typeof body === 'string' ? body : JSON.stringify(body);
  return new kind(status, body, headers, `${status} ${detail ?? ''}`.trim());
}

// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
// The runtime of sdkwright's TypeScript SDKs, copied into each one as src/core.ts.
// No dependencies: the global fetch (Node 18+, Deno, Bun, browsers) and AbortController.

import { APIPromise } from './api-promise.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  SDKError,
  USUAL_REQUEST_IDS,
  errorFor,
  type RequestIdPlaces,
} from './errors.js';
import type { ClientCredentials, TokenRequest } from './oauth.js';
import { firstPage, type PagePromise, type Paging } from './pagination.js';
import { EventStream } from './streaming.js';
import { appendPart, cookieHeader, isStream } from './uploads.js';

export * from './api-promise.js';
export * from './errors.js';
export * from './oauth.js';
export * from './pagination.js';
export * from './streaming.js';
export * from './uploads.js';

/** Settings every client takes. */
export interface ClientOptions {
  /** The API's base URL; a trailing slash is ignored. */
  baseURL?: string | undefined;
  /** Milliseconds before a request (each attempt) is abandoned. Default: 60 000. */
  timeout?: number | undefined;
  /** Retries after a connection error, a timeout, 408, 409, 429 or a 5xx. Default: 2. */
  maxRetries?: number | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch | undefined;
}

/** Settings of one call, overriding the client's. */
export interface RequestOptions {
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  /** The idempotency key sent by operations that take one (default: one per call). */
  idempotencyKey?: string | undefined;
}

export type QueryStyle = 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';
export type ResponseKind = 'json' | 'text' | 'bytes' | 'empty' | 'events' | 'raw';

/** A query parameter as the spec describes it (OpenAPI's style and explode). */
export interface QueryParam {
  name: string;
  value: unknown;
  style?: QueryStyle;
  explode?: boolean;
}

/** What a generated method asks the client to send. */
export interface APIRequest {
  method: string;
  path: string;
  query?: QueryParam[];
  headers?: Record<string, unknown>;
  /** Cookie parameters by wire name, sent in the Cookie header after the credentials'. */
  cookies?: Record<string, unknown>;
  body?: unknown;
  bodyEncoding?: BodyEncoding;
  contentType?: string;
  responseKind?: ResponseKind;
  /** Whether the API's credentials go with the request. */
  authenticated?: boolean;
  /** The header carrying an idempotency key ("" or absent: the operation takes none). */
  idempotencyHeader?: string;
}

/** An environment variable where there is an environment (Node, Bun, Deno's process shim). */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const RETRY_STATUSES = new Set([408, 409, 429]);
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** The base of every generated client: sends requests, retries, parses responses. */
export class BaseClient {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  protected readonly defaultHeaders: Record<string, string>;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions & { baseURL: string }) {
    this.baseURL = options.baseURL.replace(/\/+$/, '');
    this.timeout = options.timeout ?? 60_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.defaultHeaders = options.defaultHeaders ?? {};
    const found = options.fetch ?? globalThis.fetch;
    if (typeof found !== 'function') {
      throw new SDKError('No fetch: pass `fetch` to the client (Node 18+ has a global one).');
    }
    this.fetchImpl = found;
  }

  /** The OAuth client whose token requests carry, fetched by the client itself (set by a
   * generated client given a client id and secret instead of a token). */
  protected clientCredentials: ClientCredentials | undefined = undefined;

  /** The credentials a request carries: headers, and query parameters. */
  protected authHeaders(): Record<string, string> {
    return {};
  }

  protected authQuery(): Record<string, string> {
    return {};
  }

  /** Where the API puts its request ids (`APIError.requestId`, `withResponse()`). */
  protected requestIds(): RequestIdPlaces {
    return USUAL_REQUEST_IDS;
  }

  /** A path template with its parameters filled in, each percent-encoded. */
  buildPath(template: string, values: Record<string, unknown>): string {
    return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
      name in values ? encodeURIComponent(scalarText(values[name])) : whole,
    );
  }

  /** Sends `request` (retrying where that is safe); its parsed result when awaited. */
  request<T>(request: APIRequest, options: RequestOptions = {}): APIPromise<T> {
    const kind = request.responseKind ?? 'json';
    return new APIPromise(
      this.send(request, options),
      async (response) => (await parseResponse(response, kind, options.signal)) as T,
      this.requestIds(),
    );
  }

  /** The first page `request` asks for: awaitable, and async-iterable over every page's
   * items (the following pages requested as iteration gets there). */
  requestPage<Item, Body>(
    request: APIRequest,
    paging: Paging<Item, Body>,
    options: RequestOptions = {},
  ): PagePromise<Item, Body> {
    return firstPage((each) => this.send(each, options), request, paging, (response) =>
      parseResponse(response, 'json'),
    );
  }

  /** The 2xx response to `request`, after the retries that are safe; else its error. */
  private async send(request: APIRequest, options: RequestOptions): Promise<Response> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    // One key for every attempt: the caller's (an option, or the operation's own header
    // parameter), else a new one.
    const idempotencyKey = request.idempotencyHeader
      ? options.idempotencyKey ??
        headerValue(request.headers, request.idempotencyHeader) ??
        newIdempotencyKey()
      : undefined;
    const retryable =
      (IDEMPOTENT_METHODS.has(request.method.toUpperCase()) || idempotencyKey !== undefined) &&
      !isStream(request.body); // a stream is read once
    const oauth = request.authenticated === false ? undefined : this.clientCredentials;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let token: string | undefined;
      let response: Response;
      try {
        token = await oauth?.get((tokenRequest) => this.fetchToken(tokenRequest, options));
        const init = this.requestInit(request, options, idempotencyKey, token);
        response = await this.fetchWithTimeout(this.url(request), init, options);
      } catch (error) {
        // A connection error, or the token endpoint's retryable status.
        const retriable =
          error instanceof APIConnectionError ||
          (error instanceof APIError && shouldRetry(error.status, error.headers));
        if (retriable && retryable && attempt < maxRetries && !options.signal?.aborted) {
          await sleep(backoff(attempt, error instanceof APIError ? error.headers : null));
          continue;
        }
        throw error;
      }
      if (response.ok) return response;
      // The API refused the token (revoked, say): forgotten, and the call sent again at once
      // with a new one, once per call (not a retry: the request was refused, not done).
      if (response.status === 401 && oauth && token !== undefined && !renewed && !isStream(request.body)) {
        renewed = true;
        oauth.invalidate(token);
        await response.body?.cancel().catch(() => undefined);
        attempt--;
        continue;
      }
      if (retryable && attempt < maxRetries && shouldRetry(response.status, response.headers)) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(backoff(attempt, response.headers));
        continue;
      }
      const body = await parseErrorBody(response);
      throw errorFor(response.status, body, response.headers, this.requestIds());
    }
  }

  /** The token endpoint's 2xx response to `token` (a relative URL is the base URL's). */
  private async fetchToken(token: TokenRequest, options: RequestOptions): Promise<Response> {
    const url = token.url.includes('://')
      ? token.url
      : `${this.baseURL}${token.url.startsWith('/') ? '' : '/'}${token.url}`;
    const init = { method: 'POST', headers: token.headers, body: token.body };
    const response = await this.fetchWithTimeout(url, init, options);
    if (!response.ok) {
      const body = await parseErrorBody(response);
      throw errorFor(response.status, body, response.headers, this.requestIds());
    }
    return response;
  }

  private url(request: APIRequest): string {
    const params = new URLSearchParams();
    for (const param of request.query ?? []) {
      appendQuery(params, param);
    }
    if (sendsBodyInQuery(request)) {
      for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
        appendQuery(params, { name, value });
      }
    }
    if (request.authenticated !== false) {
      for (const [name, value] of Object.entries(this.authQuery())) params.append(name, value);
    }
    const query = params.toString();
    return `${this.baseURL}${request.path}${query ? `?${query}` : ''}`;
  }

  private requestInit(
    request: APIRequest,
    options: RequestOptions,
    idempotencyKey: string | undefined,
    token: string | undefined,
  ): RequestInit {
    const accept = request.responseKind === 'events' ? 'text/event-stream' : 'application/json';
    const headers = new Headers({ Accept: accept, ...this.defaultHeaders });
    if (request.authenticated !== false) {
      for (const [name, value] of Object.entries(this.authHeaders())) headers.set(name, value);
    }
    if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, scalarText(value));
    }
    const cookie = cookieHeader(headers.get('Cookie'), request.cookies ?? {});
    if (cookie !== null) headers.set('Cookie', cookie);
    if (request.idempotencyHeader && idempotencyKey !== undefined) {
      headers.set(request.idempotencyHeader, idempotencyKey);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    const init: RequestInit = { method: request.method.toUpperCase(), headers };
    if (request.body !== undefined && !sendsBodyInQuery(request)) {
      if (!BODYLESS_METHODS.has(init.method as string)) {
        init.body = encodeBody(request, headers);
        // fetch sends a stream only when told it may start before the response (Node).
        if (isStream(init.body)) (init as RequestInit & { duplex: 'half' }).duplex = 'half';
      } else {
        throw new SDKError(`fetch cannot send a ${request.bodyEncoding ?? 'json'} body with ${init.method}`);
      }
    }
    return init;
  }

  private async fetchWithTimeout(
    url: string,
    init: RequestInit,
    options: RequestOptions,
  ): Promise<Response> {
    const controller = new AbortController();
    const timeout = options.timeout ?? this.timeout;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const abort = () => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      return await this.fetchImpl(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (timedOut) throw new APITimeoutError(`Request timed out after ${timeout} ms`, { cause: error });
      if (options.signal?.aborted) throw new APIConnectionError('Request aborted', { cause: error });
      throw new APIConnectionError(`Connection error: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
    }
  }
}

/** fetch sends no body with GET or HEAD: a form body then goes in the query, as a form's
 * fields would. */
function sendsBodyInQuery(request: APIRequest): boolean {
  return (
    BODYLESS_METHODS.has(request.method.toUpperCase()) &&
    request.bodyEncoding === 'form' &&
    typeof request.body === 'object' &&
    request.body !== null
  );
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === lower && value !== undefined && value !== null) return scalarText(value);
  }
  return undefined;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function appendQuery(params: URLSearchParams, param: QueryParam): void {
  const { name, value } = param;
  if (value === undefined || value === null) return;
  const style = param.style ?? 'form';
  const explode = param.explode ?? true;
  if (Array.isArray(value)) {
    const items = value.map(scalarText);
    if (style === 'form' && explode) {
      for (const item of items) params.append(name, item);
    } else {
      const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
      params.append(name, items.join(separator));
    }
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null,
    );
    if (style === 'deepObject') {
      for (const [key, v] of entries) params.append(`${name}[${key}]`, scalarText(v));
    } else if (explode) {
      for (const [key, v] of entries) params.append(key, scalarText(v));
    } else {
      params.append(name, entries.flatMap(([key, v]) => [key, scalarText(v)]).join(','));
    }
  } else {
    params.append(name, scalarText(value));
  }
}

function encodeBody(request: APIRequest, headers: Headers): BodyInit {
  const body = request.body;
  switch (request.bodyEncoding ?? 'json') {
    case 'form': {
      headers.set('Content-Type', request.contentType ?? 'application/x-www-form-urlencoded');
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        appendQuery(form, { name, value });
      }
      return form;
    }
    case 'multipart': {
      const form = new FormData(); // fetch sets the Content-Type with its boundary
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        appendPart(form, name, value);
      }
      return form;
    }
    case 'binary':
    case 'text':
      headers.set('Content-Type', request.contentType ?? 'application/octet-stream');
      return body as BodyInit;
    default:
      headers.set('Content-Type', request.contentType ?? 'application/json');
      return JSON.stringify(body);
  }
}

async function parseResponse(
  response: Response,
  kind: ResponseKind,
  signal?: AbortSignal,
): Promise<unknown> {
  switch (kind) {
    case 'raw':
      return response;
    case 'events':
      return new EventStream(response, signal);
    case 'empty':
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    case 'text':
      return response.text();
    case 'bytes':
      return response.arrayBuffer();
    default: {
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    }
  }
}

async function parseErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function shouldRetry(status: number, headers: Headers): boolean {
  const told = headers.get('x-should-retry');
  if (told === 'true') return true;
  if (told === 'false') return false;
  return RETRY_STATUSES.has(status) || status >= 500;
}

/** Milliseconds before the next attempt: the server's Retry-After when it is reasonable,
 * else an exponential backoff with jitter. */
export function backoff(attempt: number, headers: Headers | null): number {
  const told = headers ? retryAfterMs(headers) : null;
  if (told !== null && told >= 0 && told <= MAX_RETRY_AFTER_MS) return told;
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
  return base * (0.75 + Math.random() * 0.25);
}

function retryAfterMs(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  return `sdkwright-${hex.join('')}`;
}

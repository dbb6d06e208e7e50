// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Pages of list methods, copied into each SDK as src/pagination.ts. A paginated method
// returns a `PagePromise`:
//
//     for await (const order of client.orders.list()) { ... }   // every item, page by page
//     const page = await client.orders.list();                  // the first page
//     page.items; page.body; page.response;                     // its items, body, Response
//     if (page.hasNextPage()) await page.getNextPage();
//     for await (const each of page.iterPages()) { ... }         // page by page
//
// The next page is requested only when iteration gets there. Paging stops when the server
// gives no next cursor, an empty page, the cursor it was just sent (a server bug that would
// otherwise loop forever), or, where the call asked for a page size, a shorter page.

import { APIPromise } from './api-promise.js';
import { SDKError } from './errors.js';
import type { APIRequest, QueryParam } from './core.js';

/** How a method pages (the spec's pagination, as sdkwright detected or was told it). */
export interface Paging<Item, Body> {
  /** cursor: a token from the body; after_last: the last item's `id` while `hasMore`;
   * offset: advanced by the items received; page: a page number advanced by one;
   * next_url: the next page's URL, whose query parameters are sent again. */
  style: 'cursor' | 'after_last' | 'offset' | 'page' | 'next_url';
  /** The query parameter the cursor, offset or page number goes in (none for next_url). */
  parameter?: string;
  /** The query parameter asking for a page size: a page shorter than asked is the last. */
  limit?: string;
  items: (body: Body) => Item[] | null | undefined;
  /** The next cursor (cursor) or URL (next_url). */
  next?: (body: Body) => unknown;
  /** Whether there are more items (after_last). */
  hasMore?: (body: Body) => unknown;
}

/** One page of results; `for await` over it goes through the items of every page from it. */
export class APIPage<Item, Body> implements AsyncIterable<Item> {
  constructor(
    /** The page's parsed body. */
    readonly body: Body,
    /** The page's items. */
    readonly items: Item[],
    /** The fetch `Response` the page was read from. */
    readonly response: Response,
    private readonly following: (() => PagePromise<Item, Body>) | null,
  ) {}

  hasNextPage(): boolean {
    return this.following !== null;
  }

  getNextPage(): PagePromise<Item, Body> {
    if (this.following === null) {
      throw new SDKError('This is the last page: check hasNextPage() first.');
    }
    return this.following();
  }

  /** This page, then each following one, fetched as iteration gets there. */
  async *iterPages(): AsyncGenerator<APIPage<Item, Body>, void, undefined> {
    for (let page: APIPage<Item, Body> = this; ; page = await page.getNextPage()) {
      yield page;
      if (!page.hasNextPage()) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/** The first page, awaitable, and async-iterable over the items of every page. */
export class PagePromise<Item, Body>
  extends APIPromise<APIPage<Item, Body>>
  implements AsyncIterable<Item>
{
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }
}

/** The page `request` asks for, and the ones after it on demand; `send` sends a request,
 * returning its (2xx) response. */
export function firstPage<Item, Body>(
  send: (request: APIRequest) => Promise<Response>,
  request: APIRequest,
  paging: Paging<Item, Body>,
  parseBody: (response: Response) => Promise<unknown>,
): PagePromise<Item, Body> {
  const cursor = paging.style === 'next_url' ? undefined : queryValue(request, paging.parameter);
  const limit = Number(queryValue(request, paging.limit) ?? NaN);
  return new PagePromise(send(request), async (response) => {
    const body = (await parseBody(response)) as Body;
    const items = paging.items(body) ?? [];
    const next = following(cursor, nextCursor(paging, body, cursor, items), items, limit);
    const fetchNext =
      next === null
        ? null
        : () => firstPage(send, withCursor(request, paging, next), paging, parseBody);
    return new APIPage(body, items, response, fetchNext);
  });
}

function nextCursor<Item, Body>(
  paging: Paging<Item, Body>,
  body: Body,
  cursor: unknown,
  items: Item[],
): unknown {
  switch (paging.style) {
    case 'cursor':
    case 'next_url':
      return paging.next?.(body);
    case 'after_last': {
      const last = items[items.length - 1] as { id?: unknown } | null | undefined;
      return paging.hasMore?.(body) ? last?.id : null;
    }
    case 'offset':
      return Number(cursor ?? 0) + items.length;
    case 'page':
      return Number(cursor ?? 1) + 1;
  }
}

/** The cursor of the next page, or null where paging must stop. */
function following(current: unknown, next: unknown, items: unknown[], limit: number): unknown {
  if (next === null || next === undefined || next === '' || next === current) return null;
  if (typeof next === 'number' && !Number.isFinite(next)) return null;
  if (items.length === 0) return null;
  if (limit > 0 && items.length < limit) return null; // a short page: the server had no more
  return next;
}

function queryValue(request: APIRequest, name: string | undefined): unknown {
  if (!name) return undefined;
  return request.query?.find((param) => param.name === name)?.value ?? undefined;
}

/** `request` asking for the page at `cursor`: its parameter set to it, or, for next-URL
 * paging, the next URL's query parameters in place of the same ones. */
function withCursor<Item, Body>(
  request: APIRequest,
  paging: Paging<Item, Body>,
  cursor: unknown,
): APIRequest {
  let replaced: QueryParam[];
  if (paging.style === 'next_url') {
    replaced = urlQuery(String(cursor));
  } else if (paging.parameter) {
    replaced = [{ name: paging.parameter, value: cursor }];
  } else {
    return request;
  }
  const names = new Set(replaced.map((param) => param.name));
  const kept = (request.query ?? []).filter((param) => !names.has(param.name));
  const styled = replaced.map((param) => ({
    ...request.query?.find((own) => own.name === param.name),
    ...param,
  }));
  return { ...request, query: [...kept, ...styled] };
}

/** A URL's query parameters, repeated ones as a list (sent exploded, as they came). */
function urlQuery(url: string): QueryParam[] {
  const values = new Map<string, string[]>();
  new URL(url, 'http://next.invalid').searchParams.forEach((value, name) => {
    values.set(name, [...(values.get(name) ?? []), value]);
  });
  return [...values].map(([name, found]) => ({
    name,
    value: found.length === 1 ? found[0] : found,
    ...(found.length === 1 ? {} : { style: 'form' as const, explode: true }),
  }));
}

// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Server-sent events, copied into each SDK as src/streaming.ts. A method answering with
// `text/event-stream` resolves to an `EventStream`, iterated once with `for await`:
//
//     const stream = await client.chat.stream({ ... });
//     for await (const event of stream) console.log(event.event, event.json());
//
// Events are parsed as the HTML standard describes
// (https://html.spec.whatwg.org/multipage/server-sent-events.html): lines end with CRLF, LF or
// CR; a blank line ends an event; `data` lines accumulate; `id` persists from one event to the
// next; `retry` must be all digits; lines starting with `:` are comments. No reconnection.

import { APIConnectionError, SDKError } from './errors.js';

/** One event of a `text/event-stream` response; `json()` parses its data (as `T` where the
 * spec types the stream). */
export class ServerSentEvent<T = unknown> {
  constructor(
    readonly data: string,
    readonly event: string = 'message',
    readonly id: string | null = null,
    readonly retry: number | null = null,
  ) {}

  /** The event's data decoded as JSON. */
  json(): T {
    return JSON.parse(this.data) as T;
  }
}

/** The events of a response as they arrive. Breaking out of `for await`, `close()`, or
 * aborting the call's `signal` (the loop then throws an `APIConnectionError`) closes the
 * connection; the stream can be iterated once. */
export class EventStream<T = unknown> implements AsyncIterable<ServerSentEvent<T>> {
  private consumed = false;

  constructor(
    /** The fetch `Response` the events are read from. */
    readonly response: Response,
    private readonly signal?: AbortSignal | undefined,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<ServerSentEvent<T>, void, undefined> {
    if (this.consumed) throw new SDKError('This stream has been iterated already.');
    this.consumed = true;
    const body = this.response.body;
    if (body === null) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const lines = new LineSplitter();
    const events = new EventDecoder<T>();
    let done = false;
    const abort = () => void reader.cancel().catch(() => undefined);
    this.signal?.addEventListener('abort', abort, { once: true });
    try {
      for (;;) {
        if (this.signal?.aborted) throw new APIConnectionError('Request aborted');
        const chunk = await reader.read();
        if (this.signal?.aborted) throw new APIConnectionError('Request aborted');
        const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
        for (const line of chunk.done ? [...lines.feed(text), ...lines.flush()] : lines.feed(text)) {
          const event = events.feed(line);
          if (event !== null) yield event;
        }
        if (chunk.done) break; // an unfinished event at the end is dropped
      }
      done = true;
    } finally {
      this.signal?.removeEventListener('abort', abort);
      if (!done) await reader.cancel().catch(() => undefined); // closes the connection
      reader.releaseLock();
    }
  }

  /** Stops reading and closes the connection. */
  async close(): Promise<void> {
    this.consumed = true;
    await this.response.body?.cancel().catch(() => undefined);
  }
}

/** Cuts text into lines, whichever of CRLF, LF or CR ends them (a CR ending a chunk may be
 * the first half of a CRLF: it waits for the next one). */
class LineSplitter {
  private buffer = '';

  feed(text: string): string[] {
    const data = this.buffer + text;
    const lines: string[] = [];
    let start = 0;
    for (let index = 0; index < data.length; index++) {
      const char = data[index];
      if (char === '\n') {
        lines.push(data.slice(start, index));
        start = index + 1;
      } else if (char === '\r') {
        if (index === data.length - 1) break;
        lines.push(data.slice(start, index));
        if (data[index + 1] === '\n') index++;
        start = index + 1;
      }
    }
    this.buffer = data.slice(start);
    return lines;
  }

  /** The last line, at the end of the stream. */
  flush(): string[] {
    const rest = this.buffer.endsWith('\r') ? this.buffer.slice(0, -1) : this.buffer;
    const ended = this.buffer.endsWith('\r');
    this.buffer = '';
    return rest || ended ? [rest] : [];
  }
}

/** Turns lines into events; `feed` returns an event when a blank line completes one. */
class EventDecoder<T> {
  private event = '';
  private data: string[] = [];
  private lastId: string | null = null;
  private retry: number | null = null;
  private firstLine = true;

  feed(line: string): ServerSentEvent<T> | null {
    if (this.firstLine) {
      this.firstLine = false;
      if (line.startsWith('\ufeff')) line = line.slice(1); // a byte order mark may open it
    }
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'event') this.event = value;
    else if (name === 'data') this.data.push(value);
    else if (name === 'id' && !value.includes('\0')) this.lastId = value;
    else if (name === 'retry' && /^[0-9]+$/.test(value)) this.retry = Number(value);
    return null;
  }

  private dispatch(): ServerSentEvent<T> | null {
    const { data, event, retry } = this;
    this.data = [];
    this.event = '';
    this.retry = null;
    if (data.length === 0) return null; // the standard drops events without data
    return new ServerSentEvent<T>(data.join('\n'), event || 'message', this.lastId, retry);
  }
}

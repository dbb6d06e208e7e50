// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// Files, binary bodies and cookies on the wire, copied into each SDK as src/uploads.ts.

/** What a multipart file field takes: a `Blob` or `File` (its name is the part's filename),
 * or bytes (sent as a file named `upload`). */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView;

/** What a binary request body takes: bytes, a `Blob` or `File`, text, or a stream (sent as it
 * is read; a request with a stream body is never retried, as it cannot be read twice). */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Appends one multipart field: files and bytes as file parts, other values as text
 * (objects as JSON), a list as one part per item. */
export function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendPart(form, name, item);
  } else if (value instanceof Blob) {
    const named = (value as { name?: unknown }).name;
    form.append(name, value, typeof named === 'string' && named ? named : 'upload');
  } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    form.append(name, new Blob([value]), 'upload');
  } else {
    form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** Whether `body` can be sent once only (a stream). */
export function isStream(body: unknown): body is ReadableStream {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** The Cookie header: the credentials' (`existing`), then the operation's cookie parameters,
 * each `name=value` with what a cookie cannot hold percent-encoded (and `%`, so a server that
 * decodes cookies gets the value back); a list is joined with commas (OpenAPI's form style). */
export function cookieHeader(existing: string | null, cookies: Record<string, unknown>): string | null {
  const pairs = existing ? [existing] : [];
  for (const [name, value] of Object.entries(cookies)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(cookieText).join(',') : cookieText(value);
    pairs.push(`${name}=${encodeCookieValue(text)}`);
  }
  return pairs.length ? pairs.join('; ') : null;
}

function cookieText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// RFC 6265's cookie-octet, with "," and without "%": the characters sent as they are.
const COOKIE_SAFE = /^[\x21\x23\x24\x26-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E,]$/;

function encodeCookieValue(text: string): string {
  let encoded = '';
  for (const char of text) encoded += COOKIE_SAFE.test(char) ? char : encodeURIComponent(char);
  return encoded;
}

// File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
// OAuth 2 client credentials (RFC 6749, section 4.4), copied into each SDK as src/oauth.ts:
// the access token a client fetches for itself from the API's token endpoint with its client
// id and secret, as the Python SDKs do.
//
// The token is fetched when a request first needs it, kept until shortly before it expires
// (`expires_in`), fetched again then, and at once when the API answers 401 to it (a token the
// server revoked; once per call). One fetch at a time: concurrent requests wait for it. The
// client authenticates to the token endpoint with HTTP basic authentication, which RFC 6749
// (section 2.3.1) requires every server to support.

import { SDKError } from './errors.js';

/** The token endpoint answered, but with no usable access token. */
export class OAuthTokenError extends SDKError {
  override name = 'OAuthTokenError';
}

// A token is renewed this long before it expires, so that no request carries one that
// expires on its way; never more than half its lifetime.
const RENEW_BEFORE_MS = 30_000;

/** What a token request sends (section 4.4.2). */
export interface TokenRequest {
  url: string;
  headers: Record<string, string>;
  body: URLSearchParams;
}

/** The access token of one client id, and how to fetch it. */
export class ClientCredentials {
  private token: string | null = null;
  private renewAt = 0;
  private fetching: Promise<string> | null = null;

  constructor(
    /** The token endpoint, as the spec writes it (a relative one is the base URL's). */
    readonly tokenURL: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly scopes: readonly string[] = [],
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** The token, unless there is none yet or it is about to expire. */
  current(): string | null {
    return this.token !== null && this.clock() < this.renewAt ? this.token : null;
  }

  /** The current token, else one fetched by `send` (which throws for an error status); a
   * fetch under way is shared. */
  async get(send: (request: TokenRequest) => Promise<Response>): Promise<string> {
    const current = this.current();
    if (current !== null) return current;
    this.fetching ??= send(this.request())
      .then((response) => this.accept(response))
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  }

  /** Forget `token` (the API refused it), unless another request already renewed it. */
  invalidate(token: string): void {
    if (this.token === token) this.token = null;
  }

  private request(): TokenRequest {
    const user = `${formEncode(this.clientId)}:${formEncode(this.clientSecret)}`;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.scopes.length) body.set('scope', this.scopes.join(' '));
    return {
      url: this.tokenURL,
      headers: {
        Authorization: `Basic ${base64(user)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body,
    };
  }

  /** Keeps the token of a successful token response (section 5.1), and returns it. */
  private async accept(response: Response): Promise<string> {
    const text = await response.text();
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: no token
    }
    const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const token = fields['access_token'];
    if (typeof token !== 'string' || !token) {
      throw new OAuthTokenError(`the token endpoint sent no access_token: ${text.slice(0, 200)}`);
    }
    const lifetime = fields['expires_in'];
    const ms = typeof lifetime === 'number' && lifetime > 0 ? lifetime * 1000 : null;
    this.token = token;
    this.renewAt = ms === null ? Infinity : this.clock() + ms - Math.min(RENEW_BEFORE_MS, ms / 2);
    return token;
  }
}

/** RFC 6749's encoding of the client id and secret (section 2.3.1): every reserved
 * character percent-encoded. */
function formEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes));
}

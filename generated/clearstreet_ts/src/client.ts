// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
import * as $core from './core.js';
import { PositionsResource } from './resources/positions.js';

/** The API's base URL, unless the options or `CLEAR_STREET_BASE_URL` give another. */
export const DEFAULT_BASE_URL = "https://api.clearstreet.com";

export interface ClearStreetOptions extends $core.ClientOptions {
  /**
   * JWT Bearer token sent in the `Authorization` header.
   *
   * Defaults to the `CLEAR_STREET_API_KEY` environment variable.
   */
  apiKey?: string | undefined;
}

/**
 * The Clear Street Trading API, reduced to the Cancel Position Instruction endpoint. Every response uses the standard envelope: `data` carries the payload, `error` a structured error or `null`, and `metadata` the request ID and pagination information.
 */
export class ClearStreet extends $core.BaseClient {
  readonly apiKey: string | undefined;
  /**
   * View positions and manage position instructions.
   */
  readonly positions: PositionsResource;

  constructor(options: ClearStreetOptions = {}) {
    const baseURL = options.baseURL ?? $core.readEnv("CLEAR_STREET_BASE_URL") ?? DEFAULT_BASE_URL;
    if (!baseURL) {
      throw new $core.SDKError("No base URL: pass baseURL to the client or set the CLEAR_STREET_BASE_URL environment variable.");
    }
    super({ ...options, baseURL });
    this.apiKey = options.apiKey ?? $core.readEnv("CLEAR_STREET_API_KEY");
    if (this.apiKey === undefined) {
      throw new $core.SDKError("No credential: pass apiKey to the client or set the CLEAR_STREET_API_KEY environment variable.");
    }
    this.positions = new PositionsResource(this);
  }

  protected override requestIds(): $core.RequestIdPlaces {
    return {
      headers: $core.USUAL_REQUEST_IDS.headers,
      body: ["metadata", "request_id"],
    };
  }

  protected override authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.apiKey !== undefined) headers["Authorization"] = `Bearer ${this.apiKey}`;
    return headers;
  }

  protected override authQuery(): Record<string, string> {
    const query: Record<string, string> = {};
    return query;
  }
}

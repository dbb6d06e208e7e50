// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
// The API's types: interfaces for objects, literal unions for enums (open to values the
// server adds later), `| null` where the API sends null, `?` where it may leave a value out.

/**
 * A structured API error (a direct mapping of tonic::Status, for use in HTTP responses).
 */
export interface ApiError {
  /**
   * The error code is used to identify the nature of the error. It corresponds to an HTTP status code.
   */
  code: number;
  /**
   * A human-readable message providing more details about the error.
   */
  message: string;
  /**
   * Additional error details, if any. This can include structured information such as field violations or error metadata.
   */
  details?: Array<{ [key: string]: unknown }>;
}

/**
 * Response envelope carrying the updated position instruction.
 */
export interface CancelPositionInstructionResponse {
  /**
   * Response metadata, including the request ID and optional pagination info.
   */
  metadata: ResponseMetadata;
  /**
   * Structured error details when the request is unsuccessful; `null` otherwise.
   */
  error?: ApiError | null;
  /**
   * A position instruction and its current lifecycle state.
   */
  data: PositionInstruction;
}

/**
 * A position instruction and its current lifecycle state.
 */
export interface PositionInstruction {
  /**
   * Server-assigned id. Used as the path parameter on cancel.
   */
  id: string;
  /**
   * Account the instruction belongs to.
   */
  account_id: number;
  /**
   * Caller-supplied idempotency key echoed from the submit request; the server-assigned fallback when none was supplied.
   */
  instruction_id: string;
  /**
   * The action this instruction requests.
   */
  instruction_type: PositionInstructionType;
  /**
   * Identifier of the options contract this instruction acts on.
   */
  instrument_id: string;
  /**
   * Number of contracts included in the instruction.
   */
  quantity: string;
  /**
   * Current lifecycle status.
   */
  status: PositionInstructionStatus;
  /**
   * Options symbol (OSI) for display.
   */
  symbol: string;
  /**
   * Number of contracts accepted by the clearing venue. Populated once the instruction reaches ACCEPTED.
   */
  accepted_quantity?: string | null;
  /**
   * When the instruction was first accepted by the service.
   */
  created_at?: string | null;
  /**
   * Human-readable explanation populated on any non-success terminal status — REJECTED, ENGINE_REJECTED, or CANCEL_FAILED. On a 207 Multi-Status batch submit the top-level error field summarizes the batch; per-row detail continues to live here.
   */
  rejection_reason?: string | null;
  /**
   * When the instruction’s lifecycle state last changed.
   */
  updated_at?: string | null;
}

/**
 * Lifecycle status of a position instruction.
 *
 * - `SENT`: accepted and submitted to the clearing venue.
 * - `ACCEPTED`: terminal — accepted by the clearing venue.
 * - `REJECTED`: terminal rejection; `rejection_reason` carries the detail.
 * - `ENGINE_REJECTED`: terminal non-success status; `rejection_reason`
 *   carries the detail.
 * - `CANCEL_REQUESTED`: cancel accepted; final cancel state pending.
 * - `CANCELLED`: terminal — cancel completed.
 * - `CANCEL_FAILED`: cancel could not be completed; operator attention
 *   required. `rejection_reason` carries the detail.
 * - `UNKNOWN`: status could not be determined.
 */
export type PositionInstructionStatus = "SENT" | "ACCEPTED" | "REJECTED" | "ENGINE_REJECTED" | "CANCEL_REQUESTED" | "CANCELLED" | "CANCEL_FAILED" | "UNKNOWN" | (string & {});

/**
 * The action to take against an options position.
 *
 * - `EXERCISE`: exercise the contracts.
 * - `DO_NOT_EXERCISE`: do not exercise the contracts.
 * - `CONTRARY_EXERCISE`: contrary exercise advice.
 */
export type PositionInstructionType = "EXERCISE" | "DO_NOT_EXERCISE" | "CONTRARY_EXERCISE" | (string & {});

/**
 * Metadata for the response. This will always contain a request ID which can be used to identify the request to Clear Street for tracing, and optionally may include pagination data.
 */
export interface ResponseMetadata {
  /**
   * A unique ID for this request, generated upon ingestion of the request.
   */
  request_id: string;
  /**
   * A token that can be used to retrieve the next page of results, if any. The token contains opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must be provided with each request.
   */
  next_page_token?: string | null;
  /**
   * Pagination. Included if this was a GET (list) response.
   */
  page_number?: number | null;
  /**
   * A token that can be used to retrieve the previous page of results, if any. The token contains opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must be provided with each request.
   */
  previous_page_token?: string | null;
  /**
   * Total number of items available (not just in this page).
   */
  total_items?: number | null;
  /**
   * Total number of pages available.
   */
  total_pages?: number | null;
}

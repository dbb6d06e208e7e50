// File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
import type { APIPromise, BaseClient, RequestOptions } from '../core.js';
import type * as Models from '../models.js';

export interface CancelPositionInstructionParams {
  /**
   * Account identifier
   */
  accountId: number;
  /**
   * Server-assigned instruction id
   */
  instructionId: string;
}

/**
 * View positions and manage position instructions.
 */
export class PositionsResource {
  constructor(private readonly client: BaseClient) {}

  /**
   * Cancel Position Instruction
   *
   * Cancel an outstanding position instruction by its server-assigned id. Returns the updated instruction with status CANCEL_REQUESTED. The terminal CANCELLED or CANCEL_FAILED state arrives asynchronously and is observable via subsequent GETs.
   */
  cancelPositionInstruction(
    params: CancelPositionInstructionParams,
    options?: RequestOptions,
  ): APIPromise<Models.CancelPositionInstructionResponse> {
    return this.client.request<Models.CancelPositionInstructionResponse>(
      {
        method: "DELETE",
        path: this.client.buildPath("/v1/accounts/{account_id}/positions/instructions/{instruction_id}", {
          account_id: params.accountId,
          instruction_id: params.instructionId,
        }),
        responseKind: "json",
      },
      options,
    );
  }
}

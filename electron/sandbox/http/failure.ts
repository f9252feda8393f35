import type { ApiErrorBody, ErrorCode } from '../../../shared/errors';

/** A refusal the sandbox answers with; the router turns it into the contract's error body. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'path' | 'conflict'> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

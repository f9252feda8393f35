import type { ApiErrorBody, ErrorCode } from '../../../shared/errors';

/** A refusal the sandbox answers with; the router turns it into the contract's error body. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'path' | 'conflict'> = {},
    /** HTTP headers that go with the refusal, e.g. Retry-After on rate_limited. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

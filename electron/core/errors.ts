import type { ApiErrorBody, DeskError, DeskErrorCode } from '../../shared/errors';

/**
 * The one error type the core throws on purpose. It carries a code the renderer translates;
 * anything else that escapes a handler is reported as `internal`, without its stack.
 */
export class DeskFailure extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    readonly extra: Pick<DeskError, 'path' | 'conflict'> & { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  /** Failures worth retrying later: the platform was unreachable or overloaded. */
  get transient(): boolean {
    return this.code === 'platform_unreachable' || this.code === 'internal' || this.code === 'rate_limited';
  }

  toDeskError(): DeskError {
    const { path, conflict } = this.extra;
    return { code: this.code, message: this.message, ...(path ? { path } : {}), ...(conflict ? { conflict } : {}) };
  }

  static fromPlatform(status: number, body: ApiErrorBody): DeskFailure {
    return new DeskFailure(body.code, body.message, { path: body.path, conflict: body.conflict, status });
  }
}

export function asDeskError(error: unknown): DeskError {
  if (error instanceof DeskFailure) return error.toDeskError();
  return { code: 'internal', message: 'the console core failed; the error was logged' };
}

import type { DeskError } from '../../shared/errors';

/** A failed channel call, carrying the code the UI translates; never shown as a stack. */
export class DeskCallError extends Error {
  constructor(readonly deskError: DeskError) {
    super(`${deskError.code}: ${deskError.message}`);
    this.name = 'DeskCallError';
  }
}

/** Whatever went wrong, as a DeskError: anything that is not ours is reported as `internal`. */
export function asDeskError(error: unknown): DeskError {
  if (error instanceof DeskCallError) return error.deskError;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

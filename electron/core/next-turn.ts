/**
 * Resolves on the event loop's next turn, after the I/O and requests that are waiting: long
 * work in the core yields with it so the console's calls are answered in between.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

import { createContext, useContext } from 'react';

/**
 * Whether the console is locked. The console stays mounted under the lock screen so unfinished
 * work survives, so anything showing personal data (a revealed number) listens here to drop it.
 */
export const ConsoleLockContext = createContext(false);

export const useConsoleLocked = (): boolean => useContext(ConsoleLockContext);

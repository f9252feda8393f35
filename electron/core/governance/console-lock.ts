import type { HandlerTable } from '../handlers';
import type { SessionManager } from '../session/session-manager';

/**
 * The idle lock. Locking is local and immediate (it must work with the platform down); the
 * audit event follows, best effort, and a failure to report it is logged, not shown. Unlocking
 * is a fresh sign-in, so it cannot happen without the platform; its event is reported with the
 * new session.
 */
export function consoleLockHandlers(session: SessionManager, log: (line: string) => void): Pick<HandlerTable, 'session:lock' | 'session:unlock'> {
  const report = async (action: 'console.lock' | 'console.unlock') => {
    try {
      await session.workspace().client.call('recordClientAuditEvent', { body: { action, subject: null, detail: {} } });
    } catch (error) {
      log(`core: could not record ${action}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    'session:lock': async () => {
      const { changed } = session.lock();
      if (changed) await report('console.lock');
      return session.status();
    },
    'session:unlock': async ({ password }) => {
      const { changed } = await session.unlock(password);
      if (changed) await report('console.unlock');
      return session.status();
    },
  };
}


import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../../shared/redact';

export type CoreLog = (line: string) => void;

export const LOG_FILE = 'desk.log';
/** One rotation keeps a week of an ordinary console's lines without letting a loop fill the disk. */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * The core's one log: every line is redacted first (phones, e-mails, tokens, passwords), then
 * appended to desk.log in the data folder and handed to `echo` (stderr, or a test's sink).
 * Writing the log never throws: a full disk must not take a staff action down with it.
 */
export function createCoreLog(dataDir: string, echo: CoreLog): CoreLog {
  const file = join(dataDir, LOG_FILE);
  return (line) => {
    const safe = redactSecrets(line);
    try {
      mkdirSync(dataDir, { recursive: true });
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, `${new Date().toISOString()} ${safe}\n`, { mode: 0o600 });
    } catch {
      // Nowhere better to say it than the echo below.
    }
    echo(safe);
  };
}

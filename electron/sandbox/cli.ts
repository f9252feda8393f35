import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSandbox } from './server';

/**
 * `npm run sandbox -- --port 0 --data DIR --listings N`: the reference platform on loopback.
 * Scripts read its output: one `staff <role> <username> <password>` line per demo account,
 * then exactly one `sandbox listening on <url>` line once requests are served.
 */
const usage = `usage: npm run sandbox -- [--port N] [--data DIR] [--listings N] [--seed N] [--anchor YYYY-MM-DD]
                          [--staff-password PW] [--claim-ttl SECONDS] [--access-ttl SECONDS]
                          [--seed-database FILE]   (start an empty data folder from a ready database)
                          [--faults]               (fault mode for reliability tests: PUT /__faults takes a plan)`;

function positiveInt(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got "${text}"\n${usage}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        listings: { type: 'string' },
        seed: { type: 'string' },
        anchor: { type: 'string' },
        'staff-password': { type: 'string' },
        'seed-database': { type: 'string' },
        'claim-ttl': { type: 'string' },
        'access-ttl': { type: 'string' },
        faults: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const anchor = values.anchor === undefined ? undefined : new Date(`${values.anchor}T00:00:00Z`);
  if (anchor && Number.isNaN(anchor.getTime())) {
    console.error(`--anchor must be a date like 2026-11-29, got "${values.anchor}"`);
    process.exit(2);
  }
  const sandbox = await startSandbox({
    dataDir: resolve(values.data ?? '.sandbox-data'),
    port: positiveInt('port', values.port, 4780, 0),
    listings: positiveInt('listings', values.listings, 3000),
    seed: positiveInt('seed', values.seed, 20261129, 0),
    anchor,
    staffPassword: values['staff-password'],
    seedDatabase: values['seed-database'],
    faults: values.faults === true,
    settings: {
      claimTtlSeconds: positiveInt('claim-ttl', values['claim-ttl'], 600),
      accessTtlSeconds: positiveInt('access-ttl', values['access-ttl'], 900),
    },
  });
  if (values.faults) console.error('fault mode on: PUT /__faults takes a fault plan');
  for (const account of sandbox.staff) console.log(`staff ${account.role} ${account.username} ${account.password}`);
  console.log(`sandbox listening on ${sandbox.url}`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox failed to start: ${(error as Error).message}`);
  process.exit(1);
});

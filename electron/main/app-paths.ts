import { join } from 'node:path';

/** Where the build puts each piece, relative to the folder of the built main (out/main). */
export function builtPaths(mainDir: string) {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    renderer: join(mainDir, '../renderer'),
    core: join(mainDir, 'core.js'),
    sandbox: join(mainDir, 'sandbox.js'),
    /** The demo platform's starting database, written by `npm run build`. */
    seedDatabase: join(mainDir, '../seed/platform.sqlite'),
  };
}

/** The console's own state and the embedded platform's database, under Electron's userData. */
export function dataPaths(userData: string) {
  return { desk: join(userData, 'desk'), sandbox: join(userData, 'sandbox') };
}

#!/usr/bin/env node
// Run before `npm start` / `npm run dev`: the Electron binary is fetched only when the app is
// started (npm ci skips it, see package.json allowScripts), and the native modules are rebuilt
// for Electron's ABI. On a machine that cannot reach Electron's downloads this says so plainly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const electronDir = join(root, 'node_modules/electron');

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('start: fetching the Electron binary (once)…');
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (fetched.status !== 0) {
    console.error(
      '\nstart: the Electron binary could not be downloaded from this machine.\n' +
        'Run the console in a browser instead: npm run dev:web\n',
    );
    process.exit(1);
  }
}

// better-sqlite3 and keytar were compiled for Node by npm ci; Electron needs its own ABI.
const marker = join(root, 'node_modules/.xuntong-electron-abi');
if (!existsSync(marker)) {
  console.log('start: rebuilding native modules for Electron…');
  const rebuilt = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
  spawnSync('touch', [marker]);
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Documents point at the tests that back them as `path/to/file.test.ts` — “test name”.
 * These helpers find such references and check that each still names a real test, so the
 * security checklist and the scanner allowlist cannot quietly rot when tests are renamed.
 */
export interface TestReference {
  file: string;
  name: string;
}

const reference = /`([\w./-]+\.test\.tsx?)`\s*—\s*“([^”]+)”/g;

export function testReferencesIn(text: string): TestReference[] {
  return [...text.matchAll(reference)].map((m) => ({ file: m[1]!, name: m[2]! }));
}

/** Why the reference is broken, or null when the file exists and declares a test or suite of that name. */
export function brokenReason(root: string, ref: TestReference): string | null {
  const path = join(root, ref.file);
  if (!existsSync(path)) return `${ref.file} does not exist`;
  const source = readFileSync(path, 'utf8');
  const declared = ["'", '"', '`'].some((q) => new RegExp(`\\b(it|test|describe)(\\.each\\([^)]*\\))?\\(\\s*${q}${escape(ref.name)}${q}`).test(source));
  return declared ? null : `${ref.file} has no test or suite named “${ref.name}”`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

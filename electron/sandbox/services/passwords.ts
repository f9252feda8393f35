import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^14, r=8, p=1: the common interactive-login setting, ~50 ms per check here.
const N = 16384;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH, { N, r: 8, p: 1 });
  return `scrypt$${N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, cost, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(cost), r: 8, p: 1 });
  return timingSafeEqual(actual, expected);
}

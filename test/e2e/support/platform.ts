import { E2E_PASSWORD } from './processes';

/** Asks the platform itself, over its HTTP API, what happened: the e2e tests' source of truth. */
export async function platformToken(platformUrl: string, username = 'senior.wang'): Promise<string> {
  const res = await fetch(`${platformUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: E2E_PASSWORD }),
  });
  if (!res.ok) throw new Error(`platform sign-in failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface PlatformDecision {
  id: string;
  listingId: string;
  action: string;
  reasonCode: string | null;
  staffName: string;
  batchId: string | null;
  undoneAt: string | null;
}

export async function decisionsOn(platformUrl: string, listingId: string): Promise<PlatformDecision[]> {
  const token = await platformToken(platformUrl);
  const res = await fetch(`${platformUrl}/v1/moderation/decisions?listingId=${encodeURIComponent(listingId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`decisions query failed: ${res.status}`);
  return ((await res.json()) as { decisions: PlatformDecision[] }).decisions;
}

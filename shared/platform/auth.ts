import { z } from 'zod';
import { endpoint, publicAccess, signedIn } from './endpoint';
import { StaffProfile } from './entities';
import { Scope } from './roles';

const Session = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
  staff: StaffProfile,
  /** The previous successful sign-in of this account, shown to the staff member. */
  lastSignInAt: z.iso.datetime().nullable(),
});
export type Session = z.infer<typeof Session>;

export const login = endpoint({
  method: 'POST',
  path: '/v1/auth/login',
  summary: 'Sign a staff member in with username and password',
  access: publicAccess,
  body: z.object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  output: Session,
  errors: ['invalid_credentials', 'rate_limited'],
});

export const refresh = endpoint({
  method: 'POST',
  path: '/v1/auth/refresh',
  summary: 'Exchange a refresh token for new tokens; the old refresh token stops working',
  access: publicAccess,
  body: z.object({ refreshToken: z.string().min(16).max(512) }),
  output: Session,
  errors: ['token_invalid', 'token_expired'],
});

export const logout = endpoint({
  method: 'POST',
  path: '/v1/auth/logout',
  summary: 'Revoke the access token and its refresh token',
  access: signedIn,
  body: z.object({}),
  output: z.object({ loggedOut: z.literal(true) }),
  errors: [],
});

export const me = endpoint({
  method: 'GET',
  path: '/v1/me',
  summary: 'The signed-in staff member and the scopes their roles grant',
  access: signedIn,
  output: z.object({ staff: StaffProfile, scopes: z.array(Scope) }),
  errors: [],
});

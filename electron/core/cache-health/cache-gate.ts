/**
 * What still works while the cache cannot be read: the session, the sync status (which says
 * what is wrong), the rebuild, and the outbox, which lives in its own file so decisions waiting
 * to be delivered are never hostage to the cache. Everything else reads the cache and answers
 * `cache_unreadable` instead of showing an empty, misleading page.
 */
const usableWithoutCache = new Set([
  'session:status', 'session:signIn', 'session:signOut', 'session:lock', 'session:unlock',
  'sync:status', 'sync:now', 'cache:rebuild', 'outbox:list', 'outbox:dismiss', 'media:image',
]);

export const needsReadableCache = (channel: string): boolean => !usableWithoutCache.has(channel);

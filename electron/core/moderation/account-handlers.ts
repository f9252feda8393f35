import { randomUUID } from 'node:crypto';
import { appealById, sellerPanel, storeModerationRecord } from '../cache/moderation-reads';
import { DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';

type AccountChannels = 'accounts:panel' | 'accounts:act' | 'accounts:linked' | 'appeals:decide';

/**
 * Sellers' accounts and appeals. Actions go to the platform live, each with its own idempotency
 * key, and their answers land in the cache at once.
 */
export function accountHandlers(workspace: () => AccountWorkspace): Pick<HandlerTable, AccountChannels> {
  return {
    'accounts:panel': (input) => {
      const panel = sellerPanel(workspace().replica.db, input.userId);
      if (!panel) throw new DeskFailure('not_found', `account ${input.userId} is not in the cache`);
      return panel;
    },
    'accounts:act': async (input) => {
      const ws = workspace();
      const user = ws.replica.user(input.userId);
      if (!user) throw new DeskFailure('not_found', `account ${input.userId} is not in the cache`);
      const { userId, ...action } = input;
      const done = await ws.client.call('actOnAccount', {
        params: { userId },
        body: { ...action, idempotencyKey: `desk-${randomUUID()}`, basedOnVersion: user.version },
      });
      ws.replica.applyUser(done.user);
      storeModerationRecord(ws.replica.db, 'account_actions', done.action);
      ws.cacheChanged(['user', 'account_action']);
      return done.action;
    },
    'accounts:linked': async (input) => {
      const { links } = await workspace().client.call('linkedAccounts', { params: { userId: input.userId } });
      return {
        links: links.map(({ user, via }) => ({ userId: user.id, nickname: user.nickname, phoneMasked: user.phoneMasked, status: user.status, via })),
      };
    },
    'appeals:decide': async (input) => {
      const ws = workspace();
      const appeal = appealById(ws.replica.db, input.appealId);
      if (!appeal) throw new DeskFailure('not_found', `appeal ${input.appealId} is not in the cache`);
      const done = await ws.client.call('decideAppeal', {
        params: { appealId: appeal.id },
        body: { idempotencyKey: `desk-${randomUUID()}`, outcome: input.outcome, notice: input.notice, basedOnVersion: appeal.version },
      });
      storeModerationRecord(ws.replica.db, 'appeals', done.appeal);
      ws.replica.applyListing(done.listing);
      ws.cacheChanged(['appeal', 'listing']);
      return done.appeal;
    },
  };
}

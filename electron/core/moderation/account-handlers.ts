import { randomUUID } from 'node:crypto';
import { appealById, sellerPanel, storeModerationRecord } from '../cache/moderation-reads';
import { renderNotice } from '../../../shared/moderation/notices';
import type { AccountActionKind, PlatformUser } from '../../../shared/platform/entities';
import { asDeskError, DeskFailure } from '../errors';
import type { HandlerTable } from '../handlers';
import type { AccountWorkspace } from '../session/account-workspace';

type AccountChannels = 'accounts:panel' | 'accounts:act' | 'accounts:actGroup' | 'accounts:linked' | 'appeals:decide';

/**
 * Sellers' accounts and appeals. Actions go to the platform live, each with its own idempotency
 * key, and their answers land in the cache at once.
 */
export function accountHandlers(workspace: () => AccountWorkspace): Pick<HandlerTable, AccountChannels> {
  interface AccountActionInput {
    action: AccountActionKind;
    reasonCode: string;
    notice: string;
    durationDays: number | null;
  }
  async function act(ws: AccountWorkspace, user: PlatformUser, action: AccountActionInput, groupId: string | null) {
    const done = await ws.client.call('actOnAccount', {
      params: { userId: user.id },
      body: { ...action, idempotencyKey: `desk-${randomUUID()}`, basedOnVersion: user.version, groupId },
    });
    ws.replica.writing(() => {
      ws.replica.applyUser(done.user);
      storeModerationRecord(ws.replica.db, 'account_actions', done.action);
    });
    return done.action;
  }

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
      const { userId: _id, ...action } = input;
      const done = await act(ws, user, action, null);
      ws.cacheChanged(['user', 'account_action']);
      return done;
    },
    /**
     * One action on several linked accounts, one after another so each answer is its own: an
     * account someone else changed meanwhile is refused and the rest still land.
     */
    'accounts:actGroup': async (input) => {
      const ws = workspace();
      const { userIds, notice, ...action } = input;
      const groupId = `group-${randomUUID()}`;
      const results = [];
      for (const userId of userIds) {
        try {
          const user = ws.replica.user(userId);
          if (!user) throw new DeskFailure('not_found', `account ${userId} is not in the cache`, { path: 'input.userIds' });
          await act(ws, user, { ...action, notice: renderNotice(notice, { nickname: user.nickname }) }, groupId);
          results.push({ userId, outcome: 'applied' as const });
        } catch (error) {
          if (!(error instanceof DeskFailure)) throw error;
          results.push({ userId, outcome: 'refused' as const, error: asDeskError(error) });
        }
      }
      ws.cacheChanged(['user', 'account_action']);
      return { groupId, results };
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
      ws.replica.writing(() => {
        storeModerationRecord(ws.replica.db, 'appeals', done.appeal);
        ws.replica.applyListing(done.listing);
      });
      ws.cacheChanged(['appeal', 'listing']);
      return done.appeal;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { DeskCallError } from './desk-call-error';
import { createDeskClient } from './desk-client';
import { FakeDesk, refuse } from './fake-desk';

describe('the typed desk client', () => {
  it('returns outputs parsed by the contract', async () => {
    const client = createDeskClient(new FakeDesk({ 'sync:now': () => ({ started: true }) }));
    await expect(client.call('sync:now', {})).resolves.toEqual({ started: true });
  });

  it('throws a DeskCallError carrying the code on ok:false', async () => {
    const client = createDeskClient(new FakeDesk({ 'sync:now': () => refuse('forbidden_role') }));
    const failure = await client.call('sync:now', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeskCallError);
    expect((failure as DeskCallError).deskError.code).toBe('forbidden_role');
  });

  it('refuses an answer outside the contract', async () => {
    const desk = new FakeDesk();
    desk.handlers['sync:now'] = (() => ({ started: 'yes' })) as unknown as NonNullable<typeof desk.handlers['sync:now']>;
    const failure = await createDeskClient(desk).call('sync:now', {}).catch((e: unknown) => e);
    expect((failure as DeskCallError).deskError.code).toBe('internal');
  });
});

import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Role } from '../../shared/platform/roles';
import { StaffProvider } from '../app/staff-context';
import { createDeskI18n, type Language } from '../i18n/desk-i18n';
import { createDeskClient } from './desk-client';
import { DeskProvider } from './desk-context';
import { FakeDesk } from './fake-desk';
import { signedIn } from './fake-records';

/** Test-only: renders UI as main.tsx and the shell do, over a FakeDesk and a fresh i18n instance. */
export function renderWithDesk(
  ui: ReactElement,
  options: { desk?: FakeDesk; language?: Language; roles?: Role[] } = {},
): RenderResult & { desk: FakeDesk; i18n: I18n } {
  const desk = options.desk ?? new FakeDesk();
  const i18n = createDeskI18n(options.language ?? 'zh-CN');
  const client = createDeskClient(desk);
  const staff = signedIn(options.roles ?? ['moderator']).staff!;
  const wrap = (node: ReactElement) => (
    <I18nextProvider i18n={i18n}>
      <DeskProvider client={client}>
        <StaffProvider staff={staff}>{node}</StaffProvider>
      </DeskProvider>
    </I18nextProvider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (next) => result.rerender(wrap(next as ReactElement)), desk, i18n };
}

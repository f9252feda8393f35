import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createDeskI18n, type Language } from '../i18n/desk-i18n';
import { createDeskClient } from './desk-client';
import { DeskProvider } from './desk-context';
import { FakeDesk } from './fake-desk';

/** Test-only: renders UI as main.tsx does, over a FakeDesk and a fresh i18n instance. */
export function renderWithDesk(
  ui: ReactElement,
  options: { desk?: FakeDesk; language?: Language } = {},
): RenderResult & { desk: FakeDesk; i18n: I18n } {
  const desk = options.desk ?? new FakeDesk();
  const i18n = createDeskI18n(options.language ?? 'zh-CN');
  const client = createDeskClient(desk);
  const wrap = (node: ReactElement) => (
    <I18nextProvider i18n={i18n}>
      <DeskProvider client={client}>{node}</DeskProvider>
    </I18nextProvider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (next) => result.rerender(wrap(next as ReactElement)), desk, i18n };
}

import '@testing-library/jest-dom/vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createDeskI18n, type Language } from '../../i18n/desk-i18n';
import { useAuditActionLabel } from './audit-actions';

function labeller(language: Language) {
  const i18n = createDeskI18n(language);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => useAuditActionLabel(), { wrapper }).result.current;
}

describe('audit action labels', () => {
  it('translate dotted action names whole, even where one name extends another', () => {
    const zh = labeller('zh-CN');
    expect(zh('rights.execute')).toEqual({ label: '执行权利请求', known: true });
    expect(zh('rights.execute.refused')).toEqual({ label: '执行被拒绝', known: true });
    expect(labeller('en')('pii.copy')).toEqual({ label: 'Full number copied', known: true });
  });

  it('show an action they do not know by its raw name', () => {
    expect(labeller('zh-CN')('payments.refund')).toEqual({ label: 'payments.refund', known: false });
    // A prefix of known actions is not itself a known action.
    expect(labeller('zh-CN')('rights')).toEqual({ label: 'rights', known: false });
  });
});

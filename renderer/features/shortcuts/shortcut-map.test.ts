import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { keyLabel, shortcutActions, shortcutFor, shortcutMap, shortcutScopes } from './shortcut-map';

describe('the shortcut map', () => {
  it('never gives one key two actions in the same scope', () => {
    for (const scope of shortcutScopes) {
      const keys = shortcutMap.filter((s) => s.scope === scope).flatMap((s) => s.keys);
      const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
      expect(repeated, `scope ${scope}`).toEqual([]);
    }
  });

  it('lists every action exactly once', () => {
    expect(shortcutMap.map((s) => s.action).sort()).toEqual([...shortcutActions].sort());
  });

  it('describes every action and scope in both languages', () => {
    const lookup = (tree: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
    for (const catalogue of [zhCN, en]) {
      const missing = [...shortcutActions.map((a) => `shortcuts.actions.${a}`), ...shortcutScopes.map((s) => `shortcuts.scopes.${s}`)].filter((path) => {
        const text = lookup(catalogue, path);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(missing).toEqual([]);
    }
  });

  it('has the keys the issue names', () => {
    const expected = { j: 'moveDown', k: 'moveUp', Enter: 'open', a: 'approve', r: 'reject', e: 'escalate', u: 'undo', n: 'next', x: 'select', f: 'falsePositive', '/': 'search', '?': 'help' };
    for (const [key, action] of Object.entries(expected)) expect(shortcutFor('queue', key)).toBe(action);
    expect(shortcutFor('reasonChooser', '2')).toBe('pickReason');
    expect(shortcutFor('queue', '2')).toBeUndefined();
    expect(keyLabel(shortcutMap.find((s) => s.action === 'pickReason')!)).toBe('1–9');
  });
});

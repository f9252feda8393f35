/**
 * Every keyboard shortcut of the moderation screens, as data: one place to read them, to list
 * them in the help dialog, and to check that no key does two things in one scope. Descriptions
 * are translated under `shortcuts.actions.<action>`.
 *
 * Scopes: `queue` keys work anywhere on the moderation page (never while typing in a field);
 * `reasonChooser` keys work while the reason list of a decision has focus.
 */
export const shortcutScopes = ['queue', 'reasonChooser'] as const;
export type ShortcutScope = (typeof shortcutScopes)[number];

export const shortcutActions = [
  'moveDown', 'moveUp', 'open', 'approve', 'reject', 'escalate', 'undo', 'next', 'select', 'falsePositive', 'search', 'help',
  'pickReason', 'confirmReason', 'cancelReason',
] as const;
export type ShortcutAction = (typeof shortcutActions)[number];

export interface Shortcut {
  action: ShortcutAction;
  scope: ShortcutScope;
  /** KeyboardEvent.key values. */
  keys: readonly string[];
}

export const REASON_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const shortcutMap: readonly Shortcut[] = [
  { action: 'moveDown', scope: 'queue', keys: ['j'] },
  { action: 'moveUp', scope: 'queue', keys: ['k'] },
  { action: 'open', scope: 'queue', keys: ['Enter'] },
  { action: 'approve', scope: 'queue', keys: ['a'] },
  { action: 'reject', scope: 'queue', keys: ['r'] },
  { action: 'escalate', scope: 'queue', keys: ['e'] },
  { action: 'undo', scope: 'queue', keys: ['u'] },
  { action: 'next', scope: 'queue', keys: ['n'] },
  { action: 'select', scope: 'queue', keys: ['x'] },
  { action: 'falsePositive', scope: 'queue', keys: ['f'] },
  { action: 'search', scope: 'queue', keys: ['/'] },
  { action: 'help', scope: 'queue', keys: ['?'] },
  { action: 'pickReason', scope: 'reasonChooser', keys: REASON_KEYS },
  { action: 'confirmReason', scope: 'reasonChooser', keys: ['Enter'] },
  { action: 'cancelReason', scope: 'reasonChooser', keys: ['Escape'] },
];

/** The action a key stands for in a scope, if any. */
export function shortcutFor(scope: ShortcutScope, key: string): ShortcutAction | undefined {
  return shortcutMap.find((s) => s.scope === scope && s.keys.includes(key))?.action;
}

/** How the help dialog writes a shortcut's keys: a run of digits as a range. */
export function keyLabel(shortcut: Shortcut): string {
  const { keys } = shortcut;
  if (keys.length > 2 && keys.every((k) => /^\d$/.test(k))) return `${keys[0]}–${keys[keys.length - 1]}`;
  return keys.join(' / ');
}

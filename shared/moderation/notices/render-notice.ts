/**
 * Fills a notice template's `{name}` placeholders. A placeholder without a value stays as it is,
 * braces and all, so the moderator sees it in the editable text instead of a silent gap (and a
 * later step, such as a bulk action filling each item's title, can still fill it).
 */
export type NoticeValues = Readonly<Record<string, string | number | null | undefined>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export function renderNotice(template: string, values: NoticeValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The placeholders a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

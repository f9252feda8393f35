import keywords from '../../../resources/moderation/flag-keywords.json';
import type { Category } from '../../../shared/platform/entities';
import type { NoticeLanguage } from '../../../shared/moderation/notices';

type GroupList = { name: string; label: Record<NoticeLanguage, string> }[];
const groups = keywords.priceGroups.groups as Partial<Record<Category, GroupList>>;

/** The label of the kind of goods a price was compared within, from the shipped keyword lists. */
export function priceGroupLabel(category: string, group: string, language: NoticeLanguage): string | null {
  if (!group) return null;
  return groups[category as Category]?.find((g) => g.name === group)?.label[language] ?? null;
}

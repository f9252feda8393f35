import type { Category } from '../../shared/platform/entities';
import type { PlatformDb } from './store/database';

const palette: Record<Category, string> = {
  second_hand: '#e8f0fe',
  housing: '#e6f4ea',
  jobs: '#fef7e0',
  local_services: '#fce8e6',
  used_cars: '#f3e8fd',
  pets: '#e0f7fa',
};

const categoryLabel: Record<Category, string> = {
  second_hand: '二手物品',
  housing: '房屋租售',
  jobs: '招聘',
  local_services: '本地服务',
  used_cars: '二手车',
  pets: '宠物',
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A placeholder photo for a listing: the sandbox has no real uploads, so it draws a card with
 * the category and title, enough for a moderator's detail pane to look like the real thing.
 */
export function listingImageSvg(db: PlatformDb, listingId: string, n: number): string | undefined {
  const row = db.prepare('SELECT category, title, image_count FROM listings WHERE id = ?').get(listingId) as
    | { category: Category; title: string; image_count: number }
    | undefined;
  if (!row || n < 1 || n > row.image_count) return undefined;
  const title = escapeXml(row.title.slice(0, 16));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<rect width="480" height="360" fill="${palette[row.category]}"/>
<text x="240" y="160" font-size="28" text-anchor="middle" fill="#333" font-family="Noto Sans CJK SC, sans-serif">${title}</text>
<text x="240" y="210" font-size="20" text-anchor="middle" fill="#666" font-family="Noto Sans CJK SC, sans-serif">${categoryLabel[row.category]} · 图 ${n}/${row.image_count}</text>
</svg>`;
}

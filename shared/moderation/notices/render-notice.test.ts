import { describe, expect, it } from 'vitest';
import { placeholdersOf, renderNotice } from './render-notice';

describe('renderNotice', () => {
  it('fills every placeholder it has a value for', () => {
    const template = '您发布的「{title}」因{reason}，未通过审核。如有异议，可在7日内申诉。';
    expect(renderNotice(template, { title: 'iPhone 15 全新', reason: '诈骗或索要定金' })).toBe(
      '您发布的「iPhone 15 全新」因诈骗或索要定金，未通过审核。如有异议，可在7日内申诉。',
    );
  });

  it('leaves an unknown or empty placeholder visible, braces and all', () => {
    expect(renderNotice('「{title}」于{date}下架（{listingId}）', { title: '旧沙发', date: null })).toBe('「旧沙发」于{date}下架（{listingId}）');
    expect(renderNotice('{nickname}，限制{days}天', { days: 7 })).toBe('{nickname}，限制7天');
  });

  it('fills a placeholder each time it appears, and nothing that only looks like one', () => {
    expect(renderNotice('{title} / {title} / { title } / {1x} / {{title}}', { title: 'A' })).toBe('A / A / { title } / {1x} / {A}');
  });

  it('does not read values off the prototype', () => {
    expect(renderNotice('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('inserts values literally, even ones that look like placeholders or replacement patterns', () => {
    expect(renderNotice('「{title}」{reason}', { title: '{reason} $& $1', reason: '重复发布' })).toBe('「{reason} $& $1」重复发布');
  });

  it('lists the placeholders a template uses', () => {
    expect(placeholdersOf('{title}{reason}{title}{date}')).toEqual(['title', 'reason', 'date']);
  });
});

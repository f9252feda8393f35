import { describe, expect, it } from 'vitest';
import { loadDeadlineConfig, workingDaysFor } from './deadline-config';

describe('the rights deadline configuration', () => {
  it('loads resources/rights/deadlines.json: 15 working days unless a type says otherwise', () => {
    const config = loadDeadlineConfig();
    expect(config.defaultWorkingDays).toBe(15);
    expect(workingDaysFor(config, 'cancellation')).toBe(15);
    expect(workingDaysFor({ defaultWorkingDays: 15, byType: { correction: 10 } }, 'correction')).toBe(10);
    expect(workingDaysFor({ defaultWorkingDays: 15, byType: { correction: 10 } }, 'deletion')).toBe(15);
  });

  it('stops the sandbox with the field at fault when the file is wrong', () => {
    expect(() => loadDeadlineConfig({ defaultWorkingDays: 15, byType: { deletion: 0 } })).toThrow(/byType\.deletion/);
    expect(() => loadDeadlineConfig({ defaultWorkingDays: 15, byType: { refund: 5 } })).toThrow(/deadlines\.json/);
  });
});

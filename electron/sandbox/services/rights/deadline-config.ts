import { z } from 'zod';
import { RightsRequestType, type RightsRequestType as RequestType } from '../../../../shared/rights/ticket-states';
import deadlines from '../../../../resources/rights/deadlines.json';

const WorkingDays = z.number().int().min(1).max(90);

/** resources/rights/deadlines.json: the answer deadline of each request type, in working days. */
export const DeadlineConfig = z.object({
  description: z.string().optional(),
  defaultWorkingDays: WorkingDays,
  byType: z.partialRecord(RightsRequestType, WorkingDays),
});
export type DeadlineConfig = z.infer<typeof DeadlineConfig>;

/** Parsed when the sandbox starts, so a bad edit to the file stops it with the field at fault. */
export function loadDeadlineConfig(raw: unknown = deadlines): DeadlineConfig {
  const parsed = DeadlineConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`resources/rights/deadlines.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export const workingDaysFor = (config: DeadlineConfig, type: RequestType): number => config.byType[type] ?? config.defaultWorkingDays;

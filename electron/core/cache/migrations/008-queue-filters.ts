import type { Migration } from '../../storage/migrations';

/**
 * The queue page filters by queue (status, escalated), category and district and lists oldest
 * first. The older indexes served only (status, district), so a 1M-listing cache read every
 * pending listing of a district and sorted them per page. This one narrows to the exact
 * filter, in queue order (id breaks ties, as the page's ORDER BY does), so the oldest-first
 * page of the pending queue can stop after its LIMIT. Category and district lead: led by status
 * it would also match the unfiltered queue, where the planner took it (covering) over
 * listings_queue and sorted 300k rows instead of reading the first 100 in order.
 */
export const migration008: Migration = {
  version: 8,
  description: 'index for the queue page filters',
  sql: `
    CREATE INDEX listings_queue_filter ON listings (category, district, status, escalated, created_at, id);
  `,
};

// The demo delivery log's one pure step: a live attempt put on top of the log (newest first,
// deduplicated by id, capped) with the stats updated in place of a refetch.
import type { DeliveryAttempt, DeliveryStats } from '../../shared/api/demo';

/** A live attempt on top of the log (newest first, deduplicated by id, capped) and its stats. */
export function addAttempt(
  items: DeliveryAttempt[],
  stats: DeliveryStats,
  a: DeliveryAttempt,
  cap = 500,
): { items: DeliveryAttempt[]; stats: DeliveryStats } {
  if (a.id !== 0 && items.some((x) => x.id === a.id)) return { items, stats };
  const delivered = stats.delivered + (a.outcome === 'delivered' ? 1 : 0);
  const failed = stats.failed + (a.outcome === 'failed' ? 1 : 0);
  const deliveries = delivered + failed;
  return {
    items: [a, ...items].slice(0, cap),
    stats: {
      deliveries,
      delivered,
      failed,
      attempts: stats.attempts + 1,
      successRate: deliveries ? delivered / deliveries : null,
    },
  };
}

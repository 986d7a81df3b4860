/**
 * Include/exclude terms of a subscription (/filter), stored as JSON arrays on the Subscription row.
 */
import type { SubscriptionFilter } from "../core/admin.ts";
import type { Db } from "./db.ts";
import { parseList } from "./sources.ts";

/** Filter read/write operations over a client. */
export function subscriptionFilterStore(db: Db) {
  return {
    async filterOf(id: number): Promise<SubscriptionFilter | null> {
      const r = await db.subscription.findUnique({ where: { id }, select: { includeTerms: true, excludeTerms: true } });
      return r ? { include: parseList(r.includeTerms), exclude: parseList(r.excludeTerms) } : null;
    },
    async setFilter(id: number, filter: SubscriptionFilter): Promise<boolean> {
      const n = await db.subscription.updateMany({
        where: { id },
        data: { includeTerms: JSON.stringify(filter.include), excludeTerms: JSON.stringify(filter.exclude) },
      });
      return n.count > 0;
    },
  };
}

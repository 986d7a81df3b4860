/**
 * The delivery store: chats, subscriptions, outbox and digest data behind `DeliveryStore` (src/core/delivery.ts).
 */
import type { DeliveryStore } from "../core/delivery.ts";
import { chatStore } from "./chats.ts";
import { coverage } from "./coverage.ts";
import type { Db } from "./db.ts";
import { quotesArrived, storiesArrived } from "./digest-data.ts";
import type { Provider } from "./migration-files.ts";
import { outboxStore } from "./outbox.ts";
import { subscriptionStore } from "./subscriptions.ts";

/** Builds the delivery part of the store (without `onThisDay`, which the read queries already provide). */
export function deliveryStore(db: Db, provider: Provider): Omit<DeliveryStore, "onThisDay"> {
  return {
    ...chatStore(db),
    ...subscriptionStore(db),
    ...outboxStore(db, provider),
    storiesArrived: (from, to, topics, limit, after, languages) =>
      storiesArrived(db, from, to, topics, limit, after, languages),
    quotesArrived: (from, to, topics, limit, after, languages) =>
      quotesArrived(db, from, to, topics, limit, after, languages),
    coverage: (q) => coverage(db, provider, q),
  };
}

/**
 * The storage layer: `createStore(url, logger)` applies pending migrations, opens the Prisma client for the
 * URL's provider (SQLite by default, PostgreSQL for postgres:// URLs) and returns one object implementing
 * the read queries, the source store and the article store.
 */
import type { AuditLog, ChatSettingsStore, CuratedEvent, SubscriptionFilter } from "../core/admin.ts";
import type { ChatRef, Lang } from "../core/command.ts";
import type { DeliveryStore } from "../core/delivery.ts";
import type { Logger } from "../core/logger.ts";
import type { NewsQueries } from "../core/queries.ts";
import type { ArchiveRetentionStore, ArticleStore, SourceStore } from "../core/store.ts";
import { articleStore } from "./articles.ts";
import { auditStore } from "./audit.ts";
import { chatLanguage, chatSettingsStore } from "./chat-settings.ts";
import { coverage } from "./coverage.ts";
import { addCuratedEvent } from "./curated-events.ts";
import { createDb, type Db } from "./db.ts";
import { deliveryStore } from "./delivery.ts";
import { latest } from "./latest.ts";
import { applyMigrations, resolveDatabaseUrl } from "./migrate.ts";
import type { Provider } from "./migration-files.ts";
import { onThisDay } from "./on-this-day.ts";
import { speakers, stats, topicCounts } from "./overview.ts";
import { quoteDays, quotes } from "./quotes.ts";
import { pruneArticleBodies } from "./retention.ts";
import { search } from "./search.ts";
import { type SourceImportEntry, sourceAdminStore } from "./source-admin.ts";
import { sourceClaims } from "./source-claims.ts";
import { sourceStore } from "./sources.ts";
import { subscriptionFilterStore } from "./subscription-filters.ts";
import { timeline } from "./timeline.ts";

export { applyMigrations, DEFAULT_DATABASE_URL, MigrationError, resolveDatabaseUrl } from "./migrate.ts";
export { providerOf } from "./migration-files.ts";
export type { SourceImportEntry } from "./source-admin.ts";

/** Everything the bot stores, behind the shared interfaces. */
export interface Store extends NewsQueries, SourceStore, ArticleStore, DeliveryStore, ArchiveRetentionStore {
  readonly provider: Provider;
  /** Leased claims of due feeds (always present here; optional in SourceStore for in-memory stores). */
  claimDueSources: NonNullable<SourceStore["claimDueSources"]>;
  renewSourceClaims: NonNullable<SourceStore["renewSourceClaims"]>;
  /** Adds a curated timeline event; returns its id. Throws on malformed dates. */
  addCuratedEvent(e: CuratedEvent): Promise<number>;
  /** Admin actions (issue 6). */
  audit: AuditLog;
  chatSettings: ChatSettingsStore;
  chatLanguage(chat: ChatRef): Promise<Lang | null>;
  filterOf(subscriptionId: number): Promise<SubscriptionFilter | null>;
  setFilter(subscriptionId: number, filter: SubscriptionFilter): Promise<boolean>;
  /** Adds the new entries of an OPML file in one transaction. */
  importSources(
    entries: SourceImportEntry[],
    addedBy: string | null,
    nextFetchAt?: Date | null,
  ): Promise<{ added: number; existing: number }>;
  setHealthNotice(sourceId: number, notice: string | null): Promise<void>;
  resumeSource(sourceId: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /**
   * The taxonomy topic a search word names (label, slug or alias), so `/search énergie` also finds the
   * articles filed under Énergie; without it, search matches the text only.
   */
  searchTopicOf?: (name: string) => string | null;
}

/** Opens the store for `url` (`file:./data/newsbot.db` when unset or empty). */
export async function createStore(url: string | undefined, logger: Logger, options: StoreOptions = {}): Promise<Store> {
  const dbUrl = resolveDatabaseUrl(url);
  if (options.migrate !== false) await applyMigrations(dbUrl, logger);
  const { db, provider } = await createDb(dbUrl);
  return buildStore(db, provider, options);
}

/** The store over an open client (createDb): for tests that need the client too, e.g. a per-connection pragma. */
export function buildStore(db: Db, provider: Provider, options: StoreOptions = {}): Store {
  return {
    provider,
    ...sourceStore(db),
    ...sourceClaims(db, provider),
    ...articleStore(db, provider),
    ...deliveryStore(db, provider),
    ...subscriptionFilterStore(db),
    ...sourceAdminStore(db),
    audit: auditStore(db),
    chatSettings: chatSettingsStore(db),
    chatLanguage: (chat) => chatLanguage(db, chat),
    latest: (q) => latest(db, q),
    quotes: (q) => quotes(db, q),
    timeline: (q) => timeline(db, q),
    search: (text, limit) => search(db, provider, text, limit, { topicOf: options.searchTopicOf }),
    onThisDay: (month, day, year, limit, topics, languages) =>
      onThisDay(db, month, day, year, limit, topics, languages),
    topicCounts: () => topicCounts(db),
    speakers: (prefix, limit) => speakers(db, prefix, limit),
    stats: () => stats(db),
    coverage: (q) => coverage(db, provider, q),
    quoteDays: (speaker) => quoteDays(db, speaker),
    addCuratedEvent: (e) => addCuratedEvent(db, e),
    pruneArticleBodies: (before) => pruneArticleBodies(db, provider, before),
    async close() {
      await db.$disconnect();
    },
  };
}

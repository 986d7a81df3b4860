/**
 * Write-side storage interfaces used by ingestion and admin commands. Implemented by src/store (Prisma).
 */
import type { DocumentAnalysis, StorySignature } from "./analysis-types.ts";
import type { Reason } from "./errors.ts";

/** A feed or a local file the bot reads. Fetch state drives conditional GET and backoff. */
export interface SourceRecord {
  id: number;
  url: string;
  title: string | null;
  language: string | null;
  /** Topic slugs an admin attached to the source (may be empty). */
  topics: string[];
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Why the last fetch failed, as a message key (null: only the English lastError exists). */
  lastErrorReason?: Reason | null;
  nextFetchAt: Date | null;
  /** Paused by an admin. */
  paused: boolean;
  /** Disabled automatically after too many failures (admins are warned first). */
  disabled: boolean;
  /** Chat that added the source (for health warnings), e.g. "telegram:-100123". */
  addedBy: string | null;
  /** Health the adding chat was last told about ("warn" | "disabled"), null when none is pending. */
  healthNotice?: string | null;
  createdAt: Date;
}

export interface NewSource {
  url: string;
  title?: string | null;
  language?: string | null;
  topics?: string[];
  addedBy?: string | null;
  /** First poll not before this instant (a source seeded at once is not fetched again right away). */
  nextFetchAt?: Date | null;
}

export interface SourceStore {
  listSources(): Promise<SourceRecord[]>;
  getSource(id: number): Promise<SourceRecord | null>;
  findSourceByUrl(url: string): Promise<SourceRecord | null>;
  /** Inserts, or returns the existing source with the same URL. */
  addSource(s: NewSource): Promise<SourceRecord>;
  /** Removes the source; its articles stay (they are part of the archive). Returns false when unknown. */
  removeSource(id: number): Promise<boolean>;
  setSourcePaused(id: number, paused: boolean): Promise<void>;
  recordFetchSuccess(
    id: number,
    s: { at: Date; etag: string | null; lastModified: string | null; title?: string | null; nextFetchAt: Date },
  ): Promise<void>;
  recordFetchFailure(
    id: number,
    f: { at: Date; error: string; reason?: Reason | null; nextFetchAt: Date; disable: boolean },
  ): Promise<SourceRecord>;
  /** Sources due for a fetch (not paused, not disabled, nextFetchAt <= now or null). */
  dueSources(now: Date): Promise<SourceRecord[]>;
  /**
   * Claims up to `limit` due sources for `leaseMs`, so another process polling the same database skips
   * them (see src/store/source-claims.ts); `dueAt` is the due time the claim replaced. Optional: without
   * it the poller falls back to dueSources (single process).
   */
  claimDueSources?(now: Date, leaseMs: number, limit: number): Promise<Array<SourceRecord & { dueAt: Date | null }>>;
  /**
   * Extends leases this process still holds: each source whose lease is still `held` (its nextFetchAt, as
   * the claim or the last renewal set it) gets `until`. Returns the ids renewed; a missing id was recorded
   * meanwhile or lost to another process. Optional, with claimDueSources.
   */
  renewSourceClaims?(leases: Array<{ id: number; held: Date }>, until: Date): Promise<number[]>;
}

/** An article as ingestion hands it to storage. */
export interface ArticleInput {
  sourceId: number | null;
  /** Canonical URL (see src/ingest/canonical-url.ts), or null for local files without one. */
  url: string | null;
  guid: string | null;
  title: string;
  author: string | null;
  /** Publication date; when null the analysis' dateline date is used. */
  publishedAt: Date | null;
  summary: string | null;
  /** History stored by the first fetch of a new source: kept in the archive, never posted as news. */
  seeded?: boolean;
}

/** A recent article that a new one may belong to the same story as. */
export interface StoryCandidate {
  articleId: number;
  storyId: number;
  sourceId: number | null;
  signature: StorySignature;
  /** Publication date (else storage date): lets a caller narrow one wide candidate query per item. */
  at?: Date;
}

/** Dedupe keys of one article (see ArticleStore.findDuplicates). */
export interface DuplicateKeys {
  url: string | null;
  guid: string | null;
  sourceId: number | null;
  contentHash: string;
}

/** One article of a batch save. */
export interface BatchArticle {
  input: ArticleInput;
  analysis: DocumentAnalysis;
  contentHash: string;
  /** An existing story, or null for a new one (unless `sameStoryAs` is set). */
  storyId: number | null;
  /** Index of an earlier item of the same batch whose story this article joins. */
  sameStoryAs?: number;
}

export type SaveStatus = "inserted" | "duplicate";

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
  storyId: number;
}

/** An article already stored: its id and its story. */
export interface ArticleRef {
  articleId: number;
  storyId: number;
}

/**
 * Where articles are stored. Ingestion always goes through the batch methods: a single article is a batch of one
 * (see {@link saveArticle}).
 */
export interface ArticleStore {
  /**
   * The stored article each key is a duplicate of (same url, else same source and guid, else same content hash,
   * the sha256 hex of the normalised text computed by the caller), or null; in one query, in key order.
   */
  findDuplicates(keys: DuplicateKeys[]): Promise<Array<ArticleRef | null>>;
  /** Articles published within `days` of the date, with their story signature. */
  storyCandidates(around: Date, days: number): Promise<StoryCandidate[]>;
  /**
   * Stores the articles with their analysis (quotes, people, events, topics) in one transaction, with a fixed
   * number of statements per batch (ingestion's hot path). A null `storyId` (or one that no longer exists)
   * starts a new story. Results are in input order. Throws on any failure (nothing is stored then), including a
   * duplicate stored meanwhile: {@link saveArticle} is the form that tells a duplicate from a failure.
   */
  saveBatch(items: BatchArticle[]): Promise<SaveResult[]>;
}

/**
 * Stores one article as a batch of one, idempotently: a duplicate (by url, guid or content hash) stored before,
 * or by another writer meanwhile, is reported as such and not stored twice.
 */
export async function saveArticle(
  store: Pick<ArticleStore, "findDuplicates" | "saveBatch">,
  article: BatchArticle,
): Promise<SaveResult> {
  const { input, contentHash } = article;
  const keys: DuplicateKeys = { url: input.url, guid: input.guid, sourceId: input.sourceId, contentHash };
  const before = (await store.findDuplicates([keys]))[0];
  if (before) return { status: "duplicate", ...before };
  try {
    const [saved] = await store.saveBatch([article]);
    if (!saved) throw new Error("the store returned no result for the article");
    return saved;
  } catch (err) {
    // Another writer stored the same article between our check and our transaction.
    const after = (await store.findDuplicates([keys]).catch(() => [null]))[0];
    if (after) return { status: "duplicate", ...after };
    throw err;
  }
}

/** What one archive prune did (ARCHIVE_KEEP_DAYS). */
export interface ArchivePruneResult {
  /** Article bodies emptied by this run. */
  pruned: number;
  /** The cutoff: articles published (stored, when undated) before it lost their body. */
  before: Date;
}

/** Archive retention: empties old article bodies, keeping titles, quotes, events, people and topics. */
export interface ArchiveRetentionStore {
  pruneArticleBodies(before: Date): Promise<ArchivePruneResult>;
}

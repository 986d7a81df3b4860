/**
 * Write-side storage interfaces used by ingestion and admin commands. Implemented by src/store (Prisma).
 */
import type { DocumentAnalysis, StorySignature } from "./analysis-types.ts";

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
    f: { at: Date; error: string; nextFetchAt: Date; disable: boolean },
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

/** Dedupe keys of one article (see ArticleStore.findDuplicate). */
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

export interface ArticleStore {
  /** sha256 hex of the normalised text, computed by the caller; used for dedupe. */
  findDuplicate(input: DuplicateKeys): Promise<number | null>;
  /** Optional batch form of findDuplicate (one query): the existing article id of each key, or null. */
  findDuplicates?(keys: DuplicateKeys[]): Promise<Array<number | null>>;
  /** Articles published within `days` of the date, with their story signature. */
  storyCandidates(around: Date, days: number): Promise<StoryCandidate[]>;
  /**
   * Stores the article with its analysis (quotes, people, events, topics) in one transaction.
   * `storyId` null creates a new story. Idempotent: a duplicate (url, guid or hash) is not stored twice.
   */
  saveArticle(
    input: ArticleInput,
    analysis: DocumentAnalysis,
    contentHash: string,
    storyId: number | null,
  ): Promise<SaveResult>;
  /**
   * Optional batch form of saveArticle: the articles in order, in one transaction with a fixed number of
   * statements per batch (ingestion's hot path). Results are in input order. Throws on any failure (nothing
   * is stored then), including a duplicate stored meanwhile: the caller retries item by item.
   */
  saveBatch?(items: BatchArticle[]): Promise<SaveResult[]>;
}

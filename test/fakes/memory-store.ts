/**
 * In-memory SourceStore and ArticleStore for tests: plain objects that keep their rows in arrays and
 * record every call, so tests can assert what ingestion asked storage to do.
 */
import type { DocumentAnalysis } from "../../src/core/analysis-types.ts";
import type {
  ArticleInput,
  ArticleStore,
  DuplicateKeys,
  NewSource,
  SaveResult,
  SourceRecord,
  SourceStore,
  StoryCandidate,
} from "../../src/core/store.ts";

/** One call made to a fake, in order. */
export interface Call {
  method: string;
  args: unknown[];
}

export interface StoredArticle {
  id: number;
  storyId: number;
  input: ArticleInput;
  analysis: DocumentAnalysis;
  contentHash: string;
}

export type MemorySourceStore = SourceStore & { rows: SourceRecord[]; calls: Call[] };
export type MemoryArticleStore = ArticleStore & { rows: StoredArticle[]; calls: Call[] };

/** A SourceStore over an array. `now` stamps createdAt. */
export function memorySourceStore(now: () => Date = () => new Date()): MemorySourceStore {
  const rows: SourceRecord[] = [];
  const calls: Call[] = [];
  let nextId = 1;
  const find = (id: number) => rows.find((r) => r.id === id) ?? null;
  const mustFind = (id: number) => {
    const r = find(id);
    if (!r) throw new Error(`unknown source ${id}`);
    return r;
  };
  return {
    rows,
    calls,
    async listSources() {
      calls.push({ method: "listSources", args: [] });
      return rows.map((r) => ({ ...r }));
    },
    async getSource(id) {
      calls.push({ method: "getSource", args: [id] });
      const r = find(id);
      return r ? { ...r } : null;
    },
    async findSourceByUrl(url) {
      calls.push({ method: "findSourceByUrl", args: [url] });
      const r = rows.find((x) => x.url === url);
      return r ? { ...r } : null;
    },
    async addSource(s: NewSource) {
      calls.push({ method: "addSource", args: [s] });
      const existing = rows.find((x) => x.url === s.url);
      if (existing) return { ...existing };
      const row: SourceRecord = {
        id: nextId++,
        url: s.url,
        title: s.title ?? null,
        language: s.language ?? null,
        topics: s.topics ?? [],
        etag: null,
        lastModified: null,
        lastFetchAt: null,
        lastSuccessAt: null,
        consecutiveFailures: 0,
        lastError: null,
        nextFetchAt: null,
        paused: false,
        disabled: false,
        addedBy: s.addedBy ?? null,
        createdAt: now(),
      };
      rows.push(row);
      return { ...row };
    },
    async removeSource(id) {
      calls.push({ method: "removeSource", args: [id] });
      const i = rows.findIndex((r) => r.id === id);
      if (i < 0) return false;
      rows.splice(i, 1);
      return true;
    },
    async setSourcePaused(id, paused) {
      calls.push({ method: "setSourcePaused", args: [id, paused] });
      mustFind(id).paused = paused;
    },
    async recordFetchSuccess(id, s) {
      calls.push({ method: "recordFetchSuccess", args: [id, s] });
      const r = mustFind(id);
      r.lastFetchAt = s.at;
      r.lastSuccessAt = s.at;
      r.etag = s.etag;
      r.lastModified = s.lastModified;
      if (s.title && !r.title) r.title = s.title;
      r.nextFetchAt = s.nextFetchAt;
      r.consecutiveFailures = 0;
      r.lastError = null;
      r.lastErrorReason = null;
    },
    async recordFetchFailure(id, f) {
      calls.push({ method: "recordFetchFailure", args: [id, f] });
      const r = mustFind(id);
      r.lastFetchAt = f.at;
      r.consecutiveFailures += 1;
      r.lastError = f.error;
      r.lastErrorReason = f.reason ?? null;
      r.nextFetchAt = f.nextFetchAt;
      if (f.disable) r.disabled = true;
      return { ...r };
    },
    async dueSources(at) {
      calls.push({ method: "dueSources", args: [at] });
      return rows
        .filter((r) => !r.paused && !r.disabled && (r.nextFetchAt === null || r.nextFetchAt <= at))
        .map((r) => ({ ...r }));
    },
  };
}

/**
 * An ArticleStore over an array; dedupes on url, (sourceId, guid) and content hash like the real one, and like
 * it stores a batch whole or not at all (a duplicate in it fails the batch).
 */
export function memoryArticleStore(): MemoryArticleStore {
  const rows: StoredArticle[] = [];
  const calls: Call[] = [];
  let nextArticle = 1;
  let nextStory = 1;
  const duplicateOf = (q: DuplicateKeys, among: StoredArticle[] = rows) =>
    among.find(
      (r) =>
        (q.url !== null && r.input.url === q.url) ||
        (q.guid !== null && r.input.guid === q.guid && r.input.sourceId === q.sourceId) ||
        r.contentHash === q.contentHash,
    ) ?? null;
  const keysOf = (input: ArticleInput, contentHash: string): DuplicateKeys => ({
    url: input.url,
    guid: input.guid,
    sourceId: input.sourceId,
    contentHash,
  });
  return {
    rows,
    calls,
    async findDuplicates(keys) {
      calls.push({ method: "findDuplicates", args: [keys] });
      return keys.map((q) => {
        const dup = duplicateOf(q);
        return dup ? { articleId: dup.id, storyId: dup.storyId } : null;
      });
    },
    async storyCandidates(around, days) {
      calls.push({ method: "storyCandidates", args: [around, days] });
      const span = days * 86_400_000;
      return rows
        .filter((r) => {
          const d = r.input.publishedAt ?? (r.analysis.publishedAt ? new Date(r.analysis.publishedAt) : null);
          return d !== null && Math.abs(d.getTime() - around.getTime()) <= span;
        })
        .map(
          (r): StoryCandidate => ({
            articleId: r.id,
            storyId: r.storyId,
            sourceId: r.input.sourceId,
            signature: r.analysis.signature,
          }),
        );
    },
    async saveBatch(items): Promise<SaveResult[]> {
      calls.push({ method: "saveBatch", args: [items] });
      const added: StoredArticle[] = [];
      for (const [i, it] of items.entries()) {
        const keys = keysOf(it.input, it.contentHash);
        if (duplicateOf(keys) || duplicateOf(keys, added)) throw new Error(`batch item ${i} is already stored`);
        const joined = it.sameStoryAs === undefined ? undefined : added[it.sameStoryAs]?.storyId;
        const storyId = joined ?? it.storyId ?? nextStory++;
        added.push({ id: nextArticle++, storyId, input: it.input, analysis: it.analysis, contentHash: it.contentHash });
      }
      rows.push(...added);
      return added.map((r) => ({ status: "inserted", articleId: r.id, storyId: r.storyId }));
    },
  };
}

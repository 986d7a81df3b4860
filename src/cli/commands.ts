/**
 * The store-backed CLI subcommands: ingest, sources, search, db migrate, chat.
 */
import { resolveTopic } from "../analysis/taxonomy.ts";
import type { App } from "../app.ts";
import { BlockedUrlError, messageOf, StorageFullError, UserInputError } from "../core/errors.ts";
import type { IngestSummary } from "../ingest/pipeline.ts";
import { createProgressReporter } from "../ingest/progress.ts";
import { checkUrlAllowed } from "../ingest/safe-fetch.ts";
import { exportOpmlFile, importOpmlFile } from "./sources-opml.ts";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function summaryLine(target: string, s: IngestSummary): string {
  if (s.notModified) return `${target}: not modified since the last fetch`;
  const parts = [`${s.inserted} new`, `${s.duplicates} already stored`];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  return `${target}: ${parts.join(", ")}${s.feedTitle ? ` (${s.feedTitle})` : ""}`;
}

/**
 * Refuses, before anything is stored, a URL the chat's /addsource would refuse (private, loopback,
 * link-local or metadata address, internal name, other scheme), unless FETCH_ALLOW_HOSTS allows it. A host
 * that does not resolve now is let through: the source is stored and retried with backoff.
 */
async function assertFetchable(app: App, url: string): Promise<void> {
  try {
    await checkUrlAllowed(url, { allowHosts: app.config.FETCH_ALLOW_HOSTS });
  } catch (err) {
    if (!(err instanceof BlockedUrlError)) return;
    throw new UserInputError(
      `${err.url}: ${err.message}. To allow a host on your own network, list it in FETCH_ALLOW_HOSTS.`,
      {},
      { cause: err },
    );
  }
}

/** `newsbot ingest URL|FILE...` — returns the exit code (1 when any target failed). */
export async function ingestTargets(app: App, targets: string[], io: Io): Promise<number> {
  if (targets.length === 0) throw new UserInputError("usage: newsbot ingest URL|FILE...");
  let code = 0;
  for (const target of targets) {
    try {
      const isUrl = /^https?:\/\//i.test(target);
      let summary: IngestSummary;
      if (isUrl) {
        await assertFetchable(app, target);
        const source = await app.store.addSource({ url: target });
        const r = await app.ingestor.ingestSource(source);
        if (r.errors.length > 0 && r.inserted + r.duplicates === 0) throw new Error(r.errors[0]);
        summary = r;
      } else {
        summary = await app.ingestor.ingestFile(target);
      }
      io.out(summaryLine(target, summary));
      for (const e of summary.errors.slice(0, 5)) io.err(`  warning: ${e}`);
      if (summary.failed > 0) code = 1;
    } catch (err) {
      io.err(`${target}: ${messageOf(err)}`);
      code = 1;
      if (err instanceof StorageFullError) break; // the other targets would fail the same way
    }
  }
  return code;
}

/** `newsbot sources list|add URL [topics...]|remove ID|URL`. */
export async function sourcesCommand(app: App, args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === "list" || action === undefined) {
    const list = await app.store.listSources();
    if (list.length === 0) io.out("No sources yet. Add one with: newsbot sources add URL");
    for (const s of list) {
      const state = s.paused
        ? "paused"
        : s.disabled
          ? "disabled"
          : s.consecutiveFailures > 0
            ? `failing ×${s.consecutiveFailures}`
            : "ok";
      const last = s.lastSuccessAt ? s.lastSuccessAt.toISOString().slice(0, 16).replace("T", " ") : "never";
      io.out(`${s.id}\t${state}\t${last}\t${s.title ?? "-"}\t${s.url}${s.lastError ? `\t(${s.lastError})` : ""}`);
    }
    return 0;
  }
  if (action === "add") {
    const [url, ...topics] = rest;
    if (!url || !/^https?:\/\//i.test(url)) throw new UserInputError("usage: newsbot sources add URL [topic...]");
    await assertFetchable(app, url);
    const slugs = topics.map((tp) => {
      const r = resolveTopic(tp, app.taxonomy);
      if ("slug" in r) return r.slug;
      throw new UserInputError(
        `unknown topic "${tp}"${r.suggestions.length ? ` (did you mean ${r.suggestions.join(", ")}?)` : ""}`,
      );
    });
    const s = await app.store.addSource({ url, topics: slugs, addedBy: "cli" });
    io.out(`source ${s.id} added: ${s.url}. Fetching it now…`);
    const r = await app.ingestor.ingestSource(s);
    io.out(
      r.errors.length > 0 && r.inserted === 0
        ? `first fetch failed: ${r.errors[0]} (will retry with backoff)`
        : summaryLine(url, r),
    );
    return 0;
  }
  if (action === "remove") {
    const ref = rest[0];
    if (!ref) throw new UserInputError("usage: newsbot sources remove ID|URL");
    const s = /^\d+$/.test(ref) ? await app.store.getSource(Number(ref)) : await app.store.findSourceByUrl(ref);
    if (!s || !(await app.store.removeSource(s.id))) {
      io.err(`no such source: ${ref}`);
      return 1;
    }
    io.out(`source ${s.id} removed (its articles stay in the archive)`);
    return 0;
  }
  if (action === "import") return importOpmlFile(app, rest[0], io);
  if (action === "export") return exportOpmlFile(app, rest[0], io);
  throw new UserInputError(`unknown action "${action}": use list, add, remove, import or export`);
}

/** `newsbot search TEXT...` */
export async function searchCommand(app: App, words: string[], io: Io): Promise<number> {
  const text = words.join(" ").trim();
  if (!text) throw new UserInputError("usage: newsbot search TEXT");
  const hits = await app.store.search(text, 20);
  if (hits.length === 0) io.out(`no results for "${text}"`);
  for (const h of hits) {
    io.out(
      `${h.publishedAt?.toISOString().slice(0, 10) ?? "----------"}  ${h.title}${h.source ? ` — ${h.source}` : ""}`,
    );
    if (h.url) io.out(`            ${h.url}`);
  }
  return 0;
}

export function progressTo(stream: NodeJS.WriteStream) {
  return createProgressReporter({ stream, label: "ingest" });
}

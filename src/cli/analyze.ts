/**
 * `newsbot analyze [--published NAME=YYYY-MM-DD]... FILE...` — prints one JSON array, one object per file in
 * input order (the contract other tools rely on). Files that cannot be read still get an object, with
 * an "error" field and empty results; the exit code is then 1.
 */
import { basename } from "node:path";
import { analyzeDocument } from "../analysis/analyze.ts";
import { PersonRegistry } from "../analysis/names.ts";
import { groupStories } from "../analysis/stories.ts";
import type { Taxonomy } from "../analysis/taxonomy.ts";
import type { DocumentAnalysis } from "../core/analysis-types.ts";
import { messageOf, UserInputError } from "../core/errors.ts";
import { readArticleFile } from "../ingest/article-file.ts";

export interface AnalyzeRecord {
  file: string;
  title: string | null;
  publishedAt: string | null;
  language: string | null;
  topics: string[];
  quotes: Array<{ text: string; speaker: string | null }>;
  events: Array<{ start: string; end: string; precision: string; text: string; summary: string }>;
  people: Array<{ name: string; aliases: string[] }>;
  story: number | null;
  error?: string;
}

/** Parses `--published NAME=YYYY-MM-DD` flags and file operands. */
export function parseAnalyzeArgs(args: string[]): { published: Map<string, string>; files: string[] } {
  const published = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--published" || a.startsWith("--published=")) {
      const v = a === "--published" ? args[++i] : a.slice("--published=".length);
      const m = /^(.+)=(\d{4}-\d{2}-\d{2})$/.exec(v ?? "");
      if (!m?.[1] || !m[2] || Number.isNaN(Date.parse(m[2]))) {
        throw new UserInputError(`--published expects NAME=YYYY-MM-DD, got "${v ?? ""}"`);
      }
      published.set(basename(m[1]), m[2]);
    } else if (a.startsWith("--")) {
      throw new UserInputError(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) throw new UserInputError("usage: newsbot analyze [--published NAME=YYYY-MM-DD]... FILE...");
  return { published, files };
}

/** Analyses the files; one shared person registry so later files resolve surnames seen earlier. */
export async function analyzeFiles(args: string[], taxonomy?: Taxonomy): Promise<AnalyzeRecord[]> {
  const { published, files } = parseAnalyzeArgs(args);
  const registry = new PersonRegistry();
  const analyses: Array<DocumentAnalysis | null> = [];
  const records: AnalyzeRecord[] = [];
  for (const path of files) {
    const file = basename(path);
    try {
      const doc = await readArticleFile(path);
      if (doc.kind !== "article")
        throw new UserInputError("this file is a feed: use `newsbot feed check` or `newsbot ingest`");
      const a = analyzeDocument(
        { text: doc.text, title: doc.title, publishedAt: published.get(file) ?? null },
        { registry, taxonomy },
      );
      analyses.push(a);
      records.push({
        file,
        title: a.title,
        publishedAt: a.publishedAt,
        language: a.language,
        topics: a.topics,
        quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
        events: a.events.map((e) => ({
          start: e.start,
          end: e.end,
          precision: e.precision,
          text: e.text,
          summary: e.summary,
        })),
        people: a.people.map((p) => ({ name: p.name, aliases: p.aliases })),
        story: null,
      });
    } catch (err) {
      analyses.push(null);
      records.push({
        file,
        title: null,
        publishedAt: null,
        language: null,
        topics: [],
        quotes: [],
        events: [],
        people: [],
        story: null,
        error: messageOf(err),
      });
    }
  }
  const ok = analyses.flatMap((a, i) => (a ? [{ i, sig: a.signature }] : []));
  const ids = groupStories(ok.map((x) => x.sig));
  ok.forEach((x, k) => {
    const rec = records[x.i];
    if (rec) rec.story = ids[k] ?? null;
  });
  return records;
}

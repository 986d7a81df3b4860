/**
 * The evaluation harness behind `npm run eval`: loads the corpus (texts + gold), analyses every text as ingest
 * would (the gold `published` date plays the feed's date), groups stories with the project's grouping, then runs
 * every measure module found in the measures folder and formats their reports.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeDocument } from "../src/analysis/analyze.ts";
import { PersonRegistry } from "../src/analysis/names.ts";
import { groupStories } from "../src/analysis/stories.ts";
import type { EvalCase, GoldDoc, Measure, MeasureReport } from "./types.ts";

/** One corpus text with its gold, before analysis. */
export interface CorpusDoc {
  id: string;
  lang: string;
  text: string;
  gold: GoldDoc;
}

/** A corpus file that could not be read; the harness reports it and goes on with the others. */
export interface CorpusProblem {
  file: string;
  message: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the shape of a parsed gold file; returns what is wrong, naming the field, or null when it is fine. */
export function checkGold(g: unknown): string | null {
  if (typeof g !== "object" || g === null || Array.isArray(g)) return "the gold must be a JSON object";
  const o = g as Record<string, unknown>;
  if (o.published !== null && (typeof o.published !== "string" || !DATE_RE.test(o.published))) {
    return `"published" must be YYYY-MM-DD or null`;
  }
  if (typeof o.language !== "string") return `"language" must be a language code such as "fr"`;
  if (typeof o.story !== "string" || o.story.length === 0) return `"story" must be a non-empty story id`;
  if (!Array.isArray(o.topics) || o.topics.some((t) => typeof t !== "string")) {
    return `"topics" must be a list of topic slugs`;
  }
  if (!Array.isArray(o.quotes)) return `"quotes" must be a list`;
  for (const [i, q] of o.quotes.entries()) {
    const r = q as Record<string, unknown>;
    if (typeof r?.text !== "string" || r.text.trim() === "") return `quotes[${i}].text must be the quoted words`;
    if (r.speaker !== null && typeof r.speaker !== "string") return `quotes[${i}].speaker must be a name or null`;
  }
  if (!Array.isArray(o.events)) return `"events" must be a list`;
  for (const [i, e] of o.events.entries()) {
    const r = e as Record<string, unknown>;
    if (typeof r?.start !== "string" || !DATE_RE.test(r.start)) return `events[${i}].start must be YYYY-MM-DD`;
    if (!["day", "month", "year", "period"].includes(String(r.precision))) {
      return `events[${i}].precision must be day, month, year or period`;
    }
  }
  return null;
}

/** Reads `<dir>/<lang>/<id>.txt` + `<id>.gold.json`. Unreadable or invalid files are returned as problems. */
export function loadCorpus(dir: string): { docs: CorpusDoc[]; problems: CorpusProblem[] } {
  const docs: CorpusDoc[] = [];
  const problems: CorpusProblem[] = [];
  if (!existsSync(dir)) return { docs, problems: [{ file: dir, message: "corpus folder not found" }] };
  for (const lang of readdirSync(dir).sort()) {
    const langDir = join(dir, lang);
    let files: string[];
    try {
      files = readdirSync(langDir);
    } catch {
      continue; // a stray file beside the language folders
    }
    for (const f of files.filter((x) => x.endsWith(".txt")).sort()) {
      const id = f.slice(0, -4);
      const goldFile = join(langDir, `${id}.gold.json`);
      if (!existsSync(goldFile)) {
        problems.push({ file: join(langDir, f), message: `no gold file ${id}.gold.json beside it` });
        continue;
      }
      let gold: unknown;
      try {
        gold = JSON.parse(readFileSync(goldFile, "utf8"));
      } catch (err) {
        problems.push({ file: goldFile, message: `not valid JSON: ${(err as Error).message}` });
        continue;
      }
      const wrong = checkGold(gold);
      if (wrong) {
        problems.push({ file: goldFile, message: wrong });
        continue;
      }
      docs.push({ id, lang, text: readFileSync(join(langDir, f), "utf8"), gold: gold as GoldDoc });
    }
  }
  return { docs, problems };
}

/** Analyses every document (one registry for the corpus, like one store) and groups them into stories. */
export function analyseCorpus(docs: readonly CorpusDoc[]): EvalCase[] {
  const registry = new PersonRegistry();
  const results = docs.map((d) => analyzeDocument({ text: d.text, publishedAt: d.gold.published }, { registry }));
  const groups = groupStories(results.map((r) => r.signature));
  return docs.map((d, i) => {
    const result = results[i];
    if (!result) throw new Error(`no analysis for ${d.id}`);
    return { ...d, result, groupedStory: `g${groups[i] ?? 0}` };
  });
}

function isMeasure(x: unknown): x is Measure {
  const m = x as Partial<Measure> | null;
  return typeof m === "object" && m !== null && typeof m.name === "string" && typeof m.measure === "function";
}

/** Imports every `*.ts` module of the folder; each must default-export a {@link Measure}. */
export async function loadMeasures(dir: string): Promise<Measure[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort();
  const out: Measure[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: unknown };
    if (!isMeasure(mod.default)) {
      throw new Error(`${join(dir, f)}: default export must be a Measure ({ name, measure(cases) })`);
    }
    out.push(mod.default);
  }
  return out;
}

/** The whole evaluation: corpus → analysis → every measure. */
export async function runEval(
  corpusDir: string,
  measuresDir: string,
): Promise<{ reports: MeasureReport[]; problems: CorpusProblem[]; documents: number }> {
  const { docs, problems } = loadCorpus(corpusDir);
  const cases = analyseCorpus(docs);
  const measures = await loadMeasures(measuresDir);
  const reports = measures.map((m) => m.measure(cases));
  // With more than one language, every measure again per language (titles say which).
  const langs = [...new Set(cases.map((c) => c.lang))].sort();
  if (langs.length > 1) {
    for (const lang of langs) {
      const subset = cases.filter((c) => c.lang === lang);
      for (const m of measures) {
        const r = m.measure(subset);
        reports.push({ ...r, title: `${r.title} — ${lang} only (${subset.length} texts)` });
      }
    }
  }
  return { reports, problems, documents: docs.length };
}

/** Human-readable report: figures with goals, then misses per cause. */
export function formatReports(reports: readonly MeasureReport[], problems: readonly CorpusProblem[]): string {
  const lines: string[] = [];
  for (const p of problems) lines.push(`! ${p.file}: ${p.message}`);
  for (const r of reports) {
    lines.push("", `## ${r.title}`);
    const width = Math.max(...r.figures.map((f) => f.name.length), 10);
    for (const f of r.figures) {
      const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(3);
      lines.push(`  ${f.name.padEnd(width)}  ${value.padStart(6)}${f.goal ? `   (goal ${f.goal})` : ""}`);
    }
    const causes = Object.keys(r.misses).sort();
    if (causes.length > 0) lines.push("  misses by cause:");
    for (const c of causes) {
      const list = r.misses[c] ?? [];
      lines.push(`  - ${c} (${list.length})`);
      for (const m of list) lines.push(`      ${m}`);
    }
  }
  return `${lines.join("\n").trimStart()}\n`;
}

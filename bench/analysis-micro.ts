/**
 * Micro-benchmark of analyzeDocument alone: the bench's generated articles (as ingest passes them: text,
 * title, publication day) and the development seeds, N rounds. `--dump FILE` writes every analysis as JSON so
 * two versions of the analysis can be diffed for identical results.
 *
 * `node --import tsx bench/analysis-micro.ts [--articles 1000] [--rounds 3] [--dump /tmp/a.json]`
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyzeDocument } from "../src/analysis/analyze.ts";
import { defaultTaxonomy } from "../src/analysis/taxonomy.ts";
import type { AnalysisInput } from "../src/core/analysis-types.ts";
import { generateArticle } from "./text.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    dump: { type: "string" },
  },
});
const n = Number(values.articles);
const rounds = Number(values.rounds);

const generated: AnalysisInput[] = Array.from({ length: n }, (_, i) => {
  const a = generateArticle(i, 7);
  return { text: a.body, title: a.title, publishedAt: a.published };
});
const seedsDir = fileURLToPath(new URL("../../shared/seeds", import.meta.url));
let seeds: AnalysisInput[] = [];
try {
  seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ text: readFileSync(join(seedsDir, f), "utf8"), title: null, publishedAt: null }));
} catch {
  // no seeds beside the checkout: generated articles only
}

function run(inputs: AnalysisInput[]): { ms: number; out: unknown[] } {
  const t = performance.now();
  const out = inputs.map((input) => analyzeDocument(input, { taxonomy: defaultTaxonomy }));
  return { ms: performance.now() - t, out };
}

const report = (label: string, inputs: AnalysisInput[]) => {
  if (inputs.length === 0) return [];
  let best = Number.POSITIVE_INFINITY;
  let out: unknown[] = [];
  for (let r = 0; r < rounds; r++) {
    const x = run(inputs);
    best = Math.min(best, x.ms);
    out = x.out;
  }
  const per = best / inputs.length;
  process.stdout.write(
    `${label}: ${inputs.length} docs, best of ${rounds}: ${per.toFixed(3)} ms/doc (${(1000 / per).toFixed(0)} docs/s)\n`,
  );
  return out;
};

/** The development corpus of one language (eval/corpus/<lang>), texts written for development. */
function corpus(lang: string): AnalysisInput[] {
  const dir = fileURLToPath(new URL(`../eval/corpus/${lang}`, import.meta.url));
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => ({ text: readFileSync(join(dir, f), "utf8"), title: null, publishedAt: null }));
  } catch {
    return [];
  }
}

const outGen = report("generated", generated);
for (const lang of ["fr", "ru"])
  report(`eval corpus ${lang} x20`, Array.from({ length: 20 }, () => corpus(lang)).flat());
const seedRounds: AnalysisInput[] = Array.from({ length: 20 }, () => seeds).flat();
report("seeds x20", seedRounds);
if (values.dump) {
  const seedOut = seeds.map((input) => analyzeDocument(input, { taxonomy: defaultTaxonomy }));
  writeFileSync(values.dump, JSON.stringify({ generated: outGen, seeds: seedOut }, null, 1));
}

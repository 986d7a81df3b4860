/** Scoring helpers shared by the date, event, topic and story measures (eval/measures/ holds only measures). */
import type { GoldEvent } from "./types.ts";

/** Ratio with an empty denominator counted as perfect (nothing to find, nothing wrongly found). */
export const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

/** Harmonic mean of precision and recall. */
export const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Canonical "start..end" of a gold date, filling `end` from the precision when the annotator left it out. */
export function goldValue(e: GoldEvent): string {
  if (e.end) return `${e.start}..${e.end}`;
  const [y, m] = e.start.split("-").map(Number) as [number, number];
  if (e.precision === "year") return `${y}-01-01..${y}-12-31`;
  if (e.precision === "month") return `${e.start.slice(0, 7)}-01..${e.start.slice(0, 7)}-${lastDay(y, m)}`;
  return `${e.start}..${e.start}`;
}

/** Counts of a value-set comparison, and the values each side has alone. */
export function compare(gold: Set<string>, found: Set<string>): { hit: number; missed: string[]; extra: string[] } {
  let hit = 0;
  const missed: string[] = [];
  for (const g of gold)
    if (found.has(g)) hit++;
    else missed.push(g);
  const extra = [...found].filter((f) => !gold.has(f));
  return { hit, missed, extra };
}

/** Appends a line under a cause. */
export function note(misses: Record<string, string[]>, cause: string, line: string): void {
  const list = misses[cause] ?? [];
  list.push(line);
  misses[cause] = list;
}

/**
 * Pairs of texts compared by gold story ids and by the grouping the analysis made, over the pairs `include`
 * keeps. Misses are noted under the two labels given.
 */
export function storyPairs(
  cases: ReadonlyArray<{ id: string; gold: { story: string }; groupedStory: string; lang: string }>,
  include: (a: { lang: string }, b: { lang: string }) => boolean,
  labels: { notGrouped: string; falseMerge: string },
): { gold: number; found: number; hit: number; misses: Record<string, string[]> } {
  const misses: Record<string, string[]> = {};
  let gold = 0;
  let found = 0;
  let hit = 0;
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i];
      const b = cases[j];
      if (!a || !b || !include(a, b)) continue;
      const same = a.gold.story === b.gold.story;
      const grouped = a.groupedStory === b.groupedStory;
      if (same) gold++;
      if (grouped) found++;
      if (same && grouped) hit++;
      else if (same) note(misses, labels.notGrouped, `${a.id} + ${b.id} (${a.gold.story})`);
      else if (grouped) note(misses, labels.falseMerge, `${a.id} (${a.gold.story}) + ${b.id} (${b.gold.story})`);
    }
  }
  return { gold, found, hit, misses };
}

/**
 * Stories across outlets: over every pair of texts, "same story" by the gold story ids versus by the grouping the
 * analysis made (eval/run.ts groups as ingest does). Pair precision, recall and F1, and the number of false merges
 * (pairs grouped that report different events).
 */

import { f1, note, ratio } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "stories",
  measure(cases) {
    const misses: Record<string, string[]> = {};
    let gold = 0;
    let found = 0;
    let hit = 0;
    for (let i = 0; i < cases.length; i++) {
      for (let j = i + 1; j < cases.length; j++) {
        const a = cases[i];
        const b = cases[j];
        if (!a || !b) continue;
        const same = a.gold.story === b.gold.story;
        const grouped = a.groupedStory === b.groupedStory;
        if (same) gold++;
        if (grouped) found++;
        if (same && grouped) hit++;
        else if (same) note(misses, "not grouped", `${a.id} + ${b.id} (${a.gold.story})`);
        else if (grouped) note(misses, "false merge", `${a.id} (${a.gold.story}) + ${b.id} (${b.gold.story})`);
      }
    }
    const p = ratio(hit, found);
    const r = ratio(hit, gold);
    return {
      title: "Stories across outlets (pairs of texts)",
      figures: [
        { name: "story pair precision", value: p },
        { name: "story pair recall", value: r },
        { name: "story pair F1", value: f1(p, r), goal: "≥ 0.80" },
        { name: "false merges", value: found - hit, goal: "= 0" },
        { name: "gold same-story pairs", value: gold },
      ],
      misses,
    };
  },
};

export default measure;

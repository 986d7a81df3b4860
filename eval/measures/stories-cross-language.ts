/**
 * Stories across languages: the pairs of texts in *different* languages (a Russian and a French report), "same
 * story" by gold versus by the grouping the analysis made. Pair recall and the false merges across languages.
 */

import { f1, note, ratio } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "stories-cross-language",
  measure(cases) {
    const misses: Record<string, string[]> = {};
    let gold = 0;
    let found = 0;
    let hit = 0;
    for (let i = 0; i < cases.length; i++) {
      for (let j = i + 1; j < cases.length; j++) {
        const a = cases[i];
        const b = cases[j];
        if (!a || !b || a.lang === b.lang) continue;
        const same = a.gold.story === b.gold.story;
        const grouped = a.groupedStory === b.groupedStory;
        if (same) gold++;
        if (grouped) found++;
        if (same && grouped) hit++;
        else if (same) note(misses, "not grouped across languages", `${a.id} + ${b.id} (${a.gold.story})`);
        else if (grouped) note(misses, "false merge across languages", `${a.id} + ${b.id}`);
      }
    }
    const p = ratio(hit, found);
    const r = ratio(hit, gold);
    return {
      title: "Stories across languages (pairs of texts in different languages)",
      figures: [
        { name: "cross-language pair precision", value: p },
        { name: "cross-language pair recall", value: r },
        { name: "cross-language pair F1", value: f1(p, r) },
        { name: "false merges across languages", value: found - hit, goal: "= 0" },
        { name: "gold cross-language pairs", value: gold },
      ],
      misses,
    };
  },
};

export default measure;

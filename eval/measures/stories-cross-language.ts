/**
 * Stories across languages: the pairs of texts in *different* languages (a Russian and a French report), "same
 * story" by gold versus by the grouping the analysis made. Pair recall and the false merges across languages.
 */

import { f1, ratio, storyPairs } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "stories-cross-language",
  measure(cases) {
    const { gold, found, hit, misses } = storyPairs(cases, (a, b) => a.lang !== b.lang, {
      notGrouped: "not grouped across languages",
      falseMerge: "false merge across languages",
    });
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

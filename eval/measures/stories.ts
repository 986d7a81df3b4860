/**
 * Stories across outlets: over every pair of texts, "same story" by the gold story ids versus by the grouping the
 * analysis made (eval/run.ts groups as ingest does). Pair precision, recall and F1, and the number of false merges
 * (pairs grouped that report different events).
 */

import { f1, ratio, storyPairs } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "stories",
  measure(cases) {
    const { gold, found, hit, misses } = storyPairs(cases, () => true, {
      notGrouped: "not grouped",
      falseMerge: "false merge",
    });
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

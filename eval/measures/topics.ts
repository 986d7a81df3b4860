/** Topics: micro-averaged precision and recall of the topic slugs an editor would tag. Misses by topic. */

import { note, ratio } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "topics",
  measure(cases) {
    const misses: Record<string, string[]> = {};
    let gold = 0;
    let found = 0;
    let hit = 0;
    for (const c of cases) {
      const g = new Set(c.gold.topics);
      const f = new Set(c.result.topics);
      gold += g.size;
      found += f.size;
      for (const t of g) {
        if (f.has(t)) hit++;
        else note(misses, `missed ${t}`, `${c.id}: got [${[...f].join(", ")}]`);
      }
      for (const t of f) if (!g.has(t)) note(misses, `wrong ${t}`, `${c.id}: gold [${[...g].join(", ")}]`);
    }
    return {
      title: "Topics",
      figures: [
        { name: "topic precision", value: ratio(hit, found), goal: "≥ 0.90" },
        { name: "topic recall", value: ratio(hit, gold), goal: "≥ 0.85" },
      ],
      misses,
    };
  },
};

export default measure;

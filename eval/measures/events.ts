/**
 * Timeline events: a gold event is found when the analysis returns an event with the same first and last day
 * (month and year events cover the whole month or year). Overall, and on the texts given no publication date,
 * where the analysis must anchor on the text's own dates. Misses are filed under the gold event's cause; events
 * the analysis returned that no editor would put on the timeline are filed as "extra".
 */

import { compare, goldValue, note, ratio } from "../score.ts";
import type { Measure } from "../types.ts";

const measure: Measure = {
  name: "events",
  measure(cases) {
    const misses: Record<string, string[]> = {};
    const all = { gold: 0, found: 0, hitGold: 0, hitFound: 0 };
    const undated = { gold: 0, found: 0, hitGold: 0, hitFound: 0 };
    for (const c of cases) {
      const byValue = new Map(c.gold.events.map((e) => [goldValue(e), e]));
      const found = new Set(c.result.events.map((e) => `${e.start}..${e.end}`));
      const r = compare(new Set(byValue.keys()), found);
      for (const acc of c.gold.published === null ? [all, undated] : [all]) {
        acc.gold += byValue.size;
        acc.found += found.size;
        acc.hitGold += r.hit;
        acc.hitFound += r.hit;
      }
      for (const v of r.missed) {
        const e = byValue.get(v);
        note(misses, e?.cause ?? "other", `${c.id}: "${e?.text ?? "?"}" = ${v}`);
      }
      for (const v of r.extra) {
        const e = c.result.events.find((x) => `${x.start}..${x.end}` === v);
        note(misses, "extra", `${c.id}: "${e?.text ?? "?"}" → ${v}`);
      }
    }
    return {
      title: "Events (timeline dates)",
      figures: [
        { name: "event recall", value: ratio(all.hitGold, all.gold), goal: "≥ 0.90" },
        { name: "event precision", value: ratio(all.hitFound, all.found), goal: "≥ 0.90" },
        { name: "event recall, no publication date", value: ratio(undated.hitGold, undated.gold), goal: "≥ 0.90" },
        {
          name: "event precision, no publication date",
          value: ratio(undated.hitFound, undated.found),
          goal: "≥ 0.90",
        },
        { name: "gold events", value: all.gold },
      ],
      misses,
    };
  },
};

export default measure;

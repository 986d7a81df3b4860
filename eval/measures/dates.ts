/**
 * Every date expression, timeline or not: the gold is the text's events plus its `dates` (horizons such as
 * "d'ici 2030", which are dates but not events); the analysis side is every resolved date mention
 * (extractDateMentions), events and horizons alike. Compared by value (first and last day), as in TimeBank-style
 * evaluations: "value recall / precision".
 */
import { extractDateMentions } from "../../src/analysis/events.ts";
import { extractEventsRu } from "../../src/analysis/ru/dates-ru.ts";
import { compare, goldValue, note, ratio } from "../score.ts";
import type { GoldEvent, Measure } from "../types.ts";

const measure: Measure = {
  name: "dates",
  measure(cases) {
    const misses: Record<string, string[]> = {};
    let gold = 0;
    let found = 0;
    let hit = 0;
    for (const c of cases) {
      const golds: GoldEvent[] = [...c.gold.events, ...(c.gold.dates ?? [])];
      const byValue = new Map(golds.map((e) => [goldValue(e), e]));
      const mentions =
        c.lang === "ru"
          ? extractEventsRu(c.result.text, c.result.publishedAt)
          : extractDateMentions(c.result.text, c.result.publishedAt);
      const values = new Set(mentions.map((m) => `${m.start}..${m.end}`));
      const r = compare(new Set(byValue.keys()), values);
      gold += byValue.size;
      found += values.size;
      hit += r.hit;
      for (const v of r.missed) {
        const e = byValue.get(v);
        note(misses, e?.cause ?? "other", `${c.id}: "${e?.text ?? "?"}" = ${v}`);
      }
      for (const v of r.extra) {
        const m = mentions.find((x) => `${x.start}..${x.end}` === v);
        note(misses, "wrong value or not a date", `${c.id}: "${m?.text ?? "?"}" → ${v}`);
      }
    }
    return {
      title: "Dates (every date expression, by value)",
      figures: [
        { name: "date value recall", value: ratio(hit, gold), goal: "≥ 0.85" },
        { name: "date value precision", value: ratio(hit, found), goal: "≥ 0.95" },
        { name: "gold dates", value: gold },
      ],
      misses,
    };
  },
};

export default measure;

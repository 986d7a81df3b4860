/**
 * Rarity of people and words among the articles a story is matched in (the candidate window of ingest, or a batch
 * being grouped), with what the beat knows beforehand about its ever-present people. Computed from the window
 * itself, so the store keeps no document frequencies.
 */
import type { StorySignature } from "../core/analysis-types.ts";
import { fold } from "./french-words.ts";

/**
 * Rarity weights of people and keywords among a set of signatures: log(1 + N / df) / log(1 + N), 1 for a key seen
 * once, near 0 for a key in every article. With two articles every shared key weighs the same.
 */
export class Rarity {
  private readonly df = new Map<string, number>();
  private readonly norm: number;

  constructor(sigs: readonly StorySignature[]) {
    for (const s of sigs) {
      for (const k of s.people ?? []) this.df.set(`p:${k}`, (this.df.get(`p:${k}`) ?? 0) + 1);
      for (const k of s.keywords ?? []) this.df.set(`k:${k}`, (this.df.get(`k:${k}`) ?? 0) + 1);
    }
    this.n = Math.max(2, sigs.length);
    this.norm = Math.log(1 + this.n);
  }

  private readonly n: number;

  weight(kind: "p" | "k", key: string): number {
    const df = Math.max(1, this.df.get(`${kind}:${key}`) ?? 1);
    const w = Math.log(1 + this.n / df) / this.norm;
    return kind === "p" ? w * personPrior(key) : w;
  }
}

/** People in nearly every article of the beat, and people often quoted: what the beat knows before counting. */
const UBIQUITOUS = /poutin|putin|tokai?y?e?v|tokaev|nazarbai?e?v/;
const FREQUENT = /lavrov|peskov|zakharova|trump|xijinping|jinping|michoustin|mishustin|bektenov|zelensk/;
const priors = new Map<string, number>();

/** Prior factor of a person's rarity weight: the two presidents count, but little, even in a small window. */
function personPrior(key: string): number {
  let w = priors.get(key);
  if (w === undefined) {
    const k = fold(key).replace(/[^a-z]/g, "");
    w = UBIQUITOUS.test(k) ? 0.4 : FREQUENT.test(k) ? 0.6 : 1;
    if (priors.size >= 20_000) priors.clear();
    priors.set(key, w);
  }
  return w;
}

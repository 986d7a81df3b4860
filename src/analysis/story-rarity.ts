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
  private readonly people = new Map<string, number>();
  private readonly words = new Map<string, number>();
  private readonly n: number;
  private readonly norm: number;

  /**
   * With `focus`, only the keys of that signature are counted: its weights are exact, those of any other key are
   * not. That is all matching one article needs (a key two signatures share is one of the article's), and it
   * saves counting every key of every candidate in the window, for every article of an import.
   */
  constructor(sigs: readonly StorySignature[], focus?: StorySignature) {
    const people = focus ? new Set(focus.people ?? []) : null;
    const words = focus ? new Set(focus.keywords ?? []) : null;
    for (const s of sigs) {
      for (const k of s.people ?? []) if (!people || people.has(k)) this.people.set(k, (this.people.get(k) ?? 0) + 1);
      for (const k of s.keywords ?? []) if (!words || words.has(k)) this.words.set(k, (this.words.get(k) ?? 0) + 1);
    }
    this.n = Math.max(2, sigs.length);
    this.norm = Math.log(1 + this.n);
  }

  weight(kind: "p" | "k", key: string): number {
    const df = Math.max(1, (kind === "p" ? this.people : this.words).get(key) ?? 1);
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

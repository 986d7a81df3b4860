/**
 * Finding people from what a user typed: any alias, any transliteration, or a surname alone.
 */
import { foldKey } from "../core/name-key.ts";
import type { Db } from "./db.ts";
import { keyContains, tokens } from "./fold.ts";

export interface PersonMatch {
  id: number;
  name: string;
  /** True when a whole key (canonical or alias) equals the query. */
  exact: boolean;
  /** True when some key token starts with the query's last token (autocomplete). */
  prefix: boolean;
}

/**
 * People whose canonical or alias key contains every token of the folded query. When some person
 * matches exactly, only exact matches are returned (so "Poutine" does not also bring "Poutine Jr").
 */
export async function matchPeople(db: Db, text: string, opts: { prefix?: boolean; take?: number } = {}) {
  const key = foldKey(text);
  const want = tokens(key);
  const longest = [...want].sort((a, b) => b.length - a.length)[0];
  if (!longest) return [];
  const rows = await db.person.findMany({
    where: { OR: [{ key: { contains: longest } }, { aliases: { some: { key: { contains: longest } } } }] },
    select: { id: true, name: true, key: true, aliases: { select: { key: true } } },
    take: 500,
  });
  const last = want[want.length - 1] ?? "";
  const head = want.slice(0, -1).join(" ");
  const out: PersonMatch[] = [];
  for (const r of rows) {
    const keys = [r.key, ...r.aliases.map((a) => a.key)];
    const exact = keys.some((k) => k === key);
    const contains = exact || keys.some((k) => keyContains(k, key));
    const prefix = keys.some((k) => (head === "" || keyContains(k, head)) && tokens(k).some((t) => t.startsWith(last)));
    if (contains || (opts.prefix && prefix)) out.push({ id: r.id, name: r.name, exact, prefix });
  }
  const exact = out.filter((p) => p.exact);
  return (opts.prefix || exact.length === 0 ? out : exact).slice(0, opts.take ?? 500);
}

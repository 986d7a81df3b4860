/**
 * Roles and titles next to names ("le président russe Vladimir Poutine", "l'ambassadeur du Kazakhstan en Russie,
 * Dauren Abayev,", "Alexander Pankin, vice-ministre russe des Affaires étrangères,"), and matching a bare role
 * ("le dirigeant kazakh") back to a person, with a nationality check.
 */

/** Singular role nouns, longest first so "vice-premier ministre" wins over "ministre". */
const ROLE_NOUNS = [
  "vice-premier ministre",
  "premier vice-premier ministre",
  "premier ministre",
  "première ministre",
  "vice-ministre",
  "ministre",
  "vice-présidente",
  "vice-président",
  "présidente",
  "président",
  "porte-parole",
  "ambassadrice",
  "ambassadeur",
  "chef de la diplomatie",
  "chef de l'État",
  "chef du gouvernement",
  "cheffe",
  "chef",
  "dirigeante",
  "dirigeant",
  "diplomate",
  "homologue",
  "secrétaire général",
  "secrétaire",
  "conseillère",
  "conseiller",
  "sénatrice",
  "sénateur",
  "députée",
  "député",
  "directrice",
  "directeur",
  "gouverneur",
  "maire",
  "chancelier",
  "représentante",
  "représentant",
  "envoyé spécial",
  "commissaire",
  "politologue",
  "analyste",
  "experte",
  "expert",
  "économiste",
  "patron",
  "vice-chancelier",
  "émir",
  "roi",
];

const ROLE_SRC = ROLE_NOUNS.map((r) => r.replace(/[-']/g, "[-' ]?").replace(/ /g, "\\s+")).join("|");
/** A role noun as a whole word (not "présidents", not "présidentielle"). */
export const ROLE_RE = new RegExp(`(?<![\\p{L}-])(?:${ROLE_SRC})(?![\\p{L}-])`, "iu");
const ROLE_RE_G = new RegExp(ROLE_RE.source, "giu");

/** Leaders: any of these heads refers to the head of state/government of the given country. */
const LEADER = new Set(["président", "présidente", "dirigeant", "dirigeante", "chef de l'état", "chef"]);
const DIPLOMAT = new Set(["ambassadeur", "ambassadrice", "diplomate", "chef de la diplomatie", "envoyé spécial"]);

const NATIONALITY: readonly [RegExp, string][] = [
  [/kazakh|kazakhstan|kazakhstanais/iu, "kz"],
  [/\brusse\b|russie|kremlin|russes\b/iu, "ru"],
  [/américain|états-unis|etats-unis|maison blanche/iu, "us"],
  [/chinois|chine\b/iu, "cn"],
  [/ukrainien|ukraine/iu, "ua"],
  [/biélorusse|bélarus|biélorussie/iu, "by"],
  [/ouzbek|ouzbékistan/iu, "uz"],
  [/kirghiz/iu, "kg"],
  [/français|france\b/iu, "fr"],
  [/turc\b|turquie/iu, "tr"],
];

/** A role broken into what matching needs. */
export interface RoleInfo {
  /** Normalised role noun, e.g. "vice-ministre", "président". */
  head: string;
  /** ISO-like country code of the first country named in the role, or null. */
  nationality: string | null;
  /** True when the role mentions foreign affairs / diplomacy. */
  foreignAffairs: boolean;
}

function headOf(noun: string): string {
  return noun
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^(vice|premier)[' ]/, "$1-")
    .replace("première", "premier");
}

/** First country named in a role phrase: "ambassadeur de Russie au Kazakhstan" → "ru". */
export function nationalityOf(role: string): string | null {
  let best: { at: number; code: string } | null = null;
  for (const [re, code] of NATIONALITY) {
    const m = re.exec(role);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, code };
  }
  return best?.code ?? null;
}

/** Parses a role phrase; null when it holds no role noun. */
export function parseRole(role: string): RoleInfo | null {
  const m = ROLE_RE.exec(role);
  if (!m) return null;
  const rest = role.slice(m.index);
  return {
    head: headOf(m[0]),
    nationality: nationalityOf(rest),
    foreignAffairs: /affaires\s+étrangères|diplomatie/iu.test(rest),
  };
}

/**
 * Can a bare role used as a speaker ("le vice-ministre", "le dirigeant kazakh", "le diplomate") denote a person
 * known with role `known`? Returns a score (higher is better) or 0 for no.
 */
export function roleMatches(query: RoleInfo, known: RoleInfo): number {
  if (query.nationality && known.nationality && query.nationality !== known.nationality) return 0;
  let score = 0;
  if (query.head === known.head) score = 3;
  else if (LEADER.has(query.head) && LEADER.has(known.head)) score = 2;
  else if (DIPLOMAT.has(query.head) && (DIPLOMAT.has(known.head) || known.foreignAffairs)) score = 2;
  else return 0;
  if (query.foreignAffairs && !known.foreignAffairs) return 0;
  if (query.nationality && query.nationality === known.nationality) score += 1;
  return score;
}

const DETERMINER_RE = /^(?:le|la|l'|les|du|de la|de l'|des|un|une|son|sa|notre|leur)\s*/iu;

function cleanRole(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(DETERMINER_RE, "").trim();
}

/**
 * Role written just before a name at `start`: role + name ("le président russe Vladimir Poutine") or apposition
 * ("l'ambassadeur du Kazakhstan en Russie, Dauren Abayev"). Looks back at most one sentence and three comma groups.
 */
export function roleBefore(text: string, start: number): string | null {
  const from = Math.max(0, start - 220);
  let window = text.slice(from, start);
  const stop = Math.max(
    ...[".", "!", "?", "\n", "«", "»", '"', "“", "”", ":", ";", "("].map((c) => window.lastIndexOf(c)),
  );
  if (stop >= 0) window = window.slice(stop + 1);
  const trimmed = window.replace(/\s+$/, "");
  if (trimmed.endsWith(",")) {
    const groups = trimmed.slice(0, -1).split(",");
    for (let i = groups.length - 1, n = 0; i >= 0 && n < 3; i--, n++) {
      const g = groups[i] ?? "";
      const roles = [...g.matchAll(ROLE_RE_G)];
      const first = roles[0];
      if (first?.index !== undefined) return cleanRole(`${g.slice(first.index)}${groups.slice(i + 1).join(",")}`);
      if (/^\s*\p{Lu}/u.test(g)) return null;
    }
    return null;
  }
  // Role + name without a comma: the earliest role noun from which nothing but the role's complement follows.
  const tail = trimmed.slice(-90);
  for (const m of tail.matchAll(ROLE_RE_G)) {
    if (m.index === undefined) continue;
    const between = tail.slice(m.index + m[0].length);
    // "le vice-premier ministre et ministre des Affaires étrangères kazakh Murat Nurtleu" keeps its "et".
    const joined = between.replace(/\bet\s+(?=(?:vice-)?(?:premier\s+)?ministre)/giu, " ");
    if (/,|\b(?:et|a|ont|qui|que|avec|pour|par|dans|sur|lors|depuis|son|sa|ses)\b/iu.test(joined)) continue;
    return cleanRole(tail.slice(m.index));
  }
  return null;
}

/** Reverse apposition after a name at `end`: "Alexander Pankin, vice-ministre russe des Affaires étrangères,". */
export function roleAfter(text: string, end: number): string | null {
  const after = text.slice(end, end + 200);
  const m = /^,\s*((?:(?:le|la|l')\s*)?[^,.;:()\n«»"]{2,160})/iu.exec(after);
  if (!m?.[1]) return null;
  const group = m[1];
  const role = ROLE_RE.exec(group);
  if (!role || role.index > 4) return null;
  return cleanRole(group);
}

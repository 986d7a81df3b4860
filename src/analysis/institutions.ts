/**
 * Non-person speakers and non-speakers: institutions and organisations that speak ("le consortium CPC",
 * "le ministère kazakh de l'Énergie", "le service de presse du Kremlin", "Gazprom"), and news media that are only
 * sources of what someone else said ("l'agence Tass", "selon Interfax", "le quotidien Kommersant").
 */
import { fold } from "./french-words.ts";

/** News agencies and media: they relay speech, they are not its speaker. */
const MEDIA_NAMES =
  "tass|ria|ria novosti|interfax|kazinform|reuters|afp|ap|xinhua|sputnik|anadolu|bloomberg|kommersant|izvestia|" +
  "tengrinews|khabar|belta|trend|apa|lenta|vedomosti|rbc|rbk|pravda|kabar|akipress|efe|dpa|ansa|bbc|cnn";
const MEDIA_RE = new RegExp(
  `^\\s*(?:(?:l'agence(?:\\s+de\\s+presse)?(?:\\s+(?:russe|kazakhe|officielle|publique|d'État|chinoise|turque))?|le\\s+(?:quotidien|journal|site|média|magazine|portail|hebdomadaire)(?:\\s+\\p{L}+)?|la\\s+(?:chaîne|télévision|radio|presse)(?:\\s+\\p{L}+)?)\\s+)?(?:${MEDIA_NAMES})(?![\\p{L}])|^\\s*(?:les\\s+médias|la\\s+presse|des\\s+médias|certains\\s+médias|l'agence\\s+de\\s+presse|le\\s+journal|la\\s+chaîne)(?![\\p{L}])`,
  "iu",
);

/** Does this noun phrase (at the start of `s`) name a news medium? */
export function isMedia(s: string): boolean {
  return MEDIA_RE.test(s);
}

/** Heads of institutional noun phrases. */
const BODY_HEADS =
  "ministère|gouvernement|présidence|kremlin|ambassade|consortium|compagnie|société|groupe|entreprise|agence|" +
  "organisation|union|commission|conseil|parlement|sénat|douma|banque|fonds|comité|office|autorité|armée|" +
  "état-major|chemins de fer|opérateur|administration|mairie|préfecture|parquet|fédération|association|syndicat|" +
  "parti|alliance|akorda|élysée|maison blanche|cabinet|secrétariat|direction|délégation|mission|cour|tribunal|" +
  "bureau|service|département|assemblée|municipalité|région|diplomatie|chancellerie|ministre";
const BODY_RE = new RegExp(`^(?:(?:le|la|les)\\s+|l')(${BODY_HEADS})(?![\\p{L}-])`, "iu");
/** Generic heads that refer back to an organisation named earlier ("le groupe", "d'après le consortium"). */
const ANAPHORIC = new Set(["consortium", "groupe", "compagnie", "société", "entreprise", "organisation", "opérateur"]);
const ACRONYM_RE = /(?<![\p{L}])(\p{Lu}{2,6})(?![\p{L}])/u;
const PRESS_SERVICE_RE =
  /^(?:(?:le|la|les)\s+|l')(?:service\s+de\s+presse|porte-parole|bureau\s+de\s+presse|services)\s+(de\s+la\s+|du\s+|de\s+l'|des\s+|de\s+)(.+)$/iu;
const PREPOSITION_TO_DET: Readonly<Record<string, string>> = {
  "de la ": "la ",
  "du ": "le ",
  "de l'": "l'",
  "des ": "les ",
};

/** Places used as metonyms ("Moscou estime…"): not treated as named institutions. */
const PLACES = new Set(
  (
    "kazakhstan russie moscou astana almaty kiev kyiv pekin washington paris bruxelles minsk londres berlin tachkent " +
    "bichkek chine ukraine europe france etats-unis occident bakou erevan ankara teheran tokyo delhi"
  ).split(" "),
);

/** "Certains parlent d'un « tournant »": indefinite subjects are nobody in particular. */
const INDEFINITE = new Set(
  "certains certaines plusieurs beaucoup autres tous toutes chacun chacune personne aucun aucune nombre ceux celles".split(
    " ",
  ),
);

/** Companies of the beat that "le groupe" / "la compagnie" may refer back to. */
const KNOWN_ORGS =
  /(?<![\p{L}])(Gazprom|Rosatom|Roscosmos|Kazatomprom|KazMunayGas|KazMunaïGaz|Samruk-Kazyna|Tengizchevroil|Lukoil|Rosneft|Novatek|Transneft|KazTransOil|QazaqGaz|Kegoc|Sibur|Kamaz|Aeroflot|Air Astana)(?![\p{L}])/gu;

/** Organisations named in `text` before `at`, most recent last: acronyms and known companies. */
export function organisationsBefore(text: string, at: number): string[] {
  const out: { name: string; at: number }[] = [];
  for (const m of text.slice(0, at).matchAll(/(?<![\p{L}])\p{Lu}{2,6}(?![\p{L}])/gu)) {
    if (!/^[IVXLCDM]+$/u.test(m[0])) out.push({ name: m[0], at: m.index ?? 0 });
  }
  for (const m of text.slice(0, at).matchAll(KNOWN_ORGS)) out.push({ name: m[0], at: m.index ?? 0 });
  return out.sort((a, b) => a.at - b.at).map((o) => o.name);
}

const NATIONALITY_ADJ =
  /^(?:kazakhe?s?|russes?|chinoise?s?|ukrainien(?:ne)?s?|américaine?s?|français(?:e|es)?|européen(?:ne)?s?|biélorusses?|ouzbèke?s?|kirghize?s?|turque?s?|iranien(?:ne)?s?|britanniques?|allemande?s?)$/iu;
const NAME_LINKS = new Set(["de", "du", "des", "d'", "la", "l'", "et"]);

/** The fullest earlier form of a body named again by its head alone ("le ministère" → its full name). */
function fullerName(head: string, text: string, at: number): string | null {
  const before = text.slice(0, at);
  const re = new RegExp(
    `(?:\\b[Ll]e\\s+|\\b[Ll]a\\s+|\\b[Ll]')${head}((?:\\s+|(?<=')|\\s*(?=d'|l'))[^\\s]+){0,8}`,
    "giu",
  );
  let best: string | null = null;
  for (const m of before.matchAll(re)) {
    const words = m[0].split(/\s+|(?<=')/u);
    const kept: string[] = [];
    // Keep nationality adjectives, capitalised words, links between them and adjectives right after a capital.
    for (const [i, w] of words.entries()) {
      if (i < 2 || NATIONALITY_ADJ.test(w) || /^\p{Lu}/u.test(w) || NAME_LINKS.has(w.toLowerCase())) kept.push(w);
      else if (/^\p{Ll}/u.test(w) && /^\p{Lu}/u.test(kept[kept.length - 1] ?? "")) kept.push(w);
      else break;
    }
    while (kept.length > 2 && NAME_LINKS.has((kept[kept.length - 1] ?? "").toLowerCase())) kept.pop();
    if (kept.length > 2) best = tidy(kept.join(" ").replace(/' /g, "'"));
  }
  return best;
}

function tidy(np: string): string {
  const s = np
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s,.;:]+$/u, "");
  return s.replace(/^(Le|La|Les|L')/u, (d) => d.toLowerCase());
}

/**
 * The canonical name of the institution a noun phrase names, or null when it names none. `np` is the whole
 * subject phrase ("Le consortium CPC", "la présidence kazakhe", "Gazprom", "le service de presse de l'Akorda");
 * `text` and `at` let a bare "le groupe" refer back to the organisation named before.
 */
export function institutionName(np: string, text: string, at: number): string | null {
  const s = np
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s,.;:]+$/u, "");
  if (!s || s.length > 120) return null;
  const press = PRESS_SERVICE_RE.exec(s);
  if (press?.[1] && press[2]) {
    const det = PREPOSITION_TO_DET[press[1].toLowerCase().replace(/\s+/g, " ")] ?? "";
    return institutionName(`${det}${press[2].trim()}`, text, at);
  }
  const paren = /\((\p{Lu}{2,8})\)/u.exec(s);
  if (paren?.[1]) return paren[1];
  const body = BODY_RE.exec(s);
  if (body?.[1]) {
    const acronym = ACRONYM_RE.exec(s.slice(body[0].length));
    if (acronym?.[1]) return acronym[1];
    const rest = s.slice(body[0].length).trim();
    if (!rest && ANAPHORIC.has(body[1].toLowerCase())) return organisationsBefore(text, at).pop() ?? null;
    // "indique le ministère" after "Le ministère kazakh des Affaires étrangères a démenti…": the full name.
    if (!rest) return fullerName(body[1], text, at) ?? tidy(s);
    return tidy(s);
  }
  // A capitalised name alone ("Gazprom", "L'OTSC", "Roscosmos"), not a place.
  const named = /^(?:[lL]'|[lL]e |[lL]a |[lL]es )?(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*){0,3})$/u.exec(s);
  if (named?.[1] && !PLACES.has(fold(named[1])) && !INDEFINITE.has(fold(named[1]))) return named[1];
  return null;
}

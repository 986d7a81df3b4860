/**
 * Small phrase lexicons quote attribution needs besides the speech verbs (speech-verbs.ts): document speakers,
 * adverbs and adverbials that sit between an inverted verb and its subject, pronoun subjects.
 */

const ADVERBS =
  "également|aussi|ensuite|encore|notamment|déjà|alors|toutefois|pourtant|enfin|pour sa part|de son côté|" +
  "par ailleurs|plus tard|récemment|ainsi|clairement|publiquement|à nouveau|de nouveau|lui-même|elle-même|" +
  "mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|à plusieurs reprises|" +
  "à la presse|aux journalistes|devant la presse|devant les journalistes|aux médias|dans un communiqué|" +
  "sur les réseaux sociaux|sur X|sur Telegram|en conférence de presse|lors d'un point presse|quant à lui|quant à elle";

/** Adverbs and adverbials that may sit between an inverted verb and its subject. */
export const LEADING_ADVERBS_RE = new RegExp(`^\\s*(?:(?:${ADVERBS}|,)\\s*)*`, "iu");

/** Nouns of documents that can be quoted as speakers, with their French determiner. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  document: "le",
  communiqué: "le",
  texte: "le",
  rapport: "le",
  message: "le",
  traité: "le",
  accord: "l'",
  déclaration: "la",
  lettre: "la",
  résolution: "la",
  note: "la",
  télégramme: "le",
};

/** A document noun phrase at the start of `s` ("le document", "un communiqué", "La Déclaration"). */
export const DOCUMENT_RE =
  /^\s*(?:le|la|l'|un|une|ce|cette|ledit|ladite)\s*(document|communiqué|texte|rapport|message|traité|accord|déclaration|lettre|résolution|note|télégramme)(?![\p{L}-])/iu;

/** Canonical speaker name for a document noun as written: "Déclaration" → "la Déclaration". */
export function documentSpeaker(noun: string): string {
  const det = DOCUMENTS[noun.toLowerCase()] ?? "le";
  return det === "l'" ? `l'${noun}` : `${det} ${noun}`;
}

/** Subject pronoun right after an inverted verb ("a-t-il ajouté", "selon lui"). */
export const PRONOUN_START_RE = /^\s*(?:-t-)?(?:il|elle|lui|elle-même|lui-même)(?![\p{L}])/iu;

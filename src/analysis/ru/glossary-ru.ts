/**
 * The few Russian words a French report of the same event shares in translation — event nouns, places, bodies —
 * so that story signatures (stories.ts compares content words) meet across languages: визит ~ visite,
 * саммит ~ sommet, Кремль ~ Kremlin, Оренбург ~ Orenbourg. Keys are Russian stems (any ending), values the French
 * word as the French analysis sees it.
 */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ["государственн", "d'Etat"],
  ["визит", "visite"],
  ["саммит", "sommet"],
  ["переговор", "entretiens"],
  ["встреч", "rencontre"],
  ["газопровод", "gazoduc"],
  ["газов", "gaz"],
  ["газ", "gaz"],
  ["нефт", "petrole"],
  ["энерг", "energie"],
  ["союз", "union"],
  ["договор", "traite"],
  ["соглашени", "accord"],
  ["товарооборот", "echanges"],
  ["торгов", "commerce"],
  ["санкц", "sanctions"],
  ["транзит", "transit"],
  ["коридор", "corridor"],
  ["космодром", "cosmodrome"],
  ["байконур", "Baikonour"],
  ["кремл", "Kremlin"],
  ["москв", "Moscou"],
  ["астан", "Astana"],
  ["алмат", "Almaty"],
  ["оренбург", "Orenbourg"],
  ["минск", "Minsk"],
  ["еаэс", "UEE"],
  ["шос", "OCS"],
  ["одкб", "OTSC"],
  ["мигрант", "migrants"],
  ["миграц", "migration"],
  ["телефонн", "telephone"],
  ["документ", "documents"],
  ["подписа", "signature"],
  ["подписани", "signature"],
  ["стратегическ", "strategique"],
  ["союзник", "allie"],
  ["партнер", "partenaire"],
  ["партнёр", "partenaire"],
  ["сотрудничеств", "cooperation"],
  ["прибыл", "arrive"],
  ["прибыти", "arrivee"],
  ["декларац", "declaration"],
  ["инвестиц", "investissements"],
  ["экспорт", "exportations"],
  ["поставк", "livraisons"],
  ["строительств", "construction"],
  ["кредит", "credit"],
  ["рекорд", "record"],
  ["комисси", "commission"],
  ["межправкомисси", "commission intergouvernementale"],
  ["разговор", "entretien"],
];

/** Replaces each Russian word that starts with a glossary stem by its French counterpart; other words stay. */
export function glossRussian(text: string): string {
  return text.replace(/[\u0400-\u04FF]+/gu, (w) => {
    const lower = w.toLowerCase();
    for (const [stem, fr] of GLOSSARY) {
      if (lower === stem || (lower.startsWith(stem) && lower.length - stem.length <= 4)) return fr;
    }
    return w;
  });
}

/**
 * Russian names of the default topics: the label shown to Russian readers and the words they may type
 * (`/subscribe digest энергетика`, `/latest санкции`). Kept apart from the cues the classifier scores
 * (ru/topics-ru.ts), which are about reading articles, not about what people type.
 */
export const TOPIC_NAMES_RU: Readonly<Record<string, { label: string; aliases: readonly string[] }>> = {
  diplomatie: { label: "Дипломатия", aliases: ["дипломатия", "внешняя политика", "двусторонние отношения"] },
  securite: { label: "Безопасность", aliases: ["безопасность", "оборона"] },
  energie: { label: "Энергетика", aliases: ["энергетика", "энергия", "нефть", "газ"] },
  "economie-commerce": { label: "Экономика и торговля", aliases: ["экономика", "торговля", "бизнес", "инвестиции"] },
  "transport-logistique": {
    label: "Транспорт и логистика",
    aliases: ["транспорт", "логистика", "транзит", "коридоры"],
  },
  "culture-education": {
    label: "Культура и образование",
    aliases: ["культура", "образование", "наука", "университеты"],
  },
  sanctions: { label: "Санкции", aliases: ["санкции", "эмбарго"] },
  multilateral: {
    label: "Многосторонние организации (ОДКБ, ЕАЭС, БРИКС, ШОС, СНГ, ООН)",
    aliases: ["многосторонние организации", "одкб", "еаэс", "брикс", "шос", "снг", "оон"],
  },
  "guerre-ukraine": {
    label: "Война в Украине",
    aliases: ["война в украине", "война на украине", "украина", "война", "сво"],
  },
  migration: { label: "Миграция", aliases: ["миграция", "мигранты", "трудовые мигранты"] },
  "geopolitique-mondiale": {
    label: "Мировая геополитика",
    aliases: ["геополитика", "мировая геополитика", "международная политика"],
  },
};

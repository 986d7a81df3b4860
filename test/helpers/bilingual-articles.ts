/**
 * Invented articles in French and Russian on one beat, for the tests of languages (replies, subscriptions): each
 * test gives them its own arrival and publication times with `addArticle` (./world.ts). The two visit articles
 * report one story, each with a quote of the same speaker in its own language.
 */
export const VISIT_FR = {
  title: "Tokaïev attendu à Moscou pour le sommet de l'UEE",
  source: "steppe-info",
  quote: { text: "Nous arrivons à Moscou avec des propositions concrètes", speaker: "Kassym-Jomart Tokaïev" },
};

export const VISIT_RU = {
  title: "Токаев прибудет в Москву на саммит ЕАЭС",
  source: "stepnye-vesti",
  language: "ru",
  quote: { text: "Мы едем в Москву с конкретными предложениями", speaker: "Касым-Жомарт Токаев" },
};

export const BORDER_RU = {
  title: "В Оренбурге открылся новый пункт пропуска",
  source: "stepnye-vesti",
  language: "ru",
};

export const GRAIN_FR = {
  title: "Le blé kazakh arrive à Orenbourg",
  source: "steppe-info",
};

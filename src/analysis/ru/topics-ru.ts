/**
 * Topics of Russian articles: the same taxonomy slugs as French (so /topics and subscriptions do not depend on the
 * language), with Russian cues. Cues are written in Russian and transliterated once, so the French classifier
 * (topics.ts) scores a transliterated text against them; `stem*` matches any ending, which covers Russian cases.
 */
import { defaultTaxonomy, type Taxonomy } from "../taxonomy.ts";
import { classifyTopics } from "../topics.ts";
import { transliterate } from "./translit.ts";

/** Russian cues per slug (lower case; `*` = any ending; `^N` = weight). */
const CUES_RU: Readonly<Record<string, readonly string[]>> = {
  diplomatie: [
    "визит*^2",
    "переговор*^2",
    "встреч*",
    "саммит*",
    "посол*",
    "посольств*",
    "дипломат*^2",
    "мид",
    "министр* иностранных дел^2",
    "кремл*",
    "акорд*",
    "двусторонн*",
    "сотрудничеств*",
    "партнерств*",
    "стратегическ* партнер*^2",
    "союзник*",
    "поздрав*^2",
    "телефонн* разговор*^2",
    "приглашени*",
    "договор* о дружбе^2",
    "декларац*",
    "межгосударствен*",
    "брифинг*^2",
    "официальн* представител*^2",
  ],
  securite: [
    "безопасност*^2",
    "оборон*",
    "военн*",
    "армия",
    "армии",
    "террор*^2",
    "учени*",
    "одкб",
    "граница",
    "границ*",
  ],
  energie: [
    "энерг*^2",
    "газ^2",
    "газа^2",
    "газов*^2",
    "газопровод*^2",
    "нефт*^2",
    "нефтепровод*^2",
    "ктк^2",
    "уран*",
    "аэс^2",
    "атомн*",
    "электростанц*",
    "газпром*",
    "роснефт*",
    "лукойл*",
    "казмунайгаз*",
    "поставк* газа^2",
    "газов* союз*^3",
    "тэц^2",
    "теплоэлектроцентрал*^2",
    "электроэнерги*^2",
    "электростанц*^2",
  ],
  "economie-commerce": [
    "товарооборот*^3",
    "торгов*^2",
    "экономик*",
    "экономическ*",
    "инвестиц*^2",
    "экспорт*",
    "импорт*",
    "бизнес*",
    "промышленн*",
    "предприят*",
    "тенге",
    "рубл*",
    "валют*",
    "ввп",
    "млрд",
    "миллиард*",
    "кредит*^2",
    "доллар*",
  ],
  "transport-logistique": [
    "транспорт*^2",
    "логистик*^2",
    "транзит*^2",
    "коридор*^2",
    "железн* дорог*^2",
    "порт*",
    "грузоперевоз*^2",
    "авиасообщени*",
    "байконур*",
    "космодром*",
  ],
  "culture-education": [
    "культур*^2",
    "образовани*^2",
    "университет*",
    "студент*",
    "школ*",
    "язык*",
    "русск* язык*^2",
    "театр*",
    "музе*",
    "фестивал*",
    "наук*",
  ],
  sanctions: ["санкц*^3", "ограничени*", "обход* санкц*^3", "вторичн* санкц*^3"],
  multilateral: [
    "еаэс^2",
    "евразийск* экономическ* союз*^3",
    "шос^2",
    "брикс^2",
    "снг^2",
    "одкб^2",
    "оон^2",
    "ес",
    "евразийск*",
  ],
  "guerre-ukraine": ["украин*^2", "сво^2", "специальн* военн* операц*^3", "киев*", "донбасс*", "зеленск*", "перемири*"],
  migration: ["мигрант*^3", "миграц*^3", "трудов* мигрант*^3", "гражданств*", "переселен*", "релокант*^2"],
  "geopolitique-mondiale": [
    "сша",
    "китай*",
    "кита*",
    "запад*",
    "нато",
    "геополитическ*^2",
    "трамп*",
    "си цзиньпин*",
    "европ*",
  ],
};

function translitCue(cue: string): string {
  const [words = "", weight] = cue.split("^");
  const latin = transliterate(words)
    .toLowerCase()
    .replace(/[^a-z0-9* ']/g, "");
  return weight ? `${latin}^${weight}` : latin;
}

/** The default taxonomy with its French cues replaced by the transliterated Russian ones. */
export const russianTaxonomy: Taxonomy = {
  topics: defaultTaxonomy.topics.map((t) => ({ ...t, keywords: (CUES_RU[t.slug] ?? []).map(translitCue) })),
};

/** Topic slugs of a Russian article, best first. */
export function classifyTopicsRu(text: string, title: string): string[] {
  return classifyTopics(transliterate(text), transliterate(title), russianTaxonomy);
}

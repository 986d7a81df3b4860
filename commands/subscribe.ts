import type { Command, CommandRequest } from "../src/core/command.ts";
import {
  type Frequency,
  SUBSCRIPTION_LANGUAGES,
  type SubscriptionKind,
  type SubscriptionRecord,
} from "../src/core/delivery.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { foldForMatch } from "../src/core/text.ts";
import { adminOf, argText, audit } from "./_admin.ts";
import { topicOrNull } from "./_shared.ts";
import { chatSubscriptions, describe, kindOf, sameThread } from "./_subscriptions.ts";

const FREQUENCIES: Record<string, Frequency> = {
  daily: "daily",
  quotidien: "daily",
  quotidienne: "daily",
  jour: "daily",
  weekly: "weekly",
  hebdo: "weekly",
  hebdomadaire: "weekly",
  semaine: "weekly",
  ежедневно: "daily",
  еженедельно: "weekly",
};

interface Wanted {
  kind: SubscriptionKind;
  topics: string[];
  /** "tous", "all": every topic, replacing the topics of an existing subscription. */
  allTopics: boolean;
  time?: string;
  frequency?: Frequency;
  /** `lang:fr,ru`: the article languages delivered ([] for `lang:all`); undefined when not named. */
  languages?: string[];
  /** `chart` / `nochart`: the week's coverage chart with a weekly digest; undefined when not named. */
  chart?: boolean;
}

/** Words that turn the week's chart on or off (folded: "graphique", "без-графика"). */
const CHART_WORDS: Record<string, boolean> = Object.fromEntries(
  Object.entries({
    chart: true,
    graph: true,
    graphique: true,
    график: true,
    nochart: false,
    "no-chart": false,
    sansgraphique: false,
    "sans-graphique": false,
    безграфика: false,
    "без-графика": false,
  }).map(([word, on]) => [foldForMatch(word), on]),
);

const ALL_TOPICS = new Set(["all", "tous", "tout", "toutes", "tous-les-themes", "все"]);

/**
 * "08:00", "8:00", "8h", "8h30": a time of day as "HH:MM"; null when the word is not written as a time;
 * a UserInputError naming it as a time when it is one but does not exist (25:00, 8:75).
 */
function timeOf(token: string): string | null {
  if (!/^\d{1,4}[:h]\d{0,4}$/i.test(token)) return null;
  const m = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/i.exec(token);
  const h = Number(m?.[1] ?? 99);
  const min = Number(m?.[2] ?? m?.[3] ?? "0");
  if (!m || h > 23 || min > 59) throw new UserInputError({ key: "sub.badTime", params: { value: token.slice(0, 20) } });
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

const LANG_OPTION = /^(?:lang|langs|langue|langues|language|languages|язык|языки):(.*)$/iu;

/** Language names also accepted after `lang:`, besides the codes (looked up folded: "Français", "русский"). */
const LANGUAGE_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries({
    francais: "fr",
    french: "fr",
    французский: "fr",
    russe: "ru",
    russian: "ru",
    русский: "ru",
    anglais: "en",
    english: "en",
    английский: "en",
  }).map(([name, code]) => [foldForMatch(name), code]),
);

/**
 * The languages of `lang:fr,ru` (codes or names, comma-separated), [] for `lang:all`; null when the token is not
 * a `lang:` option; a UserInputError naming the valid languages when one is not.
 */
function languagesOf(token: string): string[] | null {
  const m = LANG_OPTION.exec(token);
  if (!m) return null;
  const values = (m[1] ?? "")
    .split(/[,+]/)
    .map((v) => foldForMatch(v))
    .filter(Boolean);
  const valid = SUBSCRIPTION_LANGUAGES.join(", ");
  if (values.length === 0) throw new UserInputError({ key: "sub.badLanguage", params: { value: "", valid } });
  if (values.length === 1 && ALL_TOPICS.has(values[0] as string)) return [];
  const out: string[] = [];
  for (const v of values) {
    const code = (SUBSCRIPTION_LANGUAGES as readonly string[]).includes(v) ? v : LANGUAGE_NAMES[v];
    if (!code) throw new UserInputError({ key: "sub.badLanguage", params: { value: v.slice(0, 20), valid } });
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * The argument text; on Discord the typed `languages` option becomes a `lang:` token (its value alone would
 * read as a topic).
 */
function subscribeText(req: CommandRequest): string {
  const value = req.options.languages;
  if (req.args.trim() || value === undefined || value === "") return argText(req);
  const { languages: _, ...options } = req.options;
  return `${argText({ ...req, options })} lang:${String(value).replace(/\s+/g, "")}`;
}

/**
 * `digest énergie politique 08:00 weekly lang:fr,ru chart` in any order after the kind; topics in French, English
 * or Russian.
 */
function parse(req: CommandRequest): Wanted {
  const [first, ...rest] = subscribeText(req).split(" ").filter(Boolean);
  const kind = first ? kindOf(first) : null;
  if (!kind) {
    const usage = t(req.lang, "sub.usage");
    throw new UserInputError(first ? t(req.lang, "sub.badToken", { value: first.slice(0, 40), usage }) : usage);
  }
  const wanted: Wanted = { kind, topics: [], allTopics: false };
  for (const token of rest) {
    const languages = languagesOf(token);
    if (languages) {
      wanted.languages = languages;
      continue;
    }
    const time = timeOf(token);
    if (time) {
      wanted.time = time;
      continue;
    }
    const chart = CHART_WORDS[foldForMatch(token)];
    if (chart !== undefined) {
      wanted.chart = chart;
      continue;
    }
    const freq = FREQUENCIES[foldForMatch(token)];
    if (freq) {
      wanted.frequency = freq;
      continue;
    }
    if (ALL_TOPICS.has(foldForMatch(token))) {
      wanted.allTopics = true;
      continue;
    }
    const slug = topicOrNull(req, token, true) as string;
    if (!wanted.topics.includes(slug)) wanted.topics.push(slug);
  }
  return wanted;
}

/**
 * A chat has one subscription of each kind per thread: subscribing again changes it, and says so. Topics
 * named again are added to the ones it had ("tous" returns to every topic); no topic named keeps them.
 */
function mergedTopics(current: SubscriptionRecord, w: Wanted): string[] {
  if (w.allTopics) return [];
  if (w.topics.length === 0) return current.topics;
  if (current.topics.length === 0) return w.topics;
  return [...new Set([...current.topics, ...w.topics])];
}

/** `chart` asks for what only a weekly digest has: said at once rather than stored to no effect. */
function checkChart(req: CommandRequest, w: Wanted, current?: SubscriptionRecord): void {
  if (w.chart !== true) return;
  const frequency = w.frequency ?? current?.frequency ?? "daily";
  if (w.kind !== "digest" || frequency !== "weekly") throw new UserInputError(t(req.lang, "sub.chartWeeklyOnly"));
}

/**
 * /subscribe digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly] [lang:fr,ru] [chart|nochart] — for this
 * chat (and forum topic). `lang:` limits the posts to articles in those languages (and the events and quotes they
 * report); `chart` sends the week's coverage chart with a weekly digest.
 */
const subscribe = {
  name: "subscribe",
  description: {
    fr: "S'abonner : revue, anniversaires ou alertes",
    en: "Subscribe: digest, anniversaries or alerts",
    ru: "Подписка: обзор прессы, годовщины или оповещения",
  },
  options: [
    {
      name: "kind",
      type: "string",
      required: true,
      description: { fr: "Type d'abonnement", en: "Kind of subscription", ru: "Тип подписки" },
      choices: [
        { value: "digest", label: { fr: "Revue de presse", en: "News digest", ru: "Обзор прессы" } },
        { value: "anniversaries", label: { fr: "Anniversaires", en: "Anniversaries", ru: "Годовщины" } },
        { value: "alerts", label: { fr: "Alertes", en: "Alerts", ru: "Оповещения" } },
      ],
    },
    {
      name: "topics",
      type: "string",
      description: {
        fr: "Thèmes (facultatif, séparés par des espaces)",
        en: "Topics (optional, space-separated)",
        ru: "Темы (необязательно, через пробел)",
      },
      autocomplete: "topic",
    },
    {
      name: "time",
      type: "string",
      description: { fr: "Heure d'envoi HH:MM (08:00)", en: "Time HH:MM (08:00)", ru: "Время ЧЧ:ММ (08:00)" },
    },
    {
      name: "frequency",
      type: "string",
      description: { fr: "Fréquence", en: "Frequency", ru: "Периодичность" },
      choices: [
        { value: "daily", label: { fr: "Chaque jour", en: "Daily", ru: "Каждый день" } },
        { value: "weekly", label: { fr: "Chaque semaine", en: "Weekly", ru: "Каждую неделю" } },
      ],
    },
    {
      name: "languages",
      type: "string",
      description: {
        fr: "Langues des articles : fr, ru, en, séparées par des virgules (toutes par défaut)",
        en: "Article languages: fr, ru, en, comma-separated (all by default)",
        ru: "Языки статей: fr, ru, en через запятую (по умолчанию все)",
      },
    },
    {
      name: "chart",
      type: "string",
      description: {
        fr: "Revue hebdomadaire : avec le graphique de la semaine",
        en: "Weekly digest: with the week's chart",
        ru: "Еженедельный обзор: с графиком недели",
      },
      choices: [
        { value: "chart", label: { fr: "Avec graphique", en: "With the chart", ru: "С графиком" } },
        { value: "nochart", label: { fr: "Sans graphique", en: "Without chart", ru: "Без графика" } },
      ],
    },
  ],
  access: "chatAdmins",
  usage: {
    fr: "digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly] [lang:fr,ru] [chart|nochart]",
    en: "digest|anniversaries|alerts [topics…] [HH:MM] [daily|weekly] [lang:fr,ru] [chart|nochart]",
    ru: "digest|anniversaries|alerts [темы…] [ЧЧ:ММ] [daily|weekly] [lang:fr,ru] [chart|nochart]",
  },
  async run(req) {
    const admin = adminOf(req);
    const w = parse(req);
    const current = (await chatSubscriptions(req)).find((s) => s.kind === w.kind && sameThread(req, s));
    checkChart(req, w, current);
    if (current) {
      const before = describe(req, current);
      const updated = await admin.subscriptions.updateSubscription(current.id, {
        topics: mergedTopics(current, w),
        ...(w.languages ? { languages: w.languages } : {}),
        ...(w.chart !== undefined ? { chart: w.chart } : {}),
        ...(w.time ? { time: w.time } : {}),
        ...(w.frequency
          ? { frequency: w.frequency, weekday: w.frequency === "weekly" ? (current.weekday ?? 1) : null }
          : {}),
      });
      const s = updated ?? current;
      await audit(req, "subscription.update", {
        subscriptionId: s.id,
        kind: s.kind,
        topics: s.topics,
        languages: s.languages,
        chart: s.chart,
      });
      const after = describe(req, s);
      if (after === before) return { lines: [line(t(req.lang, "sub.unchanged", { id: s.id, what: after }))] };
      return {
        lines: [
          line(t(req.lang, "sub.updated", { id: s.id })),
          line(t(req.lang, "sub.before", { what: before })),
          line(t(req.lang, "sub.after", { what: after })),
        ],
      };
    }
    const s = await admin.subscriptions.addSubscription({
      chat: req.chat,
      kind: w.kind,
      topics: w.topics,
      ...(w.languages ? { languages: w.languages } : {}),
      ...(w.chart !== undefined ? { chart: w.chart } : {}),
      ...(w.time ? { time: w.time } : {}),
      ...(w.frequency ? { frequency: w.frequency } : {}),
    });
    await audit(req, "subscription.add", {
      subscriptionId: s.id,
      kind: s.kind,
      topics: s.topics,
      languages: s.languages,
      chart: s.chart,
    });
    return { lines: [line(t(req.lang, "sub.created", { id: s.id, what: describe(req, s) }))] };
  },
} satisfies Command;

export default subscribe;

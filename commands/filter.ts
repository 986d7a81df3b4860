import type { SubscriptionFilter } from "../src/core/admin.ts";
import type { Command } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { foldWords, MAX_FILTER_TERMS, MAX_TERM_LENGTH, parseFilter } from "../src/digest/filter.ts";
import { adminOf, argText, audit } from "./_admin.ts";
import { chatSubscriptions, describeFilter, sameThread } from "./_subscriptions.ts";

/** `add` on top of `base`: new terms are appended; a term already there with the other sign changes side. */
function mergeFilters(base: SubscriptionFilter, add: SubscriptionFilter): SubscriptionFilter {
  const addKeys = new Set([...add.include, ...add.exclude].map(foldWords));
  const keep = (terms: string[]) => terms.filter((x) => !addKeys.has(foldWords(x)));
  return { include: [...keep(base.include), ...add.include], exclude: [...keep(base.exclude), ...add.exclude] };
}

/** /filter [N] +mot -mot | clear — include/exclude words or people on a subscription of this chat. */
const filter = {
  name: "filter",
  description: {
    fr: "Filtrer un abonnement : +inclure -exclure",
    en: "Filter a subscription: +include -exclude",
    ru: "Фильтр подписки: +включить -исключить",
  },
  options: [
    {
      name: "terms",
      type: "string",
      required: true,
      description: { fr: "+Tokaïev -sport, ou clear", en: "+Tokayev -sport, or clear", ru: "+Токаев -спорт или clear" },
    },
    {
      name: "subscription",
      type: "integer",
      description: { fr: "Numéro de l'abonnement", en: "Subscription number", ru: "Номер подписки" },
    },
  ],
  access: "chatAdmins",
  usage: {
    fr: "[N] +mot -mot, ou [N] clear",
    en: "[N] +word -word, or [N] clear",
    ru: "[N] +слово -слово или [N] clear",
  },
  async run(req) {
    const admin = adminOf(req);
    let text = argText(req);
    let id = typeof req.options.subscription === "number" ? req.options.subscription : null;
    const lead = /^#?(\d{1,9})\b\s*/.exec(text);
    if (lead && req.args.trim()) {
      id = Number(lead[1]);
      text = text.slice(lead[0].length);
    } else if (!req.args.trim()) {
      text = String(req.options.terms ?? "");
    }
    if (!text.trim()) throw new UserInputError({ key: "filter.usage" });
    const subs = await chatSubscriptions(req);
    if (subs.length === 0) throw new UserInputError({ key: "filter.none" });
    const here = subs.filter((s) => sameThread(req, s));
    const target =
      id !== null
        ? subs.find((s) => s.id === id)
        : here.length === 1
          ? here[0]
          : subs.length === 1
            ? subs[0]
            : undefined;
    if (!target) {
      if (id !== null) throw new UserInputError({ key: "unsub.notFound", params: { value: String(id) } });
      throw new UserInputError({ key: "filter.which", params: { id: subs[0]?.id ?? 1 } });
    }
    if (/^(clear|off|aucun|effacer|none)$/i.test(text.trim())) {
      await admin.subscriptions.setFilter(target.id, { include: [], exclude: [] });
      await audit(req, "subscription.filter", { subscriptionId: target.id, include: [], exclude: [] });
      return { lines: [line(t(req.lang, "filter.cleared", { id: target.id }))] };
    }
    const parsed = parseFilter(text);
    if (!parsed.ok) {
      throw new UserInputError(
        t(req.lang, `filter.${parsed.problem}`, {
          value: parsed.value.slice(0, 80),
          max: parsed.problem === "tooMany" ? MAX_FILTER_TERMS : MAX_TERM_LENGTH,
        }),
      );
    }
    // a second /filter adds to the first (a term given again with the other sign moves); clear starts over
    const previous = (await admin.subscriptions.filterOf(target.id)) ?? { include: [], exclude: [] };
    const merged = mergeFilters(previous, parsed.filter);
    if (merged.include.length + merged.exclude.length > MAX_FILTER_TERMS) {
      throw new UserInputError({ key: "filter.tooMany", params: { max: MAX_FILTER_TERMS } });
    }
    await admin.subscriptions.setFilter(target.id, merged);
    await audit(req, "subscription.filter", { subscriptionId: target.id, ...merged });
    const hadTerms = previous.include.length + previous.exclude.length > 0;
    const lines = [line(t(req.lang, "filter.set", { id: target.id, filter: describeFilter(req, merged) }))];
    if (hadTerms) lines.push(line({ text: t(req.lang, "filter.added", { id: target.id }), italic: true }));
    return { lines };
  },
} satisfies Command;

export default filter;

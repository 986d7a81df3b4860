import { requireAccess } from "../src/core/access.ts";
import type { ChatSettings } from "../src/core/admin.ts";
import type { Command, CommandRequest } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { isLang, t } from "../src/core/i18n/index.ts";
import { line, type Reply } from "../src/core/reply.ts";
import { foldForMatch } from "../src/core/text.ts";
import { adminOf, argText, audit } from "./_admin.ts";

const HHMM = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/;

function validZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function hhmm(m: RegExpExecArray): string {
  return `${(m[1] ?? "").padStart(2, "0")}:${m[2]}`;
}

/** Parses "language en", "timezone Asia/Almaty", "quiet 22:00-07:00" (French and Russian words too) into a patch. */
function parsePatch(text: string): Partial<ChatSettings> {
  const [word = "", value = ""] = text.split(" ");
  const key = foldForMatch(word);
  if (["language", "langue", "lang", "язык"].includes(key)) {
    const v = foldForMatch(value);
    if (isLang(v)) return { language: v };
    if (v === "auto") return { language: null };
    throw new UserInputError({ key: "settings.badLanguage", params: { value: value.slice(0, 20) } });
  }
  if (["timezone", "fuseau", "tz", "zone", "пояс"].includes(key)) {
    const zone = validZone(value);
    if (!zone) throw new UserInputError({ key: "settings.badTimezone", params: { value: value.slice(0, 64) } });
    return { timezone: zone };
  }
  if (["quiet", "calme", "silence", "тишина"].includes(key)) {
    if (/^(off|aucune?|none|non|нет|выкл)$/i.test(value)) return { quietStart: null, quietEnd: null };
    const [a = "", b = ""] = value.split("-");
    const start = HHMM.exec(a);
    const end = HHMM.exec(b);
    if (!start || !end || hhmm(start) === hhmm(end)) {
      throw new UserInputError({ key: "settings.badQuiet", params: { value: value.slice(0, 20) } });
    }
    return { quietStart: hhmm(start), quietEnd: hhmm(end) };
  }
  throw new UserInputError({ key: "settings.usage" });
}

function show(req: CommandRequest, s: ChatSettings, saved: boolean): Reply {
  const quiet = s.quietStart && s.quietEnd ? `${s.quietStart}–${s.quietEnd}` : t(req.lang, "settings.quietNone");
  const lines = [
    line(t(req.lang, "settings.language", { value: s.language ?? t(req.lang, "settings.langAuto") })),
    line(t(req.lang, "settings.timezone", { value: s.timezone })),
    line(t(req.lang, "settings.quiet", { value: quiet })),
  ];
  if (saved) lines.unshift(line({ text: t(req.lang, "settings.saved"), bold: true }));
  return { title: t(req.lang, "settings.title"), lines, footer: t(req.lang, "settings.footer") };
}

/** /settings [language fr|en|ru|auto | timezone ZONE | quiet HH:MM-HH:MM|off] — shown to all, changed by chat admins. */
const settings = {
  name: "settings",
  description: {
    fr: "Réglages du chat : langue, fuseau, heures calmes",
    en: "Chat settings: language, time zone, quiet hours",
    ru: "Настройки чата: язык, часовой пояс, тихие часы",
  },
  options: [
    {
      name: "setting",
      type: "string",
      description: { fr: "Réglage à changer", en: "Setting to change", ru: "Что изменить" },
      choices: [
        { value: "language", label: { fr: "Langue", en: "Language", ru: "Язык" } },
        { value: "timezone", label: { fr: "Fuseau horaire", en: "Time zone", ru: "Часовой пояс" } },
        { value: "quiet", label: { fr: "Heures calmes", en: "Quiet hours", ru: "Тихие часы" } },
      ],
    },
    { name: "value", type: "string", description: { fr: "Nouvelle valeur", en: "New value", ru: "Новое значение" } },
  ],
  access: "readAll",
  usage: {
    fr: "[language fr|en|auto] [timezone Asia/Almaty] [quiet 22:00-07:00|off]",
    en: "[language fr|en|auto] [timezone Asia/Almaty] [quiet 22:00-07:00|off]",
    ru: "[language fr|en|ru|auto] [timezone Asia/Almaty] [quiet 22:00-07:00|off]",
  },
  async run(req) {
    const store = adminOf(req).settings;
    const text = argText(req);
    if (!text) return show(req, await store.get(req.chat), false);
    await requireAccess("chatAdmins", req.chat, req.user);
    const patch = parsePatch(text);
    const updated = await store.update(req.chat, patch);
    await audit(req, "settings.update", { ...patch });
    // A language change applies to this very reply.
    const lang = patch.language !== undefined ? (patch.language ?? req.lang) : req.lang;
    return show({ ...req, lang }, updated, true);
  },
} satisfies Command;

export default settings;

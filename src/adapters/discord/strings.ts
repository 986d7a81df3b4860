/** The few user-visible strings that only exist on Discord (kept here so core i18n stays platform-neutral). */
import type { Lang } from "../../core/command.ts";

const fr = {
  expired: "Ces pages ont expiré : relancez la commande.",
  buttonExpired: "Ce bouton a expiré : relancez la commande.",
};

/** Every language has every key (checked by the type). */
const STRINGS: Record<Lang, Record<keyof typeof fr, string>> = {
  fr,
  en: {
    expired: "These pages have expired: run the command again.",
    buttonExpired: "This button has expired: run the command again.",
  },
  ru: {
    expired: "Срок действия этих страниц истёк: выполните команду снова.",
    buttonExpired: "Срок действия этой кнопки истёк: выполните команду снова.",
  },
};

/** Returns the Discord-only string `key` in `lang`. */
export function discordText(lang: Lang, key: keyof typeof fr): string {
  return STRINGS[lang][key];
}

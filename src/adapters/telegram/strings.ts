/** The few strings only the Telegram adapter shows (everything else comes from the core's i18n). */
import type { Lang } from "../../core/command.ts";

const fr = {
  expired: "Cette page a expiré : relancez la commande.",
  buttonExpired: "Ce bouton a expiré : relancez la commande.",
};

/** Every language has every key (checked by the type). */
const strings: Record<Lang, Record<keyof typeof fr, string>> = {
  fr,
  en: {
    expired: "This page has expired: run the command again.",
    buttonExpired: "This button has expired: run the command again.",
  },
  ru: {
    expired: "Срок действия этой страницы истёк: выполните команду снова.",
    buttonExpired: "Срок действия этой кнопки истёк: выполните команду снова.",
  },
};

/** Returns an adapter string in `lang`. */
export function tgText(lang: Lang, key: keyof typeof fr): string {
  return strings[lang][key];
}

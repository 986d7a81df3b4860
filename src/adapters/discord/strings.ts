/** The few user-visible strings that only exist on Discord (kept here so core i18n stays platform-neutral). */
import type { Lang } from "../../core/command.ts";

const STRINGS = {
  fr: {
    expired: "Ces pages ont expiré : relancez la commande.",
    buttonExpired: "Ce bouton a expiré : relancez la commande.",
  },
  en: {
    expired: "These pages have expired: run the command again.",
    buttonExpired: "This button has expired: run the command again.",
  },
} as const;

/** Returns the Discord-only string `key` in `lang`. */
export function discordText(lang: Lang, key: keyof (typeof STRINGS)["fr"]): string {
  return STRINGS[lang][key];
}

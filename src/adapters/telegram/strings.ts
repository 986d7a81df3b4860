/** The few strings only the Telegram adapter shows (everything else comes from the core's i18n). */
import type { Lang } from "../../core/command.ts";

const strings = {
  fr: {
    expired: "Cette page a expiré : relancez la commande.",
    buttonExpired: "Ce bouton a expiré : relancez la commande.",
  },
  en: {
    expired: "This page has expired: run the command again.",
    buttonExpired: "This button has expired: run the command again.",
  },
} as const;

/** Returns an adapter string in `lang`. */
export function tgText(lang: Lang, key: keyof (typeof strings)["fr"]): string {
  return strings[lang][key];
}

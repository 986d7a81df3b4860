/**
 * How a command presents itself: its argument syntax and who may use it, for /help and the platforms'
 * command menus. Descriptions say what a command does; the audience is added here, once.
 */
import type { Access, Command, Lang } from "./command.ts";

const ACCESS_LABEL: Record<Lang, Record<Access, string>> = {
  fr: {
    everyone: "pour tous",
    chatAdmins: "réservée aux admins du chat",
    admins: "réservée aux admins du chat",
    owners: "réservée aux propriétaires du bot",
    readAll: "modification réservée aux admins du chat",
  },
  en: {
    everyone: "for everyone",
    chatAdmins: "chat admins only",
    admins: "chat admins only",
    owners: "bot owners only",
    readAll: "changes: chat admins only",
  },
  ru: {
    everyone: "для всех",
    chatAdmins: "только для администраторов чата",
    admins: "только для администраторов чата",
    owners: "только для владельцев бота",
    readAll: "изменения — только администраторы чата",
  },
};

/** Short form for menus, where space is counted. */
const ACCESS_TAG: Record<Lang, Record<Access, string>> = {
  fr: { everyone: "", chatAdmins: "admins du chat", admins: "admins du chat", owners: "propriétaires", readAll: "" },
  en: { everyone: "", chatAdmins: "chat admins", admins: "chat admins", owners: "owners", readAll: "" },
  ru: { everyone: "", chatAdmins: "админы чата", admins: "админы чата", owners: "владельцы", readAll: "" },
};

/** "réservée aux admins du chat" / "bot owners only" / "только для владельцев бота"… */
export function accessLabel(c: Command, lang: Lang): string {
  return ACCESS_LABEL[lang][c.access];
}

/** The argument syntax: declared, or built from the options (`<required>` `[optional]`). */
export function usageOf(c: Command, lang: Lang): string {
  if (c.usage) return c.usage[lang];
  return c.options
    .filter((o) => o.type !== "attachment")
    .map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))
    .join(" ");
}

/** The description shown in Telegram's "/" menu and Discord's command picker: what it does (who). */
export function menuDescription(c: Command, lang: Lang): string {
  const tag = ACCESS_TAG[lang][c.access];
  return tag ? `${c.description[lang]} (${tag})` : c.description[lang];
}

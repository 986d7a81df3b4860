/**
 * /importsources — an OPML file sent with the command (Telegram: a document whose caption is /importsources;
 * Discord: the `file` attachment option). Owners only; the file is size-capped, downloaded through the SSRF-safe
 * fetch, and imported in one transaction: a malformed file gets a clear message and nothing is stored.
 */
import { chatKey } from "../src/core/admin.ts";
import type { Command, CommandRequest, Lang } from "../src/core/command.ts";
import { FeedFetchError, UserInputError } from "../src/core/errors.ts";
import { fill, reasonText } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, audit } from "./_admin.ts";

/** Largest OPML file accepted from a chat, in bytes. */
export const MAX_OPML_BYTES = 1_000_000;

const S = {
  usage: {
    fr: "Envoyez un fichier .opml avec la commande : sur Telegram en document avec /importsources en légende, sur Discord dans l'option « file ».",
    en: "Send an .opml file with the command: on Telegram as a document captioned /importsources, on Discord in the “file” option.",
    ru: "Отправьте файл .opml вместе с командой: в Telegram — документом с подписью /importsources, в Discord — в параметре «file».",
  },
  badName: {
    fr: "« {name} » n'est pas un fichier OPML (.opml ou .xml attendu).",
    en: "“{name}” is not an OPML file (.opml or .xml expected).",
    ru: "«{name}» — не файл OPML (ожидается .opml или .xml).",
  },
  tooLarge: {
    fr: "Fichier trop volumineux ({size} octets, maximum {max}).",
    en: "File too large ({size} bytes, limit {max}).",
    ru: "Файл слишком большой ({size} байт, не больше {max}).",
  },
  download: {
    fr: "Le fichier n'a pas pu être téléchargé ({error}). Rien n'a été importé.",
    en: "The file could not be downloaded ({error}). Nothing was imported.",
    ru: "Не удалось загрузить файл ({error}). Ничего не импортировано.",
  },
  malformed: {
    fr: "Fichier OPML invalide : {error}. Rien n'a été importé.",
    en: "Invalid OPML file: {error}. Nothing was imported.",
    ru: "Некорректный файл OPML: {error}. Ничего не импортировано.",
  },
  done: {
    fr: "Import OPML : {added} {added|source ajoutée|sources ajoutées}, {existing} déjà {existing|suivie|suivies}. Les nouvelles seront lues au prochain passage.",
    en: "OPML import: {added} {added|source|sources} added, {existing} already followed. New ones are fetched on the next round.",
    ru: "Импорт OPML: {added} {added|источник добавлен|источника добавлены|источников добавлено}, {existing} уже {existing|отслеживался|отслеживались|отслеживались}. Новые будут прочитаны при следующем обходе.",
  },
} as const;

function say(lang: Lang, key: keyof typeof S, params: Record<string, string | number> = {}): string {
  return fill(lang, S[key][lang], params);
}

async function download(req: CommandRequest): Promise<string> {
  const file = req.attachment;
  if (!file) throw new UserInputError(say(req.lang, "usage"));
  const name = file.filename.slice(0, 80);
  if (!/\.(opml|xml)$/i.test(file.filename)) throw new UserInputError(say(req.lang, "badName", { name }));
  if (file.size !== null && file.size > MAX_OPML_BYTES) {
    throw new UserInputError(say(req.lang, "tooLarge", { size: file.size, max: MAX_OPML_BYTES }));
  }
  try {
    return await file.fetch(MAX_OPML_BYTES);
  } catch (err) {
    if (err instanceof FeedFetchError) {
      const error = reasonText(req.lang, err.reason) ?? err.message;
      throw new UserInputError(say(req.lang, "download", { error }));
    }
    throw err;
  }
}

const importsources = {
  name: "importsources",
  description: {
    fr: "Importer des sources depuis un fichier OPML",
    en: "Import sources from an OPML file",
    ru: "Импортировать источники из файла OPML",
  },
  options: [
    {
      name: "file",
      type: "attachment",
      required: true,
      description: { fr: "Fichier .opml", en: ".opml file", ru: "Файл .opml" },
    },
  ],
  access: "owners",
  usage: {
    fr: "(avec un fichier .opml joint)",
    en: "(with an attached .opml file)",
    ru: "(с приложенным файлом .opml)",
  },
  slow: true,
  async run(req) {
    const admin = adminOf(req);
    const xml = await download(req);
    let result: { added: number; existing: number };
    try {
      result = await admin.sources.importOpml(xml, chatKey(req.chat));
    } catch (err) {
      if (err instanceof UserInputError) {
        throw new UserInputError(say(req.lang, "malformed", { error: err.message.slice(0, 200) }));
      }
      throw err;
    }
    await audit(req, "source.import", { file: req.attachment?.filename.slice(0, 80), ...result });
    return { lines: [line(say(req.lang, "done", result))] };
  },
} satisfies Command;

export default importsources;

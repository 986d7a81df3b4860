/**
 * Helpers of the admin and subscriber commands: the admin services, the audit record, and raw argument text
 * (who may run them is declared in each command's `access` and checked by the dispatcher).
 * (Files starting with "_" are not commands.)
 */
import type { AdminServices } from "../src/core/admin.ts";
import type { Command, CommandOption, CommandRequest, Localized } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { type MessageKey, t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import type { SourceRecord } from "../src/core/store.ts";

/** The admin services, or a clear "not enabled" answer. */
export function adminOf(req: CommandRequest): AdminServices {
  const a = req.services.admin;
  if (!a) throw new UserInputError({ key: "admin.unavailable" });
  return a;
}

/** Records an admin action (who, what, where; `at` is set by the store). */
export async function audit(req: CommandRequest, action: string, details: Record<string, unknown>): Promise<void> {
  await adminOf(req).audit.record({
    at: req.now,
    platform: req.chat.platform,
    chatId: req.chat.id,
    userId: req.user.id,
    action,
    details: {
      ...details,
      ...(req.chat.threadId ? { thread: req.chat.threadId } : {}),
      ...(req.user.name ? { by: req.user.name } : {}),
    },
  });
}

/**
 * The command's argument text: the raw text on Telegram/console, or the typed options joined in declaration
 * order on Discord (so one parser serves both).
 */
export function argText(req: CommandRequest): string {
  if (req.args.trim()) return req.args.replace(/\s+/g, " ").trim();
  const def = req.services.commands().find((c) => c.name === req.command);
  const names = def ? def.options.map((o) => o.name) : Object.keys(req.options);
  return names
    .map((n) => req.options[n])
    .filter((v) => v !== undefined && v !== "")
    .map(String)
    .join(" ")
    .trim();
}

/** The source named by the argument (number or URL); a clear message when missing or unknown. */
export async function sourceFromArgs(req: CommandRequest): Promise<SourceRecord> {
  const ref = argText(req);
  if (!ref) throw new UserInputError({ key: "source.usage", params: { command: req.command } });
  const source = await adminOf(req).sources.find(ref);
  if (!source) throw new UserInputError({ key: "source.notFound", params: { value: ref.slice(0, 80) } });
  return source;
}

/** Option list of the commands that take one source. */
export const sourceOption = [
  {
    name: "source",
    type: "string",
    required: true,
    description: {
      fr: "Numéro ou adresse de la source",
      en: "Source number or address",
      ru: "Номер или адрес источника",
    },
    autocomplete: "source",
  },
] satisfies CommandOption[];

/**
 * A command that does one thing to one source, named by number or URL (/pausesource, /resumesource,
 * /removesource): owners only, recorded in the audit log as `action`, answered with the `done` message.
 */
export function sourceCommand(def: {
  name: string;
  description: Localized;
  action: string;
  done: MessageKey;
  /** Does it; false when the source is gone meanwhile (answered as an unknown source). */
  apply(admin: AdminServices, source: SourceRecord): Promise<boolean>;
}): Command {
  return {
    name: def.name,
    description: def.description,
    options: sourceOption,
    access: "owners",
    usage: { fr: "N ou URL", en: "N or URL", ru: "N или URL" },
    async run(req) {
      const admin = adminOf(req);
      const source = await sourceFromArgs(req);
      if (!(await def.apply(admin, source))) {
        throw new UserInputError({ key: "source.notFound", params: { value: String(source.id) } });
      }
      await audit(req, def.action, { sourceId: source.id, url: source.url });
      return { lines: [line(t(req.lang, def.done, { id: source.id, title: source.title ?? source.url }))] };
    },
  };
}

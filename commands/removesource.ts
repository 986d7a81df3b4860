import type { Command } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, audit, sourceFromArgs, sourceOption } from "./_admin.ts";

/** /removesource N|URL — owners only; recorded in the audit log. */
const removesource = {
  name: "removesource",
  description: { fr: "Retirer une source", en: "Remove a source" },
  options: sourceOption,
  access: "owners",
  usage: { fr: "N ou URL", en: "N or URL" },
  async run(req) {
    const admin = adminOf(req);
    const source = await sourceFromArgs(req);
    const done = await admin.sources.remove(source.id);
    if (!done) throw new UserInputError({ key: "source.notFound", params: { value: String(source.id) } });
    await audit(req, "source.remove", { sourceId: source.id, url: source.url });
    return { lines: [line(t(req.lang, "source.removed", { id: source.id, title: source.title ?? source.url }))] };
  },
} satisfies Command;

export default removesource;

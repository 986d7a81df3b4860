import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf } from "./_admin.ts";

/** /exportsources — the sources as an OPML file attached to the reply. */
const exportsources = {
  name: "exportsources",
  description: { fr: "Exporter les sources en OPML (admin)", en: "Export the sources as OPML (admin)" },
  options: [],
  adminOnly: true,
  async run(req) {
    const admin = adminOf(req);
    const count = (await admin.sources.list()).filter((s) => /^https?:/.test(s.url)).length;
    const content = await admin.sources.exportOpml();
    return {
      lines: [line(t(req.lang, "export.done", { count }))],
      attachment: { filename: "newsbot-sources.opml", mime: "text/x-opml+xml", content },
    };
  },
} satisfies Command;

export default exportsources;

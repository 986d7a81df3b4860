import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf } from "./_admin.ts";

/**
 * /exportsources — every source /sources lists, as an OPML file attached to the reply. Local feed files are
 * listed for reference without a feed address, and the reply says why (src/ingest/opml.ts).
 */
const exportsources = {
  name: "exportsources",
  description: {
    fr: "Exporter les sources en OPML",
    en: "Export the sources as OPML",
    ru: "Экспортировать источники в OPML",
  },
  options: [],
  access: "admins",
  async run(req) {
    const { xml, feeds, localFiles } = await adminOf(req).sources.exportOpml();
    const lines = [line(t(req.lang, "export.done", { count: feeds + localFiles }))];
    if (localFiles > 0) lines.push(line(t(req.lang, "export.localFiles", { count: localFiles })));
    return {
      lines,
      attachment: { filename: "newsbot-sources.opml", mime: "text/x-opml+xml", content: xml },
    };
  },
} satisfies Command;

export default exportsources;

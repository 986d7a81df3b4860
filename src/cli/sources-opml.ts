/**
 * `newsbot sources import FILE.opml` and `newsbot sources export [FILE]`: OPML in and out from the command
 * line. An import is all-or-nothing (malformed file → clear message, nothing stored); both are audited.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { type App, adminServicesFor } from "../app.ts";
import { messageOf, UserInputError } from "../core/errors.ts";
import type { Io } from "./commands.ts";

/** Largest OPML file read (bytes). */
const MAX_FILE_BYTES = 1_000_000;

function admin(app: App) {
  return adminServicesFor({
    store: app.store,
    ingestor: app.ingestor,
    taxonomy: app.taxonomy,
    clock: app.clock,
    fetchOptions: {},
  });
}

/** Imports the feeds of an OPML file as sources (fetched by the poller). Returns the exit code. */
export async function importOpmlFile(app: App, file: string | undefined, io: Io): Promise<number> {
  if (!file) throw new UserInputError("usage: newsbot sources import FILE.opml");
  let xml: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new UserInputError(`${file}: larger than ${MAX_FILE_BYTES} bytes`);
    xml = readFileSync(file, "utf8");
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw new UserInputError(`cannot read ${file}: ${messageOf(err)}`);
  }
  const services = admin(app);
  const r = await services.sources.importOpml(xml, "cli");
  await services.audit.record({
    platform: "console",
    chatId: null,
    userId: "cli",
    action: "source.import",
    details: { file, added: r.added, existing: r.existing },
  });
  io.out(`${r.added} source(s) added, ${r.existing} already present. New sources are fetched by the poller.`);
  return 0;
}

/**
 * Writes every source as OPML to FILE, or to standard output; the summary (how many, and why local feed
 * files have no feed address) goes to standard error.
 */
export async function exportOpmlFile(app: App, file: string | undefined, io: Io): Promise<number> {
  const { xml, feeds, localFiles } = await admin(app).sources.exportOpml();
  if (file) {
    try {
      writeFileSync(file, xml, "utf8");
    } catch (err) {
      throw new UserInputError(`cannot write ${file}: ${messageOf(err)}`);
    }
  } else {
    io.out(xml.trimEnd());
  }
  const where = file ? ` to ${file}` : "";
  const note =
    localFiles > 0
      ? ` (${localFiles} of them local feed file(s), listed for reference without xmlUrl: no other reader can fetch a file on this machine; add them again with newsbot ingest FILE)`
      : "";
  io.err(`${feeds + localFiles} source(s) written${where}${note}`);
  return 0;
}

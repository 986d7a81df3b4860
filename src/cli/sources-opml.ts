/**
 * `newsbot sources import FILE.opml` and `newsbot sources export [FILE]`: OPML in and out from the command
 * line. An import is all-or-nothing (malformed file → clear message, nothing stored); both are audited.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { type App, adminServicesFor } from "../app.ts";
import { UserInputError } from "../core/errors.ts";
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
    throw new UserInputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
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

/** Writes the sources as OPML to FILE, or to standard output. */
export async function exportOpmlFile(app: App, file: string | undefined, io: Io): Promise<number> {
  const xml = await admin(app).sources.exportOpml();
  if (file) {
    writeFileSync(file, xml, "utf8");
    io.err(`sources written to ${file}`);
  } else {
    io.out(xml.trimEnd());
  }
  return 0;
}

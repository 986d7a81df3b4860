/**
 * Timeline events an admin adds or corrects by hand (/addevent). They are stored like extracted events, marked
 * `curated`, and win over extracted events with the same dates.
 */
import type { CuratedEvent } from "../core/admin.ts";
import type { Db } from "./db.ts";
import { eventColumns } from "./save-batch.ts";

/** Stores a curated event; returns its id. Throws RangeError on malformed dates. */
export async function addCuratedEvent(db: Db, e: CuratedEvent): Promise<number> {
  const cols = eventColumns({ ...e, text: e.phrase });
  if (!cols) throw new RangeError(`invalid event dates: ${e.start} – ${e.end}`);
  const r = await db.event.create({
    data: { ...cols, curated: true, createdBy: e.createdBy },
    select: { id: true },
  });
  return r.id;
}

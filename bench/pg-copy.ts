/**
 * `COPY table (cols) FROM STDIN` through the pg driver, without another package: a submittable query (the
 * interface pg's own Query implements) that sends the rows as COPY text once the server asks for them.
 */
import type pg from "pg";

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** One value in COPY's text format: \N for null, backslash escapes for tab, newline, CR and backslash. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

class CopyIn {
  private error: Error | null = null;
  readonly done: Promise<void>;
  private settle!: (err: Error | null) => void;
  constructor(
    private readonly text: string,
    private readonly chunks: string[],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }
  submit(con: CopyConnection): void {
    con.query(this.text);
  }
  handleCopyInResponse(con: CopyConnection): void {
    for (const c of this.chunks) con.sendCopyFromChunk(Buffer.from(c, "utf8"));
    con.endCopyFrom();
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    this.settle(this.error);
  }
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Copies the rows given as column arrays of equal length into `table`. */
export async function copyRows(c: pg.Client, table: string, rows: Record<string, unknown[]>): Promise<void> {
  const cols = Object.keys(rows);
  const n = (rows[cols[0] as string] as unknown[]).length;
  if (n === 0) return;
  const chunks: string[] = [];
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += `${cols.map((col) => copyValue((rows[col] as unknown[])[i])).join("\t")}\n`;
    if (buf.length > 256_000) {
      chunks.push(buf);
      buf = "";
    }
  }
  if (buf) chunks.push(buf);
  const q = new CopyIn(`COPY "${table}" (${cols.map((x) => `"${x}"`).join(",")}) FROM STDIN`, chunks);
  // pg runs any object with submit() as a query (its own Query class is one).
  (c as unknown as { query(q: CopyIn): void }).query(q);
  await q.done;
}

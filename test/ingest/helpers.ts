/** Shared test tools for ingestion: a local HTTP server on 127.0.0.1, fixtures, fake analysis. */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AnalysisInput, DocumentAnalysis } from "../../src/core/analysis-types.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { createIngestor, type Ingestor, type IngestorDeps } from "../../src/ingest/pipeline.ts";

export interface TestServer {
  url: string;
  /** Requests received, in order (method, path, headers). */
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0. */
export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? "", headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

export function fixturePath(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

/** A stand-in for analyzeDocument: enough fields for storage, people from capitalised words. */
export function fakeAnalyze(input: AnalysisInput): DocumentAnalysis {
  const title = input.title ?? input.text.split("\n")[0] ?? "";
  return {
    title,
    publishedAt: input.publishedAt ?? null,
    language: "fr",
    text: input.text,
    topics: [],
    quotes: [],
    events: [],
    people: [],
    signature: { people: [], dates: input.publishedAt ? [input.publishedAt] : [], quoteShingles: [], keywords: [] },
  };
}

/** A clock that stays where tests put it. */
export function fakeClock(iso: string): { now(): Date; set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s) => {
      t = new Date(s).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * An ingestor with the fake analysis, no story grouping and a silent logger; `deps` names its stores and clock and
 * may change anything else (`...POLLING` for the polling tests).
 */
export function fakeIngestor(
  deps: Pick<IngestorDeps, "sources" | "articles" | "clock"> & Partial<IngestorDeps>,
): Ingestor {
  return createIngestor({ analyze: fakeAnalyze, findStory: () => null, logger: silentLogger, ...deps });
}

/** Polling as the polling tests run it: feeds on 127.0.0.1, due every 10 minutes, four fetched at once. */
export const POLLING = {
  fetchOptions: { allowHosts: ["127.0.0.1"], timeoutMs: 5000 },
  pollIntervalMs: 10 * 60_000,
  concurrency: 4,
} satisfies Partial<IngestorDeps>;

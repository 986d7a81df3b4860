/**
 * Starts the fake Discord and the real Discord adapter (discord.js unmodified) wired to the real commands over
 * in-memory queries. Tests act as members through the fake and read what reached its REST API.
 */
import { afterEach } from "vitest";
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from "../../../src/adapters/discord/index.ts";
import type { Command } from "../../../src/core/command.ts";
import { UserInputError } from "../../../src/core/errors.ts";
import type { PictureRenderer } from "../../../src/core/picture.ts";
import type { BotCore } from "../../../src/core/platform.ts";
import { line } from "../../../src/core/reply.ts";
import { recordingLogger } from "../../../src/logging.ts";
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from "../../fakes/discord-api.ts";
import { type FakeData, fakeQueries, type RecordingQueries, sampleData } from "../../fakes/news-queries.ts";
import { testCore } from "../../fakes/services.ts";

export const NOW = new Date("2026-11-22T10:00:00Z");
export const OWNER_ID = "400000000000000099";

/** An admin-only command (real admin commands arrive with later issues). */
export const adminProbe: Command = {
  name: "adminprobe",
  description: { fr: "Test des droits", en: "Rights probe", ru: "Проверка прав" },
  options: [],
  access: "admins",
  run: async () => ({ lines: [line("droits admin confirmés")] }),
};

/** Gate of `slowprobe`: its query waits until the test calls `open()` (no timing in assertions). */
export const slowGate = {
  release: () => {},
  promise: Promise.resolve(),
  /** Makes the next `slowprobe` wait until `open()`. */
  close(): void {
    this.promise = new Promise<void>((res) => {
      this.release = res;
    });
  },
  open(): void {
    this.release();
    this.promise = Promise.resolve();
  },
};
export const slowProbe: Command = {
  name: "slowprobe",
  description: { fr: "Requête lente", en: "Slow query", ru: "Медленный запрос" },
  options: [],
  access: "everyone",
  run: async () => {
    await slowGate.promise;
    return { title: "Résultat lent", lines: [line("réponse après une longue requête")] };
  },
};

/** A command marked `slow`: the adapter defers before running it. */
export const declaredSlow: Command = { ...slowProbe, name: "report", slow: true };

/** A command marked `slow` that fails with a user error: the deferred reply becomes an ephemeral follow-up. */
export const slowFailure: Command = {
  ...slowProbe,
  name: "slowfail",
  slow: true,
  run: async () => {
    throw new UserInputError("Requête refusée : période trop longue.");
  },
};

/** Echoes the ChatRef and user the adapter built: `id/threadId/type/user`. */
export const chatProbe: Command = {
  name: "whereami",
  description: { fr: "Où suis-je", en: "Where am I", ru: "Где я" },
  options: [],
  access: "everyone",
  run: async (req) => ({
    lines: [line(`${req.chat.id}/${req.chat.threadId ?? "-"}/${req.chat.type}/${req.user.id}/${req.lang}`)],
  }),
};

/** A command returning many lines, a footer and an attachment (paging and files). */
export const bigList: Command = {
  name: "biglist",
  description: { fr: "Longue liste", en: "Long list", ru: "Длинный список" },
  options: [{ name: "n", type: "integer", description: { fr: "Nombre", en: "Count", ru: "Число" } }],
  access: "everyone",
  run: async (req) => ({
    title: "Longue liste",
    lines: Array.from({ length: Number(req.options.n ?? 35) }, (_, i) =>
      line(`Ligne ${i + 1} — accord *gazier* n°${i}`),
    ),
    footer: "pied de page",
    attachment: { filename: "liste.txt", mime: "text/plain", content: "contenu du fichier" },
  }),
};

export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  core: BotCore;
  queries: RecordingQueries;
  logger: ReturnType<typeof recordingLogger>;
  /** Stops the bot first, then the fake (discord.js reconnects forever otherwise). */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  /** Reuse a running fake (it is then not closed by stop()). */
  reuseFake?: FakeDiscord;
  adapter?: Partial<Omit<DiscordAdapterOptions, "core" | "logger" | "token" | "apiUrl" | "applicationId">>;
  data?: FakeData;
  commands?: Command[];
  noStart?: boolean;
  /** The renderer commands draw with (none: pictures are off). */
  pictures?: PictureRenderer;
}

/** Options every test adapter needs: fast identify, short guild wait, fast REST retries. */
export function testClientOptions(): Pick<DiscordAdapterOptions, "clientOptions" | "restOptions"> {
  return {
    clientOptions: {
      waitGuildTimeout: 500,
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    },
    restOptions: { retries: 3, timeout: 5000, offset: 0 },
  };
}

/** `startHarness` for one test: what a test starts is stopped after it, last first. */
export function harnessPerTest(): (...args: Parameters<typeof startHarness>) => Promise<Harness> {
  const running: Harness[] = [];
  afterEach(async () => {
    for (const h of running.splice(0).reverse()) await h.stop();
  });
  return async (...args) => {
    const h = await startHarness(...args);
    running.push(h);
    return h;
  };
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const fake = o.reuseFake ?? (await startFakeDiscord(o.fake));
  const logger = recordingLogger();
  const queries = fakeQueries(o.data ?? sampleData());
  const probes = [adminProbe, slowProbe, declaredSlow, slowFailure, bigList, chatProbe];
  const core = testCore({ queries, now: NOW, logger, pictures: o.pictures, commands: probes, only: o.commands });
  const adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    core,
    logger,
    owners: [OWNER_ID],
    ...testClientOptions(),
    ...o.adapter,
  });
  if (!o.noStart) await adapter.start();
  return {
    fake,
    adapter,
    core,
    queries,
    logger,
    async stop() {
      await adapter.stop();
      if (!o.reuseFake) await fake.close();
    },
  };
}

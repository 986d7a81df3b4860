/**
 * Starts the fake Bot API and the real Telegram adapter (grammY unmodified) wired to the real commands over
 * in-memory queries. Tests talk as users through the fake and read what the bot sent.
 */
import { createTelegramAdapter, type TelegramAdapterOptions } from "../../../src/adapters/telegram/index.ts";
import type { Command } from "../../../src/core/command.ts";
import type { PictureRenderer } from "../../../src/core/picture.ts";
import { recordingLogger } from "../../../src/logging.ts";
import { type FakeData, fakeQueries, type RecordingQueries, sampleData } from "../../fakes/news-queries.ts";
import { testCore } from "../../fakes/services.ts";
import {
  type FakeChat,
  type FakeTelegram,
  type FakeTelegramOptions,
  type FakeUser,
  startFakeTelegram,
} from "../../fakes/telegram-api.ts";

export const NOW = new Date("2026-11-22T10:00:00Z");

export const alice: FakeUser = {
  id: 1001,
  is_bot: false,
  first_name: "Aïgerim",
  username: "aigerim",
  language_code: "fr",
};
export const bob: FakeUser = { id: 1002, is_bot: false, first_name: "Bob", language_code: "en-US" };
export const privateChat: FakeChat = { id: 1001, type: "private" };
export const group: FakeChat = { id: -1001, type: "group", title: "Veille Eurasie" };
export const forum: FakeChat = { id: -100200300, type: "supergroup", title: "Rédaction", is_forum: true };
export const channel: FakeChat = { id: -100900900, type: "channel", title: "Canal Steppe" };

/** A tiny admin-only command: real admin commands arrive with later issues. */
export const adminProbe: Command = {
  name: "adminprobe",
  description: { fr: "Test des droits", en: "Rights probe", ru: "Проверка прав" },
  options: [],
  access: "admins",
  run: async () => ({ lines: [[{ text: "droits admin confirmés" }]] }),
};

export interface Harness {
  fake: FakeTelegram;
  adapter: ReturnType<typeof createTelegramAdapter>;
  queries: RecordingQueries;
  logger: ReturnType<typeof recordingLogger>;
  /** Stops the bot first, then the fake (the order grammY needs). */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeTelegramOptions;
  adapter?: Partial<Omit<TelegramAdapterOptions, "core" | "logger" | "token" | "apiRoot">>;
  data?: FakeData;
  extraCommands?: Command[];
  /** Start in webhook mode instead of long polling. */
  noStart?: boolean;
  /** The renderer commands draw with (none: pictures are off). */
  pictures?: PictureRenderer;
}

/** Fake API + adapter with the real commands; started unless `noStart`. */
export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeTelegram(o.fake);
  const logger = recordingLogger();
  const queries = fakeQueries(o.data ?? sampleData());
  const core = testCore({
    queries,
    now: NOW,
    logger,
    pictures: o.pictures,
    commands: [adminProbe, ...(o.extraCommands ?? [])],
  });
  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    core,
    logger,
    owners: ["4242"],
    retry: { maxRetryAttempts: 5, maxDelaySeconds: 2 },
    pollingTimeoutSeconds: 5,
    sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 },
    ...o.adapter,
  });
  if (!o.noStart) await adapter.start();
  return {
    fake,
    adapter,
    queries,
    logger,
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Sends a message as `from` and waits for the bot's next sendMessage to that chat. */
export async function ask(
  h: Harness,
  chat: FakeChat,
  from: FakeUser,
  text: string,
  opts: number | { threadId?: number; senderChat?: FakeChat } = {},
) {
  const before = h.fake.sent("sendMessage", chat.id).length;
  h.fake.userSays(chat, from, text, typeof opts === "number" ? { threadId: opts } : opts);
  const calls = await h.fake.waitForCalls(
    "sendMessage",
    before + 1,
    (c) => c.errorCode === 0 && String(c.payload.chat_id) === String(chat.id),
  );
  const call = calls[before];
  if (!call) throw new Error("no reply");
  return call;
}

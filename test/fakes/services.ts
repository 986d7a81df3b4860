/**
 * Builds a BotCore over the real commands and an in-memory NewsQueries, for command and adapter tests.
 */
import { commands } from "../../commands/index.ts";
import { defaultTaxonomy, resolveTopic } from "../../src/analysis/taxonomy.ts";
import { topicInfos } from "../../src/analysis/topic-info.ts";
import type { Command, TopicInfo } from "../../src/core/command.ts";
import { createBotCore } from "../../src/core/dispatch.ts";
import type { Clock, Logger } from "../../src/core/logger.ts";
import type { PictureRenderer } from "../../src/core/picture.ts";
import type { BotCore } from "../../src/core/platform.ts";
import type { NewsQueries } from "../../src/core/queries.ts";
import { recordingLogger } from "../../src/logging.ts";
import { fakeQueries } from "./news-queries.ts";

export function taxonomyTopics(): TopicInfo[] {
  return topicInfos();
}

export interface TestCore extends BotCore {
  queries: NewsQueries;
  logs: ReturnType<typeof recordingLogger>;
}

/** The real command set over fake queries (default: invented sample data) with a fixed clock. */
export function testCore(
  opts: {
    queries?: NewsQueries;
    now?: Date;
    logger?: Logger;
    /** Commands added to the real ones (probes). */
    commands?: Command[];
    /** The whole command set instead of the real one (a test that changes the commands themselves). */
    only?: Command[];
    pictures?: PictureRenderer;
  } = {},
): TestCore {
  const queries = opts.queries ?? fakeQueries();
  const logs = recordingLogger();
  const clock: Clock = { now: () => opts.now ?? new Date("2026-11-27T08:00:00Z") };
  const core = createBotCore({
    commands: opts.only ?? [...commands, ...(opts.commands ?? [])],
    services: {
      ...(opts.pictures ? { pictures: opts.pictures } : {}),
      queries,
      logger: opts.logger ?? logs,
      topics: taxonomyTopics(),
      resolveTopic: (input) => resolveTopic(input, defaultTaxonomy),
    },
    logger: opts.logger ?? logs,
    clock,
  });
  return Object.assign(core, { queries, logs });
}

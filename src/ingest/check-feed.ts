/**
 * `newsbot feed check`: fetches or reads a feed and reports what the parser sees, storing nothing and
 * never throwing (every problem lands in `errors`).
 */

import { messageOf } from "../core/errors.ts";
import { readArticleFile } from "./article-file.ts";
import { type ParsedFeed, parseFeed } from "./parse-feed.ts";
import { type FetchFn, type SafeFetchOptions, safeFetch } from "./safe-fetch.ts";

export interface FeedCheck {
  ok: boolean;
  title: string | null;
  items: Array<{
    title: string;
    url: string | null;
    guid: string | null;
    /** ISO 8601 or null. */
    publishedAt: string | null;
    author: string | null;
    summary: string | null;
    content: string | null;
  }>;
  errors: string[];
}

/** Checks a feed URL (http/https) or a local file path. */
export async function checkFeed(
  urlOrFile: string,
  opts: { fetch?: FetchFn; fetchOptions?: SafeFetchOptions; maxFileBytes?: number } = {},
): Promise<FeedCheck> {
  try {
    let feed: ParsedFeed;
    if (/^https?:\/\//i.test(urlOrFile)) {
      const res = await (opts.fetch ?? safeFetch)(urlOrFile, opts.fetchOptions ?? {});
      if (res.status === 304) return { ok: true, title: null, items: [], errors: ["not modified (304)"] };
      feed = await parseFeed(res.body, res.finalUrl);
    } else {
      const file = await readArticleFile(urlOrFile, { maxBytes: opts.maxFileBytes ?? opts.fetchOptions?.maxBytes });
      if (file.kind !== "feed") {
        return { ok: false, title: null, items: [], errors: ["this file is an article, not a feed"] };
      }
      feed = await parseFeed(file.text);
    }
    return {
      ok: true,
      title: feed.title,
      items: feed.items.map((i) => ({ ...i, publishedAt: i.publishedAt ? i.publishedAt.toISOString() : null })),
      errors: feed.errors,
    };
  } catch (err) {
    return { ok: false, title: null, items: [], errors: [messageOf(err)] };
  }
}

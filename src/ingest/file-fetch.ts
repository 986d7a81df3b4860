/**
 * Downloads of files users send with a command (/importsources): only from the platform's own file hosts, and
 * through safeFetch (address checks after DNS and on every redirect, size and time caps). The composition root
 * names the hosts explicitly (Telegram's Bot API host, Discord's CDN from src/adapters/discord/limits.ts); a
 * test fake on 127.0.0.1 is allowed by passing it in `allowHosts` like any other loopback exception.
 */
import { BlockedUrlError, FeedFetchError } from "../core/errors.ts";
import type { FileFetcher } from "../core/platform.ts";
import { type FetchFn, type SafeFetchOptions, safeFetch } from "./safe-fetch.ts";

export interface FileFetcherOptions {
  /** Hostnames the files may come from (anything else is refused before any request). */
  hosts: string[];
  /** Allowlist, timeouts (from config); `maxBytes` is set per call. */
  fetchOptions?: SafeFetchOptions;
  /** Defaults to safeFetch; tests may inject. */
  fetch?: FetchFn;
}

/** A FileFetcher restricted to `hosts`. */
export function createFileFetcher(opts: FileFetcherOptions): FileFetcher {
  const hosts = new Set(opts.hosts.map((h) => h.toLowerCase()));
  const fetchFn = opts.fetch ?? safeFetch;
  return async (url, maxBytes) => {
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      throw new BlockedUrlError("not a valid file URL", "(invalid)", null, { reason: { key: "reason.invalidUrl" } });
    }
    if (!hosts.has(host)) {
      const list = [...hosts].join(", ");
      throw new BlockedUrlError(`files are only downloaded from ${list}`, host, null, {
        reason: { key: "reason.fileHost", params: { hosts: list } },
      });
    }
    // Telegram puts the bot token in the file path: no logger, and errors name the host only.
    const { logger: _omit, ...base } = opts.fetchOptions ?? {};
    let res: Awaited<ReturnType<FetchFn>>;
    try {
      res = await fetchFn(url, { ...base, maxBytes, maxRedirects: 2 });
    } catch (err) {
      const keep = err instanceof FeedFetchError && err.reason ? { reason: err.reason } : {};
      if (err instanceof BlockedUrlError) throw new BlockedUrlError(err.message, host, err.status, keep);
      if (err instanceof FeedFetchError) throw new FeedFetchError(err.message, host, err.status, keep);
      throw err;
    }
    if (res.status !== 200) throw new FeedFetchError("unexpected 304 for a file download", host, 304);
    return res.body;
  };
}

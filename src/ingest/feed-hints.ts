/**
 * Poll hints a feed declares in its channel: RSS `<ttl>` and the syndication module's `sy:updatePeriod` /
 * `sy:updateFrequency`. Read with a scan of the head of the document (before the first item), which is
 * where the channel elements live, so a 5 MB feed costs a few kilobytes of regex here.
 */
import { type PollHints, syndicationDelay } from "../core/poll-schedule.ts";

const HEAD_CHARS = 16_384;

export function feedPollHints(xml: string): PollHints {
  let head = xml.slice(0, HEAD_CHARS);
  const firstItem = head.search(/<(?:\w+:)?(?:item|entry)[\s>]/i);
  if (firstItem >= 0) head = head.slice(0, firstItem);
  const ttl = /<ttl>\s*(\d+)\s*<\/ttl>/i.exec(head);
  const period = /<sy:updatePeriod>\s*([a-z]+)\s*<\/sy:updatePeriod>/i.exec(head);
  const frequency = /<sy:updateFrequency>\s*(\d+)\s*<\/sy:updateFrequency>/i.exec(head);
  return {
    ttlMinutes: ttl ? Number(ttl[1]) : null,
    syndicationMs: syndicationDelay(period?.[1] ?? null, frequency?.[1] ?? null),
  };
}

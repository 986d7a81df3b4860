/**
 * An in-memory NewsQueries over invented articles, for command and adapter tests that need no database.
 * Records every call so tests can assert what a command asked for.
 */
import type {
  Anniversary,
  NewsQueries,
  QuoteRow,
  SearchHit,
  StoryLine,
  TimelineEntry,
  TopicCount,
} from "../../src/core/queries.ts";
import { foldForMatch } from "../../src/core/text.ts";

export interface FakeData {
  stories: StoryLine[];
  quotes: QuoteRow[];
  timeline: TimelineEntry[];
  hits: SearchHit[];
}

const d = (s: string) => new Date(`${s}T09:00:00Z`);

/** Invented sample data on the beat (not taken from any real article). */
export function sampleData(): FakeData {
  const stories: StoryLine[] = [
    {
      storyId: 1,
      title: "Astana et Moscou signent un accord sur le transit du gaz",
      url: "https://exemple-actu.test/articles/transit-gaz",
      publishedAt: d("2026-11-20"),
      sourceCount: 3,
      articleCount: 3,
      sources: [
        { name: "Le Courrier des steppes", url: "https://exemple-actu.test" },
        { name: "Eurasie Hebdo", url: "https://eurasie-hebdo.test" },
        { name: "Dépêches d'Orient", url: "https://depeches.test" },
      ],
      topics: ["energie", "diplomatie"],
    },
    {
      storyId: 2,
      title: "Nouveau corridor ferroviaire entre Kostanaï et Tcheliabinsk",
      url: "https://eurasie-hebdo.test/corridor",
      publishedAt: d("2026-11-18"),
      sourceCount: 1,
      articleCount: 1,
      sources: [{ name: "Eurasie Hebdo", url: "https://eurasie-hebdo.test" }],
      topics: ["transport-logistique"],
    },
  ];
  const quotes: QuoteRow[] = [
    {
      id: 1,
      text: "Nos deux pays partagent une frontière de sept mille kilomètres et un avenir commun",
      speaker: "Kassym-Jomart Tokaïev",
      articleTitle: stories[0]?.title ?? "",
      url: stories[0]?.url ?? null,
      publishedAt: d("2026-11-20"),
    },
    {
      id: 2,
      text: "Le transit du gaz restera stable pendant tout l'hiver",
      speaker: "Vladimir Poutine",
      articleTitle: stories[0]?.title ?? "",
      url: stories[0]?.url ?? null,
      publishedAt: d("2026-11-20"),
    },
  ];
  const timeline: TimelineEntry[] = [
    {
      start: "2013-11-11",
      end: "2013-11-11",
      precision: "day",
      phrase: "le 11 novembre 2013",
      summary: "Signature du traité de bon voisinage",
      articleCount: 2,
      sources: [{ name: "Eurasie Hebdo", url: "https://eurasie-hebdo.test" }],
      curated: false,
    },
    {
      start: "2026-11-19",
      end: "2026-11-20",
      precision: "period",
      phrase: "du 19 au 20 novembre",
      summary: "Visite de travail à Moscou consacrée à l'énergie",
      articleCount: 3,
      sources: [{ name: "Le Courrier des steppes", url: "https://exemple-actu.test" }],
      curated: false,
    },
  ];
  const hits: SearchHit[] = stories.map((s) => ({
    articleId: s.storyId,
    title: s.title,
    url: s.url,
    publishedAt: s.publishedAt,
    snippet: s.title,
    source: s.sources[0]?.name ?? null,
  }));
  return { stories, quotes, timeline, hits };
}

export interface RecordingQueries extends NewsQueries {
  calls: Array<{ method: string; args: unknown[] }>;
  data: FakeData;
}

export function fakeQueries(data: FakeData = sampleData()): RecordingQueries {
  const calls: RecordingQueries["calls"] = [];
  const rec = (method: string, args: unknown[]) => calls.push({ method, args });
  const matches = (hay: string, needle: string) => foldForMatch(hay).includes(foldForMatch(needle));
  // A crude stand-in for the store's alias folding: "Tokayev" finds "Tokaïev".
  const bySpeaker = (x: QuoteRow, speaker: string) =>
    matches(x.speaker ?? "", speaker.replace(/y/gi, "ï")) || matches(x.speaker ?? "", speaker);
  return {
    calls,
    data,
    async latest(q) {
      rec("latest", [q]);
      const list = data.stories
        .filter((s) => !q.topic || s.topics.includes(q.topic))
        .filter((s) => !q.source || s.sources.some((src) => matches(`${src.name} ${src.url ?? ""}`, q.source ?? "")));
      return list.slice(q.offset ?? 0, (q.offset ?? 0) + q.limit);
    },
    async quotes(q) {
      rec("quotes", [q]);
      return data.quotes
        .filter((x) => !q.speaker || bySpeaker(x, q.speaker))
        .filter((x) => !q.keyword || matches(x.text, q.keyword))
        .slice(0, q.limit);
    },
    async quoteDays(speaker) {
      rec("quoteDays", [speaker]);
      const mine = data.quotes.filter((x) => bySpeaker(x, speaker));
      const days = mine.flatMap((x) => (x.publishedAt ? [x.publishedAt.toISOString().slice(0, 10)] : []));
      return { days, undated: mine.length - days.length, truncated: false };
    },
    async timeline(q) {
      rec("timeline", [q]);
      return data.timeline.filter((e) => !q.keyword || matches(e.summary, q.keyword)).slice(0, q.limit);
    },
    async search(text, limit) {
      rec("search", [text, limit]);
      return data.hits.filter((h) => matches(`${h.title} ${h.snippet}`, text)).slice(0, limit);
    },
    async onThisDay(month, day, year, limit): Promise<Anniversary[]> {
      rec("onThisDay", [month, day, year, limit]);
      return data.timeline
        .filter(
          (e) => e.precision === "day" && Number(e.start.slice(5, 7)) === month && Number(e.start.slice(8, 10)) === day,
        )
        .map((entry) => ({ entry, years: year - Number(entry.start.slice(0, 4)) }))
        .filter((a) => a.years > 0)
        .slice(0, limit);
    },
    async topicCounts(): Promise<TopicCount[]> {
      rec("topicCounts", []);
      const counts = new Map<string, number>();
      for (const s of data.stories) for (const tp of s.topics) counts.set(tp, (counts.get(tp) ?? 0) + s.articleCount);
      return [...counts].map(([slug, articleCount]) => ({ slug, articleCount }));
    },
    async speakers(prefix, limit) {
      rec("speakers", [prefix, limit]);
      const names = [...new Set(data.quotes.map((x) => x.speaker).filter((x): x is string => !!x))];
      return names.filter((n) => !prefix || matches(n, prefix)).slice(0, limit);
    },
    async stats() {
      rec("stats", []);
      return {
        articles: 4,
        stories: data.stories.length,
        quotes: data.quotes.length,
        events: data.timeline.length,
        sources: 3,
      };
    },
  };
}

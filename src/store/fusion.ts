// Event fusion: mentions of the same event (same dyad, CAMEO root, dates within a day, compatible place) become
// one cluster. Pure and order-independent: clusters are connected components, named after their smallest member.
import { createHash } from 'node:crypto';
import type { ActorRef, Event } from '../schema/extraction.js';

/** The key of one side of a dyad: its actors' ids (else codes, else lower-cased text), sorted and joined. */
export function sideKey(refs: readonly ActorRef[]): string {
  const keys = new Set<string>();
  for (const r of refs) keys.add(r.actor ?? r.code ?? '~' + r.text.toLowerCase().replace(/\s+/g, ' ').trim());
  return [...keys].sort().join('+');
}

/** The fusion block: only events in the same block can fuse (CAMEO root and dyad). */
export function blockOf(e: Pick<Event, 'cameo' | 'source' | 'target'>): string {
  return `${e.cameo.slice(0, 2)}|${sideKey(e.source)}|${sideKey(e.target)}`;
}

export interface FusionMember {
  articleId: string;
  eventId: string;
  /** Event date (the dateline when the text gives none); null never fuses. */
  date: string | null;
  /** Country of the event's place, null when unknown (unknown is compatible with any place). */
  placeCountry: string | null;
  cameo: string;
  quadClass: number;
  goldstein: number;
  confidence: number;
  /** Who published the article (outlet, else URL host, else the article id): counted for NumSources. */
  source: string;
  published: string | null;
}

export interface Cluster {
  id: string;
  block: string;
  members: FusionMember[];
  cameo: string;
  quadClass: number;
  goldstein: number;
  dateStart: string | null;
  dateEnd: string | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  representative: FusionMember;
  firstSeen: string | null;
}

const DAY = 86_400_000;

function memberKey(m: FusionMember): string {
  return `${m.articleId}\u0000${m.eventId}`;
}

function compatible(a: FusionMember, b: FusionMember): boolean {
  return a.placeCountry === null || b.placeCountry === null || a.placeCountry === b.placeCountry;
}

/** Clusters one block's events. The result depends only on the set of members, never on their order. */
export function fuseBlock(block: string, members: readonly FusionMember[]): Cluster[] {
  const sorted = [...members].sort((a, b) => {
    const da = a.date ?? '', db = b.date ?? '';
    return da < db ? -1 : da > db ? 1 : memberKey(a) < memberKey(b) ? -1 : memberKey(a) > memberKey(b) ? 1 : 0;
  });
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const time = sorted.map((m) => (m.date ? Date.parse(m.date + 'T00:00:00Z') : NaN));
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(time[i])) continue;
    for (let j = i + 1; j < sorted.length && time[j] - time[i] <= DAY; j++) {
      if (compatible(sorted[i], sorted[j])) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, FusionMember[]>();
  sorted.forEach((m, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(m);
  });
  const clusters = [...groups.values()].map((g) => summarize(block, g));
  return clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function summarize(block: string, group: FusionMember[]): Cluster {
  const byKey = [...group].sort((a, b) => (memberKey(a) < memberKey(b) ? -1 : 1));
  // the representative (whose code, place and actors the cluster reports): most confident, then first by key
  let rep = byKey[0];
  for (const m of byKey) if (m.confidence > rep.confidence) rep = m;
  const dates = group.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const published = group.map((m) => m.published).filter((d): d is string => d !== null).sort();
  const id = 'c' + createHash('sha256').update(block + '\u0001' + memberKey(byKey[0])).digest('hex').slice(0, 20);
  return {
    id,
    block,
    members: byKey,
    cameo: rep.cameo,
    quadClass: rep.quadClass,
    goldstein: rep.goldstein,
    dateStart: dates[0] ?? null,
    dateEnd: dates[dates.length - 1] ?? null,
    numMentions: group.length,
    numSources: new Set(group.map((m) => m.source)).size,
    numArticles: new Set(group.map((m) => m.articleId)).size,
    representative: rep,
    firstSeen: published[0] ?? null,
  };
}

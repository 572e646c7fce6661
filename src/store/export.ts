// Exports of the store: Extraction JSONL, a flat CSV of event mentions, GDELT 2.0 event rows (one per fused
// cluster) and PLOVER JSON records (one per event mention, linked to its cluster).
import { createHash } from 'node:crypto';
import type { ActorRef } from '../schema/extraction.js';
import type { EventCluster, Storage, StoredEvent } from './types.js';

export type ExportFormat = 'jsonl' | 'csv' | 'gdelt' | 'plover';
export interface ExportFilter {
  since?: string;
  until?: string;
}

export const GDELT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code',
  'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code',
  'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources',
  'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat',
  'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat',
  'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat',
  'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

/** A stable numeric GlobalEventID from the cluster id (52 bits: exact in a double). */
export function gdeltId(clusterId: string): number {
  return parseInt(createHash('sha256').update(clusterId).digest('hex').slice(0, 13), 16);
}

function clean(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

function actorFields(r: ActorRef | undefined): string[] {
  if (!r) return ['', '', '', '', '', '', '', '', '', ''];
  return [r.code ?? '', r.text.toUpperCase(), r.country ?? '', r.org ?? '', '', '', '', r.sector ?? '', '', ''];
}

/** One GDELT 2.0 event-table row (61 fields) for a fused event. */
export function gdeltRow(c: EventCluster): string[] {
  const e = c.representative;
  const day = c.dateStart ?? e.published ?? null;
  const [y, m, d] = day ? day.split('-').map(Number) : [NaN, NaN, NaN];
  const noGeo = ['0', '', '', '', '', '', '', ''];
  const loc = e.location;
  const actionGeo = loc
    ? [loc.geonameId ? '4' : '1', loc.name, loc.country ?? '', '', '', String(loc.lat), String(loc.lon), loc.geonameId ? String(loc.geonameId) : '']
    : noGeo;
  const added = c.firstSeen ?? day;
  const row = [
    String(gdeltId(c.id)),
    day ? day.replaceAll('-', '') : '',
    day ? day.slice(0, 7).replace('-', '') : '',
    day ? String(y) : '',
    day ? (y + ((m - 1) * 30 + d) / 365).toFixed(4) : '',
    ...actorFields(e.source[0]),
    ...actorFields(e.target[0]),
    e.sentence <= 2 ? '1' : '0',
    c.cameo, c.cameo.slice(0, 3), c.cameo.slice(0, 2),
    String(c.quadClass), String(c.goldstein),
    String(c.mentions), String(c.sources), String(c.articles),
    '0',
    ...noGeo, ...noGeo, ...actionGeo,
    added ? added.replaceAll('-', '') + '000000' : '',
    e.articleUrl ?? e.articleId,
  ];
  return row.map(clean);
}

function refOut(r: ActorRef) {
  return {
    code: r.code, actorText: r.text, country: r.country,
    ...(r.org ? { org: r.org } : {}), ...(r.sector ? { sector: r.sector } : {}), ...(r.actor ? { actorId: r.actor } : {}),
  };
}

/** A PLOVER JSON record for one event mention. */
export function ploverRecord(e: StoredEvent): Record<string, unknown> {
  const rec: Record<string, unknown> = {
    id: `${e.articleId}:${e.id}`,
    date: e.date.value ?? e.published ?? null,
    actor: e.source.map(refOut),
    recipient: e.target.map(refOut),
    event: [e.plover.type],
  };
  if (e.plover.mode) rec.mode = [e.plover.mode];
  if (e.plover.context?.length) rec.context = e.plover.context;
  if (e.location) {
    rec.event_loc = { name: e.location.name, country: e.location.country, lat: e.location.lat, lon: e.location.lon, ...(e.location.geonameId ? { geonameId: e.location.geonameId } : {}) };
  }
  rec.event_text = [e.trigger.text];
  rec.quad_code = e.quadClass;
  rec.event_scale = e.goldstein;
  if (e.clusterId) rec.link = e.clusterId;
  rec.text = e.evidence.text;
  rec.cite_info = { article_id: e.articleId, ...(e.articleUrl ? { url: e.articleUrl } : {}), ...(e.articleTitle ? { title: e.articleTitle } : {}), ...(e.published ? { published: e.published } : {}) };
  rec.cameo = e.cameo;
  rec.modality = e.modality;
  rec.confidence = e.confidence;
  rec.coder = 'parley';
  if (e.pipeline) rec.version = e.pipeline.join(' ');
  return rec;
}

export const CSV_COLUMNS = [
  'article_id', 'event_id', 'cluster_id', 'date', 'date_precision', 'cameo', 'quad_class', 'goldstein', 'plover_type', 'plover_mode',
  'source_codes', 'source_countries', 'target_codes', 'target_countries', 'location_name', 'location_country', 'lat', 'lon',
  'modality', 'confidence', 'num_mentions', 'num_sources', 'num_articles', 'trigger', 'evidence', 'title', 'url', 'published', 'rule',
] as const;

function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(e: StoredEvent): string {
  const codes = (rs: ActorRef[]) => rs.map((r) => r.code ?? '').join(';');
  const countries = (rs: ActorRef[]) => rs.map((r) => r.country ?? r.org ?? '').join(';');
  return [
    e.articleId, e.id, e.clusterId ?? '', e.date.value ?? e.published ?? '', e.date.precision, e.cameo, e.quadClass, e.goldstein,
    e.plover.type, e.plover.mode ?? '', codes(e.source), countries(e.source), codes(e.target), countries(e.target),
    e.location?.name ?? '', e.location?.country ?? '', e.location?.lat ?? '', e.location?.lon ?? '', e.modality, e.confidence,
    e.cluster?.mentions ?? 1, e.cluster?.sources ?? 1, e.cluster?.articles ?? 1, e.trigger.text, e.evidence.text,
    e.articleTitle ?? '', e.articleUrl ?? '', e.published ?? '', e.rule,
  ].map(csvField).join(',');
}

/** Writes the export line by line through `write` (which may apply back-pressure); returns the number of records. */
export async function writeExport(store: Storage, format: ExportFormat, f: ExportFilter, write: (line: string) => Promise<void> | void): Promise<number> {
  let n = 0;
  if (format === 'jsonl') {
    let after: string | undefined;
    for (;;) {
      const batch = await store.articles({ since: f.since, until: f.until, after, limit: 200 });
      if (!batch.length) break;
      after = batch[batch.length - 1].article.id;
      for (const { extraction } of batch) {
        await write(JSON.stringify(extraction) + '\n');
        n++;
      }
    }
    return n;
  }
  if (format === 'gdelt') {
    for (let offset = 0; ; offset += 1000) {
      const p = await store.clusters({ since: f.since, until: f.until, limit: 1000, offset });
      for (const c of p.items) {
        await write(gdeltRow(c).join('\t') + '\n');
        n++;
      }
      if (p.items.length < 1000) break;
    }
    return n;
  }
  if (format === 'csv') await write(CSV_COLUMNS.join(',') + '\n');
  for (let offset = 0; ; offset += 1000) {
    const p = await store.events({ since: f.since, until: f.until, limit: 1000, offset, order: 'asc' });
    for (const e of p.items) {
      await write((format === 'csv' ? csvRow(e) : JSON.stringify(ploverRecord(e))) + '\n');
      n++;
    }
    if (p.items.length < 1000) break;
  }
  return n;
}

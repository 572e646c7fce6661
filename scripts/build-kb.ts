// Builds the compact actor knowledge base data/kb/actors.json from ../shared/data/kb plus the curated kb-src/ files.
// Usage: npm run build:kb [-- --shared ../shared]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KbData, KbEntry } from '../src/actors/kb.js';

const args = process.argv.slice(2);
const shared = args[args.indexOf('--shared') + 1] && args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '../shared';

interface RawCountry {
  name: { common: string; official: string };
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
}

const countries = JSON.parse(readFileSync(join(shared, 'data/kb/countries.json'), 'utf8')) as RawCountry[];
const metonyms = JSON.parse(readFileSync('kb-src/metonyms.json', 'utf8')) as {
  entries: { alias: string; country: string; sector: string }[];
};
const igos = JSON.parse(readFileSync('kb-src/igos.json', 'utf8')) as {
  entries: { org: string; name: string; aliases: string[] }[];
};

const entries: KbEntry[] = [];
const aliases: [string, number][] = [];
const seen = new Set<string>();
function alias(a: string, idx: number): void {
  const key = `${a}\u0000${idx}`;
  if (a.length < 2 || seen.has(key)) return;
  seen.add(key);
  aliases.push([a, idx]);
}

// Extra common names that the REST Countries data lacks but news uses constantly.
const EXTRA_NAMES: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'America', 'United States of America'],
  GBR: ['Britain', 'UK', 'U.K.', 'Great Britain'],
  RUS: ['Russian Federation'],
  KOR: ['South Korea'],
  PRK: ['North Korea'],
  ARE: ['UAE', 'U.A.E.', 'Emirates'],
  COD: ['DR Congo', 'DRC', 'Democratic Republic of Congo'],
  CZE: ['Czech Republic'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  CIV: ["Ivory Coast", "Cote d'Ivoire"],
  MMR: ['Burma'],
  PSE: ['Palestinian territories', 'Gaza', 'West Bank', 'Gaza Strip'],
  VAT: ['Vatican', 'Holy See'],
  SYR: ['Syria'],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  USA: ['U.S.'],
  ARE: ['Emirati'],
  GBR: ['British', 'Briton', 'Britons'],
  ISR: ['Israeli', 'Israelis'],
  PSE: ['Palestinian', 'Palestinians'],
  SAU: ['Saudi', 'Saudis'],
  IRN: ['Iranians'],
  RUS: ['Russians'],
  UKR: ['Ukrainians'],
  CHN: ['Chinese'],
};

for (const c of countries) {
  const idx = entries.length;
  entries.push({
    id: c.cca3,
    name: c.name.common,
    code: c.cca3,
    country: c.cca3,
    org: null,
    sector: '',
    kind: 'country',
  });
  for (const n of [c.name.common, c.name.official, ...(EXTRA_NAMES[c.cca3] ?? [])]) alias(n, idx);
  for (const a of c.altSpellings ?? []) if (a.length > 3 && !/^[A-Z]{2}$/.test(a)) alias(a, idx);
  const dem = c.demonyms?.eng;
  const demonyms = new Set([dem?.m, dem?.f, ...(EXTRA_DEMONYMS[c.cca3] ?? [])].filter((x): x is string => !!x));
  for (const d of demonyms) {
    if (d === 'U.S.') continue; // "U.S." is already a name alias; adjectival use resolves the same way
    const di = entries.length;
    entries.push({ id: c.cca3, name: c.name.common, code: c.cca3, country: c.cca3, org: null, sector: '', kind: 'demonym' });
    alias(d, di);
  }
  for (const cap of c.capital ?? []) {
    const capName = cap.replace(/ D\.C\.$/, '');
    const ci = entries.length;
    entries.push({ id: c.cca3, name: c.name.common, code: c.cca3, country: c.cca3, org: null, sector: '', kind: 'capital' });
    alias(capName, ci);
    if (capName !== cap) alias(cap, ci);
  }
}
for (const m of metonyms.entries) {
  const idx = entries.length;
  entries.push({ id: `${m.country}${m.sector}`, name: m.alias.replace(/^the /, ''), code: `${m.country}${m.sector}`, country: m.country, org: null, sector: m.sector, kind: 'metonym' });
  alias(m.alias, idx);
}
for (const g of igos.entries) {
  const idx = entries.length;
  entries.push({ id: `IGO:${g.org}`, name: g.name, code: `IGO${g.org}`, country: null, org: g.org, sector: 'IGO', kind: 'igo' });
  for (const a of g.aliases) alias(a, idx);
}

const data: KbData = { version: 1, built: 'scripts/build-kb.ts', entries, aliases };
mkdirSync('data/kb', { recursive: true });
writeFileSync('data/kb/actors.json', JSON.stringify(data));
console.error(`wrote data/kb/actors.json: ${entries.length} entries, ${aliases.length} aliases`);

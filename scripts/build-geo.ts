// Builds the compact gazetteer data/geo/places.tsv (GeoNames places of 15,000+ people plus every capital) and
// data/geo/countries.tsv (country centroids) from ../shared/data/kb. GeoNames is CC BY 4.0: see data/geo/ATTRIBUTION.md.
// Usage: npm run build:geo [-- --shared ../shared]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const args = process.argv.slice(2);
const shared = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '../shared';
const kb = join(shared, 'data/kb');

interface RawCountry { cca2: string; cca3: string; name: { common: string; official: string }; latlng?: number[]; altSpellings?: string[] }
const countries = JSON.parse(readFileSync(join(kb, 'countries.json'), 'utf8')) as RawCountry[];
const iso3 = new Map(countries.map((c) => [c.cca2, c.cca3]));

// Alternate names: only Latin-script proper names, as English news writes them; the rest would bloat the file.
const LATIN = /^[A-Z][A-Za-z .'-]{2,40}$/;
function alts(name: string, raw: string): string[] {
  const out: string[] = [];
  for (const a of raw.split(',')) {
    if (a !== name && LATIN.test(a) && !out.includes(a) && !/^[A-Z]{2,4}$/.test(a)) out.push(a);
    if (out.length >= 40) break;
  }
  return out;
}

const rows = new Map<string, string>();
for (const line of gunzipSync(readFileSync(join(kb, 'cities15000.txt.gz'))).toString('utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, alt, lat, lon, , fcode, cc] = f;
  const pop = f[14];
  const c3 = iso3.get(cc) ?? '';
  const names = [...new Set([ascii !== name && LATIN.test(ascii) ? ascii : '', ...alts(name, alt)].filter(Boolean))];
  rows.set(id, [id, name, c3, Number(lat).toFixed(4), Number(lon).toFixed(4), pop, fcode === 'PPLC' ? 'C' : '', names.join('|')].join('\t'));
}
// capitals smaller than 15,000 people (Vaduz, Ngerulmud, ...)
const small = gunzipSync(readFileSync(join(kb, 'cities1000.tsv.gz'))).toString('utf8').split('\n');
for (const line of small.slice(1)) {
  const [id, name, altName, cc, fcode, , pop, lat, lon] = line.split('\t');
  if (fcode !== 'PPLC' || rows.has(id)) continue;
  rows.set(id, [id, name, iso3.get(cc) ?? '', Number(lat).toFixed(4), Number(lon).toFixed(4), pop, 'C', altName && LATIN.test(altName) ? altName : ''].join('\t'));
}
mkdirSync('data/geo', { recursive: true });
writeFileSync('data/geo/places.tsv', '# geonameId\tname\tcountry ISO3\tlat\tlon\tpopulation\tC=capital\talternate names (|)\n' + [...rows.values()].join('\n') + '\n');

const crow = countries
  .filter((c) => c.latlng && c.latlng.length === 2)
  .map((c) => [c.cca3, c.name.common, c.latlng![0].toFixed(4), c.latlng![1].toFixed(4), [c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3)].filter((a) => a !== c.name.common).join('|')].join('\t'));
writeFileSync('data/geo/countries.tsv', '# ISO3\tname\tlat\tlon\talternate names (|)   centroid: countries.json latlng (ODbL)\n' + crow.join('\n') + '\n');
writeFileSync('data/geo/ATTRIBUTION.md', `# data/geo provenance

- \`places.tsv\`: GeoNames (https://www.geonames.org/), cities15000 (2013) plus capitals from cities1000, licensed
  CC BY 4.0. Columns: geonameId, name, ISO3 country, lat, lon, population, capital flag, Latin-script alternate names.
- \`countries.tsv\`: country centroids (latlng) and names from the REST Countries \`countries.json\` (ODbL 1.0).

Regenerate with \`npm run build:geo\` (reads ../shared/data/kb).
`);
console.error(`places.tsv: ${rows.size} places; countries.tsv: ${crow.length} countries`);

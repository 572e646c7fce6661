// Generates web/src/countries.json (ISO3 -> numeric code, name, centroid) for the explorer's map from ../shared.
// Usage: node scripts/build-web-countries.mjs [--shared ../shared]. Source: mledoze/countries (ODbL), see docs/explorer.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const shared = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '../shared';
const raw = JSON.parse(readFileSync(join(shared, 'data/kb/countries.json'), 'utf8'));
const out = {};
for (const c of raw.sort((a, b) => a.cca3.localeCompare(b.cca3))) {
  out[c.cca3] = [c.ccn3 ?? '', c.name.common, Math.round(c.latlng[0] * 100) / 100, Math.round(c.latlng[1] * 100) / 100];
}
writeFileSync('web/src/countries.json', JSON.stringify({ source: 'mledoze/countries (ODbL)', countries: out }) + '\n');
console.log(`wrote ${Object.keys(out).length} countries`);

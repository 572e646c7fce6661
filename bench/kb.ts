// Knowledge-base figures: size of data/kb/actors.json, time to parse and index it, and office coverage of the curated
// people (countries × offices × years with a holder), written to bench/results/kb.json.
// Usage: npx tsx bench/kb.ts [other-actors.json]   (another file: figures only, nothing written)
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { KnowledgeBase } from '../src/actors/kb.js';
import { PACKAGE_ROOT } from '../src/resources/load.js';
import type { KbFile } from '../src/actors/kb.js';
import { tokenize } from '../src/text/tokenize.js';

const other = process.argv[2];
const path = other ?? join(PACKAGE_ROOT, 'data', 'kb', 'actors.json');
const loadKbFile = (): KbFile => JSON.parse(readFileSync(path, 'utf8')) as KbFile;
const bytes = statSync(path).size;
const gz = gzipSync(readFileSync(path)).length;
const split = (a: string): string[] => { const d = tokenize(a); return d.span(0, d.length).words(); };

// median of a few runs: the first one pays for JIT warm-up, like a CLI start does
const times: number[] = [];
let kb: KnowledgeBase | undefined;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  kb = new KnowledgeBase(loadKbFile(), split);
  times.push(performance.now() - t0);
}
const first = times[0];
const median = [...times].sort((a, b) => a - b)[2];
const k = kb!;

// coverage: for each country with a curated holder of the office in any year, the years (mid-year) with one
const offices = ['foreign minister', 'defence minister'];
const years = Array.from({ length: 12 }, (_, i) => 2015 + i);
const countries = new Set(k.entries.filter((e) => e.kind === 'person' && e.country && !e.org && offices.includes(k.office(e.role ?? ''))).map((e) => e.country!));
const full: Record<string, string[]> = {};
let cells = 0, covered = 0;
for (const office of offices) {
  const ok: string[] = [];
  for (const c of [...countries].sort()) {
    let n = 0;
    for (const y of years) { cells++; if (k.holders(c, office, `${y}-07-01`).length) { covered++; n++; } }
    if (n === years.length) ok.push(c);
  }
  full[office] = ok;
}
const both = full[offices[0]].filter((c) => full[offices[1]].includes(c));

// spokespeople and UN ambassadors: countries (not organisations) with a holder on 1 July of each year
const SPOKES = new Set(['spokesperson', 'government spokesperson', 'presidential spokesperson', 'military spokesperson', 'international spokesperson', 'chief cabinet secretary']);
// compared in lower case: a KB without the role noun "ambassador to the un" (main before this round) keeps the raw role
const UNAMB = new Set(['ambassador to the un']);
const holding = (set: ReadonlySet<string>, date: string): number => new Set(k.entries.filter((e) => e.kind === 'person' && e.country && !e.org &&
  e.role && set.has(k.office(e.role).toLowerCase()) && (e.start ?? '0000') <= date && date < (e.end ?? '9999')).map((e) => e.country)).size;
const perYear = (set: ReadonlySet<string>): Record<string, number> => Object.fromEntries(years.map((y) => [y, holding(set, `${y}-07-01`)]));
const counts = k.counts();
const result = {
  bytes, gzipBytes: gz, rows: k.size, people: counts.person,
  loadMsFirst: +first.toFixed(1), loadMsMedian: +median.toFixed(1),
  coverage: {
    years: `${years[0]}-${years[years.length - 1]} (1 July of each)`,
    countriesWithAnyMinister: countries.size,
    countryOfficeYears: { covered, of: cells },
    countriesWithBothEveryYear: both.length,
    foreignMinisterEveryYear: full[offices[0]].length,
    defenceMinisterEveryYear: full[offices[1]].length,
    countriesWithSpokesperson: perYear(SPOKES),
    countriesWithUnAmbassador: perYear(UNAMB),
  },
};
// --table: the spokesperson/envoy coverage table of docs/kb.md (country × office × years with a holder on 1 July)
if (process.argv.includes('--table')) {
  const cols: [string, ReadonlySet<string>][] = [
    ['foreign ministry spokesperson', new Set(['spokesperson'])],
    ['government / presidential spokesperson', new Set(['government spokesperson', 'presidential spokesperson', 'international spokesperson', 'chief cabinet secretary'])],
    ['military spokesperson', new Set(['military spokesperson', 'pentagon spokesperson', 'pentagon press secretary'])],
    ['UN ambassador', UNAMB],
    ['national security adviser', new Set(['national security adviser', 'foreign policy adviser', 'secretary of the security council', 'secretary of the supreme national security council'])],
  ];
  const span = (set: ReadonlySet<string>, c: string): string => {
    const ys = years.filter((y) => k.entries.some((e) => e.kind === 'person' && e.country === c && !e.org && e.role &&
      set.has(k.office(e.role).toLowerCase()) && (e.start ?? '0000') <= `${y}-07-01` && `${y}-07-01` < (e.end ?? '9999')));
    const runs: string[] = [];
    for (let i = 0; i < ys.length; i++) {
      let j = i;
      while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
      runs.push(i === j ? `${ys[i]}` : `${ys[i]}–${String(ys[j]).slice(2)}`);
      i = j;
    }
    return runs.join(', ');
  };
  const cs = [...new Set(k.entries.filter((e) => e.kind === 'person' && e.country && !e.org && e.role && cols.some(([, s]) => s.has(k.office(e.role!).toLowerCase())))
    .map((e) => e.country!))].sort();
  console.log(`| country | ${cols.map(([n]) => n).join(' | ')} |\n|---|${cols.map(() => '---').join('|')}|`);
  for (const c of cs) {
    const cells = cols.map(([, s]) => span(s, c));
    if (cells.some((x) => x)) console.log(`| ${c} | ${cells.join(' | ')} |`);
  }
}
console.table({ size: `${(bytes / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzip)`, load: `${first.toFixed(0)} ms first, ${median.toFixed(0)} ms median`, people: counts.person, both: `${both.length} countries with FM and DM every year 2015-2026` });
if (other) console.log(JSON.stringify(result, null, 2));
else mkdirSync('bench/results', { recursive: true });
if (!other) writeFileSync('bench/results/kb.json', JSON.stringify(result, null, 2) + '\n');

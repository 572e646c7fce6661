// Builds the event-coding data: data/events/verbs.json (CAMEO 2.0 verb patterns + kb-src/verbs-extra.txt) and
// data/events/cameo.json (Goldstein scale from kb-src/goldstein.tsv + CAMEO2PLOVER-2021 type/mode/context).
// Usage: npm run build:verbs [-- --shared ../shared]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseVerbDictionary } from '../src/events/verb-dict.js';
import type { CameoData } from '../src/events/cameo.js';

const args = process.argv.slice(2);
const shared = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '../shared';
const ev = join(shared, 'data/eventdata');

mkdirSync('data/events', { recursive: true });

// ---- verbs
const verbs = parseVerbDictionary(readFileSync(join(ev, 'petrarch/CAMEO.2.0.txt'), 'utf8'), undefined,
  'CAMEO.2.0.txt (PETRARCH2 CAMEO verb-pattern dictionary, (c) 2015 Open Event Data Alliance, MIT licence)');
parseVerbDictionary(readFileSync('kb-src/verbs-extra.txt', 'utf8'), verbs, 'kb-src/verbs-extra.txt (Parley, MIT)');
// The built-in coder keeps only the first half of TABARI paired codes [ccc:ddd]: its own rules already code
// symmetric events (talks, meetings) both ways, and on PLOVER dev the reverse events added no right type or dyad
// (57.8% / 35.5% either way) but 0.03 more spurious events a sentence ("Putin called Trump" is not also Trump
// calling Putin). User dictionaries given with --dictionary keep their pairs, as PETRARCH does.
for (const b of verbs.blocks) {
  delete b.p;
  for (const pat of b.pats) delete pat.p;
}
for (const e of [...verbs.verbs, ...verbs.nouns]) delete e.p;
writeFileSync('data/events/verbs.json', JSON.stringify(verbs));
const nPats = verbs.blocks.reduce((n, b) => n + b.pats.length, 0);
console.error(`verbs.json: ${verbs.blocks.length} blocks, ${verbs.verbs.length} verbs, ${verbs.nouns.length} nouns, ${nPats} patterns, ${Object.keys(verbs.synsets).length} synsets`);

// ---- CAMEO table
const gold = new Map<string, number>();
for (const line of readFileSync('kb-src/goldstein.tsv', 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [c, g] = line.split('\t');
  gold.set(c, Number(g));
}
const plover = new Map<string, [string, string, string, string]>();
for (const line of readFileSync(join(ev, 'plover/CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
  const m = /^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$/.exec(line.trim());
  if (!m) continue;
  const [type, mode = '', ctx = ''] = m[2].split(',').map((s) => s.trim());
  const label = (m[3] ?? '').replace(/\s+21\.09\.17:.*$/, '').trim();
  // two-digit rows are section headers ("08: CONCEDE" then "08: RETREAT"): the first one stands for the root
  if (plover.has(m[1])) continue;
  plover.set(m[1], [type, mode, ctx.split(';').map((s) => s.trim()).filter(Boolean).join(';'), label]);
}
// The PLOVER manual 0.8 (SANCTION, mode discontinue) codes international political or economic sanctions as
// SANCTION; CAMEO2PLOVER-2021 files CAMEO 163 (impose embargo, boycott or sanctions) under COERCE/restrict.
const row163 = plover.get('163');
if (row163) plover.set('163', ['SANCTION', 'discontinue', row163[2], row163[3]]);
// The manual counts removing a curfew or an emergency as a verbal concession (CONCEDE: "removing curfews"; "the
// lifting of a curfew is, effectively, a promise"), where the table files 0813/0814 under RETREAT; and it codes
// "resignations of government officials" as RETREAT, mode resign, where the table has 0831 (accede to demands for a
// change in leadership, CAMEO's code for a resignation) under CONCEDE.
for (const c of ['0813', '0814']) {
  const r = plover.get(c);
  if (r) plover.set(c, ['CONCEDE', '', r[2], r[3]]);
}
const row0831 = plover.get('0831');
if (row0831) plover.set('0831', ['RETREAT', 'resign', row0831[2], row0831[3]]);
// CAMEO 02 (appeals) has no row in CAMEO2PLOVER-2021; PLOVER folds appeals into REQUEST, as it does CAMEO 10.
const APPEAL_LABELS: Record<string, string> = {
  '02': 'Make an appeal or request', '020': 'Make an appeal or request', '021': 'Appeal for material cooperation',
  '022': 'Appeal for diplomatic cooperation', '023': 'Appeal for aid', '024': 'Appeal for political reform',
  '025': 'Appeal to yield', '026': 'Appeal to others to meet or negotiate', '027': 'Appeal to others to settle dispute',
  '028': 'Appeal to others to engage in or accept mediation',
};
const data: CameoData = {
  version: 1,
  sources: [
    'Goldstein scale: J. Goldstein (1992), as tabulated with the CAMEO codebook (kb-src/goldstein.tsv)',
    'PLOVER mapping: CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (P. Schrodt, Open Event Data Alliance), CC BY-SA 4.0',
    'CAMEO 02 → REQUEST: Parley (CAMEO2PLOVER-2021 has no 02 rows)',
  ],
  codes: {},
};
for (const [code, g] of gold) {
  let p: [string, string, string, string] | undefined;
  for (let c = code; c.length >= 2 && !p; c = c.slice(0, -1)) p = plover.get(c);
  if (code.startsWith('02')) p = ['REQUEST', '', '', APPEAL_LABELS[code] ?? APPEAL_LABELS[code.slice(0, 3)] ?? ''];
  const own = plover.get(code);
  data.codes[code] = [g, own?.[3] || p?.[3] || '', p?.[0] ?? '', own ? own[1] : p?.[1] ?? '', own ? own[2] : p?.[2] ?? ''];
}
// codes in CAMEO2PLOVER without a Goldstein row (none expected) are reported, not guessed
for (const c of plover.keys()) if (!gold.has(c)) console.error(`cameo.json: ${c} in CAMEO2PLOVER has no Goldstein score`);
writeFileSync('data/events/cameo.json', JSON.stringify(data, null, 0));
console.error(`cameo.json: ${Object.keys(data.codes).length} codes`);

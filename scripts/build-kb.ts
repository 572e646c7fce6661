// Builds the compact actor knowledge base data/kb/actors.json from ../shared/data/kb (and eventdata) plus kb-src/.
// Usage: npm run build:kb [-- --shared ../shared]. Deterministic: same inputs, byte-identical output.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { entryToRow, type KbEntry, type KbFile, type KbRow } from '../src/actors/kb.js';
import { parsePetrarchAgents, pluralOf } from '../src/actors/petrarch.js';

const args = process.argv.slice(2);
const shared = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '../shared';
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

interface RawCountry {
  name: { common: string; official: string };
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
  area?: number;
}

/** One entity being built: its spells (entries) and its aliases. */
interface Item {
  entries: KbEntry[];
  aliases: string[];
}
const items: Item[] = [];
const byAlias = new Map<string, Item[]>();
function addItem(entries: KbEntry[], aliases: string[]): Item {
  const it: Item = { entries, aliases: [] };
  items.push(it);
  for (const a of aliases) addAlias(it, a);
  return it;
}
function addAlias(it: Item, a: string): void {
  const s = a.trim();
  if (s.length < 2 || it.aliases.includes(s)) return;
  it.aliases.push(s);
  const list = byAlias.get(s);
  if (list) list.push(it);
  else byAlias.set(s, [it]);
}
const slug = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---- countries, demonyms, capitals (REST Countries data, ODbL) ----
const countries = readJson<RawCountry[]>(join(shared, 'data/kb/countries.json'));
const iso3 = new Set(countries.map((c) => c.cca3));
const countryName = new Map(countries.map((c) => [c.cca3, c.name.common]));
const EXTRA_NAMES: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'U.S', 'America', 'United States of America', 'the United States'],
  GBR: ['Britain', 'UK', 'U.K.', 'Great Britain', 'England'],
  RUS: ['Russian Federation'],
  KOR: ['South Korea', 'Republic of Korea', 'ROK'],
  PRK: ['North Korea', 'DPRK'],
  ARE: ['UAE', 'U.A.E.', 'Emirates', 'United Arab Emirates'],
  COD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Democratic Republic of the Congo'],
  COG: ['Republic of Congo', 'Congo-Brazzaville'],
  CZE: ['Czech Republic'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  CIV: ['Ivory Coast', "Cote d'Ivoire", "Côte d'Ivoire"],
  MMR: ['Burma'],
  PSE: ['Palestinian territories', 'Gaza', 'West Bank', 'Gaza Strip', 'Palestine', 'State of Palestine'],
  VAT: ['Vatican', 'Holy See'],
  SYR: ['Syria'],
  IRN: ['Islamic Republic'],
  CHN: ["People's Republic of China", 'PRC', 'mainland China'],
  TWN: ['Taiwan'],
  NLD: ['Holland', 'the Netherlands'],
  MKD: ['North Macedonia', 'Macedonia'],
  SWZ: ['Eswatini', 'Swaziland'],
  CPV: ['Cape Verde'],
  TLS: ['East Timor', 'Timor-Leste'],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  USA: ['American', 'Americans'],
  ARE: ['Emirati', 'Emiratis'],
  GBR: ['British', 'Briton', 'Britons', 'English'],
  ISR: ['Israeli', 'Israelis'],
  PSE: ['Palestinian', 'Palestinians'],
  SAU: ['Saudi', 'Saudis', 'Saudi Arabian'],
  IRN: ['Iranian', 'Iranians', 'Persian'],
  RUS: ['Russian', 'Russians'],
  UKR: ['Ukrainian', 'Ukrainians'],
  CHN: ['Chinese'],
  KOR: ['South Korean', 'South Koreans'],
  PRK: ['North Korean', 'North Koreans'],
  QAT: ['Qatari', 'Qataris'],
  OMN: ['Omani', 'Omanis'],
  YEM: ['Yemeni', 'Yemenis'],
  LBN: ['Lebanese'],
  SYR: ['Syrian', 'Syrians'],
  IRQ: ['Iraqi', 'Iraqis'],
  EGY: ['Egyptian', 'Egyptians'],
  TUR: ['Turkish', 'Turks'],
  JOR: ['Jordanian', 'Jordanians'],
  AFG: ['Afghan', 'Afghans'],
  PAK: ['Pakistani', 'Pakistanis'],
  IND: ['Indian', 'Indians'],
  DEU: ['German', 'Germans'],
  FRA: ['French'],
  JPN: ['Japanese'],
  NLD: ['Dutch'],
  CHE: ['Swiss'],
  KWT: ['Kuwaiti', 'Kuwaitis'],
  BHR: ['Bahraini', 'Bahrainis'],
  SDN: ['Sudanese'],
  LBY: ['Libyan', 'Libyans'],
  PHL: ['Filipino', 'Filipinos', 'Philippine'],
  TWN: ['Taiwanese'],
  VEN: ['Venezuelan', 'Venezuelans'],
  CUB: ['Cuban', 'Cubans'],
  BLR: ['Belarusian', 'Belarusians'],
  POL: ['Polish', 'Poles'],
  ESP: ['Spanish', 'Spaniards'],
  DNK: ['Danish', 'Danes'],
  SWE: ['Swedish', 'Swedes'],
  FIN: ['Finnish', 'Finns'],
  NOR: ['Norwegian', 'Norwegians'],
  IRL: ['Irish'],
  HUN: ['Hungarian', 'Hungarians'],
  KAZ: ['Kazakh'],
  NZL: ['New Zealander'],
};
// A demonym shared by several entries ("American": USA and its territories) belongs to the curated country, or else
// to the largest independent one.
const demonymOwner = new Map<string, string>();
{
  const claim = new Map<string, RawCountry[]>();
  for (const c of countries) {
    const d = c.demonyms?.eng;
    for (const x of new Set([d?.m, d?.f].filter((y): y is string => !!y))) claim.set(x, [...(claim.get(x) ?? []), c]);
  }
  for (const [dem, cs] of claim) {
    if (cs.length < 2) continue;
    const curated = Object.entries(EXTRA_DEMONYMS).find(([, list]) => list.includes(dem))?.[0];
    const best = curated ?? [...cs].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false) || (b.area ?? 0) - (a.area ?? 0))[0].cca3;
    demonymOwner.set(dem, best);
  }
}
// Demonyms that are also ordinary words or names: never aliases on their own.
const BAD_DEMONYMS = new Set(['Guinean', 'Niger', 'Chad', 'Jordan', 'Georgia', 'Man']);

for (const c of countries) {
  const names = [c.name.common, c.name.official, ...(EXTRA_NAMES[c.cca3] ?? [])];
  for (const a of c.altSpellings ?? []) if (a.length > 3 && !/^[A-Z]{2,3}$/.test(a) && !a.includes(',')) names.push(a);
  addItem([{ id: c.cca3, name: c.name.common, code: c.cca3, country: c.cca3, org: null, sector: '', kind: 'country' }], names);
  const dem = c.demonyms?.eng;
  // a two-part country lists both peoples in one string ("Bosnian, Herzegovinian"): each is a demonym of its own
  const parts = [dem?.m, dem?.f].flatMap((x) => (x ? x.split(', ') : []));
  const demonyms = new Set([...parts, ...(EXTRA_DEMONYMS[c.cca3] ?? [])].filter(
    (x): x is string => !!x && !BAD_DEMONYMS.has(x) && (demonymOwner.get(x) ?? c.cca3) === c.cca3,
  ));
  const plural = [...demonyms].filter((d) => /(an|i|ese)$/.test(d) && !/ese$/.test(d)).map((d) => d + 's');
  addItem([{ id: c.cca3, name: c.name.common, code: c.cca3, country: c.cca3, org: null, sector: '', kind: 'demonym' }], [...demonyms, ...plural]);
  const caps = (c.capital ?? []).flatMap((cap) => (cap.endsWith(' D.C.') ? [cap, cap.replace(/ D\.C\.$/, '')] : [cap]));
  if (caps.length) addItem([{ id: c.cca3, name: c.name.common, code: c.cca3, country: c.cca3, org: null, sector: '', kind: 'capital' }], caps);
}

// ---- metonyms (seats of power) ----
const metonyms = readJson<{ entries: { alias: string; country: string; sector: string }[] }>('kb-src/metonyms.json');
for (const m of metonyms.entries) {
  addItem([{ id: `${m.country}${m.sector}`, name: m.alias, code: `${m.country}${m.sector}`, country: m.country, org: null, sector: m.sector, kind: 'metonym' }], [m.alias]);
}

// ---- international organisations: curated, then general_list.yaml (CC BY-SA 4.0) ----
const igos = readJson<{ entries: { org: string; code: string; name: string; aliases: string[]; parent?: string; organ?: boolean }[] }>('kb-src/igos.json');
const igoCode = new Map(igos.entries.map((g) => [g.org, g.code]));
for (const g of igos.entries) {
  addItem([{ id: `IGO:${g.org}`, name: g.name, code: g.code, country: null, org: g.organ && g.parent ? g.parent : g.org, sector: 'IGO', kind: 'igo', ...(g.organ ? { role: g.name } : {}) }], [g.name, ...g.aliases]);
}
{
  const yaml = readFileSync(join(shared, 'data/kb/general_list.yaml'), 'utf8');
  const blocks = yaml.split(/\n(?=\S)/);
  const STOP = new Set(['IS', 'AU', 'ERA', 'ICE', 'NEAFC', 'CAN', 'AIR', 'SEA', 'ONE', 'ACT', 'NET', 'ARC', 'CAB', 'AID', 'EDA', 'OAS', 'PA']);
  for (const b of blocks) {
    const name = /^\s*Name_en:\s*(.+)$/m.exec(b)?.[1]?.trim().replace(/^['"]|['"]$/g, '');
    if (!name) continue;
    const abbr = /^\s*Abbreviation_en:\s*(.+)$/m.exec(b)?.[1]?.trim().replace(/^['"]|['"]$/g, '');
    if (byAlias.has(name) || (abbr && byAlias.has(abbr))) continue;
    const aliases = [name];
    if (abbr && /^[A-Z][A-Za-z0-9&+-]{2,9}$/.test(abbr) && !STOP.has(abbr) && /[A-Z].*[A-Z]/.test(abbr)) aliases.push(abbr);
    const org = abbr && abbr.length <= 12 ? abbr : name;
    addItem([{ id: `IGO:${org}`, name, code: `IGO${slug(org).replace(/-/g, '').toUpperCase().slice(0, 6)}`, country: null, org, sector: 'IGO', kind: 'igo' }], aliases);
  }
}

// ---- groups: militaries, security services, legislatures, armed groups, parties, media ----
type GroupRow = [string | null, string | null, string, string, string[], { start?: string; end?: string; code?: string }?];
const groups = readJson<{ rows: GroupRow[] }>('kb-src/groups.json');
const groupItems = new Map<string, Item>();
for (const [country, org, sector, name, aliases, opt] of groups.rows) {
  const id = org ? `G:${slug(org)}` : `G:${slug(name)}`;
  const e: KbEntry = {
    id, name, code: opt?.code ?? `${country ?? (sector === 'NGO' ? 'NGO' : 'IMG')}${sector}`, country, org, sector, kind: 'group',
    ...(opt?.start ? { start: opt.start } : {}), ...(opt?.end ? { end: opt.end } : {}),
  };
  const it = groupItems.get(id);
  if (it) {
    it.entries.push(e);
    for (const a of aliases) addAlias(it, a);
  } else groupItems.set(id, addItem([e], [name, ...aliases]));
}

// ---- people: curated rows, then REIGN (to March 2021), then UN General Debate foreign ministers and heads ----
type PersonRow = [string, string, string, string, string, string | null, string[]];
// people.json first, then the other kb-src/people-*.json files in name order (heads, ministers, envoys, ...)
const peopleFiles = ['people.json', ...readdirSync('kb-src').filter((f) => /^people-.+\.json$/.test(f)).sort()];
const people = { rows: peopleFiles.flatMap((f) => readJson<{ rows: PersonRow[] }>(join('kb-src', f)).rows) };
const personItems = new Map<string, Item>();
const isoOrOrg = (where: string): { country: string | null; org: string | null } =>
  iso3.has(where) ? { country: where, org: null } : { country: null, org: where };
function personEntry(id: string, name: string, where: string, role: string, sector: string, start: string | null, end: string | null): KbEntry {
  const { country, org } = isoOrOrg(where);
  const code = country ? `${country}${sector}` : groupItems.get(`G:${slug(where)}`)?.entries[0].code ?? igoCode.get(where) ?? `IGO${where.toUpperCase()}`;
  const e: KbEntry = { id, name, code, country: country ?? groupItems.get(`G:${slug(where)}`)?.entries[0].country ?? null, org, sector, kind: 'person', role };
  if (start) e.start = start;
  if (end) e.end = end;
  return e;
}
for (const [where, name, role, sector, start, end, aliases] of people.rows) {
  const id = `P:${slug(name)}`;
  const e = personEntry(id, name, where, role, sector, start, end);
  const it = personItems.get(id);
  if (it) {
    it.entries.push(e);
    for (const a of aliases) addAlias(it, a);
  } else personItems.set(id, addItem([e], [name, ...aliases]));
}
const curatedIds = new Set(personItems.keys());
/** Curated people of a country whose name or an alias ends with this surname, in file order. */
function curatedMatches(country: string, surname: string): Item[] {
  const s = surname.toLowerCase();
  return [...personItems.values()].filter((it) => curatedIds.has(it.entries[0].id) && it.entries.some((e) => e.country === country) &&
    it.aliases.some((a) => a.toLowerCase() === s || a.toLowerCase().endsWith(' ' + s)));
}
/** Curated person of a country whose name or alias ends with this surname (lowercase), if any. */
function curatedBySurname(country: string, surname: string): Item | undefined {
  const s = surname.toLowerCase();
  for (const it of personItems.values()) {
    if (!curatedIds.has(it.entries[0].id) || !it.entries.some((e) => e.country === country)) continue;
    if (it.aliases.some((a) => a.toLowerCase() === s || a.toLowerCase().endsWith(' ' + s))) return it;
  }
  return undefined;
}
// Curated spells per country and office: an approximate UN-list spell of the same office is dropped where a curated
// one covers any of its year, so "who was X's foreign minister on D" has one answer where the office is curated.
const officeOf = (role: string): string => (role === 'secretary of state' ? 'foreign minister' : role);
const curatedOffice = new Map<string, KbEntry[]>();
for (const it of personItems.values()) {
  for (const e of it.entries) {
    if (!e.country || !e.role) continue;
    const k = `${e.country}|${officeOf(e.role)}`;
    curatedOffice.set(k, [...(curatedOffice.get(k) ?? []), e]);
  }
}
const officeCurated = (country: string, role: string, start: string, end: string): boolean =>
  (curatedOffice.get(`${country}|${officeOf(role)}`) ?? []).some((e) => (e.start ?? '0000') < end && start < (e.end ?? '9999'));
/** The curated person found by surname, unless the REIGN name's given name rules it out (Anders Fogh vs Lars Løkke
 *  Rasmussen, Idriss vs Mahamat Déby): REIGN mostly gives bare surnames, and then the surname decides. */
function sameGivenName(it: Item | undefined, leader: string): Item | undefined {
  const words = leader.split(' ');
  if (!it || words.length < 2) return it;
  const given = words[0].replace(/\.$/, '').toLowerCase();
  const ok = it.aliases.some((a) => {
    const first = a.split(' ')[0].toLowerCase();
    return given.length === 1 ? first.startsWith(given) : first === given;
  });
  return ok ? it : undefined;
}
const overlaps = (it: Item, start: string, end: string | null): boolean =>
  it.entries.some((e) => (e.start ?? '0000') < (end ?? '9999') && start < (e.end ?? '9999'));

// REIGN uses Correlates of War state abbreviations; these are the ones that differ from ISO 3166 alpha-3.
const COW: Record<string, string> = {
  AAB: 'ATG', ALG: 'DZA', ANG: 'AGO', AUL: 'AUS', AUS: 'AUT', BAH: 'BHR', BHM: 'BHS', BAR: 'BRB', BFO: 'BFA', BHU: 'BTN',
  BNG: 'BGD', BOS: 'BIH', BOT: 'BWA', BRU: 'BRN', BUI: 'BDI', BUL: 'BGR', CAM: 'KHM', CAO: 'CMR', CAP: 'CPV', CDI: 'CIV',
  CEN: 'CAF', CHA: 'TCD', CON: 'COG', COS: 'CRI', CRO: 'HRV', CZR: 'CZE', DEN: 'DNK', DRC: 'COD', EQG: 'GNQ', ETM: 'TLS',
  FIJ: 'FJI', FRN: 'FRA', GAM: 'GMB', GFR: 'DEU', GMY: 'DEU', GRG: 'GEO', GRN: 'GRD', GUA: 'GTM', GUI: 'GIN', HAI: 'HTI',
  HON: 'HND', ICE: 'ISL', INS: 'IDN', IRE: 'IRL', KOS: 'UNK', KUW: 'KWT', KYR: 'KGZ', KZK: 'KAZ', LAT: 'LVA', LEB: 'LBN',
  LES: 'LSO', LIB: 'LBY', LIT: 'LTU', MAA: 'MRT', MAC: 'MKD', MAD: 'MDV', MAG: 'MDG', MAL: 'MYS', MAS: 'MUS', MAW: 'MWI',
  MLD: 'MDA', MNC: 'MCO', MNG: 'MNE', MON: 'MNG', MOR: 'MAR', MSI: 'MHL', MYA: 'MMR', MZM: 'MOZ', NEP: 'NPL', NEW: 'NZL',
  NIG: 'NGA', NIR: 'NER', NTH: 'NLD', OMA: 'OMN', PAL: 'PLW', PAR: 'PRY', PHI: 'PHL', POR: 'PRT', ROK: 'KOR', ROM: 'ROU',
  SAF: 'ZAF', SAL: 'SLV', SEY: 'SYC', SIE: 'SLE', SIN: 'SGP', SKN: 'KNA', SLO: 'SVK', SLV: 'SVN', SNM: 'SMR', SOL: 'SLB',
  SPN: 'ESP', SRI: 'LKA', SUD: 'SDN', SVG: 'VCT', SWA: 'SWZ', SWD: 'SWE', SWZ: 'CHE', TAJ: 'TJK', TAZ: 'TZA', THI: 'THA',
  TOG: 'TGO', TRI: 'TTO', UAE: 'ARE', UKG: 'GBR', URU: 'URY', VAN: 'VUT', YAR: 'YEM', YEM: 'YEM', YUG: 'SRB', ZAM: 'ZMB',
  ZIM: 'ZWE', DRV: 'VNM', RVN: 'VNM', DMA: 'DMA', STP: 'STP', TKM: 'TKM', TUR: 'TUR', TUV: 'TUV', UGA: 'UGA', UKR: 'UKR',
  KIR: 'KIR', FSM: 'FSM', NAU: 'NRU', MLI: 'MLI', MLT: 'MLT', SWAZ: 'SWZ',
};
// REIGN names that are misspelt or name a different ruler than the one in office, so they merge with the curated person.
const REIGN_NAMES: Record<string, string> = {
  'AZE|Ilhma Aliyev': 'Ilham Aliyev',
  'SDN|Abdelrahman Burhan': 'Abdel Fattah al-Burhan',
  'QAT|Khalifah Al Thani': 'Tamim bin Hamad Al Thani',
  'QAT|Amad Al Thani': 'Hamad bin Khalifa Al Thani',
  'MAR|Muhammad VI': 'Mohammed VI',
  'KWT|Jabir Ahmad Al Sabah': 'Sabah al-Ahmad al-Jaber al-Sabah',
  'KWT|Nawaf Al-Sabah': 'Nawaf al-Ahmad al-Jaber al-Sabah',
  'DNK|Lokke Rasmussen': 'Lars Lokke Rasmussen',
  'JOR|Abdullah Ibn Hussein El-Hashimi': 'Abdullah II',
  'BHR|Hamad Isa Ibn Al-Khalifah': 'Hamad bin Isa Al Khalifa',
  'ARE|Khalifa Al Nahayan': 'Khalifa bin Zayed',
  'OMN|Haitham ibn Tariq': 'Haitham bin Tariq',
  // REIGN's bare "Houthi" (2015 on) is Mohammed Ali al-Houthi; as an alias it would turn "Houthi" into a person, not the movement
  'YEM|Houthi': 'Mohammed Ali al-Houthi',
};
const pad = (n: string): string => n.padStart(2, '0');
/** One CSV line to cells (quoted cells may hold commas). */
function csvRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '', q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) { cells.push(cur); cur = ''; }
    else cur += ch;
  }
  cells.push(cur);
  return cells;
}
{
  const lines = readFileSync(join(shared, 'data/kb/leaderlist_3_21.csv'), 'utf8').split(/\r?\n/).slice(1);
  // all spells of one REIGN leader (same leadid) go to one person
  const leaders = new Map<string, { country: string; leader: string; names: string[]; spells: [string, string | null][] }>();
  for (const line of lines) {
    const f = csvRow(line);
    if (f.length < 9 || !f[3] || !/^\d{4}$/.test(f[6])) continue;
    const country = COW[f[0]] ?? f[0];
    if (!iso3.has(country)) continue;
    // "Duvalier, Francois" → "Francois Duvalier"
    const raw = f[3].trim().replace(/^([^,]+),\s*(.+?)-?$/, '$2 $1');
    const leader = REIGN_NAMES[`${country}|${raw}`] ?? raw;
    const start = `${f[6]}-${pad(f[5] || '1')}-${pad(f[4] || '1')}`;
    // REIGN gives only the month a spell ended: it counts as valid to the end of that month
    const endMonth = +(f[7] || '12');
    const end = f[8] ? (endMonth === 12 ? `${+f[8] + 1}-01-01` : `${f[8]}-${pad(String(endMonth + 1))}-01`) : null;
    // REIGN's leadid changes between a leader's terms; country, surname and birth year pick out one person
    const last = leader.split(' ').pop()!.toLowerCase();
    const key = /^\d{4}$/.test(f[9] ?? '') ? `${country}|${last}|${f[9]}` : `${country}|${f[2] || leader}`;
    const l = leaders.get(key);
    if (l) { l.spells.push([start, end]); if (!l.names.includes(leader)) l.names.push(leader); }
    else leaders.set(key, { country, leader, names: [leader], spells: [[start, end]] });
  }
  for (const { country, leader, names, spells } of leaders.values()) {
    // A REIGN leader is a curated person when a full name agrees, or when the surname (and given name, if REIGN has
    // one) agrees and they were in office at the same time: REIGN's "Salam" of 2014 is Tammam, not Nawaf Salam.
    const surname = leader.split(' ').pop() ?? leader;
    const full = names.map((n) => (n.includes(' ') ? curatedBySurname(country, n) : undefined)).find((x) => x);
    const bySurname = curatedMatches(country, surname).filter((it) => sameGivenName(it, leader) &&
      spells.some(([s, e]) => overlaps(it, s, e ?? '2021-03-31')));
    const cur = full ?? bySurname[0];
    if (cur) {
      // curated spells are more precise; REIGN only fills gaps (and its surname form is a useful alias)
      for (const n of names) addAlias(cur, n);
      for (const [start, end] of spells) {
        if (!overlaps(cur, start, end ?? '2021-03-31')) cur.entries.push(personEntry(cur.entries[0].id, cur.entries[0].name, country, 'leader', 'GOV', start, end));
      }
      continue;
    }
    const id = `P:${slug(leader)}-${country.toLowerCase()}`;
    const es = spells.map(([start, end]) => personEntry(id, leader, country, 'leader', 'GOV', start, end));
    const it = personItems.get(id);
    if (it) it.entries.push(...es);
    else personItems.set(id, addItem(es, names));
  }
}
{
  // The UN General Debate speakers list gives, per country and year, who spoke and their post. Foreign ministers
  // and heads of state or government from 2015 on become year-long spells, merged across consecutive years.
  const text = readFileSync(join(shared, 'data/kb/un_general_debate_speakers.csv'), 'utf8');
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const cells = csvRow(line);
    if (cells.length >= 6) rows.push(cells);
  }
  const TITLES = /^(?:(?:Mr|Mrs|Ms|Dr|H\.E|HE|Sir|Sheikh|Shaikh|Sayyid|Sayy id|Prince|King|Amir|Emir|Sultan|General|Gen|Lt|Col|Prof|His Excellency|Her Excellency|His Majesty|His Highness|Her Majesty|Dato|Datuk|Tan Sri|Dato'|Seri)\.?\s+)+/i;
  const runs = new Map<string, { country: string; name: string; role: string; sector: string; years: number[] }>();
  for (const [year, , code, , rawName, post] of rows) {
    const y = +year;
    if (y < 2015 || !iso3.has(code.trim())) continue;
    const p = post.trim().toLowerCase();
    let role: string | undefined;
    if (/foreign/.test(p) && /minister|secretary/.test(p) && !/deputy|vice|state for/.test(p)) role = 'foreign minister';
    else if (/^(prime minister|head of government|president of the council of ministers|chancellor)$/.test(p)) role = 'prime minister';
    else if (/^(president|king|amir|emir|sultan|head of state)$/.test(p)) role = p === 'amir' ? 'emir' : p;
    if (!role) continue;
    const name = rawName.replace(TITLES, '').replace(/\s+/g, ' ').trim();
    if (name.split(' ').length < 2) continue;
    const country = code.trim();
    const surname = name.split(' ').pop()!.toLowerCase();
    const key = `${country}|${role}|${surname}`;
    const r = runs.get(key);
    if (r) { r.years.push(y); if (y >= Math.max(...r.years)) r.name = name; }
    else runs.set(key, { country, name, role, sector: 'GOV', years: [y] });
  }
  for (const r of [...runs.values()].sort((a, b) => (a.country + a.name < b.country + b.name ? -1 : 1))) {
    const years = [...new Set(r.years)].sort();
    const surname = r.name.split(' ').pop()!;
    const cur = sameGivenName(curatedBySurname(r.country, surname), r.name);
    // split into runs of consecutive years (a gap of one missed debate is tolerated)
    const spells: [number, number][] = [];
    for (const y of years) {
      const last = spells[spells.length - 1];
      if (last && y - last[1] <= 2) last[1] = y;
      else spells.push([y, y]);
    }
    for (const [a, b] of spells) {
      const start = `${a}-01-01`, end = `${b + 1}-01-01`;
      if (officeCurated(r.country, r.role, start, end)) continue;
      if (cur) {
        if (!overlaps(cur, start, end)) cur.entries.push(personEntry(cur.entries[0].id, cur.entries[0].name, r.country, r.role, r.sector, start, end));
        continue;
      }
      const id = `P:${slug(r.name)}`;
      const e = personEntry(id, r.name, r.country, r.role, r.sector, start, end);
      const it = personItems.get(id);
      if (it) it.entries.push(e);
      else personItems.set(id, addItem([e], [r.name]));
    }
  }
}

// ---- role nouns: curated, then PLOVER agents (MIT) ----
const roles = readJson<{ persons: Record<string, [string, string]>; groups: Record<string, [string, string]>; modifiers: string[] }>('kb-src/roles.json');
const nouns = new Map<string, KbFile['nouns'][number]>();
for (const [p, [role, sector]] of Object.entries(roles.persons)) {
  nouns.set(p, [p, role, sector, 1]);
  const pl = pluralOf(p);
  if (!nouns.has(pl) && !roles.groups[pl]) nouns.set(pl, [pl, role, sector, 0]);
}
for (const [p, [role, sector]] of Object.entries(roles.groups)) if (!nouns.has(p)) nouns.set(p, [p, role, sector, 0]);
for (const a of parsePetrarchAgents(readFileSync(join(shared, 'data/eventdata/ngec/PLOVER_agents.txt'), 'utf8'))) {
  const p = a.phrase.toLowerCase();
  if (a.position !== 'suffix' || p.split(' ').length > 4 || /[^a-z .'-]/.test(p)) continue;
  // PLOVER's journalist, unaffiliated-armed and junk codes fold into Parley's sectors (or are dropped)
  const raw = a.code.slice(0, 3);
  if (raw === 'JNK' || raw === 'NON') continue;
  const sector = raw === 'JRN' ? 'MED' : raw === 'UAF' ? 'REB' : raw;
  if (!nouns.has(p)) nouns.set(p, [p, p, sector, 1]);
  for (const pl of a.plurals.length ? a.plurals : [pluralOf(a.phrase)]) {
    const q = pl.toLowerCase();
    if (!nouns.has(q)) nouns.set(q, [q, p, sector, 0]);
  }
}

// ---- write ----
const entries: KbRow[] = [];
for (const it of items) {
  it.entries.forEach((e, j) => entries.push(entryToRow(e, j === 0 ? it.aliases : [])));
}
const file: KbFile = {
  version: 2,
  built: 'scripts/build-kb.ts',
  sources: [
    'REST Countries countries.json (ODbL 1.0)',
    'supraverden general_list.yaml (CC BY-SA 4.0)',
    'REIGN leaderlist_3_21.csv (Bell, Besaw and Frank, OEF Research)',
    'UN General Debate speakers (CC0)',
    'PLOVER_agents.txt (MIT, Parus Analytics / NGEC)',
    'kb-src/*.json curated facts',
  ],
  entries,
  nouns: [...nouns.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  modifiers: roles.modifiers,
};
mkdirSync('data/kb', { recursive: true });
// one entry a line: compact, yet diffs stay readable
const body = [
  `{"version":2,"built":${JSON.stringify(file.built)},"sources":${JSON.stringify(file.sources)},`,
  `"modifiers":${JSON.stringify(file.modifiers)},`,
  `"nouns":[\n${file.nouns.map((n) => JSON.stringify(n)).join(',\n')}],`,
  `"entries":[\n${file.entries.map((r) => JSON.stringify(r)).join(',\n')}]}\n`,
].join('\n');
writeFileSync('data/kb/actors.json', body);
const distinct = (kind: string): number => new Set(entries.filter((r) => r[6] === kind).map((r) => r[0])).size;
console.error(
  `wrote data/kb/actors.json: ${entries.length} rows; countries ${distinct('country')}, igos ${distinct('igo')}, groups ${distinct('group')}, ` +
  `people ${distinct('person')}, metonyms ${distinct('metonym')}, nouns ${file.nouns.length}; ${countryName.size} country names`,
);

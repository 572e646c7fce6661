// Checks the curated office-holders (kb-src/people*.json) and the shipped KB built from them: coverage of foreign and
// defence ministers, spokespeople and UN ambassadors, one holder per single-holder office, valid dates, and who holds
// an office on a given day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../pipeline/extract.js';
import { loadResources, PACKAGE_ROOT } from '../resources/load.js';
import { mentionCharEnd } from './resolve.js';
import { validOn } from './kb.js';

const resources = loadResources();
const { kb } = resources;

type Row = [string, string, string, string, string, string | null, string[]];
const srcDir = join(PACKAGE_ROOT, 'kb-src');
const files = readdirSync(srcDir).filter((f) => /^people(-.+)?\.json$/.test(f)).sort();
const rows: { file: string; row: Row }[] = files.flatMap((file) =>
  (JSON.parse(readFileSync(join(srcDir, file), 'utf8')) as { rows: Row[] }).rows.map((row) => ({ file, row })));

/** The countries whose foreign and defence ministers are curated for 2015–2026 (docs/kb.md lists them). */
const MINISTER_COUNTRIES = [
  // G20 members
  'ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'DEU', 'FRA', 'GBR', 'IDN', 'IND', 'ITA', 'JPN', 'KOR', 'MEX', 'RUS', 'SAU', 'TUR', 'USA', 'ZAF',
  // Middle East and North Africa
  'ARE', 'DZA', 'EGY', 'IRN', 'IRQ', 'ISR', 'JOR', 'LBN', 'MAR', 'OMN', 'QAT', 'SYR', 'KWT', 'BHR', 'YEM', 'LBY', 'SDN', 'TUN',
  // Russia's and Ukraine's neighbours and the rest of Europe
  'UKR', 'BLR', 'POL', 'LTU', 'LVA', 'EST', 'FIN', 'NOR', 'SWE', 'DNK', 'ROU', 'HUN', 'CZE', 'AUT', 'BEL', 'NLD', 'ESP',
  'PRT', 'CHE', 'GRC', 'SRB', 'GEO', 'ARM', 'AZE', 'SVK', 'MDA', 'KAZ', 'PRK',
  // Central and South Asia
  'AFG', 'UZB', 'TJK',
  // South and South-East Asia, Pacific
  'PAK', 'PHL', 'SGP', 'MYS', 'NZL',
];
const CHECK_DATES = ['2016-06-01', '2020-06-01', '2025-06-01'];
/** Days on which an office was really vacant (no acting holder is recorded): country|office|date. */
const VACANT = new Set([
  'IRQ|foreign minister|2020-06-01', // al-Kadhimi's cabinet had no foreign minister from 7 May to 6 June 2020
  'YEM|defence minister|2016-06-01', // left vacant while Mahmoud al-Subaihi was held by the Houthis (March 2015 - November 2018)
  'LBY|defence minister|2020-06-01', // the GNA had no minister from al-Barghathi's suspension (May 2017) to al-Namroush (August 2020)
]);
/** Holders suspended from office while an acting holder served (overlaps with an "acting" spell are allowed). */
const SUSPENDED = new Set(['KOR|Yoon Suk Yeol']); // impeached 2024-12-14, removed 2025-04-04
const SINGLE = new Set(['foreign minister', 'defence minister', 'president', 'prime minister', 'chancellor', 'king', 'queen', 'emir', 'sultan', 'premier', 'supreme leader',
  'ambassador to the UN', 'government spokesperson', 'national security adviser']);

test('at least 60 countries have their foreign and defence ministers curated', () => {
  assert.ok(new Set(MINISTER_COUNTRIES).size >= 60, `${new Set(MINISTER_COUNTRIES).size} countries`);
});

for (const office of ['foreign minister', 'defence minister']) {
  for (const date of CHECK_DATES) {
    test(`exactly one ${office} of each listed country on ${date}`, () => {
      const bad: string[] = [];
      for (const c of MINISTER_COUNTRIES) {
        const people = new Set(kb.holders(c, office, date).map((e) => e.name));
        const vacant = VACANT.has(`${c}|${office}|${date}`);
        if (vacant ? people.size !== 0 : people.size !== 1) bad.push(`${c}: ${[...people].join(', ') || 'none'}`);
      }
      assert.deepEqual(bad, []);
    });
  }
}

test('curated rows have a known place, a sector, calendar dates and start < end', () => {
  const bad: string[] = [];
  const day = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  for (const { file, row: [where, name, role, sector, start, end, aliases] } of rows) {
    const at = `${file}: ${name} (${role}, ${start})`;
    if (!day(start)) bad.push(`${at}: start`);
    if (end !== null && (!day(end) || end <= start)) bad.push(`${at}: end ${end}`);
    if (!/^[A-Z]{3}$/.test(sector)) bad.push(`${at}: sector ${sector}`);
    if (!Array.isArray(aliases)) bad.push(`${at}: aliases`);
    if (!kb.spells(`P:${slugOf(name)}`).some((e) => e.country === where || e.org === where)) bad.push(`${at}: no KB spell in ${where}`);
  }
  assert.deepEqual(bad, []);
});

test('no two people hold a single-holder office of one country at the same time', () => {
  const byOffice = new Map<string, Row[]>();
  for (const { row } of rows) {
    const office = kb.office(row[2]);
    if (!SINGLE.has(office)) continue;
    const k = `${row[0]}|${office}`;
    byOffice.set(k, [...(byOffice.get(k) ?? []), row]);
  }
  const bad: string[] = [];
  for (const [k, list] of byOffice) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const suspended = (x: Row, y: Row): boolean => x[2].startsWith('acting ') && SUSPENDED.has(`${y[0]}|${y[1]}`);
        if (suspended(a, b) || suspended(b, a)) continue;
        if (a[4] < (b[5] ?? '9999') && b[4] < (a[5] ?? '9999')) bad.push(`${k}: ${a[1]} ${a[4]}–${a[5]} and ${b[1]} ${b[4]}–${b[5]}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('a REIGN leader still in office in March 2021 has no curated successor (their spell was closed when one was added)', () => {
  const HEADS = new Set([...SINGLE].filter((o) => o !== 'foreign minister' && o !== 'defence minister'));
  const bad: string[] = [];
  for (const e of kb.entries) {
    // REIGN spells are the only ones with the role "leader" and no organisation; open ones run past March 2021
    if (e.kind !== 'person' || e.role !== 'leader' || e.org || e.end || !e.country || !e.start) continue;
    const later = rows.filter(({ row }) => row[0] === e.country && row[1] !== e.name && HEADS.has(kb.office(row[2])) && row[4] > e.start!);
    if (later.length) bad.push(`${e.country}: ${e.name} (REIGN, from ${e.start}) still open after ${later[0].row[1]} (${later[0].row[4]})`);
  }
  assert.deepEqual(bad, []);
});

/** Spokesperson offices (foreign ministry, government, presidency, military): a country "has a spokesperson" on a day
 *  when one of them is held. China and the US have several at once; that still counts once. */
const SPOKES = new Set(['spokesperson', 'government spokesperson', 'presidential spokesperson', 'military spokesperson', 'international spokesperson', 'chief cabinet secretary']);
/** Distinct countries (not organisations) with a holder of one of these offices on a day. */
function countriesHolding(offices: ReadonlySet<string>, date: string): string[] {
  const out = new Set<string>();
  for (const e of kb.entries) {
    if (e.kind === 'person' && e.country && !e.org && e.role && offices.has(kb.office(e.role)) && validOn(e, date)) out.add(e.country);
  }
  return [...out].sort();
}
// floors: what the curated rows reach today (docs/kb.md has the table); a change that drops below one lost rows
const coverageCases: { what: string; offices: ReadonlySet<string>; date: string; floor: number }[] = [
  { what: 'a spokesperson', offices: SPOKES, date: '2016-06-01', floor: 14 },
  { what: 'a spokesperson', offices: SPOKES, date: '2020-06-01', floor: 25 },
  { what: 'a spokesperson', offices: SPOKES, date: '2025-06-01', floor: 23 },
  { what: 'a UN ambassador', offices: new Set(['ambassador to the UN']), date: '2020-06-01', floor: 18 },
  { what: 'a UN ambassador', offices: new Set(['ambassador to the UN']), date: '2025-06-01', floor: 22 },
];
for (const c of coverageCases) {
  test(`at least ${c.floor} countries have ${c.what} on ${c.date}`, () => {
    const got = countriesHolding(c.offices, c.date);
    assert.ok(got.length >= c.floor, `${got.length}: ${got.join(' ')}`);
  });
}

interface HolderCase { where: string; office: string; date: string; want: string }
const holderCases: HolderCase[] = [
  { where: 'IRN', office: 'foreign minister', date: '2025-06-14', want: 'Abbas Araghchi' },
  { where: 'IRN', office: 'foreign minister', date: '2019-06-01', want: 'Mohammad Javad Zarif' },
  { where: 'IRN', office: 'foreign minister', date: '2024-06-01', want: 'Ali Bagheri Kani' },
  { where: 'USA', office: 'foreign minister', date: '2018-06-01', want: 'Mike Pompeo' },
  { where: 'USA', office: 'defence minister', date: '2016-06-01', want: 'Ash Carter' },
  { where: 'USA', office: 'secretary of defense', date: '2019-03-01', want: 'Patrick Shanahan' },
  { where: 'ISR', office: 'defence minister', date: '2017-06-01', want: 'Avigdor Lieberman' },
  { where: 'ISR', office: 'foreign minister', date: '2017-06-01', want: 'Benjamin Netanyahu' },
  { where: 'DEU', office: 'foreign minister', date: '2017-06-01', want: 'Sigmar Gabriel' },
  { where: 'GBR', office: 'defence minister', date: '2018-06-01', want: 'Gavin Williamson' },
  { where: 'SAU', office: 'defence minister', date: '2019-06-01', want: 'Mohammed bin Salman' },
  { where: 'JOR', office: 'defence minister', date: '2022-06-01', want: 'Bisher Khasawneh' },
  { where: 'AUT', office: 'chancellor', date: '2023-06-01', want: 'Karl Nehammer' },
  { where: 'EU', office: 'high representative for foreign affairs', date: '2017-06-01', want: 'Federica Mogherini' },
  { where: 'OPEC', office: 'secretary general', date: '2019-06-01', want: 'Mohammad Barkindo' },
  { where: 'UN', office: 'secretary-general', date: '2016-06-01', want: 'Ban Ki-moon' },
  // spokespeople and envoys: offices are compared through the role nouns ("U.N. ambassador", "acting" dropped)
  { where: 'PAK', office: 'foreign ministry spokesperson', date: '2023-06-01', want: 'Mumtaz Zahra Baloch' },
  { where: 'IRN', office: 'spokesman', date: '2017-06-01', want: 'Bahram Qasemi' },
  { where: 'EGY', office: 'spokesperson', date: '2020-06-01', want: 'Ahmed Hafez' },
  { where: 'EGY', office: 'spokesperson', date: '2016-06-01', want: 'Ahmed Abu Zeid' },
  { where: 'FRA', office: 'government spokesman', date: '2021-06-01', want: 'Gabriel Attal' },
  { where: 'FRA', office: 'U.N. ambassador', date: '2022-06-01', want: 'Nicolas de Riviere' },
  { where: 'FRA', office: 'ambassador to the United Nations', date: '2025-06-01', want: 'Jerome Bonnafont' },
  { where: 'USA', office: 'ambassador to the UN', date: '2019-06-01', want: 'Jonathan Cohen' },
  { where: 'UKR', office: 'ambassador to the UN', date: '2022-06-01', want: 'Sergiy Kyslytsya' },
  { where: 'SYR', office: 'ambassador to the UN', date: '2025-10-01', want: 'Ibrahim Olabi' },
  { where: 'ARE', office: 'UN ambassador', date: '2024-06-01', want: 'Mohamed Abushahab' },
  { where: 'KOR', office: 'national security adviser', date: '2021-06-01', want: 'Suh Hoon' },
  { where: 'CHN', office: 'special envoy for the Middle East', date: '2024-06-01', want: 'Zhai Jun' },
  { where: 'PAK', office: 'military spokesman', date: '2021-06-01', want: 'Babar Iftikhar' },
  { where: 'KWT', office: 'foreign minister', date: '2025-06-14', want: 'Abdullah al-Yahya' },
  { where: 'KWT', office: 'foreign minister', date: '2018-06-01', want: 'Sabah al-Khalid al-Hamad al-Sabah' },
  { where: 'KWT', office: 'defence minister', date: '2019-12-01', want: 'Sabah al-Khalid al-Hamad al-Sabah' },
  { where: 'BHR', office: 'defence minister', date: '2017-06-01', want: 'Yusuf al-Jalahma' },
  { where: 'YEM', office: 'foreign minister', date: '2017-06-01', want: 'Abdulmalik al-Mekhlafi' },
  { where: 'Houthis', office: 'foreign minister', date: '2020-06-01', want: 'Hisham Sharaf' },
  { where: 'LBY', office: 'foreign minister', date: '2022-06-01', want: 'Najla Mangoush' },
  { where: 'Eastern Libyan government', office: 'prime minister', date: '2024-06-01', want: 'Osama Hammad' },
  { where: 'SDN', office: 'foreign minister', date: '2021-06-01', want: 'Mariam al-Sadiq al-Mahdi' },
  { where: 'SDN', office: 'defence minister', date: '2025-07-01', want: 'Hassan Kabroun' },
  { where: 'TUN', office: 'foreign minister', date: '2023-06-01', want: 'Nabil Ammar' },
  { where: 'NLD', office: 'foreign minister', date: '2025-10-01', want: 'David van Weel' },
  { where: 'NLD', office: 'defence minister', date: '2026-03-01', want: 'Dilan Yesilgoz' },
  { where: 'CZE', office: 'foreign minister', date: '2026-01-10', want: 'Petr Macinka' },
  { where: 'SVK', office: 'defence minister', date: '2024-06-01', want: 'Robert Kalinak' },
  { where: 'MDA', office: 'foreign minister', date: '2020-12-01', want: 'Aureliu Ciocoi' },
  { where: 'KAZ', office: 'defence minister', date: '2025-07-01', want: 'Dauren Kosanov' },
  { where: 'PRK', office: 'defence minister', date: '2023-06-01', want: 'Kang Sun-nam' },
  { where: 'PRK', office: 'foreign minister', date: '2018-06-01', want: 'Ri Yong-ho' },
  { where: 'AFG', office: 'defence minister', date: '2019-06-01', want: 'Asadullah Khalid' },
  { where: 'AFG', office: 'defence minister', date: '2023-06-01', want: 'Mohammad Yaqoob' },
  { where: 'UZB', office: 'defence minister', date: '2025-06-01', want: 'Shukhrat Khalmukhamedov' },
  { where: 'TJK', office: 'defence minister', date: '2024-06-01', want: 'Sherali Mirzo' },
  { where: 'KGZ', office: 'foreign minister', date: '2021-06-01', want: 'Ruslan Kazakbaev' },
];

test('offices documented as vacant have no holder (Moldova\'s defence ministry, December 2016 - October 2017)', () => {
  assert.deepEqual(kb.holders('MDA', 'defence minister', '2017-06-01').map((e) => e.name), []);
  assert.deepEqual(kb.holders('MDA', 'defence minister', '2017-11-01').map((e) => e.name), ['Eugen Sturza']);
});
for (const c of holderCases) {
  test(`holder: ${c.where} ${c.office} on ${c.date} is ${c.want}`, () => {
    assert.deepEqual([...new Set(kb.holders(c.where, c.office, c.date).map((e) => e.name))], [c.want]);
  });
}

interface ResolveCase { text: string; date: string; mention: string; want: { id?: string; country?: string | null; org?: string | null; sector: string; role?: string } }
const resolveCases: ResolveCase[] = [
  { text: 'Iranian Foreign Minister Abbas Araghchi said talks would go on.', date: '2025-06-14', mention: 'Abbas Araghchi', want: { id: 'P:abbas-araghchi', country: 'IRN', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Iranian Foreign Minister Javad Zarif said talks would go on.', date: '2019-06-01', mention: 'Javad Zarif', want: { id: 'P:mohammad-javad-zarif', country: 'IRN', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Javad Zarif said talks would go on.', date: '2025-06-14', mention: 'Javad Zarif', want: { id: 'P:mohammad-javad-zarif', country: 'IRN', sector: 'ELI' } },
  { text: 'Abbas Araqchi said talks would go on.', date: '2025-06-14', mention: 'Abbas Araqchi', want: { id: 'P:abbas-araghchi', sector: 'GOV' } },
  { text: 'Defense Secretary Ash Carter visited the base.', date: '2016-06-01', mention: 'Ash Carter', want: { country: 'USA', sector: 'MIL' } },
  { text: 'Avigdor Lieberman ordered the strikes.', date: '2017-06-01', mention: 'Avigdor Lieberman', want: { country: 'ISR', sector: 'MIL', role: 'defence minister' } },
  { text: 'Sigmar Gabriel met his Russian counterpart.', date: '2017-06-01', mention: 'Sigmar Gabriel', want: { country: 'DEU', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Federica Mogherini said the deal was working.', date: '2017-06-01', mention: 'Federica Mogherini', want: { org: 'EU', sector: 'IGO' } },
  { text: 'Karl Nehammer met Vladimir Putin in Moscow.', date: '2022-04-11', mention: 'Karl Nehammer', want: { country: 'AUT', sector: 'GOV', role: 'chancellor' } },
  { text: 'Sebastian Kurz criticised the government.', date: '2023-06-01', mention: 'Sebastian Kurz', want: { country: 'AUT', sector: 'ELI' } },
  { text: 'Mohammad Barkindo said OPEC would keep output steady.', date: '2019-06-01', mention: 'Mohammad Barkindo', want: { org: 'OPEC', sector: 'IGO' } },
  { text: 'Lee Jae-myung took office on Wednesday.', date: '2025-06-05', mention: 'Lee Jae-myung', want: { country: 'KOR', sector: 'GOV', role: 'president' } },
  { text: 'Mette Frederiksen spoke in parliament.', date: '2020-06-01', mention: 'Mette Frederiksen', want: { country: 'DNK', sector: 'GOV' } },
  // anonymous spokespeople and envoys: the country and its sector
  { text: 'The Chinese foreign ministry spokesman said Beijing opposed the move.', date: '2020-06-01', mention: 'Chinese', want: { country: 'CHN', sector: 'GOV' } },
  { text: "Saudi Arabia's U.N. ambassador told the council the kingdom wanted calm.", date: '2022-06-01', mention: 'Saudi Arabia', want: { country: 'SAU', sector: 'GOV' } },
  { text: 'A spokesperson for the Iraqi government said the talks would resume.', date: '2022-06-01', mention: 'Iraqi', want: { country: 'IRQ', sector: 'GOV' } },
  { text: 'A Houthi military spokesman said the group fired missiles.', date: '2020-06-01', mention: 'Houthi', want: { org: 'Houthis', sector: 'REB' } },
  // named spokespeople and envoys: country, sector and role on the article's date
  { text: 'Hami Aksoy said Ankara rejected the statement.', date: '2020-06-01', mention: 'Hami Aksoy', want: { id: 'P:hami-aksoy', country: 'TUR', sector: 'GOV', role: 'spokesperson' } },
  { text: 'Mumtaz Zahra Baloch told reporters Pakistan wanted calm.', date: '2023-06-01', mention: 'Mumtaz Zahra Baloch', want: { country: 'PAK', sector: 'GOV', role: 'spokesperson' } },
  { text: 'Nicolas de Riviere told the Security Council France was ready.', date: '2020-06-01', mention: 'Nicolas de Riviere', want: { country: 'FRA', sector: 'GOV', role: 'ambassador to the UN' } },
  { text: 'Ronen Manelis said the army had struck the tunnel.', date: '2018-06-01', mention: 'Ronen Manelis', want: { country: 'ISR', sector: 'MIL', role: 'military spokesperson' } },
  { text: 'Abu Obeida said the fighters had hit a tank.', date: '2024-06-01', mention: 'Abu Obeida', want: { org: 'Hamas', sector: 'REB', role: 'military spokesperson' } },
  { text: 'Kim Song told the council Pyongyang would respond.', date: '2024-06-01', mention: 'Kim Song', want: { id: 'P:kim-song', country: 'PRK', sector: 'GOV', role: 'ambassador to the UN' } },
  { text: 'Vikas Swarup said the talks went well.', date: '2019-06-01', mention: 'Vikas Swarup', want: { country: 'IND', sector: 'ELI' } },
  { text: 'Iraqi government spokesman Basim al-Awadi said the talks would resume.', date: '2024-06-01', mention: 'Basim al-Awadi', want: { country: 'IRQ', sector: 'GOV', role: 'government spokesperson' } },
  { text: 'Kuwaiti Foreign Minister Abdullah al-Yahya met his Iranian counterpart.', date: '2025-06-14', mention: 'Abdullah al-Yahya', want: { id: 'P:abdullah-al-yahya', country: 'KWT', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Hisham Sharaf said the blockade must end.', date: '2020-06-01', mention: 'Hisham Sharaf', want: { country: 'YEM', org: 'Houthis', sector: 'REB', role: 'foreign minister' } },
  { text: 'Osama Hammad said the oil fields would stay closed.', date: '2024-08-20', mention: 'Osama Hammad', want: { country: 'LBY', org: 'Eastern Libyan government', sector: 'GOV', role: 'prime minister' } },
  { text: 'Najla Mangoush met Italian officials in Rome.', date: '2022-06-01', mention: 'Najla Mangoush', want: { country: 'LBY', org: null, sector: 'GOV', role: 'foreign minister' } },
  { text: 'Ibrahim Ghandour said Sudan would cooperate.', date: '2016-06-01', mention: 'Ibrahim Ghandour', want: { country: 'SDN', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Awad Ibn Auf inspected the troops.', date: '2017-06-01', mention: 'Awad Ibn Auf', want: { country: 'SDN', sector: 'MIL', role: 'defence minister' } },
  { text: 'Khemaies Jhinaoui said the talks had been useful.', date: '2021-06-01', mention: 'Khemaies Jhinaoui', want: { country: 'TUN', sector: 'ELI' } },
  { text: 'Tom Berendsen visited Kyiv.', date: '2026-03-01', mention: 'Tom Berendsen', want: { country: 'NLD', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Slovak Foreign Minister Ivan Korčok met his Hungarian counterpart.', date: '2021-06-01', mention: 'Ivan Korčok', want: { id: 'P:ivan-korcok', country: 'SVK', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Kazakh Foreign Minister Murat Nurtleu arrived in Beijing.', date: '2024-06-01', mention: 'Murat Nurtleu', want: { country: 'KAZ', sector: 'GOV', role: 'foreign minister' } },
  { text: 'Ri Son Gwon criticised the joint drills.', date: '2021-06-01', mention: 'Ri Son Gwon', want: { id: 'P:ri-son-gwon', country: 'PRK', sector: 'GOV' } },
];
for (const c of resolveCases) {
  test(`resolves "${c.mention}" on ${c.date}`, () => {
    const { doc, ctx } = analyze(c.text, resources, c.date);
    const m = ctx.mentions.find((x) => doc.text.slice(doc.start[x.start], mentionCharEnd(doc, x.start, x.end)) === c.mention);
    assert.ok(m?.actor, `no actor for "${c.mention}"`);
    for (const [k, v] of Object.entries(c.want)) assert.equal((m.actor as unknown as Record<string, unknown>)[k], v, `${k} of "${c.mention}"`);
  });
}

function slugOf(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

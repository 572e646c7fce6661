import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/extract.js';
import { knowledgeBaseOf, loadResources } from '../resources/load.js';
import { parseDictionary } from './petrarch.js';
import { mentionCharEnd, resolveMentions } from './resolve.js';
import { Doc, nerCode, uposId } from '../text/doc.js';

interface Case {
  name: string;
  text: string;
  date?: string;
  mention: string;
  /** which occurrence of `mention` (0 = first) */
  nth?: number;
  want: { country?: string | null; org?: string | null; sector?: string; id?: string; code?: string; role?: string } | null;
}

const cases: Case[] = [
  { name: 'appositive title before the name gives the country', text: "Oman's foreign minister, Badr al-Busaidi, said talks would resume.", date: '2025-04-12', mention: 'Badr al-Busaidi', want: { country: 'OMN', sector: 'GOV', role: 'foreign minister' } },
  { name: 'possessive country with a ministry is the government', text: "Iran's foreign ministry said on Monday that it was ready.", date: '2025-04-12', mention: 'Iran', want: { country: 'IRN', sector: 'GOV' } },
  { name: 'demonym with strikes is the military', text: 'Israeli strikes killed 20 people overnight.', date: '2025-04-12', mention: 'Israeli', want: { country: 'ISR', sector: 'MIL', code: 'ISRMIL' } },
  { name: 'demonym title before a known person', text: 'Russian President Vladimir Putin said he was open to talks.', date: '2025-03-01', mention: 'Vladimir Putin', want: { country: 'RUS', sector: 'GOV', role: 'president', id: 'P:vladimir-putin' } },
  { name: 'anonymous official of a seat of power', text: 'A senior White House official said the meeting went well.', date: '2025-04-12', mention: 'White House', want: { country: 'USA', sector: 'GOV' } },
  { name: 'IGO title names the organisation', text: 'EU foreign policy chief Kaja Kallas said the bloc would respond.', date: '2025-04-12', mention: 'Kaja Kallas', want: { country: null, org: 'EU', sector: 'IGO' } },
  { name: 'Trump is head of state in 2019', text: 'Trump said the deal was dead.', date: '2019-06-01', mention: 'Trump', want: { country: 'USA', sector: 'GOV', role: 'president' } },
  { name: 'Trump is head of state in 2025', text: 'Trump said the deal was dead.', date: '2025-06-01', mention: 'Trump', want: { country: 'USA', sector: 'GOV', role: 'president' } },
  { name: 'Trump is out of office in 2022', text: 'Trump said the deal was dead.', date: '2022-06-01', mention: 'Trump', want: { country: 'USA', sector: 'ELI', id: 'P:donald-trump' } },
  { name: 'a surname-only repeat refers to the full name', text: 'Abbas Araghchi arrived in Muscat. Araghchi said the talks were useful.', date: '2025-04-12', mention: 'Araghchi', want: { id: 'P:abbas-araghchi', country: 'IRN' } },
  { name: 'he refers to the last person', text: 'Iranian Foreign Minister Abbas Araghchi arrived in Muscat. He said the talks were useful.', date: '2025-04-12', mention: 'He', want: { id: 'P:abbas-araghchi' } },
  { name: 'the official refers back to the last person', text: 'Esmaeil Baghaei spoke to reporters. The official said Tehran was ready.', date: '2025-04-12', mention: 'The official', want: { id: 'P:esmaeil-baghaei' } },
  { name: 'Kremlin spokesman title', text: 'Kremlin spokesman Dmitry Peskov said no date was set.', date: '2025-04-12', mention: 'Dmitry Peskov', want: { country: 'RUS', sector: 'GOV', role: 'spokesperson' } },
  { name: 'the Pentagon is the US military', text: 'The Pentagon said more ships were on the way.', date: '2025-04-12', mention: 'Pentagon', want: { country: 'USA', sector: 'MIL' } },
  { name: 'Hamas is a Palestinian armed group', text: 'Hamas said it had accepted the proposal.', date: '2025-04-12', mention: 'Hamas', want: { country: 'PSE', org: 'Hamas', sector: 'REB' } },
  { name: 'Houthi rebels are a Yemeni armed group', text: 'Houthi rebels fired missiles at ships in the Red Sea.', date: '2025-04-12', mention: 'Houthi rebels', want: { country: 'YEM', sector: 'REB' } },
  { name: 'Ansar Allah is the Houthis', text: 'Ansar Allah said it would keep up attacks.', date: '2025-04-12', mention: 'Ansar Allah', want: { country: 'YEM', org: 'Houthis', sector: 'REB' } },
  { name: 'the Taliban are rebels before August 2021', text: 'The Taliban attacked a checkpoint.', date: '2020-05-01', mention: 'Taliban', want: { country: 'AFG', sector: 'REB' } },
  { name: 'the Taliban govern after August 2021', text: 'The Taliban said women could not attend university.', date: '2023-05-01', mention: 'Taliban', want: { country: 'AFG', sector: 'GOV' } },
  { name: 'Hezbollah is a Lebanese armed group', text: 'Hezbollah fired rockets into northern Israel.', date: '2024-05-01', mention: 'Hezbollah', want: { country: 'LBN', sector: 'REB' } },
  { name: 'an agent noun before "from" + country is that part of the state', text: 'Soldiers from Ukraine shelled the village.', date: '2025-04-12', mention: 'Soldiers from Ukraine', want: { country: 'UKR', sector: 'MIL', code: 'UKRMIL' } },
  { name: 'the government of a country', text: 'The government of Iran rejected the offer.', date: '2025-04-12', mention: 'government of Iran', want: { country: 'IRN', sector: 'GOV', code: 'IRNGOV' } },
  { name: 'a place after "in" stays a place when another country owns the noun', text: 'Russian soldiers in Ukraine shelled the village.', date: '2025-04-12', mention: 'Ukraine', want: null },
  { name: 'the IAEA is a UN agency', text: 'The IAEA said inspectors had been denied access.', date: '2025-04-12', mention: 'IAEA', want: { country: null, org: 'IAEA', sector: 'IGO', id: 'IGO:IAEA' } },
  { name: 'UN Secretary-General Guterres', text: 'U.N. Secretary-General Antonio Guterres called for a ceasefire.', date: '2025-04-12', mention: 'Antonio Guterres', want: { org: 'UN', sector: 'IGO' } },
  { name: 'Rutte leads NATO in 2025', text: 'Mark Rutte said allies must spend more.', date: '2025-04-12', mention: 'Mark Rutte', want: { org: 'NATO', sector: 'IGO' } },
  { name: 'Rutte is Dutch prime minister in 2020', text: 'Mark Rutte said allies must spend more.', date: '2020-04-12', mention: 'Mark Rutte', want: { country: 'NLD', sector: 'GOV' } },
  { name: 'a capital as subject is the government', text: 'Tehran rejected the proposal on Sunday.', date: '2025-04-12', mention: 'Tehran', want: { country: 'IRN', sector: 'GOV' } },
  { name: 'Downing Street is the British government', text: 'Downing Street said the prime minister would call Kyiv.', date: '2025-04-12', mention: 'Downing Street', want: { country: 'GBR', sector: 'GOV' } },
  { name: 'an -backed adjective names the backer', text: 'Emirati-backed forces took the port.', date: '2025-04-12', mention: 'Emirati', want: { country: 'ARE' } },
  { name: 'plural demonym is the people', text: 'Iranians took to the streets on Friday.', date: '2025-04-12', mention: 'Iranians', want: { country: 'IRN', sector: 'CVL' } },
  { name: 'Chinese foreign minister', text: 'Chinese Foreign Minister Wang Yi met his Russian counterpart.', date: '2025-04-12', mention: 'Wang Yi', want: { country: 'CHN', sector: 'GOV', role: 'foreign minister' } },
  { name: 'Katz is defence minister in 2025', text: 'Israeli Defense Minister Israel Katz said the army would stay.', date: '2025-04-12', mention: 'Israel Katz', want: { country: 'ISR', sector: 'MIL' } },
  { name: 'Syrian president al-Sharaa in 2025', text: 'Syrian President Ahmed al-Sharaa visited Riyadh.', date: '2025-05-01', mention: 'Ahmed al-Sharaa', want: { country: 'SYR', sector: 'GOV' } },
  { name: 'Saudi crown prince', text: 'Saudi Crown Prince Mohammed bin Salman hosted the talks.', date: '2025-05-01', mention: 'Mohammed bin Salman', want: { country: 'SAU', sector: 'GOV' } },
  { name: 'an unknown person named with a title gets the title country', text: 'Omani Deputy Foreign Minister Khalifa al-Harthy said the venue was ready.', date: '2025-05-01', mention: 'Khalifa al-Harthy', want: { country: 'OMN', sector: 'GOV' } },
  { name: 'a city after "in" is a place, not an actor', text: 'The talks were held in Kabul on Monday.', date: '2025-05-01', mention: 'Kabul', want: null },
  { name: 'Netanyahu out of office in 2022', text: 'Netanyahu attacked the coalition.', date: '2022-03-01', mention: 'Netanyahu', want: { country: 'ISR', sector: 'ELI' } },
  { name: 'Netanyahu in office in 2024', text: 'Netanyahu attacked the coalition.', date: '2024-03-01', mention: 'Netanyahu', want: { country: 'ISR', sector: 'GOV' } },
  { name: "Iran's Revolutionary Guards are the military", text: "Iran's Revolutionary Guards seized a tanker.", date: '2025-05-01', mention: 'Revolutionary Guards', want: { country: 'IRN', sector: 'MIL' } },
  { name: 'Zelenskyy with a title', text: 'Ukrainian President Volodymyr Zelenskyy thanked allies.', date: '2025-05-01', mention: 'Volodymyr Zelenskyy', want: { country: 'UKR', sector: 'GOV' } },
  { name: 'secretary of state title', text: 'Secretary of State Marco Rubio said Washington would not wait.', date: '2025-05-01', mention: 'Marco Rubio', want: { country: 'USA', sector: 'GOV', role: 'secretary of state' } },
  { name: 'appositive after the name', text: 'Faisal bin Farhan, the Saudi foreign minister, arrived in Tehran.', date: '2025-05-01', mention: 'Faisal bin Farhan', want: { country: 'SAU', sector: 'GOV' } },
  { name: 'a country after "at" is a target, not a place', text: 'The Houthis fired a missile at Israel hours later.', date: '2025-05-01', mention: 'Israel', want: { country: 'ISR', sector: 'GOV' } },
  { name: 'a demonym shared with territories belongs to the sovereign country', text: 'The American delegation arrived on Sunday.', date: '2025-05-01', mention: 'American', want: { country: 'USA' } },
  { name: 'an institution noun inside a title ("foreign ministry spokesman")', text: 'Russian foreign ministry spokeswoman Maria Zakharova said Moscow supported the talks.', date: '2025-05-01', mention: 'Maria Zakharova', want: { country: 'RUS', sector: 'GOV', role: 'spokesperson' } },
  { name: 'former inside a title makes an elite, not an office-holder', text: 'Former Turkish ambassador Mithat Rende said the sanctions would hurt.', date: '2019-11-25', mention: 'Mithat Rende', want: { country: 'TUR', sector: 'ELI' } },
  { name: '"it" as the subject of a reporting verb refers to the last state actor', text: 'Iran has denied the report. It said its program was peaceful.', date: '2025-05-01', mention: 'It', want: { country: 'IRN', sector: 'GOV' } },
  { name: '"it" with no actor before it stays unresolved', text: 'The deal is dead. It was signed in 2015.', date: '2025-05-01', mention: 'It', want: null },
  { name: 'stable actor id across articles for the same KB person', text: 'Sergei Lavrov spoke in Moscow.', date: '2025-05-01', mention: 'Sergei Lavrov', want: { id: 'P:sergei-lavrov', code: 'RUSGOV' } },
  { name: '"both countries" are the two parties coordinated earlier', text: 'Egypt and Turkey are traditionally allies. But relations froze in 2013, when both countries withdrew their ambassadors.', date: '2021-03-09', mention: 'both countries', want: { country: 'EGY', sector: 'GOV' } },
  { name: '"both countries" has one mention per party', text: 'Egypt and Turkey are traditionally allies. But relations froze in 2013, when both countries withdrew their ambassadors.', date: '2021-03-09', mention: 'both countries', nth: 1, want: { country: 'TUR', sector: 'GOV' } },
  { name: '"the two countries" in the same sentence as the coordination', text: "North Korea's envoy defended Pyongyang and Moscow's treaty, saying relations between the two countries are peaceful.", date: '2024-06-28', mention: 'the two countries', nth: 1, want: { country: 'RUS', sector: 'GOV' } },
  { name: '"the two sides" without coordination: the last two distinct parties named', text: 'Russia accused Ukraine of shelling the plant. The two sides agreed to talks on Friday.', date: '2025-05-01', mention: 'The two sides', want: { country: 'RUS' } },
  { name: '"the two leaders" are the last two people', text: 'Trump spoke with Vladimir Putin by phone on Tuesday. The two leaders agreed to meet.', date: '2025-05-01', mention: 'The two leaders', nth: 1, want: { id: 'P:vladimir-putin' } },
  { name: 'a lone "both" before names is not a pair nominal', text: 'Washington urged Beijing to use its influence with both Pyongyang and Moscow.', date: '2024-06-28', mention: 'Moscow', want: { country: 'RUS', sector: 'GOV' } },
  { name: '"the spokesman" refers to the last spokesman however far back', text: 'Kremlin spokesman Dmitry Peskov spoke on Monday. Sergei Lavrov met envoys. Talks went on. Nothing was agreed. The spokesman said more talks were planned.', date: '2025-04-12', mention: 'The spokesman', want: { country: 'RUS', role: 'spokesperson' } },
  { name: 'the head of an appositive title is its last noun ("deputy ... ambassador")', text: 'Robert Wood, U.S. deputy U.N. ambassador, told reporters.', date: '2024-06-28', mention: 'Robert Wood', want: { country: 'USA', sector: 'GOV', role: 'ambassador to the UN' } },
  { name: 'a bare title names the envoy of a country mentioned just before', text: '"North Korea\'s envoy defended the treaty. "There is no reason to worry," Ambassador Song Kim said.', date: '2024-06-28', mention: 'Song Kim', want: { country: 'PRK', sector: 'GOV' } },
  { name: 'a title and a name the tagger missed', text: 'Turkish Presidential Advisor Mesut Casin of Istanbul\'s Yeditepe University said talks were needed.', date: '2021-03-09', mention: 'Mesut Casin', want: { country: 'TUR', sector: 'GOV' } },
  { name: 'a surname repeat of someone not in the KB', text: 'Robert Wood, U.S. deputy U.N. ambassador, told reporters. Wood spoke ahead of a meeting.', date: '2024-06-28', mention: 'Wood', want: { country: 'USA', sector: 'GOV' } },
  { name: 'adjectives between a country and its ministry', text: "He said South Korea's national defense ministry has assessed the transfers.", date: '2024-06-28', mention: 'South Korea', want: { country: 'KOR', sector: 'MIL' } },
  { name: '"it is ...ing" refers to the last subject state, not the last state named', text: 'North Korea is seeking trade and military assistance from Russia. It is also benefiting from protection.', date: '2024-06-28', mention: 'It', want: { country: 'PRK', sector: 'GOV' } },
  { name: '"it is expected that" is not a back-reference', text: 'Iran has denied the report. It is expected that talks resume.', date: '2025-05-01', mention: 'It', want: null },
];

const resources = loadResources();

for (const c of cases) {
  test(`resolution: ${c.name}`, () => {
    const { doc, ctx } = analyze(c.text, resources, c.date);
    const hits = ctx.mentions.filter((m) => doc.text.slice(doc.start[m.start], mentionCharEnd(doc, m.start, m.end)) === c.mention);
    const m = hits[c.nth ?? 0];
    if (c.want === null && !m) return; // no mention at all is also "no actor"
    assert.ok(m, `no mention "${c.mention}" in [${ctx.mentions.map((x) => doc.text.slice(doc.start[x.start], doc.end[x.end - 1])).join(', ')}]`);
    if (c.want === null) {
      assert.equal(m.actor, undefined);
      return;
    }
    assert.ok(m.actor, `mention "${c.mention}" has no actor`);
    for (const [k, v] of Object.entries(c.want)) assert.equal((m.actor as unknown as Record<string, unknown>)[k], v, `${k} of "${c.mention}"`);
  });
}

test('resolution: PETRARCH agents compose with dictionary actors, as suffixes and as prefixes', () => {
  const kb = knowledgeBaseOf([
    parseDictionary('GONDOR [GON]\nARNOR_ [ARN]\n', 'actors'),
    parseDictionary('SOLDIER [~MIL]\nLAWMAKER [~LEG]\nFOREIGN_MINISTER [~GOVFRM]\nMSF {} [NGO~]\nAMBASSADOR [~GOV]\n', 'agents'),
  ]);
  const rows: [string, string, string][] = [
    ['Soldiers from Gondor closed the roads.', 'Soldiers from Gondor', 'GONMIL'],
    ['Lawmakers in Gondor welcomed the talks.', 'Lawmakers in Gondor', 'GONLEG'],
    ["Gondor's foreign minister urged Arnor to respond.", 'Gondor', 'GONGOVFRM'],
    ['MSF Arnor restored ties with Gondor.', 'MSF Arnor', 'NGOARN'],
    ['The ambassadors of Arnor and Gondor met.', 'Gondor', 'GONGOV'],
    ['The ambassadors of Arnor met Gondor.', 'Gondor', 'GON'],
  ];
  for (const [text, mention, code] of rows) {
    const { doc, ctx } = analyze(text, { kb }, '1995-01-01');
    const m = ctx.mentions.find((x) => doc.text.slice(doc.start[x.start], mentionCharEnd(doc, x.start, x.end)) === mention);
    assert.equal(m?.actor?.code, code, `${text} → ${ctx.mentions.map((x) => `${doc.text.slice(doc.start[x.start], doc.end[x.end - 1])}:${x.actor?.code}`).join(', ')}`);
  }
});

test('resolution: with parts of speech, a lone surname needs to be a proper noun', () => {
  const run = (tag: string): string | undefined => {
    const doc = Doc.fromWords(['Lavrov', 'said', '.']);
    doc.upos.set([uposId(tag), uposId('VERB'), uposId('PUNCT')]);
    doc.layers.set('pos', 'test');
    return resolveMentions(doc, resources.kb, { date: '2025-05-01' })[0]?.actor?.id;
  };
  assert.equal(run('PROPN'), 'P:sergei-lavrov');
  assert.equal(run('NOUN'), undefined);
});

test('resolution: the same KB person gets the same actor id in different articles and years', () => {
  const id = (text: string, date: string): string | undefined =>
    resolveMentions(Doc.fromWords(text.split(' ')), resources.kb, { date })[0]?.actor?.id;
  assert.equal(id('Abbas Araghchi spoke', '2025-01-01'), id('Abbas Araghchi spoke', '2019-01-01'));
});

// A parsed Doc built by hand, so the test does not depend on what the shipped parser does with the sentence.
function parsedDoc(rows: [string, number, string, string?][]): Doc {
  const doc = Doc.fromWords(rows.map((r) => r[0]));
  rows.forEach(([, head, rel, ner], i) => {
    doc.head[i] = head;
    doc.deprel[i] = doc.strings.intern(rel);
    doc.ner[i] = ner ? nerCode(ner) : 0;
  });
  doc.layers.set('deps', 'test');
  doc.layers.set('ner', 'test');
  return doc;
}

test('resolution: an apposition found in the parse gives an unknown person the country of the title', () => {
  // "Ali Bakr, since 2020 Oman's ambassador, said." — the surface reading stops at "since"
  const rows: [string, number, string, string?][] = [
    ['Ali', 9, 'nsubj', 'B-PERSON'], ['Bakr', 0, 'flat', 'I-PERSON'], [',', 7, 'punct'], ['since', 4, 'case'], ['2020', 7, 'obl'],
    ['Oman', 7, 'nmod:poss', 'B-GPE'], ["'s", 5, 'case'], ['ambassador', 0, 'appos'], [',', 7, 'punct'], ['said', -1, 'root'], ['.', 9, 'punct'],
  ];
  const withDeps = resolveMentions(parsedDoc(rows), resources.kb, { date: '2025-05-01' });
  const person = withDeps.find((m) => m.start === 0);
  assert.equal(person?.actor?.country, 'OMN');
  assert.equal(person?.actor?.role, 'ambassador');
  // Oman is part of the title, not an actor of its own
  assert.ok(!withDeps.some((m) => m.start === 5 && m.actor));
  const noDeps = parsedDoc(rows);
  noDeps.layers.delete('deps');
  assert.equal(resolveMentions(noDeps, resources.kb, { date: '2025-05-01' }).find((m) => m.start === 0)?.actor, undefined);
});

// Tests for date finding and resolution: realistic news sentences (VOA, public domain) against a known dateline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../text/doc.js';
import { findDates, resolveExpression, type DateAnnotation, type Direction } from './dates.js';
import type { Precision } from '../schema/extraction.js';

/** A Doc split on whitespace, with a sentence break after a token ending in . ! or ? (no tokenizer needed). */
function makeDoc(text: string): Doc {
  const starts: number[] = [], ends: number[] = [], firsts: number[] = [0];
  for (const m of text.matchAll(/\S+/g)) {
    if (starts.length && /[.!?]["”]?$/.test(text.slice(starts[starts.length - 1], ends[ends.length - 1]))) firsts.push(starts.length);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const doc = new Doc(text, starts, ends);
  doc.setSentences(starts.length ? firsts : []);
  return doc;
}

type Expect = [text: string, value: string | null, precision: Precision];
interface Case {
  name: string;
  text: string;
  dateline?: string;
  /** Expressions that must be found with this exact text, value and precision. */
  expect?: Expect[];
  /** Substrings that must not be (part of) any date found. */
  absent?: string[];
}

const cases: Case[] = [
  // The issue's own examples.
  { name: 'a bare weekday in a past-tense sentence is the most recent one', dateline: '2025-06-15',
    text: 'Putin called Trump on Saturday.', expect: [['Saturday', '2025-06-14', 'day']] },
  { name: 'a weekday after "scheduled for" is the next one', dateline: '2025-06-14',
    text: 'Russian and Ukrainian delegations will attend talks scheduled for Sunday in Istanbul.', expect: [['Sunday', '2025-06-15', 'day']] },
  { name: '"will meet" points forward', dateline: '2025-06-15',
    text: 'Trump will meet Putin on Friday in Alaska.', expect: [['Friday', '2025-06-20', 'day']] },
  { name: 'a weekday with a part of day keeps day precision', dateline: '2025-06-15',
    text: 'The ministry said drones struck the city Tuesday night.', expect: [['Tuesday night', '2025-06-10', 'day']] },
  { name: 'a weekday equal to the dateline in a past sentence is the dateline itself', dateline: '2025-03-14',
    text: 'Iraqi Prime Minister Mohammed Shia al-Sudani was first to share word of the strike, announcing on social media Friday that the intelligence service eliminated the leader.',
    expect: [['Friday', '2025-03-14', 'day']] },
  { name: 'each date in a sentence takes the tense of its own verb', dateline: '2025-06-13',
    text: 'He said Friday that the talks will be held Sunday.', expect: [['Friday', '2025-06-13', 'day'], ['Sunday', '2025-06-15', 'day']] },
  { name: 'an earlier date in a sentence looks back while a later one points forward', dateline: '2025-03-10',
    text: 'Secretary of State Marco Rubio said Monday the United States hopes to resolve the pause in aid during talks Tuesday with Ukrainian officials. He is scheduled to travel to Canada on Wednesday for meetings with G7 foreign ministers.',
    expect: [['Monday', '2025-03-10', 'day'], ['Wednesday', '2025-03-12', 'day']] },
  { name: 'a clause after the date does not lend it its tense', dateline: '2025-06-15',
    text: 'The senator alleged Thursday that the governor lacks the experience to be president.', expect: [['Thursday', '2025-06-12', 'day']] },
  { name: 'a present-tense copula takes the nearest day', dateline: '2025-03-11',
    text: 'There’s another in Paris Wednesday, gathering Europe’s five top military powers.', expect: [['Wednesday', '2025-03-12', 'day']] },
  { name: 'scheduled events in the present tense point forward', dateline: '2025-03-13',
    text: 'The two leaders meet separately Monday with the secretary of state.', expect: [['Monday', '2025-03-17', 'day']] },
  { name: '"ahead of" takes the nearest day, even after a past verb', dateline: '2025-06-13',
    text: 'Candidates held final rallies ahead of Sunday’s vote.', expect: [['Sunday’s', '2025-06-15', 'day']] },
  { name: '"is expected to" on the dateline’s weekday is that day', dateline: '2025-03-13',
    text: 'Rubio is expected to have a pull-aside meeting with Japanese Foreign Minister Takeshi Iwaya on Thursday.', expect: [['Thursday', '2025-03-13', 'day']] },
  { name: 'a possessive weekday is a date', dateline: '2025-03-13',
    text: 'Afghan Taliban have rejected Pakistan’s allegation that Tuesday’s deadly hostage-taking of a train was planned from Afghan soil.',
    expect: [['Tuesday’s', '2025-03-11', 'day']] },
  { name: '"last Friday" on a Friday is a week back', dateline: '2025-06-13',
    text: 'Last Friday, the court rejected the appeal.', expect: [['Last Friday', '2025-06-06', 'day']] },
  { name: '"this past Tuesday" looks back', dateline: '2025-03-13',
    text: 'DHS officials decided to remove all 40 remaining migrants from the prison this past Tuesday.', expect: [['this past Tuesday', '2025-03-11', 'day']] },
  { name: '"next Tuesday" on a Tuesday is a week ahead', dateline: '2025-03-11',
    text: 'The council will vote next Tuesday.', expect: [['next Tuesday', '2025-03-18', 'day']] },
  { name: 'early/late qualifiers stay in the span', dateline: '2025-03-13',
    text: 'The storm made landfall in northern Mozambique early Sunday and moved over southern Malawi.', expect: [['early Sunday', '2025-03-09', 'day']] },

  // Month-days and months.
  { name: 'a month-day in a past sentence is this year when already past', dateline: '2025-07-01',
    text: 'The ceasefire collapsed after June 22, officials said.', expect: [['June 22', '2025-06-22', 'day']] },
  { name: 'an abbreviated month-day resolves', dateline: '2025-03-14',
    text: 'The Golbon completed a 19-day journey to the Iranian port of Bandar Abbas on Feb. 13.', expect: [['Feb. 13', '2025-02-13', 'day']] },
  { name: 'a December date in early January belongs to the year before', dateline: '2025-01-05',
    text: 'Protests began Dec. 28 and spread to three cities.', expect: [['Dec. 28', '2024-12-28', 'day']] },
  { name: 'a January date in a future sentence in December belongs to the next year', dateline: '2024-12-20',
    text: 'Trump will be inaugurated Jan. 20 in Washington.', expect: [['Jan. 20', '2025-01-20', 'day']] },
  { name: 'a future month-day in a future sentence stays this year', dateline: '2025-03-13',
    text: 'Khalil has been ordered to appear in front of an immigration judge on March 27 at the Lasalle Detention Facility.', expect: [['March 27', '2025-03-27', 'day']] },
  { name: 'a weekday given with the date settles the year', dateline: '2025-12-01',
    text: 'The election will be held on Saturday, April 4, the commission said.', expect: [['Saturday, April 4', '2026-04-04', 'day']] },
  { name: 'a full date resolves without any dateline', text: 'The agreement was signed on June 14, 2025, in Geneva.',
    expect: [['June 14, 2025', '2025-06-14', 'day']] },
  { name: 'an ISO date resolves without any dateline', text: 'The report is dated 2025-06-14.', expect: [['2025-06-14', '2025-06-14', 'day']] },
  { name: 'numeric dates: US slashes, day-first dots and slashes, two-digit years via chrono',
    text: 'The accord of 6/7/2025 replaced those of 14.06.2024, 25/12/2023 and 7/1/82.',
    expect: [['6/7/2025', '2025-06-07', 'day'], ['14.06.2024', '2024-06-14', 'day'], ['25/12/2023', '2023-12-25', 'day'], ['7/1/82', '1982-07-01', 'day']] },
  { name: 'a month abbreviation before a decimal is a price, not a date', dateline: '1987-03-09',
    text: 'Linseed exports were Feb 32.9, Mar 6.8 and Apr 6.3 tonnes.', absent: ['Feb', 'Mar', 'Apr'] },
  { name: 'spoken day ordinals from transcripts resolve', dateline: '1998-03-03',
    text: 'Voters go to the polls this coming Sunday, March eighth. The party was founded on the fourth of July, 1976.',
    expect: [['Sunday, March eighth', '1998-03-08', 'day'], ['the fourth of July, 1976', '1976-07-04', 'day']] },
  { name: 'a day range in one month is reported at month precision', dateline: '2025-06-01',
    text: 'The summit was held June 14-15 in Canada.', expect: [['June 14-15', '2025-06-01', 'month']] },
  { name: 'a bare month in a past sentence is the most recent one', dateline: '2025-03-13',
    text: 'Malawi avoided a hit from Dikeledi but was struck by Chido in December.', expect: [['December', '2024-12-01', 'month']] },
  { name: 'a bare month after "due to expire" is the coming one', dateline: '2025-03-13',
    text: 'The JCPOA is due to expire in October, which means the window could soon be closing.', expect: [['October', '2025-10-01', 'month']] },
  { name: 'month and year give month precision', dateline: '2025-03-14',
    text: 'Assad was ousted in December 2024 but hope for a return to stability has been shaken.', expect: [['December 2024', '2024-12-01', 'month']] },
  { name: 'mid-month qualifiers give the month', dateline: '2025-03-13',
    text: 'Talks stalled in mid-November and never resumed.', expect: [['mid-November', '2024-11-01', 'month']] },
  { name: '"in May" is a month', dateline: '2025-06-15',
    text: 'Elections were held in May, and the results were disputed.', expect: [['May', '2025-05-01', 'month']] },

  { name: 'the first month of a range takes the year given at its end', dateline: '2019-12-18',
    text: 'More than 2.8 million Chinese tourists visited Vietnam from January through July this year.',
    expect: [['January', '2019-01-01', 'month'], ['July this year', '2019-07-01', 'month']] },
  { name: 'a range across New Year starts in the year before', dateline: '2025-03-01',
    text: 'The offensive ran from Dec. 28 to Jan. 3, 2024.', expect: [['Dec. 28', '2023-12-28', 'day'], ['Jan. 3, 2024', '2024-01-03', 'day']] },

  { name: 'the second half of a range comes after the first, whatever the tense', dateline: '2025-03-09',
    text: 'The central bank said bills maturing between March 25 and June 25 were rolled over.',
    expect: [['March 25', '2025-03-25', 'day'], ['June 25', '2025-06-25', 'day']] },

  { name: 'a noun "plan" does not make a sentence future', dateline: '2025-10-27',
    text: 'The ministry announced the plan Aug. 21 after months of talks.', expect: [['Aug. 21', '2025-08-21', 'day']] },
  { name: 'a future in the past may name a date gone by', dateline: '2025-03-14',
    text: 'Officials had said the ship would depart China in early February.', expect: [['early February', '2025-02-01', 'month']] },
  { name: 'a fixed-date holiday is placed like a month-day', dateline: '2025-01-10',
    text: 'Gunmen attacked the church on Christmas Day.', expect: [['Christmas Day', '2024-12-25', 'day']] },
  { name: 'a holiday used as a modifier is not a date', dateline: '2019-12-18',
    text: 'Officials expect a missile launch as a Christmas gift to Washington.', absent: ['Christmas'] },

  // Relative periods.
  { name: '"last week" inside one month is month precision', dateline: '2025-06-15',
    text: 'The United States announced last week that it would cease military aid.', expect: [['last week', '2025-06-01', 'month']] },
  { name: '"last week" across a month end widens to the year', dateline: '2025-03-09',
    text: 'Trump last week issued a string of tariff decisions.', expect: [['last week', '2025-01-01', 'year']] },
  { name: '"next week" is the week after the dateline’s', dateline: '2025-06-15',
    text: 'The foreign ministers will meet again next week.', expect: [['next week', '2025-06-01', 'month']] },
  { name: '"earlier this month" is the dateline’s month', dateline: '2025-03-12',
    text: 'Earlier this month, a female suicide bomber detonated explosives near a military convoy.', expect: [['Earlier this month', '2025-03-01', 'month']] },
  { name: '"last month" is the previous month, across a year end', dateline: '2025-01-10',
    text: 'Last month, a Bosnian court sentenced Dodik to one year in prison.', expect: [['Last month', '2024-12-01', 'month']] },
  { name: '"this year" is the dateline’s year', dateline: '2025-03-13',
    text: 'The agency needs a billion dollars this year to provide critical support.', expect: [['this year', '2025-01-01', 'year']] },
  { name: '"next year" stays a date before "after"', dateline: '2025-03-13',
    text: 'The prime minister promised a referendum next year after lawmakers voted for a republic.', expect: [['next year', '2026-01-01', 'year']] },
  { name: '"earlier in the year" is the current year', dateline: '2025-10-26',
    text: 'Planting was delayed earlier in the year by heavy rains.', expect: [['earlier in the year', '2025-01-01', 'year']] },
  { name: '"in 2019" is a year', dateline: '2025-03-14',
    text: 'Botswana has made $4 million since lifting a hunting ban in 2019.', expect: [['2019', '2019-01-01', 'year']] },
  { name: '"late 2020" is the year', dateline: '2025-03-13',
    text: 'Lai has been held in solitary confinement in Hong Kong since late 2020.', expect: [['late 2020', '2020-01-01', 'year']] },
  { name: '"two days ago" is a day', dateline: '2025-06-15',
    text: 'The convoy was attacked two days ago near the border.', expect: [['two days ago', '2025-06-13', 'day']] },
  { name: '"six weeks ago" is a day', dateline: '2025-03-13',
    text: 'The head of MSF said he was in Sudan six weeks ago and witnessed utter carnage.', expect: [['six weeks ago', '2025-01-30', 'day']] },
  { name: '"13 years ago" is a year', dateline: '2025-03-14',
    text: 'Since his diagnosis 13 years ago, Sithole has been on a rigorous treatment.', expect: [['13 years ago', '2012-01-01', 'year']] },
  { name: '"over the weekend" is the weekend just past', dateline: '2025-03-10',
    text: 'Fighting intensified over the weekend in the east.', expect: [['the weekend', '2025-03-01', 'month']] },
  { name: 'today and yesterday are the dateline and the day before', dateline: '2025-03-14',
    text: 'Yesterday the fugitive leader was killed. Today officials confirmed his death.',
    expect: [['Yesterday', '2025-03-13', 'day'], ['Today', '2025-03-14', 'day']] },
  { name: 'a decade is found but has no single year', dateline: '2025-03-12',
    text: 'The base has been used since the 1990s.', expect: [['the 1990s', null, 'none']] },
  { name: 'a span of years is found but has no single year', dateline: '2025-03-12',
    text: 'Most repayments fall during 2026-2030, after the 2024-25 season.', expect: [['2026-2030', null, 'none'], ['2024-25', null, 'none']] },
  { name: 'spoken years from broadcast transcripts resolve', dateline: '1998-01-15',
    text: 'In nineteen ninety-one he was convicted in state court.', expect: [['nineteen ninety-one', '1991-01-01', 'year']] },

  // Anaphora: counted from the last date the story named.
  { name: '"two days later" counts from the story’s last date', dateline: '2025-03-14',
    text: 'The Jairan remained at Liuheng Island until March 3, when it headed south and docked at the port on March 8. Two days later, the Jairan departed.',
    expect: [['March 8', '2025-03-08', 'day'], ['Two days later', '2025-03-10', 'day']] },
  { name: '"the following year" counts from the story’s last year', dateline: '1998-04-18',
    text: 'On May 22, 1995, he was made a brigadier general, and the following year he was appointed military attache.',
    expect: [['the following year', '1996-01-01', 'year']] },
  { name: 'a look back does not move the reference date', dateline: '2025-03-14',
    text: 'Sales rose in 2024 from a year earlier. Profit also rose from a year earlier.',
    expect: [['a year earlier', '2023-01-01', 'year']] },
  { name: 'a comparison with "than" is not a date', dateline: '2025-03-14',
    text: 'The Jairan departed China on Monday, a month later than the expected departure.',
    expect: [['Monday', '2025-03-10', 'day']], absent: ['a month later'] },
  { name: 'an anaphor with no date before it stays unresolved', dateline: '2025-03-14',
    text: 'The next day, protesters returned to the square.', expect: [['The next day', null, 'none']] },

  // Without a dateline, relative expressions stay unresolved.
  { name: 'without a dateline a weekday is found but unresolved',
    text: 'Putin called Trump on Saturday.', expect: [['Saturday', null, 'none']] },
  { name: 'without a dateline "last month" is unresolved',
    text: 'The deal was signed last month.', expect: [['last month', null, 'none']] },

  // False positives chrono-node makes on news.
  { name: 'modal "may" is not a month', dateline: '2025-06-15',
    text: 'Officials said the sanctions may be lifted. May I ask a question?', absent: ['may', 'May'] },
  { name: 'Theresa May is not a month', dateline: '2019-03-01',
    text: 'Prime Minister Theresa May told lawmakers the vote would go ahead.', absent: ['May'] },
  { name: 'a "March" that is not the month is not a date', dateline: '2025-06-15',
    text: 'Veterans joined the March for Peace in the capital.', absent: ['March'] },
  { name: 'the Sun newspaper is not Sunday', dateline: '2025-06-15',
    text: 'The Sun reported the deal, citing a second source.', absent: ['Sun', 'second'] },
  { name: 'counts are not years', dateline: '2025-06-15',
    text: 'More than 2,000 people fled, and the army sent 2000 troops to the region.', absent: ['2,000', '2000'] },
  { name: 'wire-copy clock times are not years', dateline: '2025-06-15',
    text: 'The curfew starts at 2000 GMT and the talks resume in 2026.', absent: ['2000'], expect: [['2026', '2026-01-01', 'year']] },
  { name: 'ages are not dates', dateline: '2025-06-15',
    text: 'The 42-year-old was arrested now that the warrant was issued.', absent: ['42-year-old', 'now'] },
  { name: 'named days in history are not this week’s', dateline: '2025-06-15',
    text: 'The Good Friday Agreement was praised by the Sunday Times.', absent: ['Friday', 'Sunday'] },
  { name: '"today\'s world" is not the dateline', dateline: '2025-03-13',
    text: 'Such barriers make little sense in today’s world, she said.', absent: ['today'] },
  { name: 'a TV show title is not a date', dateline: '2025-03-09',
    text: 'Hassett spoke in an interview on ABC News’ “This Week” program.', absent: ['This Week'] },
  { name: 'relative durations are not dates', dateline: '2025-03-13',
    text: 'He received contracts within 15 days, and the test must be taken 72 hours before departure.', absent: ['15 days', '72 hours'] },
];

function matchFor(found: DateAnnotation[], text: string, docText: string): DateAnnotation | undefined {
  return found.find((a) => a.text === text && docText.slice(a.start, a.end) === text);
}

for (const c of cases) {
  test(c.name, () => {
    const doc = makeDoc(c.text);
    const found = findDates(doc, c.dateline);
    for (const [text, value, precision] of c.expect ?? []) {
      const a = matchFor(found, text, c.text);
      assert.ok(a, `"${text}" not found; got ${JSON.stringify(found.map((f) => f.text))}`);
      assert.deepEqual({ value: a.value, precision: a.precision }, { value, precision }, `for "${text}"`);
    }
    for (const s of c.absent ?? []) {
      let from = 0;
      for (let at = c.text.indexOf(s, from); at >= 0; at = c.text.indexOf(s, from)) {
        const hit = found.find((a) => a.start < at + s.length && at < a.end);
        assert.equal(hit, undefined, `"${s}" should not be a date; got ${JSON.stringify(hit)}`);
        from = at + s.length;
      }
    }
  });
}

// The helper the event coder calls with the tense it has worked out.
const helperCases: [name: string, text: string, dateline: string | undefined, dir: Direction, value: string | null, precision: Precision][] = [
  ['resolveExpression: a weekday looking back', 'Saturday', '2025-06-15', 'past', '2025-06-14', 'day'],
  ['resolveExpression: a weekday looking forward', 'Saturday', '2025-06-15', 'future', '2025-06-21', 'day'],
  ['resolveExpression: a weekday with no tense looks back', 'Wednesday', '2025-06-15', 'auto', '2025-06-11', 'day'],
  ['resolveExpression: a weekday in the present is the nearest', 'Monday', '2025-06-15', 'present', '2025-06-16', 'day'],
  ['resolveExpression: "last month" across a year end', 'last month', '2025-01-10', 'auto', '2024-12-01', 'month'],
  ['resolveExpression: a month-day with no tense takes the nearest year', 'Dec. 28', '2025-01-05', 'auto', '2024-12-28', 'day'],
  ['resolveExpression: a month-day far behind in a future sentence is next year', 'February 3', '2025-06-15', 'future', '2026-02-03', 'day'],
  ['resolveExpression: a month-day needs a dateline', 'June 22', undefined, 'past', null, 'none'],
  ['resolveExpression: a full date needs none', 'June 14, 2025', undefined, 'auto', '2025-06-14', 'day'],
  ['resolveExpression: text with no date is unresolved', 'the talks', '2025-06-15', 'auto', null, 'none'],
  ['resolveExpression: a quarter lies in one year', 'the third quarter', '2025-10-20', 'past', '2025-01-01', 'year'],
  ['resolveExpression: the year two thousand', 'the year two thousand', '1998-02-05', 'auto', '2000-01-01', 'year'],
];
for (const [name, text, dateline, dir, value, precision] of helperCases) {
  test(name, () => {
    assert.deepEqual(resolveExpression(text, dateline, dir), { value, precision });
  });
}

test('POS tags, when present, decide the tense instead of word lists', () => {
  // "leaves" is tagged as a past participle here on purpose: the tagger's word is trusted over the lexicon.
  const doc = makeDoc('The minister leaves Sunday for Brussels.');
  const tags = ['DT', 'NN', 'VBD', 'NNP', 'IN', 'NNP'];
  tags.forEach((t, i) => { doc.xpos[i] = doc.strings.intern(t); });
  doc.layers.set('pos', 'test');
  assert.equal(findDates(doc, '2025-06-18')[0].value, '2025-06-15');
  doc.xpos[2] = doc.strings.intern('MD');
  assert.equal(findDates(doc, '2025-06-18')[0].value, '2025-06-22');
});

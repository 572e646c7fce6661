// Temporal expressions: finds the dates in a news Doc and resolves them against the dateline, looking back by default.
//
// Output convention (DateAnnotation, and resolveExpression for the event coder):
// - Every expression resolves to a range of calendar days [first, last]. Its precision is the finest unit that holds
//   the whole range: one day = 'day'; within one calendar month = 'month'; within one calendar year = 'year';
//   anything wider (a decade, a winter across New Year) = 'none' with value null. So "last week" is reported at month
//   precision when the week lies in one month, and at year precision when it straddles two: a week is never passed
//   off as a day.
// - value is the first day of the period at that precision: "June 2025" = 2025-06-01/month, "in 2019" =
//   2019-01-01/year, "earlier this month" = the month's first day/month.
// - Relative expressions ("Saturday", "last month", "two days ago") need a dateline; without one they are still
//   found but get value null / precision 'none'. Expressions that carry their year ("June 14, 2025") always resolve.
// - Direction: a bare weekday, month or month-day is the most recent one on or before the dateline in a
//   past-tense context and the next one on or after it in a future/plan context (detected from the sentence: POS
//   tags when the Doc has them, word cues otherwise). A weekday is strict; a month or month-day may still go
//   against the tense when that is much closer (cost x4), since "set the vote for Oct. 3" has a past verb. With no
//   cue a weekday or month looks back (news mostly does) and a month-day takes the nearest year.
// - Anaphora ("the next day", "two days later", "a year earlier", "that year") count from the last date the story
//   named, not from the dateline; with none before them they stay unresolved.
// Dates are civil days; all arithmetic is on UTC day numbers so time zones never shift a day.
import * as chrono from 'chrono-node';
import type { Doc } from '../text/doc.js';
import type { Precision } from '../schema/extraction.js';

export interface DateAnnotation {
  text: string;
  start: number;
  end: number;
  value: string | null;
  precision: Precision;
}

/** Which way an expression without its own "last"/"next" points: 'past' = on or before the dateline, 'future' = on or
 *  after it, 'present' = the nearest weekday either way ("the vote is Sunday"; months and month-days lean forward), 'auto' =
 *  unknown (a weekday or month then looks back, as news mostly does; a month-day takes the nearest year). */
export type Direction = 'past' | 'future' | 'present' | 'auto';

export interface Resolution {
  value: string | null;
  precision: Precision;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
function dayNum(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}
function ymd(n: number): [number, number, number] {
  const dt = new Date(n * DAY_MS);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}
/** 0 = Monday … 6 = Sunday (ISO order, so weeks run Monday to Sunday). */
function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function monthRange(y: number, m: number): [number, number] {
  // Month arithmetic may overflow (m = 0 or 13): normalise through Date.UTC.
  const a = Math.round(Date.UTC(y, m - 1, 1) / DAY_MS);
  const b = Math.round(Date.UTC(y, m, 0) / DAY_MS);
  return [a, b];
}
function yearRange(y: number): [number, number] {
  return [dayNum(y, 1, 1), dayNum(y, 12, 31)];
}

/** The finest precision that holds [a, b], and the first day of that period. */
function rangeToResolution(a: number, b: number): Resolution {
  const [ya, ma, da] = ymd(a), [yb, mb] = ymd(b);
  if (a === b) return { value: iso(ya, ma, da), precision: 'day' };
  if (ya === yb && ma === mb) return { value: iso(ya, ma, 1), precision: 'month' };
  if (ya === yb) return { value: iso(ya, 1, 1), precision: 'year' };
  return { value: null, precision: 'none' };
}

const NONE: Resolution = { value: null, precision: 'none' };

function parseDateline(dateline: string | undefined): number | null {
  if (!dateline) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateline.trim());
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  return validDay(y, mo, d) ? dayNum(y, mo, d) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// What an expression means, before it is placed on the calendar.

type Shift = 'last' | 'next' | 'this' | 'coming' | null;

type Sem =
  | { k: 'date'; y: number; m: number; d: number; d2?: number }
  | { k: 'monthOfYear'; y: number; m: number }
  | { k: 'year'; y: number }
  | { k: 'monthDay'; m: number; d: number; d2?: number; wd?: number; shift: Shift }
  | { k: 'month'; m: number; shift: Shift; yearOffset?: number }
  | { k: 'weekday'; wd: number; shift: Shift }
  | { k: 'quarter'; q: number }
  | { k: 'season'; season: number; y?: number; shift: Shift }
  | { k: 'dayShift'; n: number }
  | { k: 'period'; unit: 'week' | 'weekend' | 'month' | 'year'; n: number; part?: 'earlier' | 'later'; shift?: Shift }
  | { k: 'anaphor'; unit: 'day' | 'week' | 'month' | 'year'; n: number; shift?: boolean }
  | { k: 'none' };

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = { monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6 };
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, 'a couple of': 2,
};

// Month and weekday names must be capitalised: lower-case "may", "march", "august" are never dates.
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`;
const WD = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR4 = String.raw`(?:1[0-9]\d\d|20\d\d|21\d\d)`;
const NUM = String.raw`(?:(?<![\d,.])\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a couple of)`;
const PART_OF_DAY = String.raw`(?:\s+(?:morning|afternoon|evening|night|midday|noon))`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}]|[-–/]\d|[.,]\d)`;

const UNITS_W = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS_W = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_W = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TWO_DIGITS_W = `(?:(?:${TENS_W})(?:[-\\s](?:${UNITS_W}))?|${TEENS_W}|oh[-\\s](?:${UNITS_W}))`;
// Only pairs a writer would say for a year of the last two centuries; "twenty" alone is too common to be a century.
const SPELLED_YEAR = `(?:(?:[Ee]ighteen|[Nn]ineteen)\\s+(?:${TWO_DIGITS_W}|hundred)|[Tt]wenty\\s+(?:${TWO_DIGITS_W})|[Tt]wo\\s+thousand(?:\\s+(?:and\\s+)?(?:${TWO_DIGITS_W}|${UNITS_W}))?)`;
const WORD_VALUE: Record<string, number> = Object.fromEntries(
  [...UNITS_W.split('|').map((w, i) => [w, i + 1]), ...TEENS_W.split('|').map((w, i) => [w, i + 10]),
    ...TENS_W.split('|').map((w, i) => [w, 20 + 10 * i]), ['oh', 0], ['hundred', 0]] as [string, number][],
);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const ORDINAL_W = `(?:(?:twenty|thirty)[-\\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${ORDINALS.join('|')}|thirtieth)`;
function ORDINAL_VALUE(s: string): number {
  const t = s.toLowerCase().split(/[-\s]+/);
  if (t.length === 2) return (t[0] === 'twenty' ? 20 : 30) + ORDINALS.indexOf(t[1]) + 1;
  return t[0] === 'thirtieth' ? 30 : ORDINALS.indexOf(t[0]) + 1;
}

/** 2019, "nineteen ninety-six", "two thousand and one", "twenty twenty-five". */
function yearOf(s: string): number {
  if (/^\d+$/.test(s)) return +s;
  const words = s.toLowerCase().split(/[-\s]+/).filter((w) => w !== 'and');
  if (words[0] === 'two' && words[1] === 'thousand') return 2000 + words.slice(2).reduce((a, w) => a + (WORD_VALUE[w] ?? 0), 0);
  const century = WORD_VALUE[words[0]];
  return century * 100 + words.slice(1).reduce((a, w) => a + (WORD_VALUE[w] ?? 0), 0);
}

function monthOf(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')];
}
function dayOf(s: string): number {
  return parseInt(s, 10);
}
function shiftOf(s: string | undefined): Shift {
  if (!s) return null;
  const t = s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (t === 'last' || t === 'this past' || t === 'the previous' || t === 'the past' || t === 'previous') return 'last';
  if (t === 'next' || t === 'the following' || t === 'the next') return 'next';
  if (t === 'this coming' || t === 'coming' || t === 'the coming' || t === 'upcoming') return 'coming';
  if (t === 'this') return 'this';
  return null;
}
function numOf(s: string): number | null {
  const t = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(t)) return +t;
  return NUMBERS[t] ?? null;
}

interface Rule {
  re: RegExp;
  build: (m: RegExpExecArray, text: string) => Sem | null;
}

const re = (src: string) => new RegExp(src, 'gu');
/** For rules without month or weekday names, where "Yesterday" and "YESTERDAY" are as good as "yesterday". */
const rei = (src: string) => new RegExp(src, 'giu');
/** Lets a lower-case keyword start a sentence ("Last Friday") in rules that must stay case-sensitive. */
const cap = (words: string) => words.replace(/\b([a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`).replace(/ /g, String.raw`\s+`);

// Words before a bare month name that make it a date rather than a name or a verb ("in May", not "Theresa May").
const MONTH_CUE = /(?:^|[^\p{L}])(?:in|since|until|till|by|before|after|during|through|throughout|from|to|of|for|last|next|this|early|late|mid|between|and|or|around|as of|until early|until late|the end of|the start of|the beginning of|the middle of)\s*[-–]?\s*$/iu;
// Capitalised words before a weekday that name a day in history or a holiday, not a date near the dateline.
const WEEKDAY_BLOCK_BEFORE = /\b(?:Good|Black|Bloody|Cyber|Holy|Palm|Easter|Ash|Maundy|Super|Man|Girl)\s+$/u;
// Capitalised words after a weekday that make it a title ("Sunday Times").
const WEEKDAY_BLOCK_AFTER = /^\s+(?:Times|Telegraph|Express|Mail|Post|Herald|Mirror|Star|Sport|People|Night Live|Tribune|Independent|Observer|Morning Post|Agreement|Accord|Prayers?)\b/u;
// Words after a number that make it a count, not a year ("2000 troops").
const COUNT_NOUN = /^\s*(?:[-–]?\s*)?(?:people|persons|troops|soldiers|men|women|children|civilians|residents|refugees|migrants|votes|seats|members|delegates|workers|employees|jobs|homes|houses|buildings|dollars|euros|pounds|rubles|yuan|yen|shekels|rupees|tons|tonnes|barrels|kilometers|kilometres|miles|meters|metres|feet|hectares|acres|km|kg|mm|cases|deaths|dead|killed|wounded|injured|arrests|prisoners|hostages|detainees|students|police|officers|fighters|militants|rebels|protesters|demonstrators|others|more|dlrs|mln|million|billion|pct|GMT|UTC|hrs|hours|EST|EDT|CET|local\s+time|of\s+(?:them|the|those|these|whom|which))\b/iu;
const COUNT_BEFORE = /(?:\b(?:about|some|nearly|almost|around|over|under|than|least|most|roughly|approximately|estimated|total of|up to|No\.|number|page|pages|Room|Flight|Route|Highway|Resolution|resolution|Article|article|Section|section)|[$€£#№])\s*$/u;

const RULES: Rule[] = [
  // 2025-06-14
  {
    re: re(String.raw`\b(?<y>${YEAR4})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])\b`),
    build: (m) => dateSem(+m.groups!.y, +m.groups!.m, +m.groups!.d),
  },
  // 6/14/2025 (US order, as in US wire copy)
  {
    re: re(String.raw`\b(?<m>0?[1-9]|1[0-2])/(?<d>0?[1-9]|[12]\d|3[01])/(?<y>${YEAR4})\b`),
    build: (m) => dateSem(+m.groups!.y, +m.groups!.m, +m.groups!.d),
  },
  // 14.06.2025 (dots are the day-first convention) and 14/06/2025 when the first number cannot be a month
  {
    re: re(String.raw`(?<![\d./-])(?<d>0?[1-9]|[12]\d|3[01])(?:\.(?<m>0?[1-9]|1[0-2])\.|/(?<m2>0?[1-9]|1[0-2])/)(?<y>${YEAR4})(?![\d./-])`),
    build: (m) => {
      const g = m.groups!;
      if (g.m2 && +g.d <= 12) return null; // 6/7/2025 is the US rule's
      return dateSem(+g.y, +(g.m ?? g.m2), +g.d);
    },
  },
  // The first half of a range takes the year of the second: "from January through July this year", "March 3 to
  // March 8, 2025", "between May and June 2024". Only the first date is matched here; the second has its own rule.
  {
    re: re(String.raw`(?<mo>${MONTH})(?:\s+(?<d>${DAY}))?(?=\s*(?:through|to|until|till|and|or|[-–])\s*(?<mo2>${MONTH})?(?:\s*${DAY})?(?:,?\s+(?<y>${YEAR4})\b|\s+(?<rel>last|this|next)\s+year\b))`),
    build: (m) => {
      const g = m.groups!;
      const mo = monthOf(g.mo), mo2 = g.mo2 ? monthOf(g.mo2) : mo;
      if (!g.mo2 && !g.d) return null;
      const base = g.y ? +g.y : null;
      const offset = g.rel ? ({ last: -1, this: 0, next: 1 } as Record<string, number>)[g.rel.toLowerCase()] : 0;
      const back = mo > mo2 ? -1 : 0; // "December to February 2025" starts in 2024
      if (base !== null) {
        const y = base + back;
        if (!g.d) return { k: 'monthOfYear', y, m: mo };
        return dateSem(y, mo, dayOf(g.d));
      }
      if (g.d) return null; // "March 3 to March 8 this year" is rare enough to leave to the month-day rule
      return { k: 'month', m: mo, shift: null, yearOffset: offset + back };
    },
  },
  // (Saturday,) June 14(-15)(, 2025) and (Saturday,) 14(-15) June (2025), the 14th of June
  {
    re: re(String.raw`(?:(?<wd>${WD}),?\s+(?:the\s+)?)?(?<mo>${MONTH})\s+(?<d>${DAY})(?:\s*[-–]\s*(?<d2>${DAY}))?${NOT_AFTER}(?:,?\s+(?<y>${YEAR4})\b)?`),
    build: (m) => monthDaySem(m.groups!.mo, m.groups!.d, m.groups!.d2, m.groups!.y, m.groups!.wd),
  },
  {
    re: re(String.raw`(?:(?<wd>${WD}),?\s+)?(?:the\s+)?\b(?<d>${DAY})(?:\s*[-–]\s*(?<d2>${DAY}))?(?:\s+of)?\s+(?<mo>${MONTH})(?![\p{L}])(?:,?\s+(?<y>${YEAR4})\b)?`),
    build: (m) => monthDaySem(m.groups!.mo, m.groups!.d, m.groups!.d2, m.groups!.y, m.groups!.wd),
  },
  // Spoken days, as in transcripts: the fourth of July, March eighth, the twenty-first of June (2025)
  {
    re: re(String.raw`(?:(?<wd>${WD}),?\s+)?(?:(?:the\s+)?(?<o1>${ORDINAL_W})\s+of\s+(?<mo1>${MONTH})|(?<mo2>${MONTH})\s+(?:the\s+)?(?<o2>${ORDINAL_W})\b(?!\s+(?!(?:in|at|on|and|or|to|for|of|when|after|before|with|by)\b)[a-z]))\b(?:,?\s+(?<y>${YEAR4})\b)?`),
    build: (m) => {
      const g = m.groups!;
      const d = ORDINAL_VALUE(g.o1 ?? g.o2);
      return d ? monthDaySem(g.mo1 ?? g.mo2, String(d), undefined, g.y, g.wd) : null;
    },
  },
  // (early|mid-|late|the end of) June 2025, June of 2025
  {
    re: re(String.raw`(?:\b${cap('(?:early|late|mid|the beginning of|the start of|the middle of|the end of)')}[-\s]+)?(?<mo>${MONTH})(?:,?\s+|\s+of\s+)(?<y>${YEAR4}|${SPELLED_YEAR})\b`),
    build: (m) => ({ k: 'monthOfYear', y: yearOf(m.groups!.y), m: monthOf(m.groups!.mo) }),
  },
  // June last year / this year / next year
  {
    re: re(String.raw`(?:\b${cap('(?:early|late|mid|the beginning of|the start of|the middle of|the end of)')}[-\s]+)?(?<mo>${MONTH})(?:\s+of)?\s+(?<rel>last|this|next)\s+year\b`),
    build: (m) => ({ k: 'month', m: monthOf(m.groups!.mo), shift: null, yearOffset: { last: -1, this: 0, next: 1 }[m.groups!.rel.toLowerCase() as 'last' | 'this' | 'next'] }),
  },
  // (last|this|next|early|mid-|late) June; a bare month only after a word that makes it a date
  {
    re: re(String.raw`(?:\b(?<shift>${cap('last|next|this past|this coming|this|the coming')})\s+)?(?:\b(?<part>${cap('early|late|mid|the beginning of|the start of|the middle of|the end of')})[-\s]+)?(?<mo>${MONTH})(?![\p{L}])(?!\.?\s*\d)`),
    build: (m, text) => {
      const mo = m.groups!.mo;
      const shift = shiftOf(m.groups!.shift);
      if (!shift && !m.groups!.part) {
        const before = text.slice(Math.max(0, m.index - 20), m.index);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
        // "a June agreement", "the March meeting": a month used as a modifier of a common noun.
        const modifier = /(?:^|[^\p{L}])(?:a|an|the|its|their|his|her)\s+$/iu.test(before) && /^\s+[a-z]/.test(after)
          && !/^\s+(?:for|on|of|to|in|and|or|against|through|from|at|by|with)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
        if (!MONTH_CUE.test(before) && !/^['’]s\b/.test(after) && !modifier) return null;
        // "May" and "March" are words first: they need a preposition, not just "and"/"to".
        if (/^(?:May|March)$/.test(mo) && /(?:^|[^\p{L}])(?:and|or|to|from|of|for)\s*$/iu.test(before)) return null;
      }
      if (/^(?:Mar|Jun|Jul|Sept?|Dec|Jan|Feb|Apr|Aug|Oct|Nov)\.?$/.test(mo)) return null; // abbreviations only with a day
      return { k: 'month', m: monthOf(mo), shift };
    },
  },
  // Spoken years, as in broadcast transcripts: nineteen ninety-six, the year two thousand, twenty twenty-five
  {
    re: rei(String.raw`(?:\b(?<part>early|late|mid|the\s+(?:beginning|start|middle|end)\s+of|the\s+year)[-\s]+)?\b(?<y>${SPELLED_YEAR})\b`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (!m.groups!.part && (COUNT_BEFORE.test(before) || COUNT_NOUN.test(after) || /^\s*[a-z]/.test(after) && /^two/i.test(m.groups!.y))) return null;
      return { k: 'year', y: yearOf(m.groups!.y) };
    },
  },
  // Fixed-date holidays, placed like a month-day: Christmas (Day|Eve), New Year's Day/Eve, Valentine's Day
  {
    re: re(String.raw`(?:\b(?<shift>${cap('last|next|this past|this coming|this')})\s+)?\b(?<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Valentine['’]s\s+Day|Halloween)(?!\s+(?:tree|trees|card|cards|market|markets|season|shopping|holidays?|sales|lights|carols?|message|speech|address|truce|ceasefire|resolution|gifts?|presents?|dinner|party)\b)`),
    build: (m) => {
      const h = m.groups!.h.replace(/\s+/g, ' ').replace('’', "'");
      const [mo, d] = h.startsWith('Christmas Eve') ? [12, 24] : h.startsWith('Christmas') ? [12, 25]
        : h === "New Year's Eve" ? [12, 31] : h.startsWith('New Year') ? [1, 1] : h.startsWith('Valentine') ? [2, 14] : [10, 31];
      if (h === "New Year's") return null; // "New Year's" alone is as often the holiday season as the day
      return { k: 'monthDay', m: mo, d, shift: shiftOf(m.groups!.shift) };
    },
  },
  // earlier in the year, later in the month: the current one, before or after the dateline
  {
    re: rei(String.raw`\b(?<part>earlier|later)\s+in\s+the\s+(?<unit>week|month|year)\b`),
    build: (m) => ({ k: 'period', unit: m.groups!.unit.toLowerCase() as 'week' | 'month' | 'year', n: 0, part: m.groups!.part.toLowerCase() as 'earlier' | 'later' }),
  },
  // the next day, the previous month, that year, the same day, two days later, a year earlier
  {
    re: rei(String.raw`\b(?:the\s+(?<rel>following|next|previous|prior|preceding|same)\s+(?<unit>day|week|month|year)|that\s+(?<unit2>day|week|month|year)|the\s+(?<unit3>day)\s+(?<ba>before|after)(?!\s+(?:the|a|an|his|her|their|its|[\p{Lu}\d]))|(?<n>${NUM})\s+(?<unit4>day|week|month|year)s?\s+(?<le>later|earlier)(?!\s+than))\b`),
    build: (m) => {
      const g = m.groups!;
      const unit = (g.unit ?? g.unit2 ?? g.unit3 ?? g.unit4).toLowerCase() as 'day' | 'week' | 'month' | 'year';
      if (g.rel) {
        const rel = g.rel.toLowerCase();
        return { k: 'anaphor', unit, n: rel === 'same' ? 0 : rel === 'following' || rel === 'next' ? 1 : -1 };
      }
      if (g.unit2) return { k: 'anaphor', unit, n: 0 };
      if (g.unit3) return { k: 'anaphor', unit, n: g.ba.toLowerCase() === 'after' ? 1 : -1 };
      const n = numOf(g.n);
      return n === null ? { k: 'none' } : { k: 'anaphor', unit, n: g.le.toLowerCase() === 'later' ? n : -n, shift: true };
    },
  },
  // (the) third quarter (of 2025), third-quarter, Q3 2025: a quarter lies in one year, so it resolves at year precision
  {
    re: rei(String.raw`\b(?:(?:the\s+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter|(?<=\s|^)Q(?<qn>[1-4]))(?:\s+(?:of\s+)?(?<y>${YEAR4})\b)?`),
    build: (m) => {
      const q = m.groups!.qn ? +m.groups!.qn : { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 }[m.groups!.q.toLowerCase()]!;
      if (m.groups!.qn && !m.groups!.y) return null; // "Q3" alone is too often a label
      return m.groups!.y ? { k: 'year', y: +m.groups!.y } : { k: 'quarter', q };
    },
  },
  // (this|last|next) summer, the winter of 2019
  {
    re: rei(String.raw`\b(?:(?<shift>last|next|this\s+past|this\s+coming|this|the\s+coming|the\s+past|early|late|mid|the)[-\s]+)(?<season>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?<y>${YEAR4}))?`),
    build: (m) => {
      const season = { spring: 0, summer: 1, fall: 2, autumn: 2, winter: 3 }[m.groups!.season.toLowerCase() as 'spring']!;
      const sh = m.groups!.shift.toLowerCase().replace(/\s+/g, ' ');
      if (m.groups!.y) return { k: 'season', season, y: +m.groups!.y, shift: null };
      if (sh === 'the' || sh === 'early' || sh === 'late' || sh === 'mid') return null; // generic ("in the summer")
      return { k: 'season', season, shift: shiftOf(sh) ?? (sh === 'this past' ? 'last' : null) };
    },
  },
  // the 19th century, the twentieth century: found, but wider than a year
  {
    re: rei(String.raw`\bthe\s+(?:\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[-\s]century\b`),
    build: () => ({ k: 'none' }),
  },
  // year-end, year's end: the end of the current year
  {
    re: rei(String.raw`\byear(?:-|\s+|['’]s\s+)end\b`),
    build: () => ({ k: 'period', unit: 'year', n: 0, part: 'later' }),
  },
  // the 1990s, the '90s, the nineties
  {
    re: re(String.raw`\b(?:the\s+)?(?:(?:1[0-9]|20)\d0['’]?s|['’]\d0s|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b`),
    build: (m) => (/^the\s|['’]?\d0s/i.test(m[0]) ? { k: 'none' } : null),
  },
  // 1994-1998, 2019-20: a span of years, found but wider than one (the same year twice is just that year)
  {
    re: re(String.raw`(?<![\d./-])(?<y1>1[89]\d\d|20\d\d)\s*[-–]\s*(?<y2>1[89]\d\d|20\d\d|\d\d)(?![\d./-]|\s*%)`),
    build: (m) => {
      const y1 = +m.groups!.y1, t = m.groups!.y2;
      const y2 = t.length === 2 ? Math.floor(y1 / 100) * 100 + +t : +t;
      return y2 > y1 && y2 - y1 < 100 ? { k: 'none' } : null;
    },
  },
  // (early|mid-|late|the end of|fiscal) 2019, 2019-20 excluded (a season or a range)
  {
    re: re(String.raw`(?:\b(?<part>${cap('early|late|mid|fiscal|the beginning of|the start of|the middle of|the end of|the year')})[-\s]+)?(?<!\d[./])\b(?<y>1[89]\d\d|20\d\d)\b(?![-–/]\d|[.,]\d|\s*%|\s*percent)`),
    build: (m, text) => {
      const y = +m.groups!.y;
      if (!m.groups!.part) {
        const before = text.slice(Math.max(0, m.index - 30), m.index);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
        // A year after "in"/"since" is a year even before a noun ("in 2019 GMT changed its name").
        const yearPrep = /\b(?:in|since|during|until|till|before|after)\s+$/i.test(before);
        if (COUNT_BEFORE.test(before) || (COUNT_NOUN.test(after) && !yearPrep)) return null;
        if (/[\p{L}]-$/u.test(before)) return null; // "F-2000"
      }
      return { k: 'year', y };
    },
  },
  // today, tonight, this morning, (early|late|earlier|later) yesterday (morning), the day before yesterday
  {
    re: rei(String.raw`\b(?:(?:early|late|earlier|later)\s+)?(?<w>today|tonight|yesterday|tomorrow|(?:this|last)\s+(?:morning|afternoon|evening|night)|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:${PART_OF_DAY})?\b`),
    build: (m, text) => {
      const w = m.groups!.w.toLowerCase().replace(/\s+/g, ' ');
      // "today's world", "in today's dollars": nowadays, not the dateline
      if (w === 'today' && /^['’]s\s+(?:world|society|generation|youth|standards|terms|dollars|money|economy|age|times|climate|environment|children|media|politics|technology)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      const n = w === 'yesterday' || w === 'last night' || w === 'last evening' ? -1 : w === 'tomorrow' ? 1
        : w === 'the day before yesterday' ? -2 : w === 'the day after tomorrow' ? 2 : w.startsWith('last') ? -1 : 0;
      return { k: 'dayShift', n };
    },
  },
  // (last|next|this|this past|this coming|early|late) Saturday('s) (night)
  {
    re: re(String.raw`(?:\b(?<shift>${cap('last|next|this past|this coming|this|coming|the previous|the following|the next')})\s+)?(?:\b${cap('(?:early|late|earlier|later)')}\s+)?\b(?<wd>${WD})(?:['’]s)?(?:${PART_OF_DAY})?\b`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (WEEKDAY_BLOCK_BEFORE.test(before) || WEEKDAY_BLOCK_AFTER.test(after)) return null;
      return { k: 'weekday', wd: WEEKDAYS[m.groups!.wd.toLowerCase()], shift: shiftOf(m.groups!.shift) };
    },
  },
  // two days ago, a year ago, a week or so ago, five months ago
  {
    re: rei(String.raw`\b(?<n>${NUM}|a\s+few|several|some|many|few)\s+(?<unit>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+ago\b`, ),
    build: (m) => {
      const n = numOf(m.groups!.n);
      if (n === null) return { k: 'none' };
      const unit = m.groups!.unit.toLowerCase();
      if (unit === 'day') return { k: 'dayShift', n: -n };
      if (unit === 'week') return { k: 'dayShift', n: -7 * n };
      if (unit === 'decade') return { k: 'period', unit: 'year', n: -10 * n };
      return { k: 'period', unit: unit as 'month' | 'year', n: -n };
    },
  },
  // last week, this month, next year, earlier this month, later this year, early next year, over the weekend
  {
    re: rei(String.raw`\b(?:(?<part>earlier|later|early|late|mid|the\s+(?:beginning|start|middle|end)\s+of)[-\s]+)?(?<rel>last|this|next|the\s+coming|the\s+current|the\s+past|the)\s+(?<unit>week|weekend|month|year)\b`),
    build: (m, text) => {
      const rel = m.groups!.rel.toLowerCase().replace(/\s+/g, ' ');
      const unit = m.groups!.unit.toLowerCase() as 'week' | 'weekend' | 'month' | 'year';
      const part = m.groups!.part?.toLowerCase();
      // "the week"/"the year" alone are anaphoric; only "the weekend" and "the end of the year/month" are deictic.
      if (rel === 'the' && unit !== 'weekend' && !(part && part.startsWith('the'))) return null;
      if (rel === 'the past' && unit !== 'weekend') return null; // "the past year" is a duration
      // "the weekend before", "the week after": anaphora, and "a week ago" is the ago rule's
      if (rel.startsWith('the') && /^\s+(?:earlier|before|after|later|ago)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
      const n = rel === 'last' ? -1 : rel === 'next' || rel === 'the coming' ? 1 : 0;
      const p = part === 'earlier' || part === 'early' || part?.includes('beginning') || part?.includes('start') ? 'earlier'
        : part === 'later' || part === 'late' || part?.includes('end') ? 'later' : undefined;
      const shift: Shift = rel === 'the' || rel === 'the past' ? (rel === 'the past' ? 'last' : null) : 'this';
      return { k: 'period', unit, n, part: p, shift: unit === 'weekend' ? shift : undefined };
    },
  },
];

function dateSem(y: number, m: number, d: number): Sem | null {
  return validDay(y, m, d) ? { k: 'date', y, m, d } : null;
}

function monthDaySem(mo: string, ds: string, d2s: string | undefined, ys: string | undefined, wds: string | undefined): Sem | null {
  const m = monthOf(mo), d = dayOf(ds), d2 = d2s ? dayOf(d2s) : undefined;
  if (!m || d < 1 || d > 31 || (d2 !== undefined && (d2 <= d || d2 > 31))) return null;
  if (ys) {
    const y = +ys;
    if (!validDay(y, m, d)) return null;
    return { k: 'date', y, m, d, d2 };
  }
  if (d > daysInMonth(2000, m)) return null;
  return { k: 'monthDay', m, d, d2, wd: wds ? WEEKDAYS[wds.toLowerCase()] : undefined, shift: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Placing a meaning on the calendar.

// How much a candidate that goes against the tense costs compared with one that agrees: a past-tense sentence may
// still mention a date a few weeks ahead ("set elections for Oct. 3"), but not one most of a year ahead; and a
// future in the past ("would depart in early February", "was supposed to end by May 1") names a date gone by.
const AGAINST_TENSE = 4;

function pickYear(dl: number, cands: number[], direction: Direction): number {
  // A date in the present tense ("the deadline is Feb. 1") is a schedule: it leans forward, as weekdays do not
  // need to (they are never more than three days from the dateline either way).
  if (direction === 'present') direction = 'future';
  let best = cands[0], bestCost = Infinity;
  for (const c of cands) {
    const delta = c - dl;
    const wrongWay = (direction === 'past' && delta > 0) || (direction === 'future' && delta < 0);
    const cost = Math.abs(delta) * (wrongWay ? AGAINST_TENSE : 1);
    if (cost < bestCost) { best = c; bestCost = cost; }
  }
  return best;
}

type Range = readonly [number, number];

function resolveSem(sem: Sem, dl: number | null, direction: Direction): Range | null {
  switch (sem.k) {
    case 'none':
      return null;
    case 'date':
      return [dayNum(sem.y, sem.m, sem.d), dayNum(sem.y, sem.m, sem.d2 ?? sem.d)];
    case 'monthOfYear':
      return monthRange(sem.y, sem.m);
    case 'year':
      return yearRange(sem.y);
  }
  if (sem.k === 'anaphor') return null; // needs a reference date from the text: see shiftFrom
  if (dl === null) return null;
  const [y0, m0] = ymd(dl);
  switch (sem.k) {
    case 'dayShift':
      return [dl + sem.n, dl + sem.n];
    case 'weekday': {
      const wd0 = weekday(dl);
      const back = (wd0 - sem.wd + 7) % 7; // days back to the most recent such weekday, 0 = the dateline itself
      const fwd = (sem.wd - wd0 + 7) % 7;
      let n: number;
      if (sem.shift === 'last') n = dl - (back || 7);
      else if (sem.shift === 'next' || sem.shift === 'coming') n = dl + (fwd || 7);
      else if (sem.shift === 'this') n = direction === 'past' ? dl - back : dl + fwd;
      else if (direction === 'present') n = back <= fwd ? dl - back : dl + fwd;
      else n = direction === 'future' ? dl + fwd : dl - back;
      return [n, n];
    }
    case 'monthDay': {
      const cands: number[] = [];
      for (const y of [y0 - 1, y0, y0 + 1]) if (validDay(y, sem.m, sem.d)) cands.push(dayNum(y, sem.m, sem.d));
      if (!cands.length) return null;
      // A weekday given with the date ("Saturday, April 4") settles the year when only one candidate fits.
      const fitting = sem.wd === undefined ? [] : cands.filter((c) => weekday(c) === sem.wd);
      const a = fitting.length === 1 ? fitting[0]
        : sem.shift === 'last' ? Math.max(...cands.filter((c) => c < dl))
        : sem.shift === 'next' || sem.shift === 'coming' ? Math.min(...cands.filter((c) => c > dl))
        : pickYear(dl, cands, direction);
      const [y] = ymd(a);
      return [a, sem.d2 ? dayNum(y, sem.m, sem.d2) : a];
    }
    case 'month': {
      let y: number;
      if (sem.yearOffset !== undefined) y = y0 + sem.yearOffset;
      else if (sem.shift === 'last') y = sem.m < m0 ? y0 : y0 - 1;
      else if (sem.shift === 'next' || sem.shift === 'coming') y = sem.m > m0 ? y0 : y0 + 1;
      else if (sem.shift === 'this') y = y0;
      else {
        // Compare month starts; the dateline's own month counts as both past and future.
        const cands = [y0 - 1, y0, y0 + 1].map((yy) => dayNum(yy, sem.m, 1));
        const here = dayNum(y0, m0, 1);
        y = ymd(pickYear(here, cands, direction === 'auto' ? 'past' : direction))[0];
      }
      return monthRange(y, sem.m);
    }
    case 'quarter': {
      // The quarter in the year that the tense points to; a quarter under way counts as both past and future.
      const cands = [y0 - 1, y0, y0 + 1].map((yy) => monthRange(yy, 3 * sem.q - 2)[0]);
      const here = monthRange(y0, 3 * Math.floor((m0 - 1) / 3) + 1)[0];
      const [y] = ymd(pickYear(here, cands, direction));
      return [monthRange(y, 3 * sem.q - 2)[0], monthRange(y, 3 * sem.q)[1]];
    }
    case 'season': {
      // Meteorological seasons of the northern hemisphere: spring Mar-May ... winter Dec-Feb (which straddles a
      // year end, so it cannot be placed even at year precision).
      const first = 3 + 3 * sem.season;
      const range = (yy: number) => [monthRange(yy, first)[0], monthRange(yy, first + 2)[1]] as const;
      let yy: number;
      if (sem.y !== undefined) yy = sem.y;
      else {
        const cur = range(y0);
        if (sem.shift === 'last') yy = cur[1] < dl ? y0 : y0 - 1;
        else if (sem.shift === 'next' || sem.shift === 'coming') yy = cur[0] > dl ? y0 : y0 + 1;
        else yy = cur[1] < dl && direction === 'future' ? y0 + 1 : cur[0] > dl && direction === 'past' ? y0 - 1 : y0;
      }
      return range(yy);
    }
    case 'period': {
      let a: number, b: number;
      if (sem.unit === 'year') [a, b] = yearRange(y0 + sem.n);
      else if (sem.unit === 'month') [a, b] = monthRange(y0, m0 + sem.n);
      else if (sem.unit === 'week') {
        a = dl - weekday(dl) + 7 * sem.n;
        b = a + 6;
      } else {
        // Weekend = Saturday and Sunday. "the weekend" follows the tense; "this weekend" is the coming one
        // unless the sentence looks back; "last weekend" is the one before the current week's.
        const wd0 = weekday(dl);
        const prevSat = dl - ((wd0 - 5 + 7) % 7); // most recent Saturday on or before the dateline
        const nextSat = dl + ((5 - wd0 + 7) % 7);
        const dir = sem.shift === 'last' ? 'past' : sem.n === 1 || sem.shift === 'coming' ? 'future' : direction;
        if (sem.n === -1) a = wd0 >= 5 ? prevSat - 7 : prevSat;
        else if (sem.n === 1) a = wd0 >= 5 ? nextSat + 7 : nextSat;
        else if (wd0 >= 5) a = prevSat;
        else a = dir === 'future' || (sem.shift === 'this' && dir !== 'past') ? nextSat : prevSat;
        b = a + 1;
      }
      // "earlier this month" runs up to the dateline, "later this year" from it: keeps the range tight, so a week
      // that straddles a month end may still fit in one month.
      if (sem.part === 'earlier' && sem.n === 0 && dl > a) b = Math.min(b, dl);
      if (sem.part === 'later' && sem.n === 0 && dl < b) a = Math.max(a, dl);
      return [a, b];
    }
  }
}

/** The first occurrence of a yearless month-day or month that ends on or after day `from`. */
function followOn(sem: Extract<Sem, { k: 'monthDay' | 'month' }>, from: number): Range | null {
  const [y0] = ymd(from);
  for (const y of [y0, y0 + 1]) {
    if (sem.k === 'month') {
      const r = monthRange(y, sem.m);
      if (r[1] >= from) return r;
    } else if (validDay(y, sem.m, sem.d)) {
      const a = dayNum(y, sem.m, sem.d);
      if (a >= from) return [a, sem.d2 ? dayNum(y, sem.m, sem.d2) : a];
    }
  }
  return null;
}

/**
 * "the next day", "a year earlier", "that month": counted from the reference date the story last set, not from the
 * dateline. The unit must be at least as coarse as the reference's precision ("the next day" after "in March" is
 * not a day anyone can name).
 */
function shiftFrom(sem: Extract<Sem, { k: 'anaphor' }>, ref: Range): Range | null {
  const [a, b] = ref;
  const [ya, ma, da] = ymd(a), [yb, mb] = ymd(b);
  // "a year earlier" moves the reference itself, so a day stays a day ("Sept. 30 ... a year earlier" = the Sept. 30
  // before); "the following year" names the whole unit.
  if (sem.shift && a === b && (sem.unit === 'month' || sem.unit === 'year')) {
    const months = sem.unit === 'year' ? 12 * sem.n : sem.n;
    const [ty, tm] = ymd(monthRange(ya, ma + months)[0]);
    const d = Math.min(da, daysInMonth(ty, tm));
    return [dayNum(ty, tm, d), dayNum(ty, tm, d)];
  }
  if (sem.shift && ya === yb && ma === mb && a !== b && sem.unit === 'year') return monthRange(ya + sem.n, ma);
  switch (sem.unit) {
    case 'day': {
      if (a !== b) return null;
      return [a + sem.n, a + sem.n];
    }
    case 'week': {
      if (a !== b) return null;
      if (sem.shift) return [a + 7 * sem.n, a + 7 * sem.n]; // "a week later": that day
      const monday = a - weekday(a) + 7 * sem.n; // "the following week": the whole week
      return [monday, monday + 6];
    }
    case 'month':
      return ya === yb && ma === mb ? monthRange(ya, ma + sem.n) : null;
    case 'year':
      return ya === yb ? yearRange(ya + sem.n) : null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tense: which way an expression without its own "last"/"next" points.

const FUTURE_WORDS = new Set([
  'will', "'ll", '’ll', 'shall', 'wo', "won't", 'won’t', 'would', 'scheduled', 'expected', 'slated', 'due', 'upcoming', 'planned',
  'next', 'coming', 'forthcoming', 'tomorrow', 'until', 'hopes', 'hoping', 'could', 'might', 'may', 'should', 'must',
]);
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'ago', 'last', 'earlier', 'yesterday', 'met', 'held', 'went', 'came',
  'took', 'made', 'gave', 'began', 'left', 'fought', 'spoke', 'wrote', 'saw', 'won', 'lost', 'struck', 'sent', 'led',
  'fell', 'rose', 'broke', 'ran', 'brought', 'bought', 'thought', 'kept', 'sought', 'stood', 'became', 'chose', 'drew',
  'flew', 'grew', 'knew', 'threw', 'sold', 'paid', 'found', 'heard', 'felt', 'shot', 'meant', 'stole', 'spent', 'hit',
  'cut', 'put', 'quit', 'set', 'shut', 'split', 'spread', 'hurt', 'let', 'beat', 'bit', 'fled', 'got', 'forgot',
  'sank', 'swore', 'tore', 'woke', 'wore', 'won', 'withdrew', 'overtook', 'undertook', 'arose', 'awoke', 'forbade',
  'oversaw', 'underwent', 'reiterated', 'previously', 'past', 'recently', 'already', 'since',
]);
const INTENT_VERBS = new Set(['plan', 'plans', 'planning', 'intends', 'intend', 'intending', 'hopes', 'hope', 'hoping', 'aims', 'aim', 'aiming', 'wants', 'want', 'seeks', 'seek', 'vowed', 'vows', 'pledged', 'pledges', 'promised', 'promises', 'threatened', 'threatens', 'agreed', 'agrees', 'decided', 'decides']);
const SCHEDULE_VERBS = new Set([
  'meet', 'meets', 'travels', 'convene', 'convenes', 'arrive', 'arrives', 'depart', 'departs', 'resume', 'resumes',
  'begin', 'begins', 'visits', 'testifies', 'testify', 'speaks', 'reconvenes', 'reconvene', 'kicks', 'expires',
  'expire', 'meeting', 'traveling', 'travelling', 'visiting', 'arriving', 'departing', 'testifying', 'speaking',
  'hosting', 'holding', 'leaving', 'heading', 'returning', 'convening', 'resuming', 'launching', 'voting',
]);
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", "'re", 'was', 'were']);
// Words ending in -ed that are not past verbs.
const NOT_ED_VERB = new Set(['need', 'feed', 'seed', 'speed', 'bed', 'red', 'hundred', 'shed', 'bleed', 'breed', 'greed', 'indeed', 'creed', 'weed', 'proceed', 'exceed', 'succeed', 'embed', 'united', 'limited', 'armed', 'based', 'concerned', 'interested', 'qualified', 'related', 'so-called', 'unprecedented', 'unidentified', 'unnamed', 'expected', 'scheduled', 'planned', 'set', 'biased', 'dated']);

// An -ed word right after these is an adjective ("a still unspecified date"), not a past verb.
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'still', 'very', 'most', 'more', 'less', 'well', 'newly', 'so', 'much', 'long', 'widely']);

type Cue = 'past' | 'future' | 'present' | null;

interface Word { w: string; tag: string }

function cueOf(words: Word[], j: number): Cue {
  const { w, tag } = words[j];
  const lw = w.toLowerCase();
  const next = words[j + 1]?.w.toLowerCase() ?? '';
  const prev = words[j - 1]?.w.toLowerCase() ?? '';
  // Plans and schedules point forward whatever their own tense ("was scheduled for Sunday").
  if (lw === 'set' && (next === 'to' || next === 'for')) return 'future';
  if (lw === 'due' && next !== 'process') return 'future';
  if (lw === 'going' && next === 'to') return 'future';
  // "plans to meet" looks ahead; "announced the plan Aug. 21" does not.
  if (INTENT_VERBS.has(lw) && next === 'to') return 'future';
  // "effective Monday" dates a change that may have come or may be coming: the nearest such day.
  // So does "ahead of Sunday's vote": the vote follows the reporting, which may itself be days old.
  if (lw === 'effective' || lw === 'starting' || (lw === 'beginning' && !tag) || (lw === 'ahead' && next === 'of')) return 'present';
  // A present-tense copula with a date ("the vote is Sunday", "there's another meeting Wednesday") can point either
  // way, so it asks for the nearest occurrence; a participle after it is passive and decides instead.
  if ((lw === 'is' || lw === 'are' || (lw === "'s" || lw === '’s') && /^(?:there|it|that|what|here)$/.test(prev)) && !/^[a-z]{3,}(?:ed|en)$/.test(next)) return 'present';
  // Scheduled events take the present tense in news ("the two leaders meet Monday"), and so does the present
  // progressive ("are meeting Sunday"); a progressive after "was"/"were" is past.
  if (SCHEDULE_VERBS.has(lw) && !lw.endsWith('ing') && !tag) return DETERMINERS.has(prev) ? null : 'future';
  if (tag === 'VBZ' || tag === 'VBP') return SCHEDULE_VERBS.has(lw) ? 'future' : null;
  if (SCHEDULE_VERBS.has(lw) && lw.endsWith('ing') && (prev === 'is' || prev === 'are' || prev === "'re" || prev === 'am')) return 'future';
  if (lw === 'to' && (next === 'be' || next === 'hold' || next === 'meet' || next === 'visit' || next === 'begin' || next === 'start')) return 'future';
  if (FUTURE_WORDS.has(lw)) return lw === 'may' && /^[A-Z]/.test(w) ? null : 'future';
  if (lw === 'set' || lw === 'put' || lw === 'let' || lw === 'cut' || lw === 'hit' || lw === 'quit' || lw === 'shut') {
    return tag ? (tag === 'VBD' || tag === 'VBN' ? 'past' : null) : null;
  }
  if (tag) {
    if (tag === 'MD') return 'future';
    if (tag === 'VBD') return 'past';
    if (tag === 'VBN') return BE_FORMS.has(prev) ? null : 'past';
    return PAST_WORDS.has(lw) && tag.startsWith('V') ? 'past' : lw === 'ago' || lw === 'last' ? 'past' : null;
  }
  // A participle after a form of "be" is passive: its auxiliary ("was", "will be") decides instead.
  if (BE_FORMS.has(prev) && (/^[a-z]{3,}(?:ed|en)$/.test(w) || PAST_WORDS.has(lw)) && lw !== 'was' && lw !== 'were') return null;
  if (PAST_WORDS.has(lw)) return 'past';
  if (/^[a-z]{3,}ed$/.test(w) && !NOT_ED_VERB.has(lw) && !/^un/.test(lw) && !DETERMINERS.has(prev)) {
    return prev === 'not' && BE_FORMS.has(words[j - 2]?.w.toLowerCase() ?? '') ? null : 'past';
  }
  return null;
}

const WORD_RE = /[\p{L}\p{N}]+(?:n['’]t\b)?|['’](?:ll|ve|re|s|d|m)\b|[;:—–]|\S/gu;

/** Token-like words of text[from, to) with their PTB tags when the Doc has a POS layer. */
function wordsIn(doc: Doc, from: number, to: number): Word[] {
  const out: Word[] = [];
  if (doc.layers.has('pos') && doc.length) {
    for (let i = doc.tokenAtOrAfter(from); i < doc.length && doc.start[i] < to; i++) {
      if (doc.start[i] < from) continue;
      out.push({ w: doc.textOf(i), tag: doc.xpos[i] ? doc.strings.get(doc.xpos[i]) : '' });
    }
    return out;
  }
  for (const m of doc.text.slice(from, to).matchAll(WORD_RE)) out.push({ w: m[0], tag: '' });
  return out;
}

/** The sentence's character range around [start, end), from the Doc's sentence spans. */
function sentenceRange(doc: Doc, start: number, end: number): [number, number] {
  if (!doc.length) return [0, doc.text.length];
  const i = Math.min(doc.tokenAtOrAfter(start), doc.length - 1);
  const s = doc.sentence(doc.sentenceOf(i));
  return [Math.min(s.startChar, start), Math.max(s.endChar, end)];
}

const PRESENT_REACH = 4;
const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless']);
const NOT_GOVERNING_RIGHT = new Set(['until', 'since', 'next', 'coming', 'last', 'earlier', 'yesterday', 'tomorrow', 'past', 'recently', 'already', 'previously', 'upcoming']);

/**
 * Which way the sentence around text[start, end) points: the nearest tense cue wins, looking left first (the verb
 * that governs a date usually precedes it in English news) and only then right. Clause punctuation (;) stops the
 * search so that "X happened Friday; Y will follow" keeps each half apart.
 */
export function directionAt(doc: Doc, start: number, end: number): Direction {
  const [s0, s1] = sentenceRange(doc, start, end);
  const left = wordsIn(doc, s0, start), right = wordsIn(doc, end, s1);
  let lc: Cue = null, ld = Infinity;
  for (let j = left.length - 1; j >= 0; j--) {
    if (/^[;:—–]$/.test(left[j].w)) break;
    const c = cueOf(left, j);
    // A copula governs a date only close by ("is Sunday"), not across a clause ("are convertible at ... Thursday's").
    if (c === 'present' && left.length - j > PRESENT_REACH) continue;
    if (c) { lc = c; ld = left.length - j; break; }
  }
  let rc: Cue = null, rd = Infinity;
  for (let j = 0; j < right.length; j++) {
    // A clause that starts after the date has its own verb ("alleged Thursday that Edwards lacks the experience
    // to be president"): its tense is not the date's.
    if (/^[;:—–]$/.test(right[j].w) || SUBORDINATORS.has(right[j].w.toLowerCase())) break;
    const c = cueOf(right, j);
    if (c === 'present') continue; // "worth $130 million in October, are worth half that now": the main clause's
    // Adverbs and prepositions after a date modify something else ("from December until the cut in January").
    if (NOT_GOVERNING_RIGHT.has(right[j].w.toLowerCase())) continue;
    if (c) { rc = c; rd = j + 1; break; }
  }
  // Right-hand cues count a little less: "Sunday's vote will ..." is fine, but the left verb usually governs.
  if (lc && ld <= rd + 3) return lc;
  return rc ?? lc ?? 'auto';
}

// ---------------------------------------------------------------------------------------------------------------
// Finding expressions.

interface Found { start: number; end: number; sem: Sem }

/** "This Week" (a TV show), "VOA Today": relative words in title case are names, not dates. */
function looksLikeTitle(match: string, before: string): boolean {
  if (/^\p{Lu}[\p{Ll}]/u.test(match) && /\p{Lu}[\p{L}.]*[ \t]+$/u.test(before) && !/[.!?:]["'”’]?\s+$/u.test(before)) return true;
  return /\s\p{Lu}\p{Ll}/u.test(match) && !/^\p{Lu}+\b/u.test(match.replace(/^\S+\s+/, ''));
}

function scan(text: string): Found[] {
  const all: Found[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      if (rule.re.flags.includes('i') && looksLikeTitle(m[0], text.slice(Math.max(0, m.index - 20), m.index))) continue;
      const sem = rule.build(m, text);
      if (sem) all.push({ start: m.index, end: m.index + m[0].length, sem });
    }
  }
  // Longest match wins; among equals the earlier rule (it was pushed first and the sort is stable).
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Found[] = [];
  for (const f of all) {
    const prev = out[out.length - 1];
    if (prev && f.start < prev.end) {
      if (f.end - f.start > prev.end - prev.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** chrono-node's strict parser reads the numeric formats the rules above do not list (7/1/82, 14.06.2025). Only
 *  those are taken: its month-name dates add nothing the rules miss except false ones ("Mar 6.8" in a price
 *  table), and its casual parser fires on "may", "second", "now" and ages. */
// One separator throughout, so that prices in sixteenths ("10-5/16") are not dates.
const NUMERIC_DATE = /(?<![\d/.-])\d{1,4}([/.-])\d{1,2}\1\d{2,4}(?![\d/.-])/;

function chronoExtras(text: string, taken: Found[], dl: number | null): DateAnnotation[] {
  const out: DateAnnotation[] = [];
  const ref = dl === null ? undefined : { instant: new Date(dl * DAY_MS + DAY_MS / 2), timezone: 0 };
  if (!NUMERIC_DATE.test(text)) return out; // chrono is slow; most articles have no numeric date at all
  for (const r of chrono.strict.parse(text, ref)) {
    const s = r.index, e = r.index + r.text.length;
    if (taken.some((f) => f.start < e && s < f.end)) continue;
    // Only calendar dates: chrono also reads "within 15 days" and "30 days before" as dates, which they are not.
    if (!NUMERIC_DATE.test(r.text)) continue;
    const c = r.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    const y = c.get('year'), m = c.get('month'), d = c.get('day');
    if (!c.isCertain('year') && dl === null) {
      out.push({ text: r.text, start: s, end: e, value: null, precision: 'none' });
    } else if (y && m && d && validDay(y, m, d)) {
      out.push({ text: r.text, start: s, end: e, value: iso(y, m, d), precision: 'day' });
    }
  }
  return out;
}

/**
 * Resolves one temporal expression (e.g. "Saturday", "last month", "June 22") against a dateline (YYYY-MM-DD).
 * direction: the tense of its sentence (see Direction; directionAt works it out from a Doc). Surrounding words are
 * ignored ("on Saturday" = "Saturday"); the longest expression in the text is used. Unrecognised text, and anaphora
 * such as "the next day" (which need the story's previous date: use findDates), give value null / precision 'none'.
 */
export function resolveExpression(text: string, dateline: string | undefined, direction: Direction = 'auto'): Resolution {
  const found = scan(text);
  if (!found.length) return NONE;
  const best = found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const r = resolveSem(best.sem, parseDateline(dateline), direction);
  return r ? rangeToResolution(...r) : NONE;
}

/** Every date expression in the Doc, resolved against the dateline (YYYY-MM-DD) when one is given. */
export function findDates(doc: Doc, dateline?: string): DateAnnotation[] {
  const dl = parseDateline(dateline);
  const found = scan(doc.text);
  // The story's reference date: the last date it named, which "the next day" and "a year earlier" count from.
  let ref: Range | null = null;
  let prevEnd = -1, prevCalendar = false;
  const out: DateAnnotation[] = found.map((f) => {
    const s = f.sem;
    const needsTense = s.k === 'weekday' || s.k === 'monthDay' || s.k === 'month' || s.k === 'quarter' || s.k === 'season' || (s.k === 'period' && s.unit === 'weekend');
    const direction = needsTense && dl !== null ? directionAt(doc, f.start, f.end) : 'auto';
    // The second half of a range ("from Sept. 30, 1987, to Dec. 31", "between March 25 and June 25") is the first
    // such day or month after the first half, whatever the tense says.
    const rangeEnd = ref !== null && prevCalendar && (s.k === 'monthDay' || s.k === 'month') && s.shift === null
      && /^\s*,?\s*(?:to|through|until|till|and|[-–])\s*$/.test(doc.text.slice(prevEnd, f.start));
    const range = s.k === 'anaphor' ? (ref ? shiftFrom(s, ref) : null)
      : rangeEnd ? followOn(s as Extract<Sem, { k: 'monthDay' | 'month' }>, ref![0]) : resolveSem(s, dl, direction);
    prevEnd = f.end;
    prevCalendar = s.k === 'monthDay' || s.k === 'month' || s.k === 'date' || s.k === 'monthOfYear';
    // A story moves its reference forward ("the next day ... two days later"), but a look back is a comparison
    // ("up from $2 a year earlier") that leaves it where it was.
    if (range && !(s.k === 'anaphor' && s.n < 0)) ref = range;
    const r = range ? rangeToResolution(...range) : NONE;
    return { text: doc.text.slice(f.start, f.end), start: f.start, end: f.end, value: r.value, precision: r.precision };
  });
  out.push(...chronoExtras(doc.text, found, dl));
  return out.sort((a, b) => a.start - b.start);
}

// Parses PETRARCH/TABARI actor and agent dictionaries, and Parley's own JSON actor format, into knowledge-base files.
//
// Actor dictionaries: an entry is a phrase (words joined by '_' or spaces; a trailing '_' marks an exact word),
// followed by '+SYNONYM' lines and one or more code blocks '[CODE]', '[CODE >YYMMDD]' (from that date),
// '[CODE <YYMMDD]' (before it) or '[CODE YYMMDD-YYMMDD]' (a range); codes may sit on the phrase's line or on
// indented lines below it. Comments: '#' to the end of the line and <!-- ... --> blocks.
// Agent dictionaries: 'PHRASE {PLURAL} [~CODE]' (a suffix to the actor code) or '[CODE~]' (a prefix); macros
// '!NAME! = A, B' expand '!NAME!' inside phrases. Stems (a phrase without a trailing '_' matching longer words) are
// matched as whole words here: a documented simplification.
import { entryToRow, type KbEntry, type KbFile, type KbKind, type KbRow } from './kb.js';

export interface DictCode {
  code: string;
  /** YYYY-MM-DD, inclusive. */
  start?: string;
  /** YYYY-MM-DD, exclusive. */
  end?: string;
}

export interface DictActor {
  /** Primary phrase, words separated by spaces, as written (upper case). */
  phrase: string;
  synonyms: string[];
  codes: DictCode[];
  /** Phrases (primary or synonym) of one word written without a trailing '_': TABARI stems ("ARGENTIN"). */
  stems?: string[];
}

export interface DictAgent {
  phrase: string;
  plurals: string[];
  /** The code without its '~' (e.g. "GOV", "GOVFRM", "NGO"). */
  code: string;
  /** '~GOV' is appended to the actor code; 'NGO~' is put before it. */
  position: 'suffix' | 'prefix';
}

function stripComments(text: string): string[] {
  const noBlocks = text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ''));
  return noBlocks.split(/\r?\n/).map((l) => l.replace(/#.*$/, ''));
}

/** Dictionary words to plain phrase: 'UNITED_NATIONS_' → 'UNITED NATIONS'. */
function phraseOf(raw: string): string {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A one-word phrase without a trailing '_' is a stem in TABARI: it also matches longer words. */
function isStem(raw: string): boolean {
  return /^[A-Za-z][A-Za-z'-]{3,}$/.test(raw);
}

function ymd(s: string): string | undefined {
  const d = s.replace(/\D/g, '');
  if (d.length === 8) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (d.length === 6) {
    const yy = +d.slice(0, 2);
    // TABARI's two-digit years: 00-29 are 20xx, the rest 19xx
    return `${yy < 30 ? 2000 + yy : 1900 + yy}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
  }
  return undefined;
}

function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Parses the inside of one code block: 'RUSELI 700101-990809', 'HOB < 950601', 'HOBREB > 990816'. */
export function parseCodeBlock(inner: string): DictCode | undefined {
  const s = inner.trim();
  const m = /^([A-Za-z0-9~\-+/#]+)\s*(.*)$/.exec(s);
  if (!m) return undefined;
  const code = m[1].toUpperCase();
  const rest = m[2].trim();
  if (!rest) return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<\s*(\d{6,8})$/.exec(rest))) return { code, end: ymd(r[1]) };
  if ((r = /^>\s*(\d{6,8})$/.exec(rest))) return { code, start: ymd(r[1]) };
  if ((r = /^(\d{6,8})\s*-\s*(\d{6,8})$/.exec(rest))) {
    const end = ymd(r[2]);
    return { code, start: ymd(r[1]), ...(end ? { end: nextDay(end) } : {}) };
  }
  return { code };
}

export function parsePetrarchActors(text: string): DictActor[] {
  const out: DictActor[] = [];
  let cur: DictActor | undefined;
  for (const line of stripComments(text)) {
    if (!line.trim()) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => parseCodeBlock(m[1])).filter((c): c is DictCode => !!c);
    const head = line.replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, '');
    const indented = /^\s/.test(line);
    if (head.trim().startsWith('+')) {
      const raw = head.trim().slice(1).trim();
      if (cur) cur.synonyms.push(phraseOf(raw));
      if (cur && isStem(raw)) (cur.stems ??= []).push(phraseOf(raw));
      if (cur) cur.codes.push(...codes);
    } else if (indented && !head.trim()) {
      if (cur) cur.codes.push(...codes);
    } else if (head.trim()) {
      cur = { phrase: phraseOf(head), synonyms: [], codes };
      if (isStem(head.trim())) cur.stems = [cur.phrase];
      out.push(cur);
    }
  }
  return out.filter((a) => a.phrase);
}

export function parsePetrarchAgents(text: string): DictAgent[] {
  const macros = new Map<string, string[]>();
  const out: DictAgent[] = [];
  for (const line of stripComments(text)) {
    const t = line.trim();
    if (!t) continue;
    const mac = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(t);
    if (mac) {
      macros.set(mac[1], mac[2].split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const codeM = /\[\s*([^\]]*?)\s*\]/.exec(t);
    if (!codeM) continue;
    const rawCode = codeM[1].replace(/\s+/g, '');
    const position = rawCode.startsWith('~') ? 'suffix' : rawCode.endsWith('~') ? 'prefix' : 'suffix';
    const code = rawCode.replace(/~/g, '').toUpperCase();
    if (!code) continue;
    const pluralM = /\{([^}]*)\}/.exec(t);
    const plurals = pluralM ? pluralM[1].split(',').map((p) => phraseOf(p)).filter(Boolean) : [];
    const headRaw = t.slice(0, t.search(/[[{]/) < 0 ? t.length : t.search(/[[{]/)).trim();
    // expand macros: each macro alternative gives one phrase
    let phrases = [headRaw];
    for (const [name, alts] of macros) {
      if (!headRaw.includes(name)) continue;
      phrases = phrases.flatMap((p) => alts.map((a) => p.split(name).join(a)));
    }
    for (const p of phrases) {
      const phrase = phraseOf(p);
      if (phrase) out.push({ phrase, plurals, code, position });
    }
  }
  return out;
}

/** Regular English plural of the last word, for agent nouns without an explicit {plural}. */
export function pluralOf(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  let p: string;
  if (/(man)$/i.test(last)) p = last.replace(/an$/i, 'en');
  else if (/[^aeiou]y$/i.test(last)) p = last.slice(0, -1) + 'ies';
  else if (/(s|x|z|ch|sh)$/i.test(last)) p = last + 'es';
  else p = last + 's';
  return [...words, p].join(' ');
}

/** Splits a CAMEO-style code into country / org / sector ("USAGOV" → USA, GOV; "IGOUNO" → org UNO). */
export function splitCode(code: string): { country: string | null; org: string | null; sector: string } {
  const c = code.toUpperCase();
  const head = c.slice(0, 3);
  if (head === 'IGO' || head === 'NGO' || head === 'IMG' || head === 'MNC') {
    const rest = c.slice(3, 6);
    return { country: null, org: rest || head, sector: head === 'IMG' ? 'REB' : head === 'MNC' ? 'BUS' : head };
  }
  return { country: /^[A-Z]{3}$/.test(head) ? head : null, org: null, sector: c.slice(3, 6) };
}

function titleCase(phrase: string): string {
  return phrase.toLowerCase().replace(/(^|[\s\-'.(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Turns parsed actor and agent dictionaries into a knowledge-base file (aliases matched case-insensitively). */
export function petrarchToKb(actors: readonly DictActor[], agents: readonly DictAgent[], source: string): KbFile {
  const entries: KbRow[] = [];
  actors.forEach((a, k) => {
    const codes = a.codes.filter((c) => c.code && !/^[-+#]+$/.test(c.code));
    if (!codes.length) return;
    const id = `D:${source}:${k}`;
    const aliases = [a.phrase, ...a.synonyms, ...(a.stems ?? []).map((x) => `${x}*`)].filter(Boolean);
    codes.forEach((c) => {
      const { country, org, sector } = splitCode(c.code);
      const kind: KbKind = country && !sector ? 'country' : org ? 'igo' : 'group';
      const e: KbEntry = { id, name: titleCase(a.phrase), code: c.code, country, org, sector, kind };
      if (c.start) e.start = c.start;
      if (c.end) e.end = c.end;
      entries.push(entryToRow(e, [], aliases));
    });
  });
  const nouns: KbFile['nouns'] = [];
  for (const g of agents) {
    const sector = g.code.slice(0, 3);
    const person = !/S$/.test(g.phrase) || /SS$/.test(g.phrase) ? 1 : 0;
    const code = g.position === 'prefix' ? `${g.code}~` : g.code;
    nouns.push([g.phrase.toLowerCase(), g.phrase.toLowerCase(), sector, person, code]);
    const plurals = g.plurals.length ? g.plurals : [pluralOf(g.phrase)];
    for (const p of plurals) nouns.push([p.toLowerCase(), g.phrase.toLowerCase(), sector, 0, code]);
  }
  return { version: 2, built: `dictionary:${source}`, sources: [source], entries, nouns, modifiers: [] };
}

/**
 * Parley's own dictionary format (JSON):
 * { "parley": "actors@1", "actors": [ { "name", "code"?, "country"?, "org"?, "sector"?, "role"?, "kind"?,
 *   "aliases": [...], "start"?, "end"?, "id"? } ], "nouns"?: { "phrase": ["role", "SECTOR"] } }
 * Aliases are matched case-sensitively; an actor without a code gets country + sector (or "IGO" + org).
 */
export interface ParleyDictionary {
  parley: 'actors@1';
  actors: {
    name: string; aliases?: string[]; code?: string; country?: string | null; org?: string | null; sector?: string;
    role?: string; kind?: KbKind; start?: string; end?: string; id?: string;
  }[];
  nouns?: Record<string, [string, string]>;
}

export function parleyDictionaryToKb(d: ParleyDictionary, source: string): KbFile {
  if (d.parley !== 'actors@1' || !Array.isArray(d.actors)) {
    throw new Error(`${source}: not a Parley dictionary (expected {"parley": "actors@1", "actors": [...]})`);
  }
  const entries: KbRow[] = d.actors.map((a, k) => {
    if (typeof a.name !== 'string' || !a.name) throw new Error(`${source}: actor ${k + 1} has no "name"`);
    const country = a.country ?? null, org = a.org ?? null;
    const sector = a.sector ?? (org && !country ? 'IGO' : '');
    const code = a.code ?? (org && !country ? `IGO${org.toUpperCase()}` : `${country ?? ''}${sector}`);
    const kind: KbKind = a.kind ?? (a.role ? 'person' : org && !country ? 'igo' : 'group');
    const e: KbEntry = { id: a.id ?? `U:${a.name}`, name: a.name, code, country, org, sector, kind };
    if (a.role) e.role = a.role;
    if (a.start) e.start = a.start;
    if (a.end) e.end = a.end;
    return entryToRow(e, [a.name, ...(a.aliases ?? [])]);
  });
  const nouns: KbFile['nouns'] = Object.entries(d.nouns ?? {}).map(([p, [role, sector]]) => [p.toLowerCase(), role, sector, 1]);
  return { version: 2, built: `dictionary:${source}`, sources: [source], entries, nouns, modifiers: [] };
}

/** Discard phrases (lowercase words): a sentence holding a sentence-level one, or a story holding a story-level one, is not coded. */
export interface Discards {
  sentence: string[][];
  story: string[][];
}

/** PETRARCH discards file: one phrase a line ('_' or spaces between words); a leading '+' makes it story-level. */
export function parsePetrarchDiscards(text: string, into: Discards = { sentence: [], story: [] }): Discards {
  for (const line of stripComments(text)) {
    let t = line.trim();
    if (!t) continue;
    const story = t.startsWith('+');
    if (story) t = t.slice(1);
    const ws = phraseOf(t).toLowerCase().split(' ').filter(Boolean);
    if (ws.length) (story ? into.story : into.sentence).push(ws);
  }
  return into;
}

export type DictionaryKind = 'parley' | 'verbs' | 'agents' | 'actors' | 'discards';

/**
 * What a dictionary file holds, read from its syntax: Parley JSON; a verb file has `--- NAME [code] ---` blocks;
 * an agent file codes with '~'; a file without any '[code]' is a discards list; anything else is actors.
 */
export function dictionaryKind(text: string): DictionaryKind {
  if (text.trimStart().startsWith('{')) return 'parley';
  const body = stripComments(text).join('\n');
  if (/^\s*-{3,}\s*\S+\s*\[[^\]]*\]/m.test(body)) return 'verbs';
  if (/\[\s*~|~\s*\]/.test(body) && !/^\s*\+/m.test(body)) return 'agents';
  if (!/\[[^\]]*\]/.test(body) && body.trim()) return 'discards';
  return 'actors';
}

/** Reads one dictionary's text: JSON (Parley format) or PETRARCH actors/agents (agents when codes start with '~'). */
export function parseDictionary(text: string, source: string): KbFile {
  const kind = dictionaryKind(text);
  if (kind === 'parley') return parleyDictionaryToKb(JSON.parse(text.trimStart()) as ParleyDictionary, source);
  if (kind === 'verbs' || kind === 'discards') throw new Error(`${source}: a ${kind} file, not an actor dictionary`);
  return kind === 'agents' ? petrarchToKb([], parsePetrarchAgents(text), source) : petrarchToKb(parsePetrarchActors(text), [], source);
}

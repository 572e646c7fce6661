// The verb-pattern dictionary: reads PETRARCH/TABARI verb files (CAMEO.2.0 syntax) into a compact form, and
// indexes it for lookup by lemma or inflected form with pattern matching against the words around a trigger.
//
// PETRARCH syntax handled: `&NAME` synsets with `+WORD` members; `---  NAME  [code]  ---` blocks; verb lines
// (`MEET {MEETS MET MEETING}`, multi-word `+MEET_WITH {+MET_WITH ...}`, optional own `[code]`); pattern lines
// `- before * after [code]` with `(` `)` `{` `}` grouping (dropped: we match word order, not phrase structure),
// `$` source and `+` target markers, `^` skips, `%` a compound actor (the caller says where there is one),
// `&SYNSET` references and `WORD_` exact (unstemmed) words.
// Codes: `[---]` is "no event"; `[ccc:ddd]` is a TABARI paired code (ddd is coded too, for the reverse direction:
// A ARRIVES IN B is 032 A→B and 033 B→A), and `[:ddd]`
// codes only the reverse direction (target acts on source, e.g. FACE CRITICISM).

export interface CompiledPattern {
  /** Tokens before the verb, in order (words, `&SYN`, `$`, `+`). */
  b: string[];
  /** Tokens after the verb, in order. */
  a: string[];
  /** CAMEO code, or "" for no event. */
  c: string;
  /** 1 when the code applies to the reverse direction only ([:ddd]). */
  r?: 1;
  /** The paired code of `[ccc:ddd]`: ddd is coded too, target acting on source. */
  p?: string;
}

export interface CompiledBlock {
  name: string;
  /** Index into CompiledVerbs.sources of the file the block came from. */
  src?: number;
  code: string;
  r?: 1;
  p?: string;
  pats: CompiledPattern[];
}

/** A verb (or noun) entry: its phrase in lowercase words, explicit forms, block index, and own code if any. */
export interface CompiledEntry {
  w: string[];
  forms?: string[][];
  blk: number;
  c?: string;
  p?: string;
}

export interface CompiledVerbs {
  version: 1;
  sources: string[];
  synsets: Record<string, string[][]>;
  blocks: CompiledBlock[];
  verbs: CompiledEntry[];
  nouns: CompiledEntry[];
}

const CODE = /^\d{2,4}$/;

export function parseCode(raw: string): { c: string; r?: 1; p?: string } {
  const s = raw.trim();
  if (/^-+$/.test(s) || s === '') return { c: '' };
  const [a, b] = s.split(':').map((x) => x.trim());
  if (a === '' && b) return CODE.test(b) ? { c: b, r: 1 } : { c: '' };
  if (!CODE.test(a)) return { c: '' };
  return b && CODE.test(b) ? { c: a, p: b } : { c: a };
}

function words(phrase: string): string[] {
  return phrase.replace(/^\+/, '').toLowerCase().split(/[_\s]+/).filter((w) => w.length > 0);
}

/** Pattern tokens: grouping brackets go, markers and synset names stay, words are lowercased. */
function patternTokens(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.replace(/[(){}]/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    if (raw === '$' || raw === '+' || raw === '^' || raw === '%') out.push(raw);
    else {
      // `WORD_` marks an exact word; inner underscores join a phrase (and may hold a synset: NEW_&TIETYPES_RELATIONS)
      const exact = raw.endsWith('_');
      const ws = raw.replace(/_+$/, '').split('_').filter(Boolean);
      ws.forEach((w, k) => {
        if (w.startsWith('&')) out.push(w.toUpperCase());
        else if (w === '$' || w === '+' || w === '^' || w === '%') out.push(w);
        else out.push(exact && k === ws.length - 1 ? `${w.toLowerCase()}_` : w.toLowerCase());
      });
    }
  }
  return out;
}

/**
 * Parses one PETRARCH verb dictionary into `into` (so several files add up). Lines after a
 * `####### NOUN PATTERNS #######` header define nominal triggers (our extension): the phrase's last word is the head.
 */
export function parseVerbDictionary(text: string, into?: CompiledVerbs, source = 'input'): CompiledVerbs {
  const d: CompiledVerbs = into ?? { version: 1, sources: [], synsets: {}, blocks: [], verbs: [], nouns: [] };
  d.sources.push(source);
  let synset: string | null = null;
  let exactSet = false;
  let block = -1;
  let nouns = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const hash = rawLine.indexOf('#');
    if (/^#+\s*NOUN PATTERNS/.test(rawLine.trim())) nouns = true;
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
    if (!line || line.startsWith('~~')) continue;
    if (line.startsWith('&')) {
      // `&PREPOSIT1_` is referred to as `&PREPOSIT1`: the trailing `_` makes its members exact words
      const name = line.split(/\s+/)[0].toUpperCase();
      synset = name.replace(/_+$/, '');
      exactSet = name.endsWith('_');
      d.synsets[synset] ??= [];
      block = -1;
      continue;
    }
    const head = /^---+\s*(\S+)\s*\[([^\]]*)\]/.exec(line);
    if (head) {
      synset = null;
      const { c, r, p } = parseCode(head[2]);
      block = d.blocks.length;
      d.blocks.push({ name: head[1], ...(d.sources.length > 1 ? { src: d.sources.length - 1 } : {}), code: c, ...(r ? { r } : {}), ...(p ? { p } : {}), pats: [] });
      continue;
    }
    if (synset && line.startsWith('+')) {
      const ws = words(line.slice(1));
      if (exactSet && ws.length && !ws[ws.length - 1].startsWith('&')) ws[ws.length - 1] += '_';
      d.synsets[synset].push(ws);
      continue;
    }
    if (block < 0) continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
      if (!m) continue;
      const body = m[1];
      const star = body.indexOf('*');
      const before = star >= 0 ? body.slice(0, star) : '';
      const after = star >= 0 ? body.slice(star + 1) : body;
      const { c, r, p } = parseCode(m[2]);
      d.blocks[block].pats.push({ b: patternTokens(before), a: patternTokens(after), c, ...(r ? { r } : {}), ...(p ? { p } : {}) });
      continue;
    }
    // a verb line: PHRASE {FORM FORM ...} [code]
    const vm = /^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(line);
    if (!vm) continue;
    const entry: CompiledEntry = { w: words(vm[1]), blk: block };
    const forms = (vm[2] ?? '').split(/\s+/).filter(Boolean).map(words).filter((f) => f.length > 0);
    if (forms.length) entry.forms = forms;
    if (vm[3] !== undefined) {
      const { c, p } = parseCode(vm[3]);
      entry.c = c;
      if (p) entry.p = p;
    }
    if (entry.w.length) (nouns ? d.nouns : d.verbs).push(entry);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// Lookup

/** Regular English inflections of a verb (PETRARCH generates these too); over-generation is harmless in a lookup. */
export function verbForms(base: string): string[] {
  const out = new Set([base]);
  const cons = /[^aeiou]$/.test(base);
  if (/(s|x|z|ch|sh|o)$/.test(base)) out.add(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) out.add(`${base.slice(0, -1)}ies`);
  else out.add(`${base}s`);
  if (base.endsWith('e')) {
    out.add(`${base}d`);
    out.add(`${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    out.add(`${base.slice(0, -1)}ied`);
    out.add(`${base}ing`);
  } else {
    out.add(`${base}ed`);
    out.add(`${base}ing`);
    // consonant doubling (ban -> banned), also British -lled (cancelled)
    if (cons && /[aeiou][^aeiouwxy]$/.test(base)) {
      const last = base[base.length - 1];
      out.add(`${base}${last}ed`);
      out.add(`${base}${last}ing`);
    }
  }
  return [...out];
}

export function nounForms(base: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(base)) return [base, `${base}es`];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`];
  return [base, `${base}s`];
}

export interface VerbSense {
  /** The whole phrase (lemma words), e.g. ["meet", "with"]. */
  phrase: string[];
  /** Words of the phrase besides the head, in order. */
  rest: string[];
  /** Position of the head in the phrase (0 for verbs, last for nouns). */
  headAt: number;
  block: CompiledBlock;
  /** The entry's own code, overriding the block's default. */
  code?: string;
  /** The entry's own paired code. */
  pair?: string;
  noun: boolean;
}

/** Whether the actor before the verb (its subject) or after it (its object) is compound ("Iran and Oman"). */
export interface Compound {
  before?: boolean;
  after?: boolean;
}

export interface PatternMatch {
  code: string;
  reverse: boolean;
  /** The paired code (`[ccc:ddd]`): ddd is also coded with source and target swapped. */
  pair?: string;
  /** "block/pattern" or "block" for the default code: names what fired. */
  rule: string;
  /** How many pattern words matched (0 for the default code): more is more specific. */
  specificity: number;
}

function latest(senses: VerbSense[]): VerbSense[] {
  if (senses.length < 2) return senses;
  const top = Math.max(...senses.map((x) => x.block.src ?? 0));
  return top === 0 ? senses : senses.filter((x) => (x.block.src ?? 0) === top);
}

/** A word is matched by a pattern token exactly, or as a prefix (PETRARCH stems), unless it ends with `_`. */
function wordMatches(tok: string, word: string): boolean {
  if (tok.endsWith('_')) return word === tok.slice(0, -1);
  if (word === tok) return true;
  return tok.length >= 3 && word.startsWith(tok) && word.length - tok.length <= 3;
}

export class VerbIndex {
  private readonly verbsByForm = new Map<string, VerbSense[]>();
  private readonly nounsByForm = new Map<string, VerbSense[]>();
  /** Lowercased inflected form → base form (first word of a verb phrase), for text without lemmas. */
  private readonly baseOf = new Map<string, string>();
  private readonly synsets = new Map<string, string[][]>();

  /**
   * True when the patterns are a user's own dictionary alone (`--no-builtin-kb --dictionary`): speech verbs are then
   * coded when it codes them (PETRARCH's SAID [023]); the built-in coding leaves them to the quote stage.
   */
  codesSpeech = false;

  constructor(readonly data: CompiledVerbs) {
    for (const [k, v] of Object.entries(data.synsets)) this.synsets.set(k, v);
    // a member naming another synset (`+&TIETYPES` inside `&ACCORDSYN`) stands for that synset's members
    const expand = (name: string, seen: Set<string>): string[][] =>
      (this.synsets.get(name) ?? []).flatMap((m) => {
        const ref = m.length === 1 && m[0].startsWith('&') ? m[0].replace(/_+$/, '').toUpperCase() : '';
        if (!ref) return [m];
        return seen.has(ref) ? [] : expand(ref, new Set([...seen, ref]));
      });
    for (const k of [...this.synsets.keys()]) this.synsets.set(k, expand(k, new Set([k])));
    for (const e of data.verbs) this.add(e, false);
    for (const e of data.nouns) this.add(e, true);
  }

  private add(e: CompiledEntry, noun: boolean): void {
    const headAt = noun ? e.w.length - 1 : 0;
    const head = e.w[headAt];
    const sense: VerbSense = {
      phrase: e.w,
      rest: e.w.filter((_, k) => k !== headAt),
      headAt,
      block: this.data.blocks[e.blk],
      ...(e.c !== undefined ? { code: e.c } : {}),
      ...(e.p ? { pair: e.p } : {}),
      noun,
    };
    const map = noun ? this.nounsByForm : this.verbsByForm;
    const heads = new Set(noun ? nounForms(head) : verbForms(head));
    for (const f of e.forms ?? []) if (f[headAt]) heads.add(f[headAt]);
    for (const h of heads) {
      const list = map.get(h);
      if (!list) map.set(h, [sense]);
      else list.push(sense);
      if (!noun && !this.baseOf.has(h)) this.baseOf.set(h, head);
    }
  }

  /**
   * Senses whose head word is `word` (a lemma or an inflected form, lowercase). A word defined again in a later
   * dictionary (kb-src/verbs-extra.txt after CAMEO 2.0, or a --dictionary file) is defined by that file alone.
   */
  verbSenses(word: string): VerbSense[] {
    return latest(this.verbsByForm.get(word) ?? []);
  }

  nounSenses(word: string): VerbSense[] {
    return latest(this.nounsByForm.get(word) ?? []);
  }

  baseForm(word: string): string | undefined {
    return this.baseOf.get(word);
  }

  /**
   * Matches pattern tokens in order (gaps allowed) against words; returns the number of words matched or -1. `%`
   * (a compound actor on that side) matches only when `compound` says there is one, and then counts as a word.
   */
  private matchSeq(toks: readonly string[], ws: readonly string[], compound = false): number {
    let j = 0, n = 0;
    for (const t of toks) {
      if (t === '%') {
        if (!compound) return -1;
        n++;
        continue;
      }
      if (t === '$' || t === '+' || t === '^') continue;
      let found = -1;
      if (t.startsWith('&')) {
        const members = this.synsets.get(t) ?? [];
        outer: for (let k = j; k < ws.length; k++) {
          for (const m of members) {
            if (m.every((mw, q) => k + q < ws.length && wordMatches(mw, ws[k + q]))) {
              found = k + m.length - 1;
              break outer;
            }
          }
        }
      } else {
        for (let k = j; k < ws.length; k++) if (wordMatches(t, ws[k])) { found = k; break; }
      }
      if (found < 0) return -1;
      n++;
      j = found + 1;
    }
    return n;
  }

  /**
   * The most specific code for a sense given the words before and after its head (lowercase; the caller decides
   * which words belong to the predicate). Multi-word phrases must find their other words after the head (verbs)
   * or before it (nouns). Null when the phrase does not match or the best code is "no event".
   */
  match(sense: VerbSense, before: readonly string[], after: readonly string[], compound: Compound = {}): PatternMatch | null {
    if (sense.rest.length) {
      const side = sense.noun ? before : after;
      if (this.matchSeq(sense.rest, side) < 0) return null;
    }
    let best: PatternMatch | null = null;
    let bestN = 0;
    for (let k = 0; k < sense.block.pats.length; k++) {
      const p = sense.block.pats[k];
      const na = this.matchSeq(p.a, after, compound.after);
      if (na < 0) continue;
      const nb = this.matchSeq(p.b, before, compound.before);
      if (nb < 0) continue;
      const n = na + nb;
      if (n > bestN) {
        bestN = n;
        best = { code: p.c, reverse: p.r === 1, ...(p.p ? { pair: p.p } : {}), rule: `${sense.block.name}/${k}`, specificity: n };
      }
    }
    if (best) return best.code ? best : null;
    const code = sense.code ?? sense.block.code;
    if (!code) return null;
    const pair = sense.code !== undefined ? sense.pair : sense.block.p;
    return { code, reverse: sense.code === undefined && sense.block.r === 1, ...(pair ? { pair } : {}), rule: sense.block.name, specificity: 0 };
  }
}

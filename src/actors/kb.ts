// The actor knowledge base: entries (countries, capitals, demonyms, metonyms, organisations) and their aliases,
// with a longest-match lookup over token sequences.
export type KbKind = 'country' | 'capital' | 'demonym' | 'metonym' | 'igo' | 'group' | 'person';

export interface KbEntry {
  id: string;
  name: string;
  /** CAMEO-style actor code, e.g. "IRN", "USAGOV", "IGOUN". */
  code: string;
  country: string | null;
  org: string | null;
  sector: string;
  kind: KbKind;
  role?: string;
  /** Validity of the entry (YYYY-MM-DD), for people in office. */
  start?: string;
  end?: string;
}

/** The compact on-disk form: entries plus [alias, entry index] pairs. */
export interface KbData {
  version: number;
  built: string;
  entries: KbEntry[];
  aliases: [string, number][];
}

export interface KbMatch {
  /** Token range [start, end) of the match. */
  start: number;
  end: number;
  entries: KbEntry[];
}

// Aliases are matched on token sequences joined by a space; case matters for all-caps acronyms ("WHO" vs "who")
// so keys keep their case, and a lowercase-first-letter alias never matches a capitalised-only word list.
export class KnowledgeBase {
  private readonly byAlias = new Map<string, KbEntry[]>();
  readonly maxTokens: number;

  constructor(readonly data: KbData, splitAlias: (alias: string) => string[]) {
    let max = 1;
    for (const [a, idx] of data.aliases) {
      const words = splitAlias(a);
      max = Math.max(max, words.length);
      const key = words.join(' ');
      const list = this.byAlias.get(key);
      const e = data.entries[idx];
      if (!list) this.byAlias.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
    }
    this.maxTokens = max;
  }

  get size(): number {
    return this.data.entries.length;
  }

  lookup(words: readonly string[]): KbEntry[] | undefined {
    return this.byAlias.get(words.join(' '));
  }

  /** Longest matches left to right over a word sequence. */
  matchAll(words: readonly string[]): KbMatch[] {
    const out: KbMatch[] = [];
    for (let i = 0; i < words.length; ) {
      let found: KbMatch | undefined;
      for (let n = Math.min(this.maxTokens, words.length - i); n >= 1; n--) {
        const hit = this.byAlias.get(words.slice(i, i + n).join(' '));
        if (hit) {
          found = { start: i, end: i + n, entries: hit };
          break;
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }
}

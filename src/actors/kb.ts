// The actor knowledge base: entries (countries, capitals, demonyms, metonyms, organisations, groups, people in office)
// with their aliases and validity dates, role nouns, and a longest-match lookup over token sequences.
export type KbKind = 'country' | 'capital' | 'demonym' | 'metonym' | 'igo' | 'group' | 'person';

export interface KbEntry {
  /** Stable id of the entity; every spell (term in office) of one person shares it. */
  id: string;
  name: string;
  /** CAMEO-style actor code, e.g. "IRN", "USAGOV", "IGOUNO". */
  code: string;
  country: string | null;
  org: string | null;
  sector: string;
  kind: KbKind;
  role?: string;
  /** Validity (YYYY-MM-DD, end exclusive-ish: the day the next holder took over). */
  start?: string;
  end?: string;
}

/** A role noun or title: "foreign minister" → GOV; `person` tells a one-person title from a collective noun. */
export interface KbNoun {
  role: string;
  sector: string;
  person: boolean;
  /** Agent code from a PETRARCH agents dictionary, appended to the country code instead of the sector. */
  code?: string;
}

/** One entry row on disk: [id, name, code, country, org, sector, kind, role, start, end, aliases, ciAliases]. */
export type KbRow = [
  string, string, string, string | null, string | null, string, KbKind, string | null, string | null, string | null, string[], string[]?,
];

/** The compact on-disk form (data/kb/actors.json). */
export interface KbFile {
  version: 2;
  built: string;
  sources: string[];
  entries: KbRow[];
  /** [phrase (lowercase), role, sector, 1 = one person, agent code?] */
  nouns: [string, string, string, 0 | 1, string?][];
  /** Words that may stand between a country word and a role noun ("senior", "top", "former"). */
  modifiers: string[];
}

export interface KbMatch {
  /** Token range [start, end) of the match. */
  start: number;
  end: number;
  entries: KbEntry[];
}

/** Normalises a word for alias keys: typographic apostrophes and dashes become ASCII. */
const NEEDS_NORM = /[’‘`‐‑–]/;
export function normWord(w: string): string {
  // most words need nothing: test once instead of running two replacements on every word
  return NEEDS_NORM.test(w) ? w.replace(/[’‘`]/g, "'").replace(/[‐‑–]/g, '-') : w;
}

export function rowToEntry(r: KbRow): KbEntry {
  const e: KbEntry = { id: r[0], name: r[1], code: r[2], country: r[3], org: r[4], sector: r[5], kind: r[6] };
  if (r[7]) e.role = r[7];
  if (r[8]) e.start = r[8];
  if (r[9]) e.end = r[9];
  return e;
}

export function entryToRow(e: KbEntry, aliases: string[], ci: string[] = []): KbRow {
  const row: KbRow = [e.id, e.name, e.code, e.country, e.org, e.sector, e.kind, e.role ?? null, e.start ?? null, e.end ?? null, aliases];
  if (ci.length) row.push(ci);
  return row;
}

/** True when the entry is valid on `date` (YYYY-MM-DD); entries without dates are always valid. */
export function validOn(e: KbEntry, date: string): boolean {
  return (!e.start || e.start <= date) && (!e.end || date < e.end);
}

// Aliases are matched on token sequences joined by a space. Case matters for most aliases (all-caps acronyms:
// "WHO" is not "who") so keys keep their case; dictionary aliases (PETRARCH phrases are upper case) are matched
// case-insensitively through a second map. Every spell of a person shares the aliases of the person.
export class KnowledgeBase {
  private readonly byAlias = new Map<string, KbEntry[]>();
  private readonly byAliasCi = new Map<string, KbEntry[]>();
  private readonly stems = new Map<string, KbEntry[]>();
  private minStem = Infinity;
  private readonly byId = new Map<string, KbEntry[]>();
  readonly entries: KbEntry[];
  readonly nouns = new Map<string, KbNoun>();
  readonly modifiers: Set<string>;
  readonly maxTokens: number;
  readonly maxNounTokens: number;
  /** Longest alias (in words) starting with a given first word: most positions need one probe, not maxTokens. */
  private readonly firstMax = new Map<string, number>();
  private readonly firstMaxCi = new Map<string, number>();
  /** Last words of person names (lowercase), to spot surname-only repeats. */
  readonly surnames = new Map<string, KbEntry[]>();

  constructor(readonly file: KbFile, splitAlias: (alias: string) => string[]) {
    this.entries = file.entries.map(rowToEntry);
    for (const e of this.entries) {
      const list = this.byId.get(e.id);
      if (list) list.push(e);
      else this.byId.set(e.id, [e]);
    }
    let max = 1;
    const add = (map: Map<string, KbEntry[]>, key: string, e: KbEntry): void => {
      // a person's or group's spells share its aliases; a country's name, demonym and capital rows stay apart
      const same = e.kind === 'person' || e.kind === 'group' ? this.byId.get(e.id) ?? [e] : [e];
      const list = map.get(key);
      if (!list) map.set(key, [...same]);
      else for (const s of same) if (!list.includes(s)) list.push(s);
    };
    file.entries.forEach((r, idx) => {
      const e = this.entries[idx];
      for (const a of r[10]) {
        const words = splitAlias(a).map(normWord);
        if (!words.length) continue;
        max = Math.max(max, words.length);
        this.firstMax.set(words[0], Math.max(this.firstMax.get(words[0]) ?? 0, words.length));
        add(this.byAlias, words.join(' '), e);
      }
      for (const a of r[11] ?? []) {
        if (a.endsWith('*')) {
          // a stem: one word that matches any word it begins ("ARGENTIN*" → Argentina, Argentine)
          const stem = normWord(a.slice(0, -1)).toLowerCase();
          add(this.stems, stem, e);
          this.minStem = Math.min(this.minStem, stem.length);
          continue;
        }
        const words = splitAlias(a).map((w) => normWord(w).toLowerCase());
        if (!words.length) continue;
        max = Math.max(max, words.length);
        this.firstMaxCi.set(words[0], Math.max(this.firstMaxCi.get(words[0]) ?? 0, words.length));
        add(this.byAliasCi, words.join(' '), e);
      }
    });
    this.maxTokens = max;
    let maxNoun = 1;
    for (const [phrase, role, sector, person, code] of file.nouns) {
      if (!this.nouns.has(phrase)) this.nouns.set(phrase, { role, sector, person: person === 1, ...(code ? { code } : {}) });
      maxNoun = Math.max(maxNoun, phrase.split(' ').length);
    }
    this.maxNounTokens = maxNoun;
    this.modifiers = new Set(file.modifiers);
    for (const e of this.entries) {
      if (e.kind !== 'person') continue;
      const last = normWord(e.name.split(/\s+/).pop() ?? '').toLowerCase();
      if (last.length < 3) continue;
      const list = this.surnames.get(last);
      if (!list) this.surnames.set(last, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Distinct entity count by kind (a person with three spells counts once). */
  counts(): Record<string, number> {
    const seen = new Set<string>();
    const out: Record<string, number> = {};
    for (const e of this.entries) {
      const k = `${e.kind}\u0000${e.id}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out[e.kind] = (out[e.kind] ?? 0) + 1;
    }
    return out;
  }

  spells(id: string): KbEntry[] {
    return this.byId.get(id) ?? [];
  }

  lookup(words: readonly string[]): KbEntry[] | undefined {
    const norm = words.map(normWord);
    const hit = this.byAlias.get(norm.join(' ')) ?? (this.byAliasCi.size ? this.byAliasCi.get(norm.join(' ').toLowerCase()) : undefined);
    if (hit || !this.stems.size || norm.length !== 1) return hit;
    const w = norm[0].toLowerCase();
    for (let k = w.length; k >= this.minStem; k--) {
      const s = this.stems.get(w.slice(0, k));
      if (s) return s;
    }
    return undefined;
  }

  /** People of a country or organisation by id of where they serve (ISO3 or org), built on first use. */
  private byWhere: Map<string, KbEntry[]> | undefined;

  /** The normalised office of a role: through the role nouns ("secretary of defense" → "defence minister"), without
   *  "acting", and the US secretary of state counted as the foreign minister. */
  office(role: string): string {
    const r = role.toLowerCase().replace(/^acting /, '');
    const n = this.nouns.get(r)?.role ?? r;
    return n === 'secretary of state' ? 'foreign minister' : n;
  }

  /** Who held an office on a date ("Iran's foreign minister on 2025-06-14"): person spells of `where` (an ISO3
   *  country or an organisation such as "EU") whose role is that office. */
  holders(where: string, role: string, date: string): KbEntry[] {
    if (!this.byWhere) {
      this.byWhere = new Map();
      for (const e of this.entries) {
        if (e.kind !== 'person') continue;
        const k = e.org ?? e.country;
        if (!k) continue;
        const l = this.byWhere.get(k);
        if (l) l.push(e);
        else this.byWhere.set(k, [e]);
      }
    }
    const office = this.office(role);
    return (this.byWhere.get(where) ?? []).filter((e) => e.role && validOn(e, date) && this.office(e.role) === office);
  }

  /** The role noun that a lowercase phrase names, if any ("foreign minister", "strikes"). */
  noun(phrase: string): KbNoun | undefined {
    return this.nouns.get(phrase);
  }

  /** Longest matches left to right over a word sequence. */
  matchAll(words: readonly string[]): KbMatch[] {
    const norm = words.map(normWord);
    const lower = this.byAliasCi.size || this.stems.size ? norm.map((w) => w.toLowerCase()) : norm;
    const out: KbMatch[] = [];
    for (let i = 0; i < norm.length; ) {
      let found: KbMatch | undefined;
      const longest = Math.max(this.firstMax.get(norm[i]) ?? 0, this.byAliasCi.size ? this.firstMaxCi.get(lower[i]) ?? 0 : 0);
      for (let n = Math.min(longest, norm.length - i); n >= 1; n--) {
        const key = n === 1 ? norm[i] : norm.slice(i, i + n).join(' ');
        const hit = this.byAlias.get(key) ?? (this.byAliasCi.size ? this.byAliasCi.get(n === 1 ? lower[i] : lower.slice(i, i + n).join(' ')) : undefined);
        if (hit) {
          found = { start: i, end: i + n, entries: hit };
          break;
        }
      }
      if (!found && this.stems.size) {
        const w = lower[i];
        for (let k = w.length; k >= this.minStem; k--) {
          const hit = this.stems.get(k === w.length ? w : w.slice(0, k));
          if (hit) { found = { start: i, end: i + 1, entries: hit }; break; }
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

/** Merges knowledge-base files: later files add entries and nouns; a noun phrase keeps its first definition unless `override`. */
export function mergeKbFiles(files: readonly KbFile[], override = true): KbFile {
  const entries: KbRow[] = [];
  const nouns = new Map<string, KbFile['nouns'][number]>();
  const modifiers = new Set<string>();
  const sources: string[] = [];
  for (const f of files) {
    entries.push(...f.entries);
    for (const n of f.nouns) if (override || !nouns.has(n[0])) nouns.set(n[0], n);
    for (const m of f.modifiers) modifiers.add(m);
    sources.push(...f.sources);
  }
  // later files win: put overriding entries' aliases first by reversing file order of alias registration
  return { version: 2, built: files.map((f) => f.built).join('+'), sources, entries: override ? [...entries].reverse() : entries, nouns: [...nouns.values()], modifiers: [...modifiers] };
}

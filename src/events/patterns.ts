// First event layer: trigger-word patterns with source and target taken from the nearest actor mentions in the
// sentence. Deliberately simple and honest; the dependency-based coder replaces the actor attachment.
import type { Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { ActorRef, Event, Modality } from '../schema/extraction.js';
import { cameoInfo } from './cameo.js';
import { resolveEventDate } from './event-date.js';

interface Pattern {
  /** Lowercased words; the first is the trigger. '*' matches up to three words. */
  words: string[];
  cameo: string;
  rule: string;
}

const PATTERNS: Pattern[] = [
  { words: ['called'], cameo: '041', rule: 'called' },
  { words: ['phoned'], cameo: '041', rule: 'phoned' },
  { words: ['spoke', 'with'], cameo: '041', rule: 'spoke with' },
  { words: ['spoke', 'by', 'phone'], cameo: '041', rule: 'spoke by phone' },
  { words: ['phone', 'call'], cameo: '041', rule: 'phone call' },
  { words: ['met', 'with'], cameo: '040', rule: 'met with' },
  { words: ['met'], cameo: '040', rule: 'met' },
  { words: ['visited'], cameo: '042', rule: 'visited' },
  { words: ['talks'], cameo: '046', rule: 'talks' },
  { words: ['negotiations'], cameo: '046', rule: 'negotiations' },
  { words: ['launched', '*', 'strikes'], cameo: '195', rule: 'launched strikes' },
  { words: ['airstrikes'], cameo: '195', rule: 'airstrikes' },
  { words: ['strikes', 'on'], cameo: '195', rule: 'strikes on' },
  { words: ['strikes', 'against'], cameo: '195', rule: 'strikes against' },
  { words: ['attacked'], cameo: '190', rule: 'attacked' },
  { words: ['accused'], cameo: '112', rule: 'accused' },
  { words: ['accuses'], cameo: '112', rule: 'accuses' },
  { words: ['condemned'], cameo: '111', rule: 'condemned' },
  { words: ['criticized'], cameo: '111', rule: 'criticized' },
  { words: ['urged'], cameo: '020', rule: 'urged' },
  { words: ['urges'], cameo: '020', rule: 'urges' },
  { words: ['threatened'], cameo: '138', rule: 'threatened' },
  { words: ['imposed', '*', 'sanctions'], cameo: '163', rule: 'imposed sanctions' },
];

function matchAt(words: string[], i: number, p: Pattern): number {
  let j = i;
  for (let k = 0; k < p.words.length; k++) {
    const w = p.words[k];
    if (w === '*') {
      // a gap of up to three words, up to the next pattern word
      const next = p.words[k + 1];
      let g = 0;
      while (g <= 3 && j + g < words.length && words[j + g] !== next) g++;
      if (g > 3 || j + g >= words.length) return -1;
      j += g;
      continue;
    }
    if (words[j] !== w) return -1;
    j++;
  }
  return j;
}

const CANCEL = new Set(['canceled', 'cancelled', 'postponed', 'scrapped']);
const PLAN = new Set(['will', 'scheduled', 'planned', 'plans', 'expected', 'set', 'upcoming']);
const NEG = new Set(['not', "n't", 'never', 'no']);
const COND = new Set(['if', 'unless', 'once']);
const HYPO = new Set(['may', 'might', 'could']);

function modalityOf(words: string[], trigger: number, end: number): Modality {
  const window = words.slice(Math.max(0, trigger - 4), Math.min(words.length, end + 4));
  const before = words.slice(Math.max(0, trigger - 4), trigger);
  if (window.some((w) => CANCEL.has(w)) || (window.includes('called') && window.includes('off'))) return 'canceled';
  if (words.slice(0, trigger).some((w) => w === 'denied')) return 'denied';
  if (before.some((w) => NEG.has(w))) return 'negated';
  if (words.slice(0, trigger).some((w) => COND.has(w))) return 'conditional';
  if (before.some((w) => HYPO.has(w))) return 'hypothetical';
  if (window.some((w) => PLAN.has(w))) return 'planned';
  return 'asserted';
}

export function actorRef(doc: Doc, m: MentionAnnotation): ActorRef {
  const e = m.entry;
  return {
    actor: e ? e.id : null,
    text: doc.text.slice(doc.start[m.start], doc.end[m.end - 1]),
    code: e ? e.code : null,
    country: e ? e.country : null,
    org: e ? e.org : null,
    ...(e && e.sector ? { sector: e.sector } : {}),
  };
}

export const patternEventStage: Stage<ExtractContext> = {
  name: 'events-patterns',
  version: '1',
  needs: ['tokens', 'sentences', 'mentions', 'dates'],
  sets: ['events'],
  run(doc: Doc, ctx: ExtractContext): void {
    for (let s = 0; s < doc.sentenceCount; s++) {
      const sent = doc.sentence(s);
      const words = sent.words().map((w) => w.toLowerCase().replace(/’/g, "'"));
      const mentions = ctx.mentions.filter((m) => m.start >= sent.start && m.end <= sent.end && m.entry);
      for (let i = 0; i < words.length; i++) {
        const p = PATTERNS.find((pp) => matchAt(words, i, pp) >= 0);
        if (!p) continue;
        const end = matchAt(words, i, p);
        const trig = sent.start + i, trigEnd = sent.start + end;
        const before = mentions.filter((m) => m.end <= trig);
        const after = mentions.filter((m) => m.start >= trigEnd);
        const src = before[before.length - 1];
        const tgt = after[0];
        if (!src && !tgt) continue;
        const info = cameoInfo(p.cameo);
        const modality = modalityOf(words, i, end);
        const dateInSentence = ctx.dates.find((d) => d.start >= sent.startChar && d.end <= sent.endChar && d.value);
        const date = resolveEventDate(dateInSentence, ctx.dateline);
        const event: Event = {
          id: `e${ctx.events.length + 1}`,
          sentence: s,
          trigger: { text: doc.text.slice(doc.start[trig], doc.end[trigEnd - 1]), start: doc.start[trig], end: doc.end[trigEnd - 1] },
          source: src ? [actorRef(doc, src)] : [],
          target: tgt ? [actorRef(doc, tgt)] : [],
          cameo: info.code,
          quadClass: info.quadClass,
          goldstein: info.goldstein,
          plover: { ...info.plover },
          date,
          modality,
          confidence: src && tgt ? 0.6 : 0.4,
          evidence: { text: sent.text, start: sent.startChar, end: sent.endChar },
          rule: `pattern:${p.rule}`,
        };
        ctx.events.push(event);
        i = end - 1;
      }
    }
  },
};

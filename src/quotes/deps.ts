// Reads a speech cue's arguments off the dependency parse when the parser has run: nsubj is the speaker,
// ccomp (or a colon-introduced parataxis) is the reported clause.
import type { Doc } from '../text/doc.js';
import { HEAD_UNSET } from '../text/doc.js';

function children(doc: Doc, head: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (doc.head[i] === head) out.push(i);
  return out;
}

/** Token range covered by i and its descendants within [lo, hi). */
export function subtree(doc: Doc, i: number, lo: number, hi: number): [number, number] {
  let a = i, b = i;
  const stack = [i];
  while (stack.length) {
    const t = stack.pop() as number;
    for (const c of children(doc, t, lo, hi)) {
      if (c < a) a = c;
      if (c > b) b = c;
      stack.push(c);
    }
  }
  return [a, b + 1];
}

function rel(doc: Doc, i: number): string {
  return doc.strings.get(doc.deprel[i]);
}

/** Speaker and reported-clause token ranges for the cue verb at token `cue`, or null when the parse has none. */
export function dependencyCue(doc: Doc, cue: number, lo: number, hi: number): { subject: [number, number] | null; content: [number, number] } | null {
  if (doc.head[cue] === HEAD_UNSET) return null;
  const kids = children(doc, cue, lo, hi);
  const subj = kids.find((c) => /^nsubj/.test(rel(doc, c)));
  const comp = kids.find((c) => rel(doc, c) === 'ccomp' && c > cue) ?? kids.find((c) => rel(doc, c) === 'parataxis' && c > cue);
  if (comp === undefined) return null;
  const [start, ce] = subtree(doc, comp, lo, hi);
  let cs = start;
  // the complementiser is not part of what was said
  while (cs < ce && (rel(doc, cs) === 'mark' && doc.head[cs] === comp || /^[,:]$/.test(doc.textOf(cs)))) cs++;
  if (cs <= cue) cs = cue + 1;
  let subject: [number, number] | null = null;
  if (subj !== undefined) {
    const [ss, se] = subtree(doc, subj, lo, hi);
    // a relative clause hanging off the subject is not part of the name
    let e = se;
    for (let i = ss; i < se; i++) if (rel(doc, i) === 'acl:relcl' || doc.textOf(i) === ',') { e = i; break; }
    subject = [ss, Math.max(ss + 1, e)];
  }
  return { subject, content: [cs, ce] };
}

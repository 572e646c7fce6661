// Scores the tokenizer and sentence splitter against UD English EWT gold (development only: reads ../shared).
//
// Run: npx tsc --module nodenext --target es2022 --types node --skipLibCheck --strict --outDir tmp/bench \
//        bench/tokenize-ewt.ts && node tmp/bench/bench/tokenize-ewt.js [path/to/en_ewt-ud-dev.conllu] [--errors]
//
// Token F1 compares character spans of predicted tokens with the gold syntactic words (the word lines, so "don't" is
// do + n't), each sentence's `# text` tokenized on its own. EWT splits hyphenated words (15 - year); Parley keeps
// them whole on purpose, so a second figure merges gold words joined by a hyphen without spaces.
// Sentence F1 joins each document's sentences (paragraphs on new lines, sentences by a space) and compares the
// character offsets where sentences begin.
//
// Dev figures (UD EWT 2.15 dev, 2,001 sentences), 2026-11-25:
//   tokens, EWT words as given          P 98.88  R 97.90  F1 98.39
//   tokens, hyphen words merged in gold P 99.22  R 98.97  F1 99.09
//   sentences, paragraphs on new lines  P 98.43  R 85.68  F1 91.61
//   sentences, one line per document    P 98.22  R 75.58  F1 85.43
// Most sentence misses are web and e-mail text with no punctuation at all (sign-offs, headers, chat); one is by
// design: a quoted question keeps its attribution ("Why...?" Shojai told the ceremony), which EWT splits.
import { readFileSync } from 'node:fs';
import { tokenize } from '../src/text/tokenize.js';
import { splitSentences } from '../src/text/sentences.js';

interface Sent { text: string; words: string[]; units: { form: string; words: string[] }[]; newdoc: boolean; newpar: boolean }

function parse(path: string): Sent[] {
  const out: Sent[] = [];
  let cur: Sent | undefined;
  let newdoc = false, newpar = false, mwtEnd = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) newdoc = true;
    else if (line.startsWith('# newpar')) newpar = true;
    else if (line.startsWith('# text = ')) {
      cur = { text: line.slice(9), words: [], units: [], newdoc, newpar };
      out.push(cur);
      newdoc = newpar = false;
      mwtEnd = 0;
    } else if (line && !line.startsWith('#') && cur) {
      const cols = line.split('\t');
      const id = cols[0];
      if (id.includes('.')) continue;
      if (id.includes('-')) {
        mwtEnd = Number(id.split('-')[1]);
        cur.units.push({ form: cols[1], words: [] });
        continue;
      }
      cur.words.push(cols[1]);
      if (Number(id) <= mwtEnd) cur.units[cur.units.length - 1].words.push(cols[1]);
      else cur.units.push({ form: cols[1], words: [cols[1]] });
    }
  }
  return out;
}

/** Gold word spans in s.text; hyphen-joined words merged when mergeHyphens. */
function goldSpans(s: Sent, mergeHyphens: boolean): [number, number][] {
  const spans: [number, number][] = [];
  let p = 0;
  for (const u of s.units) {
    while (p < s.text.length && /\s/.test(s.text[p])) p++;
    const at = s.text.startsWith(u.form, p) ? p : s.text.indexOf(u.form, p);
    if (at < 0) throw new Error(`cannot align "${u.form}" in: ${s.text}`);
    p = at;
    if (u.words.join('') === u.form) {
      for (const w of u.words) { spans.push([p, p + w.length]); p += w.length; }
    } else {
      spans.push([p, p + u.form.length]); // irregular multiword token: score it as one unit
      p += u.form.length;
    }
  }
  if (!mergeHyphens) return spans;
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    const prev = merged.length >= 2 ? merged[merged.length - 2] : undefined;
    // word - word with no spaces: fold the hyphen and the next word into the first
    if (last && s.text.slice(last[0], last[1]) === '-' && prev && prev[1] === last[0] && last[1] === sp[0]
      && /\w/.test(s.text[prev[1] - 1]) && /\w/.test(s.text[sp[0]])) {
      merged.pop();
      merged[merged.length - 1] = [prev[0], sp[1]];
    } else merged.push([sp[0], sp[1]]);
  }
  return merged;
}

function f1(tp: number, np: number, ng: number): string {
  const p = tp / np, r = tp / ng;
  return `P ${(100 * p).toFixed(2)}  R ${(100 * r).toFixed(2)}  F1 ${(100 * 2 * p * r / (p + r)).toFixed(2)}`;
}

const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/data/ud-ewt/en_ewt-ud-dev.conllu';
const showErrors = process.argv.includes('--errors');
const sents = parse(path);

for (const merge of [false, true]) {
  let tp = 0, np = 0, ng = 0;
  const errs = new Map<string, number>();
  for (const s of sents) {
    const gold = goldSpans(s, merge);
    const doc = tokenize(s.text);
    const g = new Set(gold.map(([a, b]) => a * 100000 + b));
    np += doc.length;
    ng += gold.length;
    for (let i = 0; i < doc.length; i++) {
      if (g.has(doc.start[i] * 100000 + doc.end[i])) tp++;
      else if (showErrors && merge) {
        const key = `${doc.textOf(i)}  <=  ${gold.filter(([a, b]) => b > doc.start[i] && a < doc.end[i]).map(([a, b]) => s.text.slice(a, b)).join(' | ')}`;
        errs.set(key, (errs.get(key) ?? 0) + 1);
      }
    }
  }
  console.log(`tokens ${merge ? '(hyphen words merged in gold)' : '(EWT words as given)   '}: ${f1(tp, np, ng)}  [${np} predicted, ${ng} gold]`);
  if (showErrors && merge) {
    for (const [k, v] of [...errs].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${v}\t${k}`);
  }
}

for (const withParagraphs of [true, false]) {
  let tp = 0, np = 0, ng = 0;
  const docs: Sent[][] = [];
  for (const s of sents) {
    if (s.newdoc || docs.length === 0) docs.push([]);
    docs[docs.length - 1].push(s);
  }
  const errors: string[] = [];
  for (const d of docs) {
    let text = '';
    const gold = new Set<number>();
    d.forEach((s, k) => {
      if (k > 0) {
        text += withParagraphs && s.newpar ? '\n' : ' ';
        gold.add(text.length);
      }
      text += s.text;
    });
    const doc = tokenize(text);
    splitSentences(doc);
    const pred = new Set<number>();
    for (let k = 1; k < doc.sentenceCount; k++) pred.add(doc.start[doc.sentStarts[k]]);
    np += pred.size;
    ng += gold.size;
    for (const b of pred) {
      if (gold.has(b)) tp++;
      else errors.push(`  FP  ${JSON.stringify(text.slice(Math.max(0, b - 40), b))} | ${JSON.stringify(text.slice(b, b + 30))}`);
    }
    for (const b of gold) {
      if (!pred.has(b)) errors.push(`  FN  ${JSON.stringify(text.slice(Math.max(0, b - 40), b))} | ${JSON.stringify(text.slice(b, b + 30))}`);
    }
  }
  console.log(`sentences ${withParagraphs ? '(paragraphs on new lines)' : '(one line per document)  '}: ${f1(tp, np, ng)}  [${np} predicted, ${ng} gold]`);
  if (showErrors && withParagraphs) console.log(errors.slice(0, 150).join('\n'));
}

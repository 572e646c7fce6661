// `parley annotate`: tags, lemmatizes and parses CoNLL-U (gold tokens) or plain text, writing CoNLL-U.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { parseConllu, formatSentence, docWordRow, ConlluError, type ConlluSentence } from '../../formats/conllu.js';
import { Doc, TokenFlag, nerTag } from '../../text/doc.js';
import { tokenize } from '../../text/tokenize.js';
import { splitSentences } from '../../text/sentences.js';
import { runPipeline, type Stage } from '../../pipeline/stage.js';
import { nlpStages } from '../../annotate/nlp.js';
import { loadTagger, loadParser, loadLemmatizer } from '../../resources/models.js';

type From = 'conllu' | 'text';

interface AnnotateOpts {
  from?: From;
  to: string;
}

/** Buffered stdout: one write per ~64 KB instead of one per sentence. */
class Out {
  private buf: string[] = [];
  private size = 0;
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }
  flush(): void {
    if (this.buf.length) process.stdout.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}

/** MISC for a word: the input's own entries (e.g. SpaceAfter=No) without any old NER, then our NER. */
function miscWith(inputMisc: string | null, ner: number): string[] {
  const keep = inputMisc && inputMisc !== '_' ? inputMisc.split('|').filter((m) => !m.startsWith('NER=')) : [];
  keep.push(`NER=${nerTag(ner)}`);
  return keep;
}

/** Empty nodes (8.1) keep their place, but not the input's annotation: we predict none for them. */
function blankEmptyNodes(s: ConlluSentence): void {
  for (const it of s.items) {
    if (it.kind !== 'other' || !/^\d+\.\d+\t/.test(it.text)) continue;
    const cols = it.text.split('\t');
    it.text = [cols[0], cols[1], '_', '_', '_', '_', '_', '_', '_', '_'].join('\t');
  }
}

export function annotateConllu(text: string, stages: readonly Stage[], out: (s: string) => void): void {
  const sents: ConlluSentence[] = parseConllu(text);
  for (const s of sents) {
    blankEmptyNodes(s);
    if (s.words.length === 0) {
      out(formatSentence(s, () => []));
      continue;
    }
    const doc = Doc.fromWords(s.words.map((w) => w.form));
    runPipeline(stages, doc, {});
    out(formatSentence(s, (k) => docWordRow(doc, k, 0, miscWith(s.words[k].misc, doc.ner[k]))));
  }
}

export function annotateText(text: string, stages: readonly Stage[], out: (s: string) => void, sentId = { n: 0 }): void {
  const doc = tokenize(text);
  splitSentences(doc);
  doc.layers.set('sentences', 'splitter');
  runPipeline(stages, doc, {});
  for (let s = 0; s < doc.sentenceCount; s++) {
    const a = doc.sentStarts[s], b = doc.sentStarts[s + 1];
    if (a === b) continue;
    let block = `# sent_id = ${++sentId.n}\n# text = ${doc.text.slice(doc.start[a], doc.end[b - 1]).replace(/\s+/g, ' ')}\n`;
    for (let i = a; i < b; i++) {
      const misc: string[] = [];
      if (!(doc.flags[i] & TokenFlag.SpaceAfter) && i + 1 < b) misc.push('SpaceAfter=No');
      misc.push(`NER=${nerTag(doc.ner[i])}`);
      block += docWordRow(doc, i, a, misc).join('\t') + '\n';
    }
    out(block + '\n');
  }
}

function parseFrom(v: string): From {
  if (v !== 'conllu' && v !== 'text') throw new InvalidArgumentError('expected conllu or text');
  return v;
}

export function register(program: Command): void {
  program
    .command('annotate')
    .description('part-of-speech tags, lemmas and dependency parses as CoNLL-U')
    .argument('[files...]', "input files; none or '-' reads standard input")
    .option('--from <format>', 'conllu (gold tokens and sentences) or text (default: from the extension)', parseFrom)
    .option('--to <format>', 'output format', 'conllu')
    .action((files: string[], opts: AnnotateOpts) => {
      if (opts.to !== 'conllu') {
        process.stderr.write(`parley annotate: --to ${opts.to}: only conllu is supported\n`);
        process.exitCode = 2;
        return;
      }
      const stages = nlpStages({ tagger: loadTagger(), lemmatizer: loadLemmatizer(), parser: loadParser() });
      const out = new Out();
      const inputs = files.length ? files : ['-'];
      let failed = 0;
      const sentId = { n: 0 };
      for (const f of inputs) {
        const name = f === '-' ? '<stdin>' : f;
        let text: string;
        try {
          text = readFileSync(f === '-' ? 0 : f, 'utf8');
        } catch (err) {
          process.stderr.write(`parley annotate: ${name}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
          failed++;
          continue;
        }
        const from = opts.from ?? (/\.conllu?$/i.test(f) ? 'conllu' : 'text');
        // Each input is annotated into its own buffer first, so a bad file writes nothing half-way.
        const chunks: string[] = [];
        try {
          if (from === 'conllu') annotateConllu(text, stages, (s) => chunks.push(s));
          else annotateText(text, stages, (s) => chunks.push(s), sentId);
        } catch (err) {
          const msg = err instanceof ConlluError ? err.message : (err as Error).message;
          process.stderr.write(`parley annotate: ${name}: ${msg}\n`);
          failed++;
          continue;
        }
        for (const c of chunks) out.write(c);
      }
      out.flush();
      if (failed) process.exitCode = 1;
    });
}

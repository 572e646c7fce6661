// The extraction pipeline: article text in, Extraction out. Pure: resources are passed in, nothing is read here.
import { tokenize } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { findDates } from '../annotate/dates.js';
import { nerStage } from '../annotate/ner-stage.js';
import { TaggerStage } from '../annotate/tagger.js';
import { LemmatizerStage } from '../annotate/lemmatizer.js';
import { ParserStage } from '../annotate/parser.js';
import { actorStage } from '../actors/mentions.js';
import { mentionCharEnd } from '../actors/resolve.js';
import { eventStage } from '../events/coder.js';
import { quoteStage } from '../quotes/quotes.js';
import { attributionStage } from '../quotes/attribution.js';
import type { Doc } from '../text/doc.js';
import { checkPipeline, pipelineVersions, runPipeline, type Stage } from './stage.js';
import { newContext, type ExtractContext, type Resources } from './context.js';
import { SCHEMA_ID, type Actor, type Extraction, type Mention } from '../schema/extraction.js';

export interface ArticleInput {
  id: string;
  text: string;
  title?: string;
  url?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
}

const tokenizeStage = { name: 'tokenize', version: '1' };

const sentenceStage: Stage<ExtractContext> = {
  name: 'sentences',
  version: '1',
  needs: ['tokens'],
  sets: ['sentences'],
  run: (doc) => splitSentences(doc),
};

const dateStage: Stage<ExtractContext> = {
  name: 'dates',
  version: '1',
  needs: ['tokens', 'sentences'],
  sets: ['dates'],
  run: (doc, ctx) => {
    ctx.dates.push(...findDates(doc, ctx.dateline));
  },
};

// The model-backed stages take their model from the shared resources, so the stage list stays plain data.
const taggerStage: Stage<ExtractContext> = {
  name: 'tagger',
  version: '1',
  needs: ['tokens', 'sentences'],
  sets: ['pos'],
  run: (doc, ctx) => (ctx.resources.nlp ? new TaggerStage(ctx.resources.nlp.tagger).run(doc) : false),
};
const lemmaStage: Stage<ExtractContext> = {
  name: 'lemmatizer',
  version: '1',
  needs: ['tokens', 'pos'],
  sets: ['lemma'],
  run: (doc, ctx) => (ctx.resources.nlp && doc.layers.has('pos') ? new LemmatizerStage(ctx.resources.nlp.lemmatizer).run(doc) : false),
};
const parserStage: Stage<ExtractContext> = {
  name: 'parser',
  version: '1',
  needs: ['tokens', 'sentences', 'pos'],
  sets: ['deps'],
  run: (doc, ctx) => (ctx.resources.nlp && doc.layers.has('pos') ? new ParserStage(ctx.resources.nlp.parser).run(doc) : false),
};

export const STAGES: readonly Stage<ExtractContext>[] = [sentenceStage, taggerStage, lemmaStage, parserStage, dateStage, nerStage, actorStage, quoteStage, eventStage, attributionStage];
checkPipeline(STAGES);

/** The versioned stage list recorded with every extraction (tokenizer first). */
export const PIPELINE: readonly string[] = [`${tokenizeStage.name}@${tokenizeStage.version}`, ...pipelineVersions(STAGES)];

export function analyze(text: string, resources: Resources, dateline?: string): { doc: Doc; ctx: ExtractContext } {
  const doc = tokenize(text);
  const ctx = newContext(resources, dateline);
  runPipeline(STAGES, doc, ctx);
  return { doc, ctx };
}

export function extractArticle(input: ArticleInput, resources: Resources): Extraction {
  const { doc, ctx } = analyze(input.text, resources, input.published);
  const actors = new Map<string, Actor>();
  const mentions: Mention[] = ctx.mentions.map((m, k) => {
    const a = m.actor;
    if (a && !actors.has(a.id)) {
      actors.set(a.id, {
        id: a.id,
        name: a.name,
        code: a.code,
        country: a.country,
        org: a.org,
        sector: a.sector || (a.org ? 'IGO' : 'GOV'),
        ...(a.role ? { role: a.role } : {}),
        ...(a.kbId ? { kbId: a.kbId } : {}),
      });
    }
    const start = doc.start[m.start];
    // "Iran's" as one token (until the tokenizer splits clitics): the mention text stops before the possessive
    const end = mentionCharEnd(doc, m.start, m.end);
    return {
      id: `m${k + 1}`,
      text: doc.text.slice(start, end),
      start,
      end,
      sentence: doc.sentenceOf(m.start),
      type: m.type,
      ...(a ? { actor: a.id } : {}),
    };
  });
  const sentences = [];
  for (let s = 0; s < doc.sentenceCount; s++) {
    const sp = doc.sentence(s);
    if (sp.length) sentences.push({ index: s, start: sp.startChar, end: sp.endChar });
  }
  return {
    schema: SCHEMA_ID,
    article: {
      id: input.id,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.published !== undefined ? { published: input.published } : {}),
      textLength: input.text.length,
    },
    sentences,
    mentions,
    actors: [...actors.values()],
    events: ctx.events,
    quotes: ctx.quotes,
    dates: ctx.dates.map((d) => ({ text: d.text, start: d.start, end: d.end, value: d.value, precision: d.precision })),
    issues: ctx.issues,
    pipeline: [...PIPELINE],
  };
}

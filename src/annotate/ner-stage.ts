// The NER pipeline stage: sets doc.ner with the statistical tagger (gazetteer features from the knowledge base).
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';

export const nerStage: Stage<ExtractContext> = {
  name: 'ner',
  version: '2',
  needs: ['tokens', 'sentences'],
  sets: ['ner'],
  run(doc, ctx): void {
    ctx.resources.ner?.tagDoc(doc, ctx.resources.kb);
  },
};

// Parley as a library: `import { extract } from 'parley'` and the types of the Extraction contract.
export { extract, contentId, normalizeDate, ParleyError, type ExtractInput, type ExtractOptions } from './api.js';
export { PIPELINE } from './pipeline/extract.js';
export { Doc, Token, Span, StringTable } from './text/doc.js';
export { tokenize } from './text/tokenize.js';
export { splitSentences } from './text/sentences.js';
export { Extraction as ExtractionSchema, SCHEMA_ID, extractionJsonSchema } from './schema/extraction.js';
export type {
  Extraction, Actor, ActorRef, Mention, Event, EventDate, Location, Quote, DateMention, Issue, Modality, Precision,
} from './schema/extraction.js';

// The library's front door: `extract()` turns one article into an Extraction, loading shipped resources on first use.
import { createHash } from 'node:crypto';
import { extractArticle, type ArticleInput } from './pipeline/extract.js';
import { loadResources } from './resources/load.js';
import type { Resources } from './pipeline/context.js';
import type { Extraction } from './schema/extraction.js';

export interface ExtractInput {
  text: string;
  id?: string;
  title?: string;
  url?: string;
  /** Publication date: YYYY-MM-DD or an ISO date-time (only the date is used). */
  published?: string;
}

export interface ExtractOptions {
  /** Resources to use instead of the shipped ones (e.g. a custom knowledge base). */
  resources?: Resources;
}

/** Misuse of the API (not bad data): a coded error whose message says how to fix it. */
export class ParleyError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ParleyError';
  }
}

/** Stable id for an article without one: a hash of its text, so the same text always gets the same id. */
export function contentId(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** Normalises a publication date to YYYY-MM-DD; undefined when absent, ParleyError when unreadable. */
export function normalizeDate(published: string | undefined): string | undefined {
  if (published === undefined || published === null || published === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(published.trim());
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  const t = Date.parse(published);
  if (!Number.isNaN(t) && /[a-z]/i.test(published)) return new Date(t).toISOString().slice(0, 10);
  throw new ParleyError('BAD_DATE', `cannot read the date "${published}": use YYYY-MM-DD or an ISO date-time`);
}

export function toArticleInput(input: ExtractInput): ArticleInput {
  if (typeof input?.text !== 'string') throw new ParleyError('BAD_INPUT', 'extract() needs an object with a string "text"');
  return {
    id: input.id ?? contentId(input.text),
    text: input.text,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(normalizeDate(input.published) !== undefined ? { published: normalizeDate(input.published) } : {}),
  };
}

export function extract(input: ExtractInput, options: ExtractOptions = {}): Extraction {
  return extractArticle(toArticleInput(input), options.resources ?? loadResources());
}

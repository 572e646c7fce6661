// Reads article inputs (text, HTML, JSONL files or standard input) into ExtractInputs, turning every bad input
// into a one-line error that names it, so one broken file or line never stops the rest.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import type { ExtractInput } from '../api.js';
import { htmlToArticle } from './html.js';
import { looksLikeFeed, parseFeed } from './feed.js';

export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed';

export interface ReadOptions {
  input?: InputFormat;
  date?: string;
  title?: string;
  id?: string;
}

/** One article read from an input, or the error that stopped it; `where` names the file (and line). */
export type InputItem =
  | { ok: true; where: string; article: ExtractInput; /** publisher, when the input names one */ source?: string }
  | { ok: false; where: string; message: string };

const JsonlArticle = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  published: z.string().optional().nullable(),
  title: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
  source: z.string().optional().nullable(),
});

export function formatOf(path: string, given?: InputFormat): InputFormat {
  if (given) return given;
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.rss' || ext === '.atom' || ext === '.xml') return 'feed';
  return 'text';
}

/** Decodes bytes as UTF-8 text, refusing binary data and invalid UTF-8 with a message fit for the user. */
export function decodeText(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 65536);
  if (probe.includes(0)) throw new Error('looks like a binary file (it contains NUL bytes), expected UTF-8 text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('is not valid UTF-8 text');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readBytes(path: string): Uint8Array {
  if (path === '-') return readFileSync(0);
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new Error('no such file');
  if (st.isDirectory()) throw new Error('is a directory, expected a file');
  return readFileSync(path);
}

function issueMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'EACCES') return 'permission denied';
  return (e.message ?? String(err)).split('\n')[0];
}

export function* readInput(path: string, opts: ReadOptions = {}): Generator<InputItem> {
  const name = path === '-' ? '<stdin>' : path;
  let text: string;
  try {
    text = decodeText(readBytes(path));
  } catch (err) {
    yield { ok: false, where: name, message: issueMessage(err) };
    return;
  }
  yield* readText(name, text, formatOf(path, opts.input), opts);
}

/** Articles from an input's decoded text; feeds are also recognised by content when no format was given. */
export function* readText(name: string, text: string, format: InputFormat, opts: ReadOptions = {}): Generator<InputItem> {
  if (format === 'feed' || (!opts.input && format !== 'jsonl' && looksLikeFeed(text))) {
    yield* readFeed(name, text);
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonl(name, text, opts);
    return;
  }
  let article: ExtractInput;
  if (format === 'html') {
    const a = htmlToArticle(text);
    article = { text: a.text, title: opts.title ?? a.title, published: opts.date ?? a.published };
  } else {
    article = { text, title: opts.title, published: opts.date };
  }
  if (opts.id !== undefined) article.id = opts.id;
  if (!article.text.trim()) {
    yield { ok: false, where: name, message: format === 'html' ? 'no article text found in the HTML' : 'empty text' };
    return;
  }
  yield { ok: true, where: name, article: dropUndefined(article) };
}

function* readJsonl(name: string, text: string, opts: ReadOptions): Generator<InputItem> {
  const lines = text.split('\n');
  let any = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    any = true;
    const where = `${name}:${n + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      yield { ok: false, where, message: `malformed JSON (${issueMessage(err)})` };
      continue;
    }
    const parsed = JsonlArticle.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      yield { ok: false, where, message: `bad article: ${first.path.join('.') || 'line'}: ${first.message}` };
      continue;
    }
    const a = parsed.data;
    if (!a.text.trim()) {
      yield { ok: false, where, message: 'empty text' };
      continue;
    }
    yield {
      ok: true,
      where,
      ...(a.source ? { source: a.source } : {}),
      article: dropUndefined({
        text: a.text,
        id: a.id === undefined ? undefined : String(a.id),
        title: a.title ?? undefined,
        url: a.url ?? undefined,
        published: a.published ?? opts.date,
      }),
    };
  }
  if (!any) yield { ok: false, where: name, message: 'empty JSONL file (no articles)' };
}

function* readFeed(name: string, text: string): Generator<InputItem> {
  let items;
  try {
    items = parseFeed(text);
  } catch (err) {
    yield { ok: false, where: name, message: issueMessage(err) };
    return;
  }
  if (!items.length) yield { ok: false, where: name, message: 'feed has no items' };
  for (const it of items) {
    const where = `${name}#${it.index + 1}`;
    if (!it.article.text.trim()) yield { ok: false, where, message: 'feed item has no text (no content, description or summary)' };
    else yield { ok: true, where, article: it.article, ...(it.source ? { source: it.source } : {}) };
  }
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

// Expands ingest arguments (files, directories, URLs) into article items; directories are walked in sorted order
// so a rerun meets the articles in the same order, and URLs are fetched once, from exactly the URL given.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatOf, readInput, readText, decodeText, type InputItem, type ReadOptions } from './read-inputs.js';
import { htmlToArticle } from './html.js';
import { looksLikeFeed } from './feed.js';

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** Regular files under a directory, depth-first in name order; hidden entries (.git, .DS_Store) are skipped. */
export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(p, out);
    else if (st?.isFile()) out.push(p);
  }
  return out;
}

/** The files an argument stands for: itself, or every file under it when it is a directory. */
export function expand(spec: string): string[] {
  if (spec === '-' || isUrl(spec)) return [spec];
  const st = statSync(spec, { throwIfNoEntry: false });
  return st?.isDirectory() ? walk(spec) : [spec];
}

/** A cheap count of the articles the inputs hold (JSONL lines, one per other file), for progress and ETA. */
export function estimateCount(files: readonly string[], opts: ReadOptions): number | undefined {
  let n = 0;
  for (const f of files) {
    if (f === '-' || isUrl(f)) return undefined;
    if (formatOf(f, opts.input) === 'jsonl') {
      try {
        const text = readFileSync(f, 'utf8');
        for (const line of text.split('\n')) if (line.trim()) n++;
      } catch {
        n++;
      }
    } else n++;
  }
  return n;
}

async function* readUrl(url: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    yield { ok: false, where: url, message: `cannot fetch: ${(err as Error).message}` };
    return;
  }
  if (!res.ok) {
    yield { ok: false, where: url, message: `HTTP ${res.status} ${res.statusText}` };
    return;
  }
  let text: string;
  try {
    text = decodeText(new Uint8Array(await res.arrayBuffer()));
  } catch (err) {
    yield { ok: false, where: url, message: (err as Error).message };
    return;
  }
  const type = res.headers.get('content-type') ?? '';
  if (opts.input) {
    yield* readText(url, text, opts.input, opts);
  } else if (/xml|rss|atom/i.test(type) || looksLikeFeed(text)) {
    yield* readText(url, text, 'feed', opts);
  } else if (/html/i.test(type) || /^\s*<(!doctype html|html)/i.test(text)) {
    const a = htmlToArticle(text);
    if (!a.text.trim()) yield { ok: false, where: url, message: 'no article text found in the HTML' };
    else yield { ok: true, where: url, article: { text: a.text, url, ...(a.title ? { title: a.title } : {}), ...(opts.date ?? a.published ? { published: opts.date ?? a.published } : {}) } };
  } else {
    yield* readText(url, text, formatOf(new URL(url).pathname), opts);
  }
}

/** Every article item of the given files/URLs, in order; bad inputs come through as error items. */
export async function* readSources(files: readonly string[], opts: ReadOptions): AsyncGenerator<InputItem> {
  for (const f of files) {
    if (isUrl(f)) yield* readUrl(f, opts);
    else yield* readInput(f, opts);
  }
}

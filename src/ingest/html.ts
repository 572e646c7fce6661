// Main-article extraction from HTML pages (Mozilla Readability over linkedom), keeping paragraph breaks.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

type LinkedDocument = ReturnType<typeof parseHTML>['document'];
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

export interface HtmlArticle {
  text: string;
  title?: string;
  published?: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

function blockText(root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }): string {
  const parts: string[] = [];
  const nodes = root.querySelectorAll(BLOCKS);
  for (let i = 0; i < nodes.length; i++) {
    const t = (nodes[i].textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  return parts.join('\n\n');
}

function metaDate(document: LinkedDocument): string | undefined {
  for (const sel of ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]']) {
    const v = document.querySelector(sel)?.getAttribute('content');
    if (v && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  }
  const t = document.querySelector('time[datetime]')?.getAttribute('datetime');
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const published = metaDate(document);
  const docTitle = (document.querySelector('title')?.textContent ?? '').trim() || undefined;
  let parsed: { title?: string | null; content?: string | null; textContent?: string | null } | null = null;
  try {
    parsed = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 100 }).parse();
  } catch {
    parsed = null;
  }
  let text = '';
  if (parsed?.content) {
    const { document: inner } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    text = blockText(inner);
    if (!text) text = (parsed.textContent ?? '').trim();
  }
  if (!text) {
    // Readability gives up on short pages; fall back to the body's blocks
    const { document: again } = parseHTML(html);
    again.querySelectorAll('script, style, nav, header, footer, noscript').forEach((n: { remove(): void }) => n.remove());
    text = blockText(again) || (again.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return { text, title: (parsed?.title ?? '').trim() || docTitle, ...(published ? { published } : {}) };
}

// RSS 2.0 / Atom feeds: each item or entry becomes an article from the text the feed itself carries
// (content, else description or summary); item links are never fetched.
import { DOMParser, parseHTML } from 'linkedom';
import type { ExtractInput } from '../api.js';

interface XmlElement {
  tagName: string;
  localName?: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

/** True when the text looks like an RSS or Atom document. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

function local(el: XmlElement): string {
  return (el.localName ?? el.tagName).toLowerCase().replace(/^.*:/, '');
}

function childMap(el: XmlElement): Map<string, XmlElement[]> {
  const m = new Map<string, XmlElement[]>();
  for (let i = 0; i < el.children.length; i++) {
    const c = el.children[i];
    const full = c.tagName.toLowerCase();
    for (const k of new Set([full, local(c)])) {
      let list = m.get(k);
      if (!list) m.set(k, (list = []));
      list.push(c);
    }
  }
  return m;
}

/** Visible text of an HTML fragment, paragraphs separated by blank lines. */
export function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  document.querySelectorAll('script, style').forEach((n: { remove(): void }) => n.remove());
  const blocks = document.querySelectorAll('p, h1, h2, h3, h4, li, blockquote');
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const t = (blocks[i].textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  return parts.length ? parts.join('\n\n') : (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function dateOf(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

export interface FeedItem {
  article: ExtractInput;
  source?: string;
  /** Position in the feed, for error messages. */
  index: number;
}

/** Parses a feed; throws when it is not well-formed RSS or Atom. Items with no text are returned with empty text. */
export function parseFeed(xml: string): FeedItem[] {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml') as unknown as {
    documentElement: XmlElement | null;
  };
  const root = doc.documentElement;
  if (!root) throw new Error('not a well-formed RSS or Atom feed');
  const kind = local(root);
  let channel: XmlElement = root;
  if (kind === 'rss') {
    const ch = childMap(root).get('channel')?.[0];
    if (!ch) throw new Error('RSS feed without a <channel>');
    channel = ch;
  } else if (kind !== 'feed' && kind !== 'rdf') {
    throw new Error(`not an RSS or Atom feed (root element <${root.tagName}>)`);
  }
  const feedTitle = childMap(channel).get('title')?.[0]?.textContent?.trim() || undefined;
  const entries: XmlElement[] = [];
  const containers = kind === 'rdf' ? [root] : [channel];
  for (const c of containers) {
    for (let i = 0; i < c.children.length; i++) {
      const n = local(c.children[i]);
      if (n === 'item' || n === 'entry') entries.push(c.children[i]);
    }
  }
  return entries.map((el, index) => {
    const m = childMap(el);
    const text = (k: string) => m.get(k)?.[0]?.textContent?.trim() || undefined;
    let link = text('link');
    if (!link) {
      const links = m.get('link') ?? [];
      const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      link = alt?.getAttribute('href') ?? undefined;
    }
    const body = text('content:encoded') ?? text('encoded') ?? text('content') ?? text('description') ?? text('summary') ?? '';
    const id = text('guid') ?? text('id') ?? link;
    const published = dateOf(text('pubdate') ?? text('published') ?? text('dc:date') ?? text('date') ?? text('updated'));
    const title = text('title');
    const article: ExtractInput = { text: htmlFragmentText(body) };
    if (id) article.id = id;
    if (title) article.title = htmlFragmentText(title);
    if (link) article.url = link;
    if (published) article.published = published;
    return { article, index, ...(feedTitle ? { source: feedTitle } : {}) };
  });
}

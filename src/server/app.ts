// The HTTP API (hono): the contract's read-only JSON endpoints over a Storage, an OpenAPI document, security
// headers on every response, compression, and the web UI's static files with index.html for deep links.
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { z } from 'zod';
import type { Storage } from '../store/types.js';
import { openApiDocument } from './openapi.js';
import { ActorsQuery, EventsQuery, NetworkQuery, QuotesQuery, TimelineQuery, checkRange } from './params.js';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
  "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const NO_UI = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley</title></head><body>
<h1>Parley</h1><p>The web explorer is not built (no <code>web/dist</code>). Run <code>npm run build</code> to build it.</p>
<p>The JSON API is here: <a href="/api/stats">/api/stats</a>, <a href="/api/events">/api/events</a>,
<a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
`;

export interface AppOptions {
  /** The built web UI (web/dist); missing → a short HTML note. */
  webRoot?: string;
  version?: string;
}

function parse<S extends z.ZodType>(c: Context, schema: S): { ok: true; value: z.output<S> } | { ok: false; res: Response } {
  const r = schema.safeParse(c.req.query());
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, res: c.json({ error: `bad query parameter ${i.path.join('.') || ''}: ${i.message}`.replace('  ', ' ') }, 400) };
  }
  const range = checkRange(r.data as { since?: string; until?: string });
  if (range) return { ok: false, res: c.json({ error: `bad query parameters: ${range}` }, 400) };
  return { ok: true, value: r.data };
}

export function createApp(store: Storage, opts: AppOptions = {}): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });
  app.use('*', compress());
  app.onError((err, c) => {
    process.stderr.write(`parley: serve: ${c.req.method} ${c.req.path}: ${err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });

  const api = new Hono();
  api.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  api.get('/health', (c) => c.json({ ok: true }));
  api.get('/stats', async (c) => c.json(await store.stats()));
  api.get('/openapi.json', (c) => c.json(openApiDocument(opts.version ?? '0.1.0')));
  api.get('/events', async (c) => {
    const p = parse(c, EventsQuery);
    return p.ok ? c.json(await store.events(p.value)) : p.res;
  });
  api.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const a = await store.article(id);
    return a ? c.json(a) : c.json({ error: `no article with id "${id}"` }, 404);
  });
  api.get('/actors', async (c) => {
    const p = parse(c, ActorsQuery);
    return p.ok ? c.json(await store.actors(p.value)) : p.res;
  });
  api.get('/quotes', async (c) => {
    const p = parse(c, QuotesQuery);
    return p.ok ? c.json(await store.quotes(p.value)) : p.res;
  });
  api.get('/network', async (c) => {
    const p = parse(c, NetworkQuery);
    return p.ok ? c.json(await store.network(p.value)) : p.res;
  });
  api.get('/timeline', async (c) => {
    const p = parse(c, TimelineQuery);
    if (!p.ok) return p.res;
    const { dyad, interval = 'day', ...rest } = p.value;
    const items = await store.timeline({ ...rest, interval, ...(dyad ? { dyad: dyad.split('-') as [string, string] } : {}) });
    return c.json({ interval, items, total: items.length });
  });
  api.all('*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  const root = opts.webRoot;
  app.get('*', async (c) => {
    if (!root || !(await stat(join(root, 'index.html')).catch(() => null))) return c.html(NO_UI);
    // a path may never climb out of the web root
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (rel && (file === root || file.startsWith(root + sep))) {
      const st = await stat(file).catch(() => null);
      if (st?.isFile()) {
        const body = await readFile(file);
        c.header('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
        // Vite names assets by content hash, so they never change
        c.header('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        return c.body(body);
      }
      if (extname(rel) && rel.startsWith('assets/')) return c.text('not found', 404);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(join(root, 'index.html'), 'utf8'));
  });
  return app;
}

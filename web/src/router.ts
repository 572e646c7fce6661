// Client-side routing on the History API: path -> view, the query string as shared filter state.
import { useEffect, useState } from 'preact/hooks';

export type View = 'home' | 'events' | 'article' | 'actor' | 'timeline' | 'network' | 'map' | 'quotes' | 'notfound';

export interface Route {
  view: View;
  id?: string;
  params: URLSearchParams;
  path: string;
}

/** Filters that follow the user from view to view, so a range brushed on the timeline narrows the others. */
export const SHARED_KEYS = ['since', 'until', 'country', 'actor', 'cameo', 'plover', 'quadClass', 'modality'] as const;

export function parseRoute(loc: { pathname: string; search: string }): Route {
  const params = new URLSearchParams(loc.search);
  const parts = loc.pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const base = { params, path: loc.pathname };
  if (parts.length === 0) return { view: 'home', ...base };
  const [head, id] = parts;
  if (head === 'articles' && id) return { view: 'article', id, ...base };
  if (head === 'actors' && id) return { view: 'actor', id, ...base };
  if (parts.length === 1 && ['events', 'timeline', 'network', 'map', 'quotes'].includes(head)) {
    return { view: head as View, ...base };
  }
  return { view: 'notfound', ...base };
}

const NAV_EVENT = 'parley:navigate';

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  const next = url.pathname + url.search + url.hash;
  if (next === location.pathname + location.search + location.hash) return;
  if (opts.replace) history.replaceState(null, '', next);
  else history.pushState(null, '', next);
  window.dispatchEvent(new Event(NAV_EVENT));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location));
    window.addEventListener('popstate', update);
    window.addEventListener(NAV_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAV_EVENT, update);
    };
  }, []);
  return route;
}

/** Builds a path with a query string, dropping empty values so URLs stay short and shareable. */
export function href(path: string, params: Record<string, string | number | undefined | null> | URLSearchParams = {}): string {
  const qs = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The shared filters of the current URL, to carry along on navigation links. */
export function sharedParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of SHARED_KEYS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The current URL with some parameters changed (undefined or '' removes one); paging restarts. */
export function withParams(route: Route, changes: Record<string, string | undefined | null>, keepOffset = false): string {
  const p = new URLSearchParams(route.params);
  if (!keepOffset) p.delete('offset');
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') p.delete(k);
    else p.set(k, v);
  }
  return href(route.path, p);
}

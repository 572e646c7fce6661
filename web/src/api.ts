// Typed access to the JSON API of `parley serve` (contract: GET /api/*), with a fetch hook for views.
import { useEffect, useState } from 'preact/hooks';
import type { StoredEvent, StoredQuote, ActorSummary, NetworkGraph, TimelineBucket, Counts, Page, StoredArticleInput } from '../../src/store/types.ts';
import type { Extraction, ActorRef, Event } from '../../src/schema/extraction.ts';

export type { StoredEvent, StoredQuote, ActorSummary, NetworkGraph, TimelineBucket, Counts, Page, Extraction, ActorRef, Event };

export interface ArticleResponse {
  article: StoredArticleInput;
  extraction: Extraction;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJSON<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    // The server explains bad parameters in {"error": "..."}; show that rather than a bare status code.
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    const why = typeof body?.error === 'string' ? body.error : res.status === 404 ? 'not found' : `the server answered ${res.status}`;
    throw new ApiError(res.status, why);
  }
  return (await res.json()) as T;
}

export interface FetchState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/** Fetches `path` whenever it changes; an older answer arriving late never overwrites a newer one. */
export function useFetch<T>(path: string | null): FetchState<T> {
  const [state, setState] = useState<FetchState<T>>({ loading: path !== null });
  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    getJSON<T>(path, ctl.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (!ctl.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => ctl.abort();
  }, [path]);
  return state;
}

/** The article response, tolerating a server that nests the text differently. */
export function articleText(r: ArticleResponse): string {
  const a = r.article as Partial<StoredArticleInput> | undefined;
  return a?.text ?? (r as unknown as { text?: string }).text ?? '';
}

export function eventKey(e: StoredEvent): string {
  return `${e.articleId}/${e.id}`;
}

/** The date an event is placed on: its own date, else the article's publication date. */
export function eventDate(e: StoredEvent): string | undefined {
  return e.date?.value ?? e.published?.slice(0, 10);
}

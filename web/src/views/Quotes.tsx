// The quotes view: who said what, searchable by speaker and text, anonymous sources marked.
import { useRef } from 'preact/hooks';
import { useFetch, type Page, type StoredQuote } from '../api.ts';
import { ActorLink, Link, Pager, Status } from '../components.tsx';
import { navigate, withParams, type Route } from '../router.ts';

const LIMIT = 50;

export function QuotesView({ route }: { route: Route }) {
  return (
    <>
      <h1>Quotes</h1>
      <QuoteSearch route={route} />
      <QuoteList route={route} />
    </>
  );
}

function QuoteSearch({ route }: { route: Route }) {
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const d = new FormData(form.current!);
    navigate(withParams(route, { speaker: String(d.get('speaker') ?? '').trim(), q: String(d.get('q') ?? '').trim() }));
  };
  return (
    <form ref={form} class="filters" role="search" aria-label="Search quotes" onSubmit={onSubmit} key={route.params.toString()}>
      <label>
        Speaker
        <input name="speaker" type="search" defaultValue={route.params.get('speaker') ?? ''} placeholder="name or actor id" />
      </label>
      <label>
        Text
        <input name="q" type="search" defaultValue={route.params.get('q') ?? ''} placeholder="words in the quote" />
      </label>
      <div class="filter-actions">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

/** `offsetKey` lets a page with two paged lists (the actor page) keep their pages apart in the URL. */
export function QuoteList({ route, speaker, offsetKey = 'offset' }: { route: Route; speaker?: string; offsetKey?: string }) {
  const offset = Math.max(0, Number(route.params.get(offsetKey)) || 0);
  const qs = new URLSearchParams();
  const sp = speaker ?? route.params.get('speaker');
  if (sp) qs.set('speaker', sp);
  if (!speaker && route.params.get('q')) qs.set('q', route.params.get('q')!);
  qs.set('limit', String(LIMIT));
  qs.set('offset', String(offset));
  const { data, error, loading } = useFetch<Page<StoredQuote>>(`/api/quotes?${qs}`);
  return (
    <section class="quotes" aria-label="Quotes">
      <p class="count" aria-live="polite">
        {data ? `${data.total} quote${data.total === 1 ? '' : 's'}` : ''}
      </p>
      <Status loading={loading && !data} error={error} empty={!!data && data.items.length === 0} />
      <ul class="quote-cards" data-testid="quote-list">
        {data?.items.map((q) => (
          <li key={`${q.articleId}/${q.id}`} class="quote-card">
            <blockquote>{q.text}</blockquote>
            <p class="quote-meta">
              <span class="speaker">
                {q.speaker ? <ActorLink r={q.speaker} /> : <span class="muted">{q.speakerText || 'unattributed'}</span>}
                {q.speaker && q.speakerText && q.speakerText !== q.speaker.text ? <span class="muted"> ({q.speakerText})</span> : null}
              </span>
              {q.anonymous && (
                <span class="tag anon" title="The speaker is not named">
                  anonymous source
                </span>
              )}
              <span class="tag">{q.kind}</span>
              {q.medium && <span class="tag medium">via {q.medium}</span>}
              {q.cue && <span class="muted"> “{q.cue.text}”</span>}
            </p>
            <p class="source-line">
              {q.published ? <span>{q.published.slice(0, 10)} · </span> : null}
              <Link href={`/articles/${encodeURIComponent(q.articleId)}?quote=${encodeURIComponent(q.id)}`}>{q.articleTitle || q.articleId}</Link>
            </p>
          </li>
        ))}
      </ul>
      {data && <Pager total={data.total} offset={offset} limit={LIMIT} onPage={(o) => navigate(withParams(route, { [offsetKey]: o ? String(o) : undefined }, true))} />}
    </section>
  );
}

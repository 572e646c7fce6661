// The article view: the text with actors, event triggers, dates and quotes highlighted, its coded events beside it.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useFetch, articleText, type ArticleResponse } from '../api.ts';
import { ActorList, CameoCode, Link, QuadBadge, Status } from '../components.tsx';
import { segment, type Span } from '../highlight.ts';
import { navigate, withParams, type Route } from '../router.ts';

/** Only web links are followed: a stored URL is untrusted and could be `javascript:`. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function ArticleView({ route, id }: { route: Route; id: string }) {
  const { data, error, loading } = useFetch<ArticleResponse>(`/api/articles/${encodeURIComponent(id)}`);
  const selEvent = route.params.get('event');
  const selQuote = route.params.get('quote');
  const textRef = useRef<HTMLDivElement>(null);

  const x = data?.extraction;
  const text = data ? articleText(data) : '';
  const segments = useMemo(() => {
    if (!x) return [];
    const names = new Map(x.actors.map((a) => [a.id, `${a.name} (${a.code})`]));
    const spans: Span[] = [];
    for (const m of x.mentions) spans.push({ start: m.start, end: m.end, kind: 'mention', label: m.type, title: m.actor ? `${m.type} · ${names.get(m.actor) ?? m.actor}` : m.type, ref: m.actor });
    for (const d of x.dates) spans.push({ start: d.start, end: d.end, kind: 'date', label: 'DATE', title: d.value ? `date ${d.value} (${d.precision})` : 'date' });
    for (const q of x.quotes) {
      spans.push({ start: q.start, end: q.end, kind: 'quote', ref: q.id, title: `${q.kind} quote${q.anonymous ? ' (anonymous source)' : ''}` });
      // Who said it and the verb that says so are shown only for the chosen quote, to keep the text readable.
      if (q.id === selQuote && q.speakerSpan) spans.push({ start: q.speakerSpan.start, end: q.speakerSpan.end, kind: 'speaker', label: 'SPEAKER', ref: q.id });
      if (q.id === selQuote && q.cue) spans.push({ start: q.cue.start, end: q.cue.end, kind: 'cue', label: 'CUE', ref: q.id });
    }
    for (const e of x.events) {
      spans.push({ start: e.trigger.start, end: e.trigger.end, kind: 'trigger', label: e.cameo, ref: e.id, title: `event ${e.id}: CAMEO ${e.cameo} ${e.plover?.type ?? ''}` });
      if (e.id === selEvent) spans.push({ start: e.evidence.start, end: e.evidence.end, kind: 'evidence', ref: e.id });
    }
    return segment(text, spans);
  }, [x, text, selEvent, selQuote]);

  // Bring the chosen event's evidence into view; on a phone it is far below the event list.
  useEffect(() => {
    const el = textRef.current?.querySelector('.is-selected');
    if (el && 'scrollIntoView' in el) (el as HTMLElement).scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selEvent, selQuote, segments]);

  if (!data) return <Status loading={loading} error={error} />;
  const a = data.article;
  const url = safeUrl(a.url);
  const select = (kind: 'event' | 'quote', ref: string | null) => navigate(withParams(route, { event: kind === 'event' ? ref : undefined, quote: kind === 'quote' ? ref : undefined }, true));

  return (
    <article class="article-view">
      <header class="article-head">
        <h1>{a.title || a.id}</h1>
        <p class="meta">
          {a.published ? <time dateTime={a.published.slice(0, 10)}>{a.published.slice(0, 10)}</time> : null}
          {a.source ? <span> · {a.source}</span> : null}
          {url ? (
            <span>
              {' · '}
              <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                original article
              </a>
            </span>
          ) : null}
          <span> · {x?.events.length ?? 0} events, {x?.quotes.length ?? 0} quotes</span>
        </p>
        <Legend />
      </header>
      <div class="article-layout">
        {/* A click on a trigger word is a mouse shortcut for the event list's buttons, which keyboard users have. */}
        <div class="article-text" ref={textRef} data-testid="article-text" lang="en" onClick={(ev: MouseEvent) => {
          const ref = (ev.target as Element).closest?.('[data-event]')?.getAttribute('data-event');
          if (ref) select('event', ref === selEvent ? null : ref);
        }}>
          {segments.map((s) => {
            if (s.spans.length === 0) return s.text;
            const cls = new Set<string>();
            let selected = false;
            let title = '';
            for (const sp of s.spans) {
              cls.add(`hl-${sp.kind}`);
              if (sp.kind === 'mention' && sp.label) cls.add(`ent-${sp.label}`);
              if ((sp.kind === 'evidence' || sp.kind === 'trigger') && sp.ref === selEvent) selected = true;
              if ((sp.kind === 'quote' || sp.kind === 'speaker') && sp.ref === selQuote) selected = true;
              if (sp.title && sp.kind !== 'evidence') title = title ? `${title}; ${sp.title}` : sp.title;
            }
            if (selected) cls.add('is-selected');
            const trig = s.spans.find((sp) => sp.kind === 'trigger');
            return (
              <span key={s.start} class={[...cls].join(' ')} title={title || undefined} data-event={trig?.ref}>
                {s.text}
                {s.closing
                  .filter((sp) => sp.label && sp.kind !== 'quote' && sp.kind !== 'evidence')
                  .map((sp, i) => (
                    <span key={i} class={`lbl lbl-${sp.kind} lbl-${sp.label}`}>
                      {sp.label}
                    </span>
                  ))}
              </span>
            );
          })}
        </div>
        <aside class="article-side" aria-label="Coded events and quotes">
          <h2>Events</h2>
          {x && x.events.length === 0 && <p class="muted">No events coded in this article.</p>}
          <ol class="event-list">
            {x?.events.map((e) => (
              <li key={e.id} class={e.id === selEvent ? 'selected' : ''}>
                <button type="button" class="event-pick" aria-pressed={e.id === selEvent} onClick={() => select('event', e.id === selEvent ? null : e.id)}>
                  <CameoCode code={e.cameo} /> <span class="tag plover">{e.plover?.type}</span>
                  <span class="trigger-word">“{e.trigger.text}”</span>
                </button>
                <div class="who">
                  <ActorList refs={e.source} /> → <ActorList refs={e.target} />
                </div>
                {e.id === selEvent && (
                  <dl class="event-detail">
                    <dt>Class</dt>
                    <dd>
                      <QuadBadge q={e.quadClass} /> Goldstein {e.goldstein}
                    </dd>
                    <dt>Date</dt>
                    <dd>
                      {e.date.value ?? 'unknown'} ({e.date.precision}, from {e.date.basis}
                      {e.date.text ? `: “${e.date.text}”` : ''})
                    </dd>
                    <dt>Modality</dt>
                    <dd>{e.modality}</dd>
                    {e.location && (
                      <>
                        <dt>Place</dt>
                        <dd>{e.location.name}</dd>
                      </>
                    )}
                    <dt>Confidence</dt>
                    <dd>{Math.round(e.confidence * 100)}%</dd>
                    <dt>Rule</dt>
                    <dd>
                      <code>{e.rule}</code>
                    </dd>
                  </dl>
                )}
              </li>
            ))}
          </ol>
          <h2>Quotes</h2>
          {x && x.quotes.length === 0 && <p class="muted">No quotes.</p>}
          <ol class="quote-list">
            {x?.quotes.map((q) => (
              <li key={q.id} class={q.id === selQuote ? 'selected' : ''}>
                <button type="button" class="quote-pick" aria-pressed={q.id === selQuote} onClick={() => select('quote', q.id === selQuote ? null : q.id)}>
                  {q.speaker ? q.speaker.text : q.speakerText || 'unattributed'}
                  {q.anonymous && <span class="tag anon">anonymous</span>}
                  <span class="tag">{q.kind}</span>
                </button>
              </li>
            ))}
          </ol>
          <h2>Actors</h2>
          <ul class="actor-chips">
            {x?.actors.map((ac) => (
              <li key={ac.id}>
                <Link href={`/actors/${encodeURIComponent(ac.id)}`}>{ac.name}</Link> <span class="code">{ac.code}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}

function Legend() {
  return (
    <p class="legend" aria-label="Highlight legend">
      <span class="hl-mention ent-GPE">place/state</span> <span class="hl-mention ent-PERSON">person</span> <span class="hl-mention ent-ORG">organisation</span>{' '}
      <span class="hl-trigger">event trigger</span> <span class="hl-date">date</span> <span class="hl-quote">quote</span>{' '}
      <span class="hl-evidence">chosen evidence</span>
    </p>
  );
}

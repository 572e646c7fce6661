// Entry of the Parley explorer: the page shell (skip link, navigation, shared-filter bar) and the view router.
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './styles.css';
import { useFetch, type ActorSummary, type Counts, type Page } from './api.ts';
import { Link } from './components.tsx';
import { href, navigate, sharedParams, useRoute, withParams, type Route, type View } from './router.ts';
import { EventsView } from './views/Events.tsx';
import { ArticleView } from './views/Article.tsx';
import { ActorView } from './views/Actor.tsx';
import { TimelineView } from './views/Timeline.tsx';
import { NetworkView } from './views/Network.tsx';
import { MapView } from './views/Map.tsx';
import { QuotesView } from './views/Quotes.tsx';

const NAV: [View, string, string][] = [
  ['events', '/events', 'Events'],
  ['timeline', '/timeline', 'Timeline'],
  ['network', '/network', 'Network'],
  ['map', '/map', 'Map'],
  ['quotes', '/quotes', 'Quotes'],
];

const TITLES: Record<View, string> = {
  home: 'Overview',
  events: 'Events',
  article: 'Article',
  actor: 'Actor',
  timeline: 'Timeline',
  network: 'Network',
  map: 'Map',
  quotes: 'Quotes',
  notfound: 'Not found',
};

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const shared = sharedParams(route.params);

  // After an in-page navigation, move focus to the new content so keyboard and screen-reader users land there.
  useEffect(() => {
    document.title = `${TITLES[route.view]} · Parley explorer`;
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [route.path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <Link href="/" class="brand">
          Parley <span>explorer</span>
        </Link>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([view, path, label]) => (
              <li key={view}>
                <Link href={href(path, shared)} aria-current={route.view === view ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <FilterBar route={route} />
      <main id="main" ref={main} tabIndex={-1} data-view={route.view}>
        <Page route={route} />
      </main>
      <footer class="site-footer">
        Event data extracted automatically by Parley; every event links to the sentence it came from. Map: Natural Earth via world-atlas.
      </footer>
    </>
  );
}

/** Shows the filters that travel between views, each removable, so a brushed range is never a hidden surprise. */
function FilterBar({ route }: { route: Route }) {
  const shared = Object.entries(sharedParams(route.params));
  if (shared.length === 0 || route.view === 'article') return null;
  return (
    <div class="filter-bar" role="region" aria-label="Active filters">
      <span>Filters:</span>
      {shared.map(([k, v]) => (
        <button key={k} type="button" class="chip" onClick={() => navigate(withParams(route, { [k]: '' }))} aria-label={`Remove filter ${k} ${v}`}>
          {k} = {v} <span aria-hidden="true">×</span>
        </button>
      ))}
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.view) {
    case 'home':
      return <Home />;
    case 'events':
      return <EventsView route={route} />;
    case 'article':
      return <ArticleView route={route} id={route.id!} key={route.id} />;
    case 'actor':
      return <ActorView route={route} id={route.id!} key={route.id} />;
    case 'timeline':
      return <TimelineView route={route} />;
    case 'network':
      return <NetworkView route={route} />;
    case 'map':
      return <MapView route={route} />;
    case 'quotes':
      return <QuotesView route={route} />;
    default:
      return (
        <>
          <h1>Not found</h1>
          <p>
            There is no page at this address. <Link href="/events">Browse the events</Link>.
          </p>
        </>
      );
  }
}

function Home() {
  const { data } = useFetch<Counts>('/api/stats');
  return (
    <>
      <h1>Parley explorer</h1>
      <p class="lead">Who did what to whom, when, where — and who said so. Every coded event links back to the sentence it was read from.</p>
      {data && (
        <dl class="stats" data-testid="stats">
          {(['articles', 'events', 'quotes', 'actors', 'mentions'] as const).map((k) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{data[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      <TopActors />
      <h2>Views</h2>
      <ul class="view-list">
        <li>
          <Link href="/events">Events</Link>: filter by actor, country, CAMEO or PLOVER type, quad class, modality, dates and text.
        </li>
        <li>
          <Link href="/timeline">Timeline</Link>: events per day, week or month by quad class, for a country or a dyad; brush to set a date range.
        </li>
        <li>
          <Link href="/network">Network</Link>: who interacts with whom, from conflict to cooperation.
        </li>
        <li>
          <Link href="/map">Map</Link>: where events happen.
        </li>
        <li>
          <Link href="/quotes">Quotes</Link>: who said what, anonymous sources marked.
        </li>
      </ul>
    </>
  );
}

function TopActors() {
  const { data } = useFetch<Page<ActorSummary>>('/api/actors?limit=200');
  const top = [...(data?.items ?? [])].sort((a, b) => b.events - a.events).filter((a) => a.events > 0).slice(0, 12);
  if (!top.length) return null;
  return (
    <>
      <h2>Most active actors</h2>
      <ul class="actor-chips top-actors">
        {top.map((a) => (
          <li key={a.id}>
            <Link href={`/actors/${encodeURIComponent(a.id)}`}>{a.name}</Link> <span class="code">{a.events}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

render(<App />, document.getElementById('app')!);

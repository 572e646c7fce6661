// The actor view: who an actor is, the events they take part in and what they are quoted saying.
import { useFetch, type ActorSummary, type Page } from '../api.ts';
import { Link } from '../components.tsx';
import { href, type Route } from '../router.ts';
import { EventsTable } from './Events.tsx';
import { QuoteList } from './Quotes.tsx';
import { COUNTRIES } from '../countries.ts';


export function ActorView({ route, id }: { route: Route; id: string }) {
  const { data } = useFetch<Page<ActorSummary>>(`/api/actors?q=${encodeURIComponent(id)}&limit=100`);
  const actor = data?.items.find((a) => a.id === id);
  const country = actor?.country ?? (/^[A-Z]{3}$/.test(id) ? id : null);
  return (
    <>
      <h1>
        {actor?.name ?? id} <span class="code">{actor?.code ?? id}</span>
      </h1>
      <p class="meta">
        {country ? <span>Country: {COUNTRIES[country]?.[1] ?? country} · </span> : null}
        {actor?.org ? <span>Organisation: {actor.org} · </span> : null}
        {actor?.sector ? <span>Sector: {actor.sector} · </span> : null}
        {actor ? (
          <span>
            {actor.events} events, {actor.mentions} mentions
          </span>
        ) : null}
      </p>
      <p class="actions">
        {country && <Link href={href('/timeline', { country })}>Timeline for {country}</Link>}
        <Link href={href('/events', { actor: id })}>Filter all events by this actor</Link>
        <Link href={href('/network', {})}>Network</Link>
      </p>
      <h2>Events</h2>
      <EventsTable route={route} fixed={{ actor: id }} />
      <h2>Quotes</h2>
      <QuoteList route={route} speaker={id} offsetKey="qoffset" />
    </>
  );
}

// The events view: a filterable, paged table of coded events, each with its evidence and links.
import { useFetch, eventDate, eventKey, type Page, type StoredEvent } from '../api.ts';
import { ActorList, CameoCode, Evidence, Link, Pager, QuadBadge, Status } from '../components.tsx';
import { FilterForm, eventQuery } from '../filters.tsx';
import { navigate, withParams, type Route } from '../router.ts';

const LIMIT = 50;

export function EventsView({ route }: { route: Route }) {
  return (
    <>
      <h1>Events</h1>
      <FilterForm route={route} fields={['q', 'actor', 'country', 'cameo', 'plover', 'quadClass', 'modality', 'since', 'until']} label="Filter events" />
      <EventsTable route={route} />
    </>
  );
}

/** The table alone, also used on actor pages with `fixed` filters that the URL does not carry. */
export function EventsTable({ route, fixed = {} }: { route: Route; fixed?: Record<string, string> }) {
  const offset = Math.max(0, Number(route.params.get('offset')) || 0);
  const { data, error, loading } = useFetch<Page<StoredEvent>>(`/api/events?${eventQuery(route.params, { ...fixed, limit: LIMIT, offset })}`);
  // Guard for servers that ignore the optional quadClass/modality parameters.
  const qc = route.params.get('quadClass');
  const mod = route.params.get('modality');
  const items = (data?.items ?? []).filter((e) => (!qc || String(e.quadClass) === qc) && (!mod || e.modality === mod));
  return (
    <section aria-labelledby="events-count" class="events">
      <p id="events-count" class="count" aria-live="polite">
        {data ? `${data.total} event${data.total === 1 ? '' : 's'}` : ''}
      </p>
      <Status loading={loading && !data} error={error} empty={!!data && items.length === 0} />
      {items.length > 0 && (
        <table class="table events-table" data-testid="events-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Source</th>
              <th scope="col">Event</th>
              <th scope="col">Target</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={eventKey(e)} class={loading ? 'stale' : ''}>
                <td data-label="Date" class="nowrap">
                  {eventDate(e) ?? '—'}
                </td>
                <td data-label="Source">
                  <ActorList refs={e.source} />
                </td>
                <td data-label="Event" class="event-cell">
                  <CameoCode code={e.cameo} />
                  <div class="tags">
                    <span class="tag plover">{e.plover?.type}</span>
                    <QuadBadge q={e.quadClass} />
                    <span class="tag goldstein" title="Goldstein score (−10 conflict … +10 cooperation)">
                      {e.goldstein > 0 ? '+' : ''}
                      {e.goldstein}
                    </span>
                    {e.modality !== 'asserted' && <span class="tag modality">{e.modality}</span>}
                    {e.location && <span class="tag place">{e.location.name}</span>}
                  </div>
                </td>
                <td data-label="Target">
                  <ActorList refs={e.target} />
                </td>
                <td data-label="Evidence" class="evidence-cell">
                  <Evidence e={e} />
                  <div class="source-line">
                    <Link href={`/articles/${encodeURIComponent(e.articleId)}?event=${encodeURIComponent(e.id)}`}>{e.articleTitle || e.articleId}</Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <Pager total={data.total} offset={offset} limit={LIMIT} onPage={(o) => navigate(withParams(route, { offset: o ? String(o) : undefined }, true))} />}
    </section>
  );
}

// The filter form shared by the events, network and map views: it reads from and writes to the URL only.
import { useRef, useState } from 'preact/hooks';
import { navigate, withParams, type Route } from './router.ts';
import { MODALITIES, PLOVER_TYPES, QUAD_CLASSES, CAMEO_ROOTS } from './codes.ts';
import { useFetch, type Page, type ActorSummary } from './api.ts';
import { COUNTRIES } from './countries.ts';

export type FilterField = 'actor' | 'country' | 'cameo' | 'plover' | 'quadClass' | 'modality' | 'since' | 'until' | 'q';

const COUNTRY_ENTRIES = Object.entries(COUNTRIES);

export function FilterForm({ route, fields, label = 'Filters' }: { route: Route; fields: FilterField[]; label?: string }) {
  const form = useRef<HTMLFormElement>(null);
  const p = route.params;
  const has = (f: FilterField) => fields.includes(f);
  const actors = useFetch<Page<ActorSummary>>(has('actor') ? '/api/actors?limit=500' : null);

  const apply = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    const changes: Record<string, string> = {};
    for (const f of fields) changes[f] = String(data.get(f) ?? '').trim();
    if (changes.country) changes.country = changes.country.toUpperCase();
    navigate(withParams(route, changes));
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    apply();
  };
  const clear = () => {
    const changes: Record<string, undefined> = {};
    for (const f of fields) changes[f] = undefined;
    navigate(withParams(route, changes));
  };
  const v = (k: string) => p.get(k) ?? '';
  const active = fields.filter((f) => p.get(f)).length;
  // On a phone the form would fill the first screen, so it starts folded there (the filter bar still shows what is set).
  const [open] = useState(() => !window.matchMedia('(max-width: 700px)').matches);
  // Keyed by the query string so the inputs show the URL's values again after back/forward.
  return (
    <details class="filters-wrap" open={open}>
      <summary>
        {label}
        {active ? ` (${active} set)` : ''}
      </summary>
      <form ref={form} class="filters" role="search" aria-label={label} onSubmit={onSubmit} key={p.toString()}>
        {has('q') && (
          <label>
            Text
            <input name="q" type="search" defaultValue={v('q')} placeholder="words in the evidence" />
          </label>
        )}
        {has('actor') && (
          <label>
            Actor
            <input name="actor" defaultValue={v('actor')} list="actor-list" placeholder="actor id, e.g. RUS" autoComplete="off" />
            <datalist id="actor-list">
              {actors.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </datalist>
          </label>
        )}
        {has('country') && (
          <label>
            Country
            <input name="country" defaultValue={v('country')} list="country-list" placeholder="e.g. IRN" autoComplete="off" maxLength={3} size={7} />
            <datalist id="country-list">
              {COUNTRY_ENTRIES.map(([code, c]) => (
                <option key={code} value={code}>
                  {c[1]}
                </option>
              ))}
            </datalist>
          </label>
        )}
        {has('cameo') && (
          <label>
            CAMEO
            <select name="cameo" onChange={apply}>
              <option value="">any</option>
              {Object.entries(CAMEO_ROOTS).map(([code, name]) => (
                <option key={code} value={code} selected={v('cameo') === code}>
                  {code} {name}
                </option>
              ))}
              {v('cameo') && !CAMEO_ROOTS[v('cameo')] ? (
                <option value={v('cameo')} selected>
                  {v('cameo')}
                </option>
              ) : null}
            </select>
          </label>
        )}
        {has('plover') && (
          <label>
            PLOVER
            <select name="plover" onChange={apply}>
              <option value="">any</option>
              {PLOVER_TYPES.map((t) => (
                <option key={t} value={t} selected={v('plover') === t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
        {has('quadClass') && (
          <label>
            Quad class
            <select name="quadClass" onChange={apply}>
              <option value="">any</option>
              {Object.entries(QUAD_CLASSES).map(([q, name]) => (
                <option key={q} value={q} selected={v('quadClass') === q}>
                  {q} {name}
                </option>
              ))}
            </select>
          </label>
        )}
        {has('modality') && (
          <label>
            Modality
            <select name="modality" onChange={apply}>
              <option value="">any</option>
              {MODALITIES.map((m) => (
                <option key={m} value={m} selected={v('modality') === m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        )}
        {has('since') && (
          <label>
            From
            <input name="since" type="date" defaultValue={v('since')} />
          </label>
        )}
        {has('until') && (
          <label>
            To
            <input name="until" type="date" defaultValue={v('until')} />
          </label>
        )}
        <div class="filter-actions">
          <button type="submit">Apply</button>
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
    </details>
  );
}

/** The query string for /api/events from the URL's filters (extra keys the server may ignore are harmless). */
export function eventQuery(p: URLSearchParams, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  for (const k of ['actor', 'country', 'cameo', 'plover', 'quadClass', 'modality', 'since', 'until', 'q']) {
    const v = p.get(k);
    if (v) q.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

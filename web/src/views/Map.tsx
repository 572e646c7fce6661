// The map view: event locations on an offline world map (bundled world-atlas TopoJSON, d3-geo), with countries
// shaded by how many events involve their actors.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { scaleSqrt, scaleSequential } from 'd3-scale';
import { interpolateRgb } from 'd3-interpolate';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { COUNTRIES } from '../countries.ts';
import { useFetch, type Page, type StoredEvent } from '../api.ts';
import { Link, Status } from '../components.tsx';
import { FilterForm, eventQuery } from '../filters.tsx';
import { href, sharedParams, type Route } from '../router.ts';

const NUMERIC_TO_ISO3 = new Map(Object.entries(COUNTRIES).map(([iso3, c]) => [c[0], iso3]));
const LIMIT = 1000;

type CountryFeature = Feature<Geometry, { name: string }>;
let land: Promise<CountryFeature[]> | null = null;
/** The world outline is loaded on first use, as its own chunk, so the other views do not pay for it. */
function worldFeatures(): Promise<CountryFeature[]> {
  land ??= import('world-atlas/countries-110m.json').then((m) => {
    const world = (m.default ?? m) as unknown as Topology;
    return (feature(world, world.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>).features;
  });
  return land;
}

interface Place {
  key: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: StoredEvent[];
}

export function MapView({ route }: { route: Route }) {
  const { data, error, loading } = useFetch<Page<StoredEvent>>(`/api/events?${eventQuery(route.params, { limit: LIMIT })}`);
  const events = data?.items ?? [];
  const { places, byCountry, unlocated } = useMemo(() => {
    const places = new Map<string, Place>();
    const byCountry = new Map<string, number>();
    let unlocated = 0;
    for (const e of events) {
      const l = e.location;
      if (l && Number.isFinite(l.lat) && Number.isFinite(l.lon)) {
        const key = `${l.lat.toFixed(2)},${l.lon.toFixed(2)}`;
        const p = places.get(key) ?? { key, name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: [] };
        p.events.push(e);
        places.set(key, p);
      } else unlocated++;
      const cs = new Set([...e.source, ...e.target].map((r) => r.country).filter((c): c is string => !!c));
      if (l?.country) cs.add(l.country);
      for (const c of cs) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
    }
    return { places: [...places.values()].sort((a, b) => b.events.length - a.events.length), byCountry, unlocated };
  }, [events]);

  return (
    <>
      <h1>Map</h1>
      <FilterForm route={route} fields={['actor', 'country', 'cameo', 'quadClass', 'since', 'until']} label="Filter the map" />
      <Status loading={loading && !data} error={error} />
      {data && (
        <p class="count">
          {events.length} of {data.total} events: {events.length - unlocated} with a location at {places.length} place{places.length === 1 ? '' : 's'}; countries shaded by events involving their actors.
        </p>
      )}
      <WorldMap places={places} byCountry={byCountry} />
      {byCountry.size > 0 && (
        <details class="data-table">
          <summary>Countries ({byCountry.size})</summary>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Events involving it</th>
              </tr>
            </thead>
            <tbody>
              {[...byCountry.entries()]
                .sort((a, b) => b[1] - a[1])
                .map(([iso3, n]) => (
                  <tr key={iso3}>
                    <td>
                      {COUNTRIES[iso3]?.[1] ?? iso3} <span class="code">{iso3}</span>
                    </td>
                    <td>
                      <Link href={href('/events', { ...sharedParams(route.params), country: iso3 })}>{n}</Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
      {places.length > 0 && (
        <details class="data-table" open={places.length <= 12}>
          <summary>Places ({places.length})</summary>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Country</th>
                <th scope="col">Events</th>
              </tr>
            </thead>
            <tbody>
              {places.map((p) => (
                <tr key={p.key}>
                  <td>{p.name}</td>
                  <td>{p.country ?? '—'}</td>
                  <td>
                    {p.country ? <Link href={href('/events', { country: p.country })}>{p.events.length}</Link> : p.events.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

function WorldMap({ places, byCountry }: { places: Place[]; byCountry: Map<string, number> }) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);
  useEffect(() => {
    if (!wrap.current) return;
    const ro = new ResizeObserver((es) => setWidth(Math.max(280, Math.floor(es[0].contentRect.width))));
    ro.observe(wrap.current);
    return () => ro.disconnect();
  }, []);
  const height = Math.round(width * 0.52);
  const [features, setFeatures] = useState<CountryFeature[]>([]);
  useEffect(() => {
    let live = true;
    void worldFeatures().then((f) => live && setFeatures(f));
    return () => {
      live = false;
    };
  }, []);
  const projection = useMemo(() => geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' }), [width, height]);
  const path = geoPath(projection);
  const maxC = Math.max(1, ...byCountry.values());
  const shade = scaleSequential(interpolateRgb('#eef2f7', '#4a6fa5')).domain([0, Math.log1p(maxC)]);
  const radius = scaleSqrt().domain([0, Math.max(1, ...places.map((p) => p.events.length))]).range([3, 14]);

  return (
    <div class="chart map" ref={wrap}>
      <svg width={width} height={height} role="img" aria-label="World map of event locations" data-testid="world-map" data-countries={features.length}>
        <path class="sphere" d={path({ type: 'Sphere' }) ?? ''} />
        <path class="graticule" d={path(geoGraticule10()) ?? ''} />
        {features.map((f) => {
          const iso3 = NUMERIC_TO_ISO3.get(String(f.id));
          const n = iso3 ? (byCountry.get(iso3) ?? 0) : 0;
          return (
            <path key={String(f.id) + f.properties.name} class="country" d={path(f) ?? ''} fill={n ? shade(Math.log1p(n)) : "#dde3ea"} data-events={n || undefined}>
              <title>
                {f.properties.name}
                {n ? `: ${n} event${n === 1 ? '' : 's'}` : ''}
              </title>
            </path>
          );
        })}
        {places.map((p) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          return (
            <circle key={p.key} class="place" cx={xy[0]} cy={xy[1]} r={radius(p.events.length)}>
              <title>
                {p.name}: {p.events.length} event{p.events.length === 1 ? '' : 's'}
              </title>
            </circle>
          );
        })}
      </svg>
    </div>
  );
}

// The network view: actors as nodes, interactions as edges coloured from conflict to cooperation by mean Goldstein
// score and sized by count, laid out with d3-force.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import { useFetch, type NetworkGraph } from '../api.ts';
import { goldsteinColor } from '../codes.ts';
import { Link, Status } from '../components.tsx';
import { FilterForm } from '../filters.tsx';
import { href, navigate, type Route } from '../router.ts';

type GNode = NetworkGraph['nodes'][number] & SimulationNodeDatum;
interface GEdge {
  source: GNode;
  target: GNode;
  count: number;
  goldstein: number;
}

export function NetworkView({ route }: { route: Route }) {
  const p = route.params;
  const qs = new URLSearchParams();
  for (const k of ['since', 'until', 'cameo', 'quadClass', 'plover']) if (p.get(k)) qs.set(k, p.get(k)!);
  const { data, error, loading } = useFetch<NetworkGraph>(`/api/network?${qs}`);
  return (
    <>
      <h1>Network</h1>
      <FilterForm route={route} fields={['cameo', 'quadClass', 'since', 'until']} label="Filter the network" />
      <Status loading={loading && !data} error={error} empty={!!data && data.nodes.length === 0} />
      {data && data.nodes.length > 0 && <Graph graph={data} />}
    </>
  );
}

function Graph({ graph }: { graph: NetworkGraph }) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    if (!wrap.current) return;
    const ro = new ResizeObserver((es) => setWidth(Math.max(300, Math.floor(es[0].contentRect.width))));
    ro.observe(wrap.current);
    return () => ro.disconnect();
  }, []);
  const height = width < 600 ? 460 : 560;

  // A static layout computed in one go: no animation to wait for, and the same picture on every visit.
  const layout = useMemo(() => {
    const nodes: GNode[] = graph.nodes.map((n) => ({ ...n }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges: GEdge[] = graph.edges
      .filter((e) => byId.has(e.source) && byId.has(e.target))
      .map((e) => ({ source: byId.get(e.source)!, target: byId.get(e.target)!, count: e.count, goldstein: e.goldstein }));
    const r = scaleSqrt().domain([0, Math.max(1, ...nodes.map((n) => n.events))]).range([4, width < 600 ? 16 : 24]);
    const sim = forceSimulation(nodes)
      .force('link', forceLink<GNode, GEdge>(edges).distance(width < 600 ? 60 : 90))
      .force('charge', forceManyBody().strength(-220))
      .force('center', forceCenter(width / 2, height / 2))
      .force('x', forceX(width / 2).strength(0.06))
      .force('y', forceY(height / 2).strength(0.08))
      .force('collide', forceCollide<GNode>((n) => r(n.events) + 4))
      .stop();
    sim.tick(300);
    for (const n of nodes) {
      n.x = Math.max(20, Math.min(width - 20, n.x ?? 0));
      n.y = Math.max(20, Math.min(height - 20, n.y ?? 0));
    }
    return { nodes, edges, r };
  }, [graph, width, height]);

  const maxCount = Math.max(1, ...layout.edges.map((e) => e.count));
  const w = scaleSqrt().domain([1, maxCount]).range([1.5, 9]);
  const sorted = [...layout.edges].sort((a, b) => b.count - a.count);

  return (
    <>
      <div class="chart" ref={wrap}>
        <svg width={width} height={height} role="group" aria-label={`Actor network: ${layout.nodes.length} actors, ${layout.edges.length} interactions`} data-testid="network-graph">
          <g class="edges">
            {layout.edges.map((e, i) => (
              <line key={i} x1={e.source.x} y1={e.source.y} x2={e.target.x} y2={e.target.y} stroke={goldsteinColor(e.goldstein)} stroke-width={w(e.count)} stroke-opacity={0.75} stroke-linecap="round">
                <title>
                  {e.source.name} → {e.target.name}: {e.count} event{e.count === 1 ? '' : 's'}, mean Goldstein {e.goldstein.toFixed(1)}
                </title>
              </line>
            ))}
          </g>
          <g class="nodes">
            {layout.nodes.map((n) => (
              <a key={n.id} href={`/actors/${encodeURIComponent(n.id)}`} class="node" onClick={(ev: MouseEvent) => routeClick(ev, n.id)}>
                <circle cx={n.x} cy={n.y} r={layout.r(n.events)} />
                {/* Labels near the right edge go to the left of their node so they are not cut off. */}
                <text
                  x={(n.x ?? 0) > width - 130 ? (n.x ?? 0) - layout.r(n.events) - 3 : (n.x ?? 0) + layout.r(n.events) + 3}
                  y={(n.y ?? 0) + 4}
                  text-anchor={(n.x ?? 0) > width - 130 ? 'end' : 'start'}
                >
                  {n.name}
                </text>
                <title>
                  {n.name} ({n.id}): {n.events} events
                </title>
              </a>
            ))}
          </g>
        </svg>
        <p class="legend-inline">
          <span class="gradient" aria-hidden="true" /> edge colour: mean Goldstein, conflict (−10, red) … cooperation (+10, blue); width: number of events; node size: events.
        </p>
      </div>
      <details class="data-table">
        <summary>Interactions ({sorted.length})</summary>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Target</th>
              <th scope="col">Events</th>
              <th scope="col">Mean Goldstein</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e, i) => (
              <tr key={i}>
                <td>
                  <Link href={`/actors/${encodeURIComponent(e.source.id)}`}>{e.source.name}</Link>
                </td>
                <td>
                  <Link href={`/actors/${encodeURIComponent(e.target.id)}`}>{e.target.name}</Link>
                </td>
                <td>{e.count}</td>
                <td>{e.goldstein.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function routeClick(ev: MouseEvent, id: string): void {
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  navigate(href(`/actors/${encodeURIComponent(id)}`));
}


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
  const narrow = width < 600;
  const height = narrow ? 620 : 560;

  // A static layout computed in one go: no animation to wait for, and the same picture on every visit.
  const layout = useMemo(() => {
    const nodes: GNode[] = graph.nodes.map((n) => ({ ...n }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges: GEdge[] = graph.edges
      .filter((e) => byId.has(e.source) && byId.has(e.target))
      .map((e) => ({ source: byId.get(e.source)!, target: byId.get(e.target)!, count: e.count, goldstein: e.goldstein }));
    const r = scaleSqrt().domain([0, Math.max(1, ...nodes.map((n) => n.events))]).range([4, narrow ? 14 : 24]);
    const sim = forceSimulation(nodes)
      // Small graphs get longer links so they fill the frame; big ones shorter so they fit it.
      .force('link', forceLink<GNode, GEdge>(edges).distance(Math.max(50, Math.min(narrow ? 110 : 170, width / (2 + Math.sqrt(nodes.length))))))
      .force('charge', forceManyBody().strength(-300))
      .force('center', forceCenter(width / 2, height / 2))
      .force('x', forceX(width / 2).strength(0.05))
      .force('y', forceY(height / 2).strength(0.05))
      .force('collide', forceCollide<GNode>((n) => r(n.events) + 4))
      .stop();
    sim.tick(300);
    // Zoom to fit: a few small components would otherwise huddle in the middle, a big graph spill over the edges.
    const m = 40;
    const xs = nodes.map((n) => n.x ?? 0);
    const ys = nodes.map((n) => n.y ?? 0);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Each axis is stretched on its own: a force layout's distances carry no meaning, its neighbourhoods do.
    const kx = Math.min((width - 2 * m) / (x1 - x0 || 1), 4);
    const ky = Math.min((height - 2 * m) / (y1 - y0 || 1), 4);
    for (const n of nodes) {
      n.x = Math.max(m / 2, Math.min(width - m / 2, width / 2 + ((n.x ?? 0) - (x0 + x1) / 2) * kx));
      n.y = Math.max(m / 2, Math.min(height - m / 2, height / 2 + ((n.y ?? 0) - (y0 + y1) / 2) * ky));
    }
    return { nodes, edges, r };
  }, [graph, width, height, narrow]);

  const flip = (n: GNode) => {
    const room = n.name.length * 6.2 + layout.r(n.events) + 3;
    return (n.x ?? 0) + room > width && (n.x ?? 0) - room >= 0;
  };
  const maxCount = Math.max(1, ...layout.edges.map((e) => e.count));
  const w = scaleSqrt().domain([1, maxCount]).range([1.5, 6]);
  const sorted = [...layout.edges].sort((a, b) => b.count - a.count);

  return (
    <>
      <div class="chart" ref={wrap}>
        <svg width={width} height={height} role="group" aria-label={`Actor network: ${layout.nodes.length} actors, ${layout.edges.length} interactions`} data-testid="network-graph">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3.2" markerHeight="3.2" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
            </marker>
          </defs>
          <g class="edges">
            {layout.edges.map((e, i) => (
              <line key={i} {...edgeEnds(e, layout.r(e.target.events))} stroke={goldsteinColor(e.goldstein)} stroke-width={w(e.count)} stroke-opacity={0.75} stroke-linecap="round" marker-end={e.source === e.target ? undefined : 'url(#arrow)'}>
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
                {/* A label that would run off the right edge goes to the left of its node (about 6.2px a character at 11px). */}
                <text
                  x={flip(n) ? (n.x ?? 0) - layout.r(n.events) - 3 : (n.x ?? 0) + layout.r(n.events) + 3}
                  y={(n.y ?? 0) + 4}
                  text-anchor={flip(n) ? 'end' : 'start'}
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
          <span class="gradient" aria-hidden="true" /> edge colour: mean Goldstein, conflict (−10, red) … cooperation (+10, blue); width: number of events; arrow: source → target; node size: events.
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

/** The edge stops at the rim of the target's circle so its arrowhead shows which way the interaction went. */
function edgeEnds(e: GEdge, targetRadius: number): { x1: number; y1: number; x2: number; y2: number } {
  const x1 = e.source.x ?? 0;
  const y1 = e.source.y ?? 0;
  const dx = (e.target.x ?? 0) - x1;
  const dy = (e.target.y ?? 0) - y1;
  const len = Math.hypot(dx, dy) || 1;
  const cut = Math.min(len * 0.5, targetRadius + 2);
  return { x1, y1, x2: x1 + dx * (1 - cut / len), y2: y1 + dy * (1 - cut / len) };
}

function routeClick(ev: MouseEvent, id: string): void {
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  navigate(href(`/actors/${encodeURIComponent(id)}`));
}


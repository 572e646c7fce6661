// The timeline view: events per period stacked by quad class, with the mean Goldstein score, and a brush that
// sets the shared since/until range for every other view.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { select } from 'd3-selection';
import { scaleBand, scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { line } from 'd3-shape';
import { useFetch, type TimelineBucket } from '../api.ts';
import { QUAD_CLASSES, QUAD_COLORS } from '../codes.ts';
import { Status } from '../components.tsx';
import { fillPeriods, floorTo, periodLabel, periodRange, periodStart, type Interval } from '../periods.ts';
import { navigate, withParams, type Route } from '../router.ts';

interface Row {
  t: number;
  label: string;
  counts: Record<number, number>;
  total: number;
  goldstein: number | null;
}

export function TimelineView({ route }: { route: Route }) {
  const p = route.params;
  const interval = (['day', 'week', 'month'].includes(p.get('interval') ?? '') ? p.get('interval') : 'day') as Interval;
  const country = p.get('country') ?? '';
  const dyad = p.get('dyad') ?? '';
  const qs = new URLSearchParams({ interval });
  if (dyad) qs.set('dyad', dyad);
  else if (country) qs.set('country', country);
  const { data, error, loading } = useFetch<TimelineBucket[] | { items: TimelineBucket[] }>(`/api/timeline?${qs}`);
  const buckets = Array.isArray(data) ? data : (data?.items ?? []);

  const rows = useMemo<Row[]>(() => {
    const by = new Map<number, Row>();
    for (const b of buckets) {
      const s = periodStart(String(b.period));
      if (s === null) continue;
      const t = floorTo(s, interval);
      const r = by.get(t) ?? { t, label: periodLabel(t, interval), counts: {}, total: 0, goldstein: 0 };
      const g = (r.goldstein ?? 0) * r.total + b.goldstein * b.count;
      r.counts[b.quadClass] = (r.counts[b.quadClass] ?? 0) + b.count;
      r.total += b.count;
      r.goldstein = r.total ? g / r.total : null;
      by.set(t, r);
    }
    return fillPeriods([...by.keys()], interval).map((t) => by.get(t) ?? { t, label: periodLabel(t, interval), counts: {}, total: 0, goldstein: null });
  }, [buckets, interval]);

  return (
    <>
      <h1>Timeline{dyad ? ` · ${dyad}` : country ? ` · ${country}` : ''}</h1>
      <TimelineForm route={route} interval={interval} />
      <Status loading={loading && !data} error={error} empty={!!data && rows.length === 0} />
      {rows.length > 0 && <Chart rows={rows} interval={interval} route={route} />}
      {rows.length > 0 && <TimelineTable rows={rows} />}
    </>
  );
}

function TimelineForm({ route, interval }: { route: Route; interval: Interval }) {
  const form = useRef<HTMLFormElement>(null);
  const p = route.params;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const d = new FormData(form.current!);
    const a = String(d.get('country') ?? '').trim().toUpperCase();
    const b = String(d.get('partner') ?? '').trim().toUpperCase();
    navigate(withParams(route, { interval: String(d.get('interval')), country: a && !b ? a : '', dyad: a && b ? `${a}-${b}` : '', since: String(d.get('since') ?? ''), until: String(d.get('until') ?? '') }));
  };
  const [a, b] = (p.get('dyad') ?? '').split('-');
  return (
    <form ref={form} class="filters" aria-label="Timeline options" onSubmit={submit} key={p.toString()}>
      <label>
        Country
        <input name="country" defaultValue={a || p.get('country') || ''} list="country-list" placeholder="e.g. ISR" maxLength={3} size={7} />
      </label>
      <label>
        with (dyad)
        <input name="partner" defaultValue={b ?? ''} placeholder="e.g. IRN" maxLength={3} size={7} />
      </label>
      <label>
        Per
        <select name="interval" onChange={() => submit()}>
          {(['day', 'week', 'month'] as const).map((i) => (
            <option key={i} value={i} selected={i === interval}>
              {i}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input name="since" type="date" defaultValue={p.get('since') ?? ''} />
      </label>
      <label>
        To
        <input name="until" type="date" defaultValue={p.get('until') ?? ''} />
      </label>
      <div class="filter-actions">
        <button type="submit">Apply</button>
        {(p.get('since') || p.get('until')) && (
          <button type="button" class="secondary" onClick={() => navigate(withParams(route, { since: '', until: '' }))}>
            Clear range
          </button>
        )}
      </div>
    </form>
  );
}

function useWidth(ref: { current: HTMLElement | null }): number {
  const [w, setW] = useState(800);
  useEffect(() => {
    if (!ref.current) return;
    const ro = new ResizeObserver((es) => setW(Math.max(280, Math.floor(es[0].contentRect.width))));
    ro.observe(ref.current);
    return () => ro.disconnect();
  }, []);
  return w;
}

function Chart({ rows, interval, route }: { rows: Row[]; interval: Interval; route: Route }) {
  const wrap = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useWidth(wrap);
  const height = 320;
  const since = route.params.get('since');
  const until = route.params.get('until');

  // d3 owns the SVG's contents; Preact only owns the element, so the two never fight over nodes.
  useEffect(() => {
    const svg = select(svgRef.current!);
    svg.selectAll('*').remove();
    const m = { top: 16, right: 44, bottom: 36, left: 40 };
    const iw = width - m.left - m.right;
    const ih = height - m.top - m.bottom;
    const x = scaleBand<number>().domain(rows.map((r) => r.t)).range([0, iw]).paddingInner(0.15).paddingOuter(0.05);
    const maxCount = Math.max(1, ...rows.map((r) => r.total));
    const y = scaleLinear().domain([0, maxCount]).nice().range([ih, 0]);
    const yg = scaleLinear().domain([-10, 10]).range([ih, 0]);
    const g = svg.append('g').attr('transform', `translate(${m.left},${m.top})`);

    const inRange = (r: Row) => {
      const [a, b] = periodRange(r.t, interval);
      return (!since || b >= since) && (!until || a <= until);
    };
    const bars = g.append('g').attr('class', 'bars');
    for (const r of rows) {
      let y0 = ih;
      for (const q of [1, 2, 3, 4]) {
        const c = r.counts[q] ?? 0;
        if (!c) continue;
        const h = ih - y(c);
        bars
          .append('rect')
          .attr('x', x(r.t) ?? 0)
          .attr('y', y0 - h)
          .attr('width', x.bandwidth())
          .attr('height', h)
          .attr('fill', QUAD_COLORS[q])
          .attr('opacity', since || until ? (inRange(r) ? 1 : 0.35) : 1)
          .append('title')
          .text(`${r.label}: ${c} × ${QUAD_CLASSES[q]}`);
        y0 -= h;
      }
    }
    // Mean Goldstein per period, broken where a period has no events.
    const pts = rows.map((r) => [x(r.t)! + x.bandwidth() / 2, r.goldstein === null ? null : yg(r.goldstein)] as const);
    g.append('line').attr('class', 'zero').attr('x1', 0).attr('x2', iw).attr('y1', yg(0)).attr('y2', yg(0));
    g.append('path')
      .attr('class', 'goldstein-line')
      .attr('d', line<(typeof pts)[number]>().defined((d) => d[1] !== null).x((d) => d[0]).y((d) => d[1] ?? 0)(pts) ?? '');
    g.selectAll('circle.gpt')
      .data(rows.filter((r) => r.goldstein !== null))
      .join('circle')
      .attr('class', 'gpt')
      .attr('r', 3)
      .attr('cx', (r) => x(r.t)! + x.bandwidth() / 2)
      .attr('cy', (r) => yg(r.goldstein!))
      .append('title')
      .text((r) => `${r.label}: mean Goldstein ${r.goldstein!.toFixed(1)} over ${r.total} events`);

    const every = Math.ceil(rows.length / Math.max(2, Math.floor(iw / 70)));
    g.append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${ih})`)
      .call(axisBottom(x).tickValues(rows.filter((_, i) => i % every === 0).map((r) => r.t)).tickFormat((t) => periodLabel(t, interval)));
    g.append('g').attr('class', 'axis').call(axisLeft(y).ticks(5));
    g.append('g').attr('class', 'axis goldstein-axis').attr('transform', `translate(${iw},0)`).call(axisRight(yg).ticks(5));
    svg.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 11).text('events');
    svg.append('text').attr('class', 'axis-label').attr('x', width - 4).attr('y', 11).attr('text-anchor', 'end').text('Goldstein');

    // Brushing a range writes since/until into the URL; every view reads them from there.
    const brush = brushX<unknown>()
      .extent([
        [0, 0],
        [iw, ih],
      ])
      .on('end', (ev: D3BrushEvent<unknown>) => {
        if (!ev.sourceEvent) return;
        const sel = ev.selection as [number, number] | null;
        if (!sel) {
          navigate(withParams(route, { since: '', until: '' }));
          return;
        }
        const picked = rows.filter((r) => {
          const c = x(r.t)! + x.bandwidth() / 2;
          return c >= sel[0] && c <= sel[1];
        });
        if (!picked.length) return;
        navigate(withParams(route, { since: periodRange(picked[0].t, interval)[0], until: periodRange(picked[picked.length - 1].t, interval)[1] }));
      });
    g.append('g').attr('class', 'brush').call(brush);
  }, [rows, width, since, until, interval]);

  return (
    <figure class="chart" ref={wrap}>
      <svg ref={svgRef} width={width} height={height} role="img" aria-label="Events per period by quad class, with the mean Goldstein score" data-testid="timeline-chart" />
      <figcaption>
        <span class="legend-inline">
          {[1, 2, 3, 4].map((q) => (
            <span key={q}>
              <span class="swatch" style={{ background: QUAD_COLORS[q] }} aria-hidden="true" /> {QUAD_CLASSES[q]}
            </span>
          ))}
          <span>
            <span class="swatch line" aria-hidden="true" /> mean Goldstein (right axis)
          </span>
        </span>
        Drag across the chart to choose a date range for every view; click outside the selection to clear it.
      </figcaption>
    </figure>
  );
}

function TimelineTable({ rows }: { rows: Row[] }) {
  const shown = rows.filter((r) => r.total > 0);
  return (
    <details class="data-table">
      <summary>Data table ({shown.length} periods with events)</summary>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            {[1, 2, 3, 4].map((q) => (
              <th scope="col" key={q}>
                {QUAD_CLASSES[q]}
              </th>
            ))}
            <th scope="col">Mean Goldstein</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.t}>
              <th scope="row">{r.label}</th>
              {[1, 2, 3, 4].map((q) => (
                <td key={q}>{r.counts[q] ?? 0}</td>
              ))}
              <td>{r.goldstein?.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

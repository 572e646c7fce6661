// Small shared UI pieces: links that route client-side, actor links, evidence text, paging, status messages.
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { navigate } from './router.ts';
import type { ActorRef, StoredEvent } from './api.ts';
import { QUAD_CLASSES, QUAD_COLORS, cameoLabel } from './codes.ts';

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

/** A real <a href> (so it works with the keyboard, new tabs and without JS state) that routes in-page on a plain click. */
export function Link(props: AnchorProps) {
  const { href, children, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

export function ActorLink({ r }: { r: ActorRef }) {
  const code = r.code ?? r.org ?? r.country;
  const label = (
    <>
      {r.text}
      {code ? <span class="code"> {code}</span> : null}
    </>
  );
  return r.actor ? (
    <Link href={`/actors/${encodeURIComponent(r.actor)}`} class="actor">
      {label}
    </Link>
  ) : (
    <span class="actor actor-unlinked">{label}</span>
  );
}

export function ActorList({ refs }: { refs: readonly ActorRef[] }) {
  if (!refs?.length) return <span class="muted">—</span>;
  return (
    <>
      {refs.map((r, i) => (
        <span key={i}>
          {i > 0 ? ', ' : ''}
          <ActorLink r={r} />
        </span>
      ))}
    </>
  );
}

/** The evidence sentence with the trigger word emphasised; offsets are untrusted, so they are bounds-checked. */
export function Evidence({ e }: { e: StoredEvent }) {
  const text = e.evidence?.text ?? '';
  const s = (e.trigger?.start ?? -1) - (e.evidence?.start ?? 0);
  const t = (e.trigger?.end ?? -1) - (e.evidence?.start ?? 0);
  if (s < 0 || t > text.length || t <= s) return <span class="evidence">{text}</span>;
  return (
    <span class="evidence">
      {text.slice(0, s)}
      <mark class="trigger-inline">{text.slice(s, t)}</mark>
      {text.slice(t)}
    </span>
  );
}

export function QuadBadge({ q }: { q: number }) {
  return (
    <span class={`quad quad-${q}`} title={QUAD_CLASSES[q]}>
      <span class="swatch" style={{ background: QUAD_COLORS[q] }} aria-hidden="true" />
      {QUAD_CLASSES[q] ?? `Quad ${q}`}
    </span>
  );
}

export function CameoCode({ code }: { code: string }) {
  return (
    <span class="cameo" title={cameoLabel(code)}>
      <span class="code">{code}</span> {cameoLabel(code)}
    </span>
  );
}

export function Pager({ total, offset, limit, onPage }: { total: number; offset: number; limit: number; onPage: (offset: number) => void }) {
  if (total <= limit && offset === 0) return null;
  const end = Math.min(total, offset + limit);
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset <= 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        {total === 0 ? 0 : offset + 1}–{end} of {total}
      </span>
      <button type="button" disabled={end >= total} onClick={() => onPage(offset + limit)}>
        Next →
      </button>
    </nav>
  );
}

export function Status({ loading, error, empty }: { loading?: boolean; error?: Error; empty?: boolean }) {
  if (error) return <p class="status error" role="alert">Could not load: {error.message}</p>;
  if (loading) return <p class="status" aria-live="polite">Loading…</p>;
  if (empty) return <p class="status">Nothing matches these filters.</p>;
  return null;
}

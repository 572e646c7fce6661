// Progress on stderr: a live bar with rate and ETA on a terminal, plain periodic log lines otherwise (CI, pipes).
import cliProgress from 'cli-progress';
import type { RunCounts } from '../store/types.js';

export interface Progress {
  update(done: number, total: number | undefined, counts?: RunCounts): void;
  /** Prints a line (an error report) without tearing the bar. */
  log(line: string): void;
  stop(): void;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const t0 = Date.now();
  const rate = (done: number) => done / Math.max((Date.now() - t0) / 1000, 1e-3);
  if (stream.isTTY) {
    const multi = new cliProgress.MultiBar({
      stream,
      format: `${label} {bar} {percentage}% | {value}/{total} | {speed}/s | ETA {eta_formatted} | stored {stored} skipped {skipped} failed {failed}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 10,
    }, cliProgress.Presets.shades_classic);
    let bar: cliProgress.SingleBar | undefined;
    return {
      update(done, total, counts) {
        const payload = { speed: rate(done).toFixed(1), stored: counts?.stored ?? 0, skipped: counts?.skipped ?? 0, failed: counts?.failed ?? 0 };
        const t = total ?? done + 1;
        if (!bar) bar = multi.create(t, done, payload);
        else {
          if (bar.getTotal() !== t) bar.setTotal(t);
          bar.update(done, payload);
        }
      },
      log: (line) => multi.log(line.endsWith('\n') ? line : line + '\n'),
      stop: () => {
        multi.stop();
      },
    };
  }
  let last = 0;
  let lastLine = '';
  const line = (done: number, total: number | undefined, counts?: RunCounts) => {
    const r = rate(done);
    const eta = total !== undefined && r > 0 ? ` ETA ${duration((total - done) / r)}` : '';
    const c = counts ? ` stored ${counts.stored} skipped ${counts.skipped} failed ${counts.failed}` : '';
    return `parley: ${label}: ${done}${total !== undefined ? `/${total}` : ''} (${r.toFixed(1)}/s${eta})${c}`;
  };
  let final = '';
  return {
    update(done, total, counts) {
      final = line(done, total, counts);
      const now = Date.now();
      if (now - last >= 2000 && done > 0) {
        last = now;
        lastLine = final;
        stream.write(final + '\n');
      }
    },
    log: (l) => stream.write(l.endsWith('\n') ? l : l + '\n'),
    stop() {
      if (final && final !== lastLine) stream.write(final + '\n');
      lastLine = final;
    },
  };
}

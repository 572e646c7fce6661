// Unit tests of the explorer's pure helpers: highlight segmentation and timeline periods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../src/highlight.ts';
import { fillPeriods, periodRange, periodStart } from '../src/periods.ts';

test('segments cover the text exactly once, in order, whatever the spans', () => {
  const text = 'Israel accused Iran on Tuesday.';
  const segs = segment(text, [
    { start: 0, end: 6, kind: 'mention', label: 'GPE' },
    { start: 7, end: 14, kind: 'trigger', label: '112' },
    { start: 0, end: 31, kind: 'evidence' },
    { start: 15, end: 19, kind: 'mention', label: 'GPE' },
    { start: 17, end: 30, kind: 'date' }, // overlaps a mention
    { start: 25, end: 500, kind: 'quote' }, // past the end: clamped
    { start: 9, end: 3, kind: 'quote' }, // backwards: dropped
    { start: Number.NaN, end: 4, kind: 'quote' }, // garbage: dropped
  ]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i].start, segs[i - 1].end);
  const iran = segs.filter((s) => s.start >= 15 && s.end <= 19);
  assert.deepEqual(iran.map((s) => s.text), ['Ir', 'an']);
  assert.ok(iran[1].spans.some((s) => s.kind === 'date') && iran[1].spans.some((s) => s.kind === 'mention'));
  assert.deepEqual(iran[1].closing.map((s) => s.kind), ['mention']);
  assert.ok(segs.every((s) => s.spans.some((sp) => sp.kind === 'evidence')));
});

test('markup in the text stays text', () => {
  const text = '<script>alert(1)</script> and <img src=x onerror=alert(1)>';
  const segs = segment(text, [{ start: 0, end: 8, kind: 'mention' }]);
  assert.equal(segs.map((s) => s.text).join(''), text);
});

test('period labels: days, ISO weeks and months', () => {
  assert.equal(new Date(periodStart('2025-03-14')!).toISOString().slice(0, 10), '2025-03-14');
  assert.equal(new Date(periodStart('2025-03')!).toISOString().slice(0, 10), '2025-03-01');
  assert.equal(new Date(periodStart('2025-W11')!).toISOString().slice(0, 10), '2025-03-10');
  assert.equal(new Date(periodStart('2026-W01')!).toISOString().slice(0, 10), '2025-12-29');
  assert.equal(periodStart('soon'), null);
  assert.deepEqual(periodRange(Date.UTC(2025, 1, 1), 'month'), ['2025-02-01', '2025-02-28']);
  assert.deepEqual(periodRange(Date.UTC(2025, 2, 10), 'week'), ['2025-03-10', '2025-03-16']);
});

test('gaps are filled, but a stray far-off date does not make thousands of bars', () => {
  const d = (s: string) => Date.parse(s + 'T00:00:00Z');
  assert.equal(fillPeriods([d('2025-03-10'), d('2025-03-14')], 'day').length, 5);
  assert.equal(fillPeriods([d('2009-01-01'), d('2025-03-14'), d('2025-03-12')], 'day').length, 3);
  assert.equal(fillPeriods([d('2025-01-15'), d('2025-03-02')], 'month').length, 3);
});

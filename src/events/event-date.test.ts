// Event dates: tense-dependent expressions resolved backwards for reports and forwards for plans; the annotator's
// value for the rest; dateline as the fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEventDate } from './event-date.js';
import type { DateAnnotation } from '../annotate/dates.js';

// 2025-03-14 is a Friday. `want` null: the attached annotation's own value (here a sentinel) is kept.
const CASES: { text: string; future: boolean; want: string | null }[] = [
  { text: 'Saturday', future: false, want: '2025-03-08' },
  { text: 'Saturday', future: true, want: '2025-03-15' },
  { text: 'on Friday', future: false, want: '2025-03-14' },
  { text: 'Friday', future: true, want: '2025-03-14' },
  { text: 'last Friday', future: false, want: '2025-03-07' },
  { text: 'next Monday', future: false, want: '2025-03-17' },
  { text: 'Tuesday morning', future: false, want: '2025-03-11' },
  { text: 'March 3', future: false, want: '2025-03-03' },
  { text: 'last year', future: true, want: '2024-01-01' },
  { text: 'the next day', future: false, want: null },
];

const SENTINEL = '1999-01-01';
for (const c of CASES) {
  test(`"${c.text}" ${c.future ? 'in a plan' : 'in a report'} → ${c.want ?? 'the annotation value'}`, () => {
    const ann: DateAnnotation = { text: c.text, start: 0, end: c.text.length, value: SENTINEL, precision: 'day' };
    const d = resolveEventDate(ann, '2025-03-14', c.future);
    assert.equal(d.value, c.want ?? SENTINEL);
    assert.equal(d.basis, 'text');
    assert.equal(d.text, c.text);
  });
}

test('no attached date: the dateline, basis dateline', () => {
  assert.deepEqual(resolveEventDate(undefined, '2025-03-14'), { value: '2025-03-14', precision: 'day', basis: 'dateline' });
  assert.deepEqual(resolveEventDate(undefined, undefined), { value: null, precision: 'none', basis: 'dateline' });
});

test('an attached month keeps its precision and text', () => {
  const d = resolveEventDate({ text: 'in March', start: 0, end: 8, value: '2025-03-01', precision: 'month' }, '2025-04-02');
  assert.deepEqual(d, { value: '2025-03-01', precision: 'month', basis: 'text', text: 'in March' });
});

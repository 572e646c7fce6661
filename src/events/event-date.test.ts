// Event dates: weekdays resolved backwards for reports and forwards for plans; dateline as the fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEventDate, resolveWeekday } from './event-date.js';

// 2025-03-14 is a Friday
const CASES: { text: string; future: boolean; want: string | null }[] = [
  { text: 'Saturday', future: false, want: '2025-03-08' },
  { text: 'Saturday', future: true, want: '2025-03-15' },
  { text: 'on Friday', future: false, want: '2025-03-14' },
  { text: 'Friday', future: true, want: '2025-03-14' },
  { text: 'last Friday', future: false, want: '2025-03-07' },
  { text: 'next Monday', future: false, want: '2025-03-17' },
  { text: 'Tuesday morning', future: false, want: '2025-03-11' },
  { text: 'March 3', future: false, want: null },
];

for (const c of CASES) {
  test(`weekday "${c.text}" ${c.future ? 'in a plan' : 'in a report'} → ${c.want}`, () => {
    assert.equal(resolveWeekday(c.text, '2025-03-14', c.future), c.want);
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

// PLOVER types of planned events (cooperation → AGREE, retreat → CONCEDE, conflict → THREATEN) and of negated
// cooperation (→ REJECT); others unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ploverForModality } from './future.js';
import type { PloverInfo } from './cameo.js';
import type { Modality } from '../schema/extraction.js';

const CASES: { p: PloverInfo; modality: Modality; want: PloverInfo }[] = [
  { p: { type: 'CONSULT', mode: 'visit' }, modality: 'planned', want: { type: 'AGREE' } },
  { p: { type: 'AID', context: ['humanitarian'] }, modality: 'planned', want: { type: 'AGREE', context: ['humanitarian'] } },
  { p: { type: 'RETREAT', mode: 'release' }, modality: 'planned', want: { type: 'CONCEDE' } },
  { p: { type: 'ASSAULT', mode: 'aerial' }, modality: 'planned', want: { type: 'THREATEN', mode: 'violence' } },
  { p: { type: 'COERCE', mode: 'arrest' }, modality: 'planned', want: { type: 'THREATEN', mode: 'arrest' } },
  { p: { type: 'SANCTION' }, modality: 'planned', want: { type: 'THREATEN', mode: 'relations' } },
  { p: { type: 'CONCEDE' }, modality: 'planned', want: { type: 'CONCEDE' } },
  { p: { type: 'REQUEST' }, modality: 'planned', want: { type: 'REQUEST' } },
  { p: { type: 'CONSULT', mode: 'visit' }, modality: 'asserted', want: { type: 'CONSULT', mode: 'visit' } },
  { p: { type: 'ASSAULT', mode: 'aerial' }, modality: 'negated', want: { type: 'ASSAULT', mode: 'aerial' } },
  { p: { type: 'AGREE', context: ['economic'] }, modality: 'negated', want: { type: 'REJECT', context: ['economic'] } },
  { p: { type: 'CONSULT', mode: 'visit' }, modality: 'negated', want: { type: 'REJECT' } },
  { p: { type: 'REQUEST' }, modality: 'negated', want: { type: 'REQUEST' } },
  { p: { type: 'CONSULT' }, modality: 'canceled', want: { type: 'CONSULT' } },
];

for (const c of CASES) {
  test(`${c.p.type}${c.p.mode ? '/' + c.p.mode : ''} ${c.modality} → ${c.want.type}${c.want.mode ? '/' + c.want.mode : ''}`, () => {
    assert.deepEqual(ploverForModality(c.p, c.modality), c.want);
  });
}

test('the input is not changed', () => {
  const p: PloverInfo = { type: 'AID', context: ['economic'] };
  const out = ploverForModality(p, 'planned');
  assert.deepEqual(p, { type: 'AID', context: ['economic'] });
  assert.notEqual(out.context, p.context);
});

// The compiled CAMEO table: Goldstein, QuadClass and PLOVER type/mode/context of codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources } from '../resources/load.js';

const cameo = loadResources().cameo!;

const CASES: { code: string; goldstein: number; quad: number; type: string | null; mode?: string; context?: string[] }[] = [
  { code: '041', goldstein: 1.0, quad: 1, type: 'CONSULT', mode: 'phone' },
  { code: '046', goldstein: 7.0, quad: 1, type: 'CONSULT', context: ['diplomatic'] },
  { code: '036', goldstein: 4.0, quad: 1, type: 'AGREE', context: ['diplomatic'] },
  { code: '020', goldstein: 3.0, quad: 1, type: 'REQUEST' },
  { code: '0841', goldstein: 7.0, quad: 2, type: 'RETREAT', mode: 'release', context: ['legal'] },
  { code: '1121', goldstein: -2.0, quad: 3, type: 'ACCUSE', mode: 'allege', context: ['crime', 'corruption'] },
  { code: '163', goldstein: -8.0, quad: 4, type: 'SANCTION', mode: 'discontinue', context: ['diplomatic'] },
  // the PLOVER manual over the CAMEO2PLOVER table: a lifted curfew is a concession, a resignation a retreat
  { code: '0813', goldstein: 5.0, quad: 2, type: 'CONCEDE', context: ['legal'] },
  { code: '0831', goldstein: 5.0, quad: 2, type: 'RETREAT', mode: 'resign' },
  { code: '195', goldstein: -10.0, quad: 4, type: 'ASSAULT', mode: 'heavy-weapons', context: ['military'] },
  { code: '1712', goldstein: -9.2, quad: 4, type: 'ASSAULT', mode: 'seize' },
  { code: '010', goldstein: 0.0, quad: 1, type: null },
];

for (const c of CASES) {
  test(`CAMEO ${c.code}: Goldstein ${c.goldstein}, QuadClass ${c.quad}, PLOVER ${c.type}`, () => {
    const info = cameo.info(c.code);
    assert.ok(info);
    assert.equal(info.goldstein, c.goldstein);
    assert.equal(info.quadClass, c.quad);
    assert.equal(info.plover?.type ?? null, c.type);
    if (c.mode) assert.equal(info.plover?.mode, c.mode);
    if (c.context) assert.deepEqual(info.plover?.context, c.context);
  });
}

test('every CAMEO code has a Goldstein score in range, and 20 roots are covered', () => {
  assert.ok(cameo.size >= 300);
  for (let r = 1; r <= 20; r++) {
    const info = cameo.info(String(r).padStart(2, '0'));
    assert.ok(info && info.goldstein >= -10 && info.goldstein <= 10, `root ${r}`);
  }
});

test('a code missing from the table falls back to its parent under its own number', () => {
  const info = cameo.info('0415');
  assert.equal(info?.code, '0415');
  assert.equal(info?.plover?.type, 'CONSULT');
});

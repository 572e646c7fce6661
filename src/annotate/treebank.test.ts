import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProjective, projectivize } from './treebank.js';

// Heads are 0-based, -1 for the root.
const cases: { name: string; heads: number[]; want: number[] | null }[] = [
  { name: 'a projective tree is left as it is', heads: [1, -1, 1], want: [1, -1, 1] },
  // 0 → 2 crosses 1 → 3: the shorter crossed arc (dependent 2, head 0) is lifted to 0's head, 1.
  { name: 'one crossing pair', heads: [1, -1, 0, 1], want: [1, -1, 1, 1] },
  // 2 → 0 is among the shortest crossed arcs (by 3 → 1), and 2 is the root: lifting would make a second root.
  { name: 'a lift onto the root', heads: [2, 3, -1, 4, 2], want: null },
];
for (const c of cases) {
  test(`projectivize: ${c.name}`, () => {
    const got = projectivize(c.heads);
    assert.deepEqual(got && Array.from(got), c.want);
    if (got) assert.ok(isProjective(got));
  });
}

test('projectivize always yields a projective tree with one root, or null', () => {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  let lifted = 0;
  for (let t = 0; t < 300; t++) {
    const n = 2 + Math.floor(rand() * 9);
    // A random tree: each word after a random first root attaches to an earlier-placed word.
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
    const heads = new Array<number>(n);
    heads[order[0]] = -1;
    for (let i = 1; i < n; i++) heads[order[i]] = order[Math.floor(rand() * i)];
    const got = projectivize(heads);
    if (!got) continue;
    if (!isProjective(heads)) lifted++;
    assert.ok(isProjective(got), `[${heads}] → [${got}]`);
    assert.equal(Array.from(got).filter((h) => h === -1).length, 1);
  }
  assert.ok(lifted > 10, `some random trees needed lifting (${lifted})`);
});

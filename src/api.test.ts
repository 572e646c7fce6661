// Robustness of the library entry point: random bytes and Unicode never crash or hang `extract`, huge inputs scale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, normalizeDate, ParleyError } from './api.js';
import { mulberry32 } from './learn/perceptron.js';
import { validateAgainstJsonSchema } from './testing/validate.js';

function randomBytesText(rand: () => number, n: number): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(rand() * 256);
  return new TextDecoder('utf-8').decode(bytes); // lossy decode: what a careless caller would pass in
}

const POOLS = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff], [0x2000, 0x206f], [0x3000, 0x303f],
  [0x4e00, 0x4eff], [0xd800, 0xdfff], [0x1f300, 0x1f6ff], [0xfe00, 0xfe0f], [0x0, 0x1f],
];
function randomUnicode(rand: () => number, n: number): string {
  let s = '';
  const words = ['U.S.', 'said', '"', '“', '”', 'Iran', 'Saturday', '.', '...', '—', "n't", "'s", 'http://x.y/z', '@a', '#b', '\n\n', ' '];
  for (let i = 0; i < n; i++) {
    if (rand() < 0.3) {
      s += words[Math.floor(rand() * words.length)];
      continue;
    }
    const [lo, hi] = POOLS[Math.floor(rand() * POOLS.length)];
    s += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
  }
  return s;
}

test('1,000 seeded random byte strings and Unicode texts go through extract without a crash, each schema-valid', () => {
  const rand = mulberry32(20251125);
  for (let k = 0; k < 1000; k++) {
    const n = Math.floor(rand() * 300);
    const text = k % 2 ? randomBytesText(rand, n) : randomUnicode(rand, n);
    const x = extract({ text, published: '2025-06-14' });
    assert.equal(x.article.textLength, text.length);
    if (k % 50 === 0) assert.deepEqual(validateAgainstJsonSchema(x), [], `case ${k}`);
    for (const s of x.sentences) assert.ok(s.start < s.end && s.end <= text.length);
  }
});

test('a 10 MB article with no punctuation is extracted whole (linear-time stages)', () => {
  const word = 'ceasefire ';
  const text = word.repeat((10 * 1024 * 1024) / word.length);
  const x = extract({ text });
  assert.equal(x.article.textLength, text.length);
  assert.ok(x.sentences.length >= 1);
  assert.equal(x.sentences[x.sentences.length - 1].end, text.trimEnd().length);
});

const dates: { input: string; want: string | undefined }[] = [
  { input: '2025-06-14', want: '2025-06-14' },
  { input: '2025-03-14 20:30:26Z', want: '2025-03-14' },
  { input: '2025-03-14T20:30:26+02:00', want: '2025-03-14' },
  { input: 'Sat, 14 Jun 2025 10:00:00 GMT', want: '2025-06-14' },
  { input: '', want: undefined },
];
for (const c of dates) {
  test(`publication date "${c.input}" normalises to ${c.want ?? 'nothing'}`, () => {
    assert.equal(normalizeDate(c.input), c.want);
  });
}

test('an unreadable publication date is a coded error that says which format to use', () => {
  assert.throws(() => normalizeDate('2025-13-45'), (e: unknown) => e instanceof ParleyError && e.code === 'BAD_DATE' && /YYYY-MM-DD/.test(e.message));
  assert.throws(() => extract({ text: 'x', published: 'yesterday-ish' }), /YYYY-MM-DD/);
});

test('calling extract without a text string is a coded error', () => {
  assert.throws(() => extract({} as never), (e: unknown) => e instanceof ParleyError && e.code === 'BAD_INPUT');
});

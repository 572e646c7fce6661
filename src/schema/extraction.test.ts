// Checks the committed JSON Schema is current and that real extractions validate against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractionJsonSchema } from './extraction.js';
import { extract } from '../api.js';
import { validateAgainstJsonSchema } from '../testing/validate.js';

test('committed schema/extraction.schema.json matches the zod schema (run `npm run schema` after changing it)', () => {
  const committed = JSON.parse(readFileSync('schema/extraction.schema.json', 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(extractionJsonSchema())));
});

const cases: { name: string; input: Parameters<typeof extract>[0] }[] = [
  { name: 'real multi-paragraph news article', input: { text: readFileSync('samples/g7-ceasefire.txt', 'utf8'), published: '2025-03-14' } },
  { name: 'article without a dateline', input: { text: 'Putin called Trump on Saturday to talk about Iran.' } },
  { name: 'one-word article', input: { text: 'Iran' } },
];
for (const c of cases) {
  test(`extraction of a ${c.name} is valid against the JSON Schema`, () => {
    const errors = validateAgainstJsonSchema(extract(c.input));
    assert.deepEqual(errors, []);
  });
}

test('the JSON Schema rejects an extraction that breaks the contract', () => {
  const x = extract({ text: 'Iran accused Washington of supporting the strikes.', published: '2025-06-14' }) as unknown as Record<string, unknown>;
  const broken = { ...x, schema: 'parley/extraction@0', sentences: [{ index: 0, start: -1, end: 3 }] };
  assert.ok(validateAgainstJsonSchema(broken).length >= 2);
});

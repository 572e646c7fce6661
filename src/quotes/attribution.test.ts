// Behaviour of event attribution: events coded inside a quote carry the quote and its speaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/extract.js';
import { loadResources } from '../resources/load.js';
import { attributeEvents, quoteHolding } from './attribution.js';
import type { Event, Quote } from '../schema/extraction.js';

const resources = loadResources();

test('an event inside reported speech is attributed to the speaker', () => {
  const text = 'Iran said Israel attacked Syria overnight.';
  const { ctx } = analyze(text, resources);
  const ev = ctx.events.find((e) => e.trigger.text === 'attacked');
  assert.ok(ev, 'the pattern stage codes the attack');
  assert.equal(ctx.quotes.length, 1);
  assert.deepEqual(ev.attribution, { quote: 'q1', speaker: ctx.quotes[0].speaker, text: 'Iran' });
  assert.equal(ev.attribution?.speaker?.country, 'IRN');
});

test('an event inside a direct quote is attributed to an anonymous official', () => {
  const text = '“Russia attacked Ukraine again last night,” a senior White House official said.';
  const { ctx } = analyze(text, resources);
  const ev = ctx.events.find((e) => e.trigger.text === 'attacked');
  assert.ok(ev);
  assert.equal(ev.attribution?.quote, 'q1');
  assert.equal(ev.attribution?.speaker?.country, 'USA');
  assert.equal(ev.attribution?.text, 'a senior White House official');
  assert.equal(ctx.quotes[0].anonymous, true);
});

test('an event outside every quote has no attribution', () => {
  const { ctx } = analyze('Israel attacked Syria overnight.', resources);
  assert.equal(ctx.events.length, 1);
  assert.equal(ctx.events[0].attribution, undefined);
});

const quote = (id: string, start: number, end: number): Quote => ({ id, kind: 'direct', text: 'x'.repeat(end - start), start, end, speaker: null, anonymous: false });

const holdingCases: { name: string; quotes: Quote[]; span: [number, number]; want: string | undefined }[] = [
  { name: 'trigger inside one quote', quotes: [quote('q1', 10, 50)], span: [20, 25], want: 'q1' },
  { name: 'trigger straddling a quote edge is not inside it', quotes: [quote('q1', 10, 50)], span: [48, 55], want: undefined },
  { name: 'nested quotes: the innermost wins', quotes: [quote('q1', 0, 100), quote('q2', 30, 60)], span: [40, 45], want: 'q2' },
  { name: 'no quotes', quotes: [], span: [1, 2], want: undefined },
];
for (const c of holdingCases) {
  test(`quoteHolding: ${c.name}`, () => {
    assert.equal(quoteHolding(c.quotes, c.span[0], c.span[1])?.id, c.want);
  });
}

test('attributeEvents leaves a speakerless quote without speaker but with the quote id', () => {
  const ev = { trigger: { text: 'met', start: 12, end: 15 } } as Event;
  attributeEvents([ev], [quote('q7', 0, 40)]);
  assert.deepEqual(ev.attribution, { quote: 'q7' });
});

test('attributeEvents keeps a speaker set earlier when the quote has none', () => {
  const speaker = { actor: null, text: 'the minister', code: 'IRNGOV', country: 'IRN', org: null };
  const ev = { trigger: { text: 'met', start: 12, end: 15 }, attribution: { speaker, text: 'the minister' } } as Event;
  attributeEvents([ev], [quote('q2', 0, 40)]);
  assert.deepEqual(ev.attribution, { quote: 'q2', speaker, text: 'the minister' });
});

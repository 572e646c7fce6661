// End-to-end checks of `parley extract` as a user runs it: inputs, formats, and bad input that must not stop a batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAgainstJsonSchema } from '../testing/validate.js';

const CLI = 'dist/cli/main.js';
const dir = mkdtempSync(join(tmpdir(), 'parley-extract-'));
const file = (name: string, data: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function run(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const good = file('good.txt', 'Putin called Trump on Saturday to talk about Iran. Iran accused Washington of supporting the Israeli strikes.\n');
const threeJsonl = file(
  'three.jsonl',
  [
    { id: 'a1', text: 'Russia accused Ukraine of attacking its energy facilities.', published: '2025-03-14' },
    { id: 'a2', text: 'The G7 urged Russia to accept a ceasefire.', published: '2025-03-14T20:30:26Z' },
    { id: 'a3', text: 'Rubio met with Saudi officials in Jeddah on Monday.', published: '2025-03-10' },
  ].map((o) => JSON.stringify(o)).join('\n') + '\n',
);

test('a text file with --date gives one schema-valid Extraction with resolved dates and an event', () => {
  const r = run(['extract', good, '--date', '2025-06-15', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const x = JSON.parse(r.out);
  assert.deepEqual(validateAgainstJsonSchema(x), []);
  assert.equal(x.article.published, '2025-06-15');
  assert.equal(x.sentences.length, 2);
  assert.ok(x.dates.some((d: { value: string }) => d.value === '2025-06-14'), 'Saturday before a Sunday dateline is 2025-06-14');
  assert.ok(x.events.some((e: { cameo: string }) => e.cameo === '112'), 'accused is coded 112');
});

test('a JSONL file with three articles gives three JSONL lines, in order', () => {
  const r = run(['extract', threeJsonl, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((x) => x.article.id), ['a1', 'a2', 'a3']);
  for (const x of lines) assert.deepEqual(validateAgainstJsonSchema(x), []);
  assert.equal(lines[1].article.published, '2025-03-14', 'an ISO date-time is cut to its date');
});

test('json format with a JSONL input gives an array', () => {
  const r = run(['extract', threeJsonl]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).length, 3);
});

test('standard input is read when no file is given, and --id/--title are used', () => {
  const r = run(['extract', '--id', 'x1', '--title', 'T', '--date', '2025-06-14'], 'Iran accused Israel of attacking it.');
  assert.equal(r.code, 0, r.err);
  const x = JSON.parse(r.out);
  assert.equal(x.article.id, 'x1');
  assert.equal(x.article.title, 'T');
});

test('an article without an id gets the same content id every time', () => {
  const a = JSON.parse(run(['extract', good]).out).article.id;
  const b = JSON.parse(run(['extract', '-'], 'Putin called Trump on Saturday to talk about Iran. Iran accused Washington of supporting the Israeli strikes.\n').out).article.id;
  assert.equal(a, b);
  assert.match(a, /^sha256:/);
});

test('HTML input is reduced to the main article text with its title', () => {
  const html = file(
    'page.html',
    `<html><head><title>Iran accuses US of backing strikes | Example News</title><meta property="article:published_time" content="2025-06-14T10:00:00Z"></head><body>
     <nav>Home Sections Login</nav><article><h1>Iran accuses US</h1>
     <p>Iranian Foreign Minister Abbas Araghchi accused Washington on Saturday of supporting the Israeli strikes on Iran's nuclear sites, in remarks carried by state media.</p>
     <p>Talks scheduled for Sunday in Muscat were canceled, according to Oman's foreign minister, who had mediated several rounds between the two sides.</p>
     </article><footer>Copyright</footer><script>var x = 1;</script></body></html>`,
  );
  const r = run(['extract', html]);
  assert.equal(r.code, 0, r.err);
  const x = JSON.parse(r.out);
  assert.match(x.article.title, /Iran accuses US of backing strikes/);
  assert.equal(x.article.published, '2025-06-14');
  assert.ok(x.sentences.length >= 2);
  assert.ok(!JSON.stringify(x).includes('Login'), 'navigation is not article text');
});

const badCases: { name: string; make: () => string; expect: RegExp }[] = [
  { name: 'a missing file', make: () => join(dir, 'nope.txt'), expect: /nope\.txt: no such file/ },
  { name: 'a binary file', make: () => file('bin.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3])), expect: /bin\.txt: looks like a binary file/ },
  { name: 'invalid UTF-8', make: () => file('latin1.txt', new Uint8Array([0x49, 0x72, 0xe1, 0x6e, 0x20, 0xff, 0x0a])), expect: /latin1\.txt: is not valid UTF-8/ },
  { name: 'an empty text', make: () => file('empty.txt', '  \n\n'), expect: /empty\.txt: empty text/ },
  { name: 'a directory given as a file', make: () => dir, expect: /is a directory/ },
];
for (const c of badCases) {
  test(`${c.name} gives one stderr line naming it, exit 1, and the other inputs are still written`, () => {
    const bad = c.make();
    const r = run(['extract', good, bad, threeJsonl, '--format', 'jsonl']);
    assert.equal(r.code, 1);
    const errLines = r.err.trim().split('\n');
    assert.equal(errLines.length, 1, r.err);
    assert.match(errLines[0], c.expect);
    assert.doesNotMatch(r.err, /\bat .*\.js:\d+/, 'no stack trace');
    assert.equal(r.out.trim().split('\n').length, 4, 'the good text file and the three JSONL articles');
  });
}

test('a malformed JSONL line is reported with its line number and the other lines still go through', () => {
  const p = file('mixed.jsonl', '{"id":"ok1","text":"Iran accused Israel."}\n{"id": "broken", "text": \n{"id":"notext"}\n{"id":"ok2","text":"Israel struck Iran."}\n');
  const r = run(['extract', p, '--format', 'jsonl']);
  assert.equal(r.code, 1);
  const err = r.err.trim().split('\n');
  assert.equal(err.length, 2);
  assert.match(err[0], /mixed\.jsonl:2: malformed JSON/);
  assert.match(err[1], /mixed\.jsonl:3: bad article: text/);
  assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l).article.id), ['ok1', 'ok2']);
});

const usage: { name: string; args: string[]; expect: RegExp }[] = [
  { name: 'a date that is not YYYY-MM-DD', args: ['extract', good, '--date', '14/06/2025'], expect: /YYYY-MM-DD/ },
  { name: 'an unknown format', args: ['extract', good, '--format', 'xml'], expect: /json, jsonl/ },
  { name: 'an unknown input kind', args: ['extract', good, '--input', 'pdf'], expect: /text, html, jsonl/ },
  { name: 'an unknown command', args: ['frobnicate'], expect: /unknown command/ },
];
for (const c of usage) {
  test(`bad usage (${c.name}) exits 2 with a message saying how to fix it`, () => {
    const r = run(c.args);
    assert.equal(r.code, 2);
    assert.match(r.err, c.expect);
    assert.equal(r.out, '');
  });
}

// small PETRARCH dictionaries of every kind, written for this test
const VERBS = file('verbs.txt', [
  '&TIES', '+TIES', '+RELATIONS', '',
  '--- VISIT  [042:043]  ---', 'VISIT {VISITS VISITED VISITING}', '',
  '--- RESTORE  [---]  ---', 'RESTORE', '- * DIPLOMATIC &TIES  [057]', '',
].join('\n'));
const ACTORS = file('actors.txt', 'GONDOR [GON]\n+MINAS_TIRITH\nARNOR_ [ARN]\n');
const AGENTS = file('agents.txt', 'SOLDIER [~MIL]\nFOREIGN_MINISTER [~GOVFRM]\n');
const DISCARDS = file('discards.txt', '+BASEBALL\nMONTHS LATER\n');
const petrarch = ['--no-builtin-kb', '--dictionary', VERBS, '--dictionary', ACTORS, '--dictionary', AGENTS, '--dictionary', DISCARDS];

interface CodedEvent { cameo: string; source: { code: string | null }[]; target: { code: string | null }[] }
const codings = (x: { events: CodedEvent[] }): string[] =>
  x.events.flatMap((e) => e.source.flatMap((s) => e.target.map((t) => `${e.cameo} ${s.code}>${t.code}`))).sort();

const PETRARCH_CASES: { name: string; text: string; want: string[] }[] = [
  { name: 'a paired verb code gives the event and its reverse', text: 'Arnor visited Minas Tirith on Monday.', want: ['042 ARN>GON', '043 GON>ARN'] },
  { name: 'a pattern with a synset codes, and agents compose with actors', text: 'Soldiers from Gondor restored diplomatic relations with Arnor.', want: ['057 GONMIL>ARN'] },
  { name: 'a story-level discard leaves the article uncoded', text: 'Arnor visited Gondor for a baseball game.', want: [] },
];

for (const c of PETRARCH_CASES) {
  test(`PETRARCH dictionaries through --dictionary with --no-builtin-kb: ${c.name}`, () => {
    const r = run(['extract', ...petrarch, '--date', '1995-01-01', '--input', 'text'], c.text);
    assert.equal(r.code, 0, r.err);
    const x = JSON.parse(r.out);
    assert.deepEqual(validateAgainstJsonSchema(x), []);
    assert.deepEqual(codings(x), c.want);
  });
}

test('a custom verb file without --no-builtin-kb replaces the built-in senses of its words only', () => {
  const r = run(['extract', '--dictionary', VERBS, '--date', '2025-03-10', '--input', 'text'], 'Rubio visited Riyadh on Monday. Russia accused Ukraine of attacking its energy facilities.');
  assert.equal(r.code, 0, r.err);
  const x = JSON.parse(r.out) as { events: CodedEvent[] };
  assert.ok(x.events.some((e) => e.cameo === '042'), 'visit coded by the file');
  assert.ok(x.events.some((e) => e.cameo.startsWith('11')), 'accuse still coded by the built-in dictionary');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-annotate-'));

function run(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, 'annotate', ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const INPUT = [
  '# sent_id = a1',
  '# text = I don\'t know.',
  '1\tI\t_\t_\t_\t_\t_\t_\t_\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\t_\t_\t_\t_\t_\t_\t_\t_',
  '3\tn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No',
  '4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4',
  '5\t.\t_\t_\t_\t_\t_\t_\t_\t_',
  '',
  '# sent_id = a2',
  '1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tresumed\t_\t_\t_\t_\t_\t_\t_\t_',
  '',
  '',
].join('\n');
const good = join(dir, 'good.conllu');
writeFileSync(good, INPUT);

test('--from conllu writes one word line per input word line, passes comments and ranges through, keeps empty nodes in place', () => {
  const r = run(['--from', 'conllu', good]);
  assert.equal(r.code, 0, r.err);
  const inLines = INPUT.split('\n'), outLines = r.out.split('\n');
  assert.equal(outLines.length, inLines.length);
  inLines.forEach((l, i) => {
    if (l.startsWith('#') || /^\d+-\d+\t/.test(l) || l === '') assert.equal(outLines[i], l);
    else if (/^\d+\.\d+\t/.test(l)) assert.equal(outLines[i], `${l.split('\t').slice(0, 2).join('\t')}\t_\t_\t_\t_\t_\t_\t_\t_`);
    else {
      const [a, b] = [l.split('\t'), outLines[i].split('\t')];
      assert.equal(b.length, 10);
      assert.deepEqual(b.slice(0, 2), a.slice(0, 2), 'ID and FORM are kept');
      assert.match(b[3], /^[A-Z]+$/, 'UPOS filled');
      assert.match(b[6], /^\d+$/, 'HEAD filled');
      assert.match(b[9], /NER=O/);
    }
  });
  assert.match(r.out, /\tSpaceAfter=No\|NER=O\n/);
});

test('each sentence of the output has exactly one root', () => {
  const r = run(['--from', 'conllu', good]);
  for (const block of r.out.trim().split('\n\n')) {
    const heads = block.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t')[6]);
    assert.equal(heads.filter((h) => h === '0').length, 1);
  }
});

test('a bad input is named with its line on stderr, exits 1, and the other inputs are still written', () => {
  const bad = join(dir, 'bad.conllu');
  writeFileSync(bad, '1\tok\t_\t_\t_\t_\t_\t_\t_\t_\n2\tshort line\n');
  const r = run(['--from', 'conllu', bad, good]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.conllu: line 2: /);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.match(r.out, /^# sent_id = a1/);
});

test('--from text tokenizes, splits and writes # text lines', () => {
  const r = run(['--from', 'text', '-'], 'The minister said talks would resume. Police arrested two men.');
  assert.equal(r.code, 0, r.err);
  assert.equal((r.out.match(/^# text = /gm) ?? []).length, 2);
  assert.match(r.out, /^1\tThe\t/m);
});

test('usage errors exit 2', () => {
  assert.equal(run(['--from', 'xml', good]).code, 2);
  assert.equal(run(['--to', 'json', good]).code, 2);
});

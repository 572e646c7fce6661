// The pipeline as data: stage order is checked against needs/sets, and versions are recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPipeline, pipelineVersions, runPipeline, PipelineError, type Stage } from './stage.js';
import { Doc, type Layer } from '../text/doc.js';

const stage = (name: string, needs: Layer[], sets: Layer[], log: string[] = []): Stage =>
  ({ name, version: '2', needs, sets, run: () => void log.push(name) });

test('a pipeline whose stages come after what they need passes the check', () => {
  assert.doesNotThrow(() => checkPipeline([stage('s', ['tokens'], ['sentences']), stage('p', ['sentences'], ['pos'])]));
});

test('a stage before the stage it needs is a coded error that names both the stage and the layer', () => {
  assert.throws(
    () => checkPipeline([stage('p', ['sentences'], ['pos']), stage('s', ['tokens'], ['sentences'])]),
    (e: unknown) => e instanceof PipelineError && e.code === 'PIPELINE_ORDER' && /stage p needs layer "sentences"/.test(e.message),
  );
});

test('running a pipeline runs stages in order and records who set each layer', () => {
  const log: string[] = [];
  const stages = [stage('s', ['tokens'], ['sentences'], log), stage('p', ['sentences'], ['pos'], log)];
  const doc = runPipeline(stages, Doc.fromWords(['a']), {});
  assert.deepEqual(log, ['s', 'p']);
  assert.equal(doc.layers.get('pos'), 'p@2');
  assert.deepEqual(pipelineVersions(stages), ['s@2', 'p@2']);
});

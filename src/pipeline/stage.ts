// A pipeline stage is a function of the Doc that declares what it needs and what it sets; a pipeline is a list of
// stages whose names and versions are recorded with every extraction, so stored events stay auditable.
import type { Doc, Layer } from '../text/doc.js';

export interface StageContext {
  /** Dateline (publication date) of the article, YYYY-MM-DD, when known. */
  readonly dateline?: string;
}

export interface Stage<C extends StageContext = StageContext> {
  readonly name: string;
  /** Bumped whenever the stage's output can change (rules, model, data). */
  readonly version: string;
  readonly needs: readonly Layer[];
  readonly sets: readonly Layer[];
  /** Returns false when it had nothing to work with (e.g. no model loaded) and so set none of its layers. */
  run(doc: Doc, ctx: C): void | false;
}

export class PipelineError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** Checks that every stage's needs are set by an earlier stage (or given); throws a coded error otherwise. */
export function checkPipeline(stages: readonly Stage<never>[], given: readonly Layer[] = ['tokens']): void {
  const have = new Set<Layer>(given);
  for (const s of stages) {
    for (const need of s.needs) {
      if (!have.has(need)) {
        throw new PipelineError(
          'PIPELINE_ORDER',
          `stage ${s.name} needs layer "${need}" but no earlier stage sets it; put a stage that sets "${need}" before ${s.name}`,
        );
      }
    }
    for (const set of s.sets) have.add(set);
  }
}

export function runPipeline<C extends StageContext>(stages: readonly Stage<C>[], doc: Doc, ctx: C): Doc {
  for (const s of stages) {
    if (s.run(doc, ctx) === false) continue;
    for (const set of s.sets) doc.layers.set(set, `${s.name}@${s.version}`);
  }
  return doc;
}

export function pipelineVersions(stages: readonly Stage<never>[]): string[] {
  return stages.map((s) => `${s.name}@${s.version}`);
}

// The actor stage: finds mentions (KB aliases, NER spans, pronouns, nominals) and resolves them to actors on the
// article's date; the resolved actor is also given in KbEntry shape as `entry` for the stages that read it.
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';
import type { KbEntry } from './kb.js';
import { resolveMentions, type ResolvedActor } from './resolve.js';

export function actorEntry(a: ResolvedActor): KbEntry {
  return {
    id: a.id, name: a.name, code: a.code, country: a.country, org: a.org, sector: a.sector,
    kind: a.id.startsWith('P:') || a.id.startsWith('X:') ? 'person' : a.org && !a.country ? 'igo' : 'group',
    ...(a.role ? { role: a.role } : {}),
  };
}

export const actorStage: Stage<ExtractContext> = {
  name: 'actors',
  version: '2',
  needs: ['tokens', 'sentences'],
  sets: ['mentions', 'actors'],
  run(doc, ctx): void {
    // doc.ner is read when the NER stage ran before (its layer is set by the pipeline after each stage)
    for (const m of resolveMentions(doc, ctx.resources.kb, { date: ctx.dateline })) {
      ctx.mentions.push({
        start: m.start, end: m.end, type: m.type,
        ...(m.actor ? { actor: m.actor, entry: actorEntry(m.actor) } : {}),
      });
    }
  },
};

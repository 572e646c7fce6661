// PLOVER's reading of events that have not happened: a planned cooperative action is an AGREE, a planned retreat a
// CONCEDE, a planned conflictual action a THREATEN, and cooperation that is refused or fails ("will not accept",
// "failed to reach agreement") a REJECT (PLOVER manual 0.8, AGREE, CONCEDE, THREATEN and REJECT sections: "the
// coder should always return the single event category, not a category + auxiliary mode"). The CAMEO code and the
// modality keep describing the action itself.
import type { Modality } from '../schema/extraction.js';
import type { PloverInfo } from './cameo.js';

const TO_AGREE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const TO_THREATEN = new Set(['ASSAULT', 'COERCE', 'SANCTION']);
/** Cooperation whose negation is a refusal; a conflictual act that did not happen is no rejection of anything. */
const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
/** THREATEN's modes name the threat's content; an action's own mode carries over when THREATEN has it. */
const THREATEN_MODES = new Set(['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence']);
const DEFAULT_THREAT: Record<string, string> = { ASSAULT: 'violence', SANCTION: 'relations' };

/** The PLOVER type (and mode) of an event with this modality: unchanged unless the event is planned or negated. */
export function ploverForModality(p: PloverInfo, modality: Modality): PloverInfo {
  const ctx = p.context ? { context: [...p.context] } : {};
  if (modality === 'negated') return COOPERATIVE.has(p.type) ? { type: 'REJECT', ...ctx } : p;
  if (modality !== 'planned') return p;
  if (TO_AGREE.has(p.type)) return { type: 'AGREE', ...ctx };
  if (p.type === 'RETREAT') return { type: 'CONCEDE', ...ctx };
  if (TO_THREATEN.has(p.type)) {
    const mode = p.mode && THREATEN_MODES.has(p.mode) ? p.mode : DEFAULT_THREAT[p.type];
    return { type: 'THREATEN', ...(mode ? { mode } : {}), ...ctx };
  }
  return p;
}

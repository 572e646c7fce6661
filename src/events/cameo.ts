// CAMEO event codes: Goldstein score, QuadClass and the PLOVER type/mode/context of every code, from the compiled
// table data/events/cameo.json (standard Goldstein scale + CAMEO2PLOVER-2021; see scripts/build-verbs.ts).

export interface PloverInfo {
  type: string;
  mode?: string;
  context?: string[];
}

export interface CameoInfo {
  code: string;
  label: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  /** Null for codes PLOVER does not treat as events (CAMEO 01, public statements). */
  plover: PloverInfo | null;
}

/** The compact on-disk form: code → [goldstein, label, ploverType, mode, context joined by ';']. */
export interface CameoData {
  version: 1;
  sources: string[];
  codes: Record<string, [number, string, string, string, string]>;
}

/** CAMEO root → QuadClass: verbal cooperation 01–05, material cooperation 06–08, verbal conflict 09–13, material conflict 14–20. */
export function quadClassOf(code: string): 1 | 2 | 3 | 4 {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

export class CameoTable {
  private readonly byCode = new Map<string, CameoInfo>();

  constructor(readonly data: CameoData) {
    for (const [code, [g, label, type, mode, ctx]] of Object.entries(data.codes)) {
      const plover: PloverInfo | null = type
        ? { type, ...(mode ? { mode } : {}), ...(ctx ? { context: ctx.split(';') } : {}) }
        : null;
      this.byCode.set(code, { code, label, goldstein: g, quadClass: quadClassOf(code), plover });
    }
  }

  /** The code's entry, or its nearest listed ancestor re-labelled with the asked code (dictionaries use a few codes the table lacks). */
  info(code: string): CameoInfo | undefined {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const hit = this.byCode.get(c);
      if (hit) return c === code ? hit : { ...hit, code };
    }
    return undefined;
  }

  get size(): number {
    return this.byCode.size;
  }
}

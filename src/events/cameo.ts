// CAMEO event codes: Goldstein scores, QuadClass and the PLOVER mapping of the codes Parley emits.
// Goldstein values are the standard CAMEO table; PLOVER type/mode/context follow CAMEO2PLOVER-2021.

export interface CameoInfo {
  code: string;
  label: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  plover: { type: string; mode?: string; context?: string[] };
}

const TABLE: CameoInfo[] = [
  { code: '020', label: 'Make an appeal or request', goldstein: 3.0, quadClass: 1, plover: { type: 'REQUEST' } },
  { code: '036', label: 'Express intent to meet or negotiate', goldstein: 4.0, quadClass: 1, plover: { type: 'AGREE', context: ['diplomatic'] } },
  { code: '040', label: 'Consult', goldstein: 1.0, quadClass: 1, plover: { type: 'CONSULT' } },
  { code: '041', label: 'Discuss by telephone', goldstein: 1.0, quadClass: 1, plover: { type: 'CONSULT', mode: 'phone' } },
  { code: '042', label: 'Make a visit', goldstein: 1.9, quadClass: 1, plover: { type: 'CONSULT', mode: 'visit' } },
  { code: '043', label: 'Host a visit', goldstein: 2.8, quadClass: 1, plover: { type: 'CONSULT', mode: 'visit' } },
  { code: '046', label: 'Engage in negotiation', goldstein: 7.0, quadClass: 1, plover: { type: 'CONSULT', context: ['diplomatic'] } },
  { code: '111', label: 'Criticize or denounce', goldstein: -2.0, quadClass: 3, plover: { type: 'ACCUSE', mode: 'disapprove' } },
  { code: '112', label: 'Accuse', goldstein: -2.0, quadClass: 3, plover: { type: 'ACCUSE', mode: 'disapprove' } },
  { code: '138', label: 'Threaten with military force', goldstein: -7.0, quadClass: 3, plover: { type: 'THREATEN', context: ['military'] } },
  { code: '163', label: 'Impose embargo, boycott, or sanctions', goldstein: -8.0, quadClass: 4, plover: { type: 'SANCTION', context: ['economic'] } },
  { code: '190', label: 'Use conventional military force', goldstein: -10.0, quadClass: 4, plover: { type: 'ASSAULT', context: ['military'] } },
  { code: '195', label: 'Employ aerial weapons', goldstein: -10.0, quadClass: 4, plover: { type: 'ASSAULT', mode: 'heavy-weapons', context: ['military'] } },
];

const BY_CODE = new Map(TABLE.map((c) => [c.code, c]));

export function cameoInfo(code: string): CameoInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`unknown CAMEO code ${code}`);
  return info;
}

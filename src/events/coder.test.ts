// The dependency coder on hand-parsed sentences: constructions (arguments, passives, xcomp, conjunctions, nominal
// events, speech, coreference), modality, dates and places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents, dyad, parsedDoc, PEOPLE } from './parsed-doc.fixture.js';
import type { Event } from '../schema/extraction.js';

interface Expect {
  dyad: string;
  cameo?: string;
  plover?: string;
  mode?: string;
  modality?: Event['modality'];
  date?: string;
  dateBasis?: 'text' | 'dateline';
  location?: string;
  rule?: RegExp;
  trigger?: string;
  speaker?: string;
}

interface Case {
  name: string;
  parse: string;
  dateline?: string;
  /** Token ranges with KB entries, as coreference would give them. */
  coref?: { start: number; end: number; who: keyof typeof PEOPLE }[];
  /** Every event the sentence should give, in any order; `only: false` allows others besides. */
  expect: Expect[];
  only?: boolean;
}

const CASES: Case[] = [
  {
    name: 'verb with a "with" argument, place and past weekday',
    parse: 'Trump _ PROPN 2 nsubj; met meet VERB 0 root; with _ ADP 4 case; Putin _ PROPN 2 obl; in _ ADP 6 case; Helsinki _ PROPN 2 obl; on _ ADP 8 case; Monday _ PROPN 2 obl; . _ PUNCT 2 punct',
    expect: [{ dyad: 'USA>RUS', cameo: '040', plover: 'CONSULT', modality: 'asserted', date: '2025-03-10', dateBasis: 'text', location: 'FIN', trigger: 'met' }],
  },
  {
    name: 'passive with an agent: "the talks were canceled by Iran" is Iran canceling talks',
    parse: 'The _ DET 2 det; talks talk NOUN 4 nsubj:pass; were be AUX 4 aux:pass; canceled cancel VERB 0 root; by _ ADP 6 case; Iran _ PROPN 4 obl:agent; . _ PUNCT 4 punct',
    expect: [{ dyad: 'IRN>', cameo: '046', modality: 'canceled' }],
  },
  {
    name: 'passive verb: agent is the source, subject the target',
    parse: 'Two _ NUM 2 nummod; Britons Briton PROPN 4 nsubj:pass; were be AUX 4 aux:pass; arrested arrest VERB 0 root; by _ ADP 7 case; Iranian _ ADJ 7 amod; police _ NOUN 4 obl:agent; . _ PUNCT 4 punct',
    expect: [{ dyad: 'IRN>GBR', cameo: '173', plover: 'COERCE', rule: /passive/ }],
  },
  {
    name: 'xcomp: "offered to mediate between" is the offer, with both sides as targets',
    parse: 'Oman _ PROPN 2 nsubj; offered offer VERB 0 root; to _ PART 4 mark; mediate _ VERB 2 xcomp; between _ ADP 6 case; Iran _ PROPN 4 obl; and _ CCONJ 10 cc; the _ DET 10 det; United _ PROPN 10 compound; States _ PROPN 6 conj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'OMN>IRN+USA', plover: 'AGREE', trigger: 'offered' }],
  },
  {
    name: 'xcomp chain: "is prepared to resume talks with" is planned, subject from the adjective',
    parse: 'Iran _ PROPN 3 nsubj; is be AUX 3 cop; prepared _ ADJ 0 root; to _ PART 5 mark; resume _ VERB 3 xcomp; talks talk NOUN 5 obj; with _ ADP 10 case; the _ DET 10 det; United _ PROPN 10 compound; States _ PROPN 6 nmod; . _ PUNCT 3 punct',
    // PLOVER codes a planned consultation as AGREE; the CAMEO code and modality keep the talks
    expect: [{ dyad: 'IRN>USA', plover: 'AGREE', modality: 'planned' }],
  },
  {
    name: 'nominal event under "ready to": a planned prisoner exchange',
    parse: 'Russia _ PROPN 3 nsubj; is be AUX 3 cop; ready _ ADJ 0 root; to _ PART 5 mark; resume _ VERB 3 xcomp; the _ DET 8 det; prisoner _ NOUN 8 compound; exchange _ NOUN 5 obj; with _ ADP 10 case; Ukraine _ PROPN 8 nmod; . _ PUNCT 3 punct',
    expect: [{ dyad: 'RUS>UKR', cameo: '0841', plover: 'CONCEDE', modality: 'planned', trigger: 'prisoner exchange' }],
  },
  {
    name: 'conjoined subjects give one event each',
    parse: 'Trump _ PROPN 4 nsubj; and _ CCONJ 3 cc; Putin _ PROPN 1 conj; held hold VERB 0 root; separate _ ADJ 6 amod; calls call NOUN 4 obj; with _ ADP 8 case; Netanyahu _ PROPN 6 nmod; . _ PUNCT 4 punct',
    expect: [
      { dyad: 'USA>ISR', cameo: '041', mode: 'phone', dateBasis: 'dateline', date: '2025-03-14' },
      { dyad: 'RUS>ISR', cameo: '041', mode: 'phone' },
    ],
  },
  {
    name: 'nominal event: "launched strikes against Iranian targets"',
    parse: 'Israel _ PROPN 2 nsubj; launched launch VERB 0 root; strikes strike NOUN 2 obj; against _ ADP 6 case; Iranian _ ADJ 6 amod; targets target NOUN 3 nmod; . _ PUNCT 2 punct',
    expect: [{ dyad: 'ISR>IRN', plover: 'ASSAULT' }],
  },
  {
    name: 'talks in Muscat on Saturday: each side to the other, place geocoded, weekday before the dateline',
    parse: 'Iran _ PROPN 6 nsubj; and _ CCONJ 5 cc; the _ DET 5 det; United _ PROPN 5 compound; States _ PROPN 1 conj; held hold VERB 0 root; talks talk NOUN 6 obj; in _ ADP 9 case; Muscat _ PROPN 6 obl; on _ ADP 11 case; Saturday _ PROPN 6 obl; . _ PUNCT 6 punct',
    dateline: '2025-04-14',
    expect: [
      { dyad: 'IRN>USA', cameo: '046', location: 'OMN', date: '2025-04-12' },
      { dyad: 'USA>IRN', cameo: '046', location: 'OMN', date: '2025-04-12' },
    ],
  },
  {
    name: 'event reported inside speech (ccomp of say) carries the speaker; "say" itself is no event',
    parse: 'Iran _ PROPN 2 nsubj; said say VERB 0 root; Israel _ PROPN 4 nsubj; attacked attack VERB 2 ccomp; Syria _ PROPN 4 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'ISR>SYR', cameo: '190', plover: 'ASSAULT', speaker: 'IRN' }],
  },
  {
    name: 'coreference: a pronoun mention resolved to a KB entry is the source',
    parse: 'He he PRON 2 nsubj; called call VERB 0 root; Putin _ PROPN 2 obj; on _ ADP 5 case; Tuesday _ PROPN 2 obl; . _ PUNCT 2 punct',
    coref: [{ start: 0, end: 1, who: 'Trump' }],
    expect: [{ dyad: 'USA>RUS', cameo: '041', date: '2025-03-11' }],
  },
  {
    // the actor stage now resolves "it" by coreference; the coder's own speaker fallback covers what it leaves open
    name: 'a pronoun under a speech verb is the speaker ("Hungary said it will support")',
    parse: 'Hungary _ PROPN 3 nsubj; has have AUX 3 aux; said say VERB 0 root; it _ PRON 6 nsubj; will _ AUX 6 aux; support _ VERB 3 ccomp; Ukraine _ PROPN 6 obj; . _ PUNCT 3 punct',
    expect: [{ dyad: 'HUN>UKR', cameo: '050', plover: 'AGREE', modality: 'planned' }],
  },
  {
    name: 'a coded verb covers its nominal object; the possessor names the target',
    parse: "Iran _ PROPN 2 nsubj; condemned condemn VERB 0 root; Israel _ PROPN 5 nmod:poss; 's _ PART 3 case; strikes strike NOUN 2 obj; on _ ADP 7 case; Syria _ PROPN 5 nmod; . _ PUNCT 2 punct",
    expect: [{ dyad: 'IRN>ISR', cameo: '111', plover: 'ACCUSE' }],
  },
  {
    name: 'nominal event with a possessive source',
    parse: "Israel _ PROPN 3 nmod:poss; 's _ PART 1 case; strikes strike NOUN 6 nsubj; on _ ADP 5 case; Syria _ PROPN 3 nmod; continued continue VERB 0 root; . _ PUNCT 6 punct",
    expect: [{ dyad: 'ISR>SYR', cameo: '195', plover: 'ASSAULT', mode: 'heavy-weapons' }],
  },
  {
    name: 'negated: "would not continue talks"',
    parse: 'Iran _ PROPN 4 nsubj; would _ AUX 4 aux; not _ PART 4 advmod; continue _ VERB 0 root; talks talk NOUN 4 obj; with _ ADP 7 case; France _ PROPN 5 nmod; . _ PUNCT 4 punct',
    // refused cooperation is PLOVER's REJECT; the CAMEO code and modality keep the talks
    expect: [{ dyad: 'IRN>FRA', plover: 'REJECT', modality: 'negated' }],
  },
  {
    name: 'negated: "did not attack"',
    parse: 'Israel _ PROPN 4 nsubj; did do AUX 4 aux; not _ PART 4 advmod; attack _ VERB 0 root; Iran _ PROPN 4 obj; . _ PUNCT 4 punct',
    expect: [{ dyad: 'ISR>IRN', cameo: '190', modality: 'negated' }],
  },
  {
    name: 'conditional: "as long as" clause on the event',
    parse: 'Iran _ PROPN 3 nsubj; will _ AUX 3 aux; negotiate _ VERB 0 root; with _ ADP 7 case; the _ DET 7 det; United _ PROPN 7 compound; States _ PROPN 3 obl; as _ SCONJ 13 mark; long _ ADV 8 fixed; as _ ADP 8 fixed; sanctions sanction NOUN 13 nsubj:pass; are be AUX 13 aux:pass; lifted lift VERB 3 advcl; . _ PUNCT 3 punct',
    expect: [{ dyad: 'IRN>USA', cameo: '046', modality: 'conditional' }],
  },
  {
    name: 'conditional: the event is the "if" clause',
    parse: 'If _ SCONJ 3 mark; Israel _ PROPN 3 nsubj; attacks attack VERB 8 advcl; Iran _ PROPN 3 obj; , _ PUNCT 8 punct; Russia _ PROPN 8 nsubj; will _ AUX 8 aux; respond _ VERB 0 root; . _ PUNCT 8 punct',
    expect: [{ dyad: 'ISR>IRN', cameo: '190', modality: 'conditional' }],
    only: false,
  },
  {
    name: 'hypothetical: "may be open to talks"',
    parse: 'Iran _ PROPN 4 nsubj; may _ AUX 4 aux; be _ AUX 4 cop; open _ ADJ 0 root; to _ ADP 6 case; talks talk NOUN 4 obl; with _ ADP 10 case; the _ DET 10 det; United _ PROPN 10 compound; States _ PROPN 6 nmod; . _ PUNCT 4 punct',
    expect: [{ dyad: 'IRN>USA', cameo: '046', modality: 'hypothetical' }],
  },
  {
    name: 'denied: "denied that it attacked", the pronoun being the denier',
    parse: 'Russia _ PROPN 2 nsubj; denied deny VERB 0 root; that _ SCONJ 5 mark; it _ PRON 5 nsubj; attacked attack VERB 2 ccomp; Ukraine _ PROPN 5 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'RUS>UKR', cameo: '190', modality: 'denied' }],
  },
  {
    name: 'planned: "talks between X and Y are scheduled for Sunday" is next Sunday, both ways',
    parse: 'Talks talk NOUN 9 nsubj:pass; between _ ADP 3 case; Iran _ PROPN 1 nmod; and _ CCONJ 7 cc; the _ DET 7 det; United _ PROPN 7 compound; States _ PROPN 3 conj; are be AUX 9 aux:pass; scheduled schedule VERB 0 root; for _ ADP 11 case; Sunday _ PROPN 9 obl; . _ PUNCT 9 punct',
    dateline: '2025-04-10',
    expect: [
      { dyad: 'IRN>USA', cameo: '046', modality: 'planned', date: '2025-04-13' },
      { dyad: 'USA>IRN', cameo: '046', modality: 'planned', date: '2025-04-13' },
    ],
  },
  {
    name: 'planned: "will meet", in a country (centroid)',
    parse: 'Trump _ PROPN 3 nsubj; will _ AUX 3 aux; meet _ VERB 0 root; Putin _ PROPN 3 obj; in _ ADP 7 case; Saudi _ PROPN 7 compound; Arabia _ PROPN 3 obl; . _ PUNCT 3 punct',
    expect: [{ dyad: 'USA>RUS', cameo: '040', modality: 'planned', location: 'SAU' }],
  },
  {
    name: 'canceled: "called off the meeting with" codes the meeting, not the calling off',
    parse: 'Trump _ PROPN 2 nsubj; called call VERB 0 root; off _ ADP 2 compound:prt; the _ DET 5 det; meeting _ NOUN 2 obj; with _ ADP 7 case; Putin _ PROPN 5 nmod; . _ PUNCT 2 punct',
    expect: [{ dyad: 'USA>RUS', cameo: '040', modality: 'canceled', trigger: 'meeting' }],
  },
  {
    name: 'dictionary pattern: "imposed sanctions on" is 163, one event for verb and noun',
    parse: 'The _ DET 3 det; United _ PROPN 3 compound; States _ PROPN 4 nsubj; imposed impose VERB 0 root; sanctions sanction NOUN 4 obj; on _ ADP 7 case; Iran _ PROPN 4 obl; . _ PUNCT 4 punct',
    expect: [{ dyad: 'USA>IRN', cameo: '163', plover: 'SANCTION', rule: /IMPOSE\/\d+/ }],
  },
  {
    name: 'reverse-direction code: "faced criticism from France" is France criticizing',
    parse: 'Iran _ PROPN 2 nsubj; faced face VERB 0 root; criticism _ NOUN 2 obj; from _ ADP 5 case; France _ PROPN 3 nmod; . _ PUNCT 2 punct',
    expect: [{ dyad: 'FRA>IRN', cameo: '111' }],
  },
  {
    name: 'nominal compound trigger: "a phone call with"',
    parse: 'Trump _ PROPN 2 nsubj; had have VERB 0 root; a _ DET 5 det; phone _ NOUN 5 compound; call _ NOUN 2 obj; with _ ADP 7 case; Putin _ PROPN 5 nmod; . _ PUNCT 2 punct',
    expect: [{ dyad: 'USA>RUS', cameo: '041', trigger: 'phone call', rule: /^dep:noun:N_CALL/ }],
  },
  {
    name: 'a light verb on its default code gives way to its event noun ("carried out strikes on")',
    parse: 'Israel _ PROPN 2 nsubj; carried carry VERB 0 root; out _ ADP 2 compound:prt; strikes strike NOUN 2 obj; on _ ADP 6 case; Syria _ PROPN 4 nmod; . _ PUNCT 2 punct',
    expect: [{ dyad: 'ISR>SYR', cameo: '195', trigger: 'strikes', rule: /^dep:noun:/ }],
  },
  {
    name: 'relative clause: the antecedent is the subject ("Israel, which attacked Syria")',
    parse: 'Israel _ PROPN 8 nsubj; , _ PUNCT 4 punct; which _ PRON 4 nsubj; attacked attack VERB 1 acl:relcl; Syria _ PROPN 4 obj; , _ PUNCT 4 punct; was be AUX 8 cop; silent _ ADJ 0 root; . _ PUNCT 8 punct',
    expect: [{ dyad: 'ISR>SYR', cameo: '190' }],
  },
  {
    name: 'no actor on either side: no event',
    parse: 'The _ DET 2 det; talks talk NOUN 4 nsubj:pass; were be AUX 4 aux:pass; canceled cancel VERB 0 root; . _ PUNCT 4 punct',
    expect: [],
  },
  {
    name: 'content of a coded governor: "demanded that Iran attack Israel" is the demand alone, aimed at Iran',
    parse: 'France _ PROPN 2 nsubj; demanded demand VERB 0 root; that _ SCONJ 5 mark; Iran _ PROPN 5 nsubj; attack _ VERB 2 ccomp; Israel _ PROPN 5 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'FRA>IRN', plover: 'REQUEST', trigger: 'demanded' }],
  },
  {
    name: 'purpose clause: "opened the border to allow aid" is the opening alone',
    parse: 'Turkey _ PROPN 2 nsubj; opened open VERB 0 root; the _ DET 4 det; border _ NOUN 2 obj; to _ PART 6 mark; allow _ VERB 2 advcl; aid _ NOUN 6 obj; to _ ADP 9 case; Syria _ PROPN 6 obl; . _ PUNCT 2 punct',
    // whom the opening serves is its target, as the PLOVER gold codes "opened the bridge to allow grain to Afghanistan"
    expect: [{ dyad: 'TUR>SYR', trigger: 'opened' }],
  },
  {
    name: 'a relative clause beside a main event is background: "Israel struck Lebanon, which attacked Egypt"',
    parse: 'Israel _ PROPN 2 nsubj; struck strike VERB 0 root; Lebanon _ PROPN 2 obj; , _ PUNCT 6 punct; which _ PRON 6 nsubj; attacked attack VERB 3 acl:relcl; Egypt _ PROPN 6 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'ISR>LBN', trigger: 'struck' }],
  },
  {
    name: 'a temporal clause reports its own event: "resigned as the opposition threatened Georgia"',
    parse: 'Georgia _ PROPN 2 nsubj; resigned resign VERB 0 root; as _ SCONJ 5 mark; Russia _ PROPN 5 nsubj; threatened threaten VERB 2 advcl; Georgia _ PROPN 5 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'GEO>', trigger: 'resigned' }, { dyad: 'RUS>GEO', plover: 'THREATEN' }],
  },
  {
    name: 'a subordinate event with no source is dropped: "Turkey protested after Syrians were arrested"',
    parse: 'Turkey _ PROPN 2 nsubj; protested protest VERB 0 root; after _ SCONJ 6 mark; Syrians Syrian PROPN 6 nsubj:pass; were be AUX 6 aux:pass; arrested arrest VERB 2 advcl; . _ PUNCT 2 punct',
    expect: [{ dyad: 'TUR>', trigger: 'protested' }],
  },
  {
    name: 'an object shared by coordinated verbs: "threatened to close or suspend U.S. operations"',
    parse: 'Turkey _ PROPN 2 nsubj; threatened threaten VERB 0 root; to _ PART 4 mark; close _ VERB 2 xcomp; or _ CCONJ 6 cc; suspend _ VERB 4 conj; American _ ADJ 8 amod; operations operation NOUN 6 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'TUR>USA', plover: 'THREATEN', trigger: 'threatened' }],
  },
  {
    name: 'a demand is aimed at the subject of what it demands: "demanded that Iran free the sailors"',
    parse: 'Britain _ PROPN 2 nsubj; demanded demand VERB 0 root; that _ SCONJ 5 mark; Iran _ PROPN 5 nsubj; free _ VERB 2 ccomp; the _ DET 7 det; sailors sailor NOUN 5 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'GBR>IRN', plover: 'REQUEST', trigger: 'demanded' }],
  },
  {
    name: 'a state\'s agents placed by "in": "forces in Iran attacked Iraq"',
    parse: 'Forces force NOUN 5 nsubj; in _ ADP 3 case; Iran _ PROPN 1 nmod; have have AUX 5 aux; attacked attack VERB 0 root; Iraq _ PROPN 5 obj; . _ PUNCT 5 punct',
    expect: [{ dyad: 'IRN>IRQ', cameo: '190' }],
  },
  {
    name: '"we" and "us" in quoted words are the speaker\'s side; a response promised on a condition is a threat',
    parse: 'Netanyahu _ PROPN 2 nsubj; said say VERB 0 root; : _ PUNCT 2 punct; “ _ PUNCT 12 punct; If _ SCONJ 7 mark; Iran _ PROPN 7 nsubj; attacks attack VERB 12 advcl; us we PRON 7 obj; , _ PUNCT 12 punct; we we PRON 12 nsubj; will _ AUX 12 aux; retaliate _ VERB 2 ccomp; . _ PUNCT 2 punct; ” _ PUNCT 2 punct',
    expect: [
      { dyad: 'IRN>ISR', cameo: '190', modality: 'conditional', trigger: 'attacks' },
      { dyad: 'ISR>IRN', cameo: '138', modality: 'conditional', trigger: 'retaliate', rule: /\+condition\+threat/ },
    ],
  },
  {
    name: 'a nominal event: possessor as source, "of" as target ("Turkey\'s purchase of Russia\'s missiles")',
    parse: 'Turkey _ PROPN 3 nmod:poss; ’s _ PART 1 case; purchase _ NOUN 0 root; of _ ADP 7 case; Russia _ PROPN 7 nmod:poss; ’s _ PART 5 case; missiles missile NOUN 3 nmod; . _ PUNCT 3 punct',
    expect: [{ dyad: 'TUR>RUS', cameo: '061' }],
  },
  {
    name: 'a warning whose clause is about the warner itself is aimed at whom the clause acts on',
    parse: 'Trump _ PROPN 2 nsubj; warned warn VERB 0 root; that _ SCONJ 6 mark; he _ PRON 6 nsubj; will _ AUX 6 aux; exert _ VERB 2 ccomp; pressure _ NOUN 6 obj; on _ ADP 9 case; Iran _ PROPN 7 nmod; . _ PUNCT 2 punct',
    coref: [{ start: 3, end: 4, who: 'Trump' }],
    expect: [{ dyad: 'USA>IRN', cameo: '130', trigger: 'warned' }],
    only: false,
  },
  {
    name: 'a noun the tagger read as a verb ("during talks Tuesday"): the clause\'s subject, the sentence\'s tense for its date',
    dateline: '2025-03-10',
    parse: 'Trump _ PROPN 2 nsubj; hopes hope VERB 0 root; to _ PART 4 mark; win _ VERB 2 xcomp; during _ ADP 6 case; talks talk VERB 2 conj; Tuesday _ PROPN 6 obj; with _ ADP 9 case; Ukraine _ PROPN 6 obl; . _ PUNCT 2 punct',
    expect: [{ dyad: 'USA>UKR', cameo: '046', trigger: 'talks', date: '2025-03-11' }],
    only: false,
  },
  {
    name: 'a possessor says whose the phrase is: "Iran\'s U.N. ambassador criticized Israel"',
    parse: 'Iran _ PROPN 4 nmod:poss; ’s _ PART 1 case; U.N. _ PROPN 4 compound; ambassador _ NOUN 5 nsubj; criticized criticize VERB 0 root; Israel _ PROPN 5 obj; . _ PUNCT 5 punct',
    expect: [{ dyad: 'IRN>ISR', cameo: '111' }],
  },
  {
    name: 'a target found after the trigger keeps its conjuncts ("convene a meeting in Beijing with Iran and Russia")',
    parse: 'China _ PROPN 3 nsubj; will _ AUX 3 aux; convene _ VERB 0 root; a _ DET 5 det; meeting _ NOUN 3 obj; in _ ADP 7 case; Beijing _ PROPN 5 nmod; with _ ADP 9 case; Iran _ PROPN 7 nmod; and _ CCONJ 11 cc; Russia _ PROPN 9 conj; . _ PUNCT 3 punct',
    expect: [{ dyad: 'CHN>IRN+RUS' }],
    only: false,
  },
  {
    name: 'object control: "urged Iran to resume talks" — Iran is asked, the request is coded',
    parse: 'France _ PROPN 2 nsubj; urged urge VERB 0 root; Iran _ PROPN 2 obj; to _ PART 5 mark; resume _ VERB 2 xcomp; talks talk NOUN 5 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'FRA>IRN', cameo: '026', plover: 'REQUEST' }],
  },
  {
    name: 'an unknown subject acts for the one country the sentence names as a place, not the reporter\'s',
    parse: 'Rebels rebel NOUN 2 nsubj; demanded demand VERB 11 ccomp; elections election NOUN 2 obj; in _ ADP 5 case; Haiti _ PROPN 2 obl; , _ PUNCT 11 punct; a _ DET 10 det; U.S. _ PROPN 10 compound; embassy _ NOUN 10 compound; spokeswoman _ NOUN 11 nsubj; said say VERB 0 root; . _ PUNCT 11 punct',
    expect: [{ dyad: 'HTI>HTI', plover: 'REQUEST', rule: /domestic/ }],
  },
  {
    name: 'a country that is the object is the target, never the unknown subject\'s home',
    parse: 'Rebels rebel NOUN 2 nsubj; attacked attack VERB 0 root; Iran _ PROPN 2 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: '>IRN', plover: 'ASSAULT' }],
  },
  {
    name: 'a state\'s agents placed by a multi-word country name ("rebels in the Ivory Coast")',
    parse: 'Rebels rebel NOUN 6 nsubj; in _ ADP 5 case; the _ DET 5 det; Ivory _ ADJ 5 amod; Coast _ PROPN 1 nmod; dismissed dismiss VERB 0 root; an _ DET 8 det; appeal _ NOUN 6 obj; . _ PUNCT 6 punct',
    expect: [{ dyad: 'CIV>', cameo: '120', plover: 'REJECT' }],
  },
  {
    name: 'dictionary: "ordered X to appear" is a demand, "declared a state of emergency" a repression, "accepted the plan" an agreement',
    parse: 'Argentina _ PROPN 2 nsubj; ordered order VERB 0 root; Menem _ PROPN 2 obj; to _ PART 5 mark; appear _ VERB 2 xcomp; . _ PUNCT 2 punct ||' +
      'Haiti _ PROPN 2 nsubj; declared declare VERB 0 root; a _ DET 4 det; state _ NOUN 2 obj; of _ ADP 6 case; emergency _ NOUN 4 nmod; . _ PUNCT 2 punct ||' +
      'Denmark _ PROPN 2 nsubj; accepted accept VERB 0 root; the _ DET 4 det; plan _ NOUN 2 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'ARG>ARG', cameo: '100', plover: 'REQUEST' }, { dyad: 'HTI>', cameo: '1724', plover: 'COERCE' }, { dyad: 'DNK>', cameo: '030', plover: 'AGREE' }],
  },
  {
    name: 'a missing target is the first actor named after the trigger (a parse slip in "demanded that Hamas renounce")',
    parse: 'Washington _ PROPN 2 nsubj; demanded demand VERB 0 root; that _ SCONJ 2 ccomp; Hamas _ PROPN 5 compound; renounce _ NOUN 6 compound; violence _ NOUN 3 fixed; . _ PUNCT 2 punct',
    expect: [{ dyad: 'USA>PSE', plover: 'REQUEST', rule: /\+after/ }],
  },
  {
    name: 'but not from the attribution (", a Mozambican spokesman said")',
    parse: 'Britain _ PROPN 2 nsubj; promised promise VERB 8 ccomp; aid _ NOUN 2 obj; , _ PUNCT 8 punct; a _ DET 7 det; Mozambican _ ADJ 7 amod; spokesman _ NOUN 8 nsubj; said say VERB 0 root; . _ PUNCT 8 punct',
    expect: [{ dyad: 'GBR>', plover: 'AGREE' }],
  },
  {
    name: 'a place after "in" is the target when nobody else is acted on; a lifted curfew is a concession',
    parse: 'Serbia _ PROPN 2 nsubj; lifted lift VERB 0 root; the _ DET 4 det; curfew _ NOUN 2 obj; in _ ADP 6 case; Montenegro _ PROPN 2 obl; . _ PUNCT 2 punct',
    expect: [{ dyad: 'SRB>MNE', cameo: '0813', plover: 'CONCEDE', rule: /\+after/ }],
  },
  {
    name: 'withdrawing one\'s own inspectors is a sanction, and announced for the future a threat',
    parse: 'Britain _ PROPN 3 nsubj; will _ AUX 3 aux; withdraw _ VERB 0 root; its _ PRON 5 nmod:poss; inspectors inspector NOUN 3 obj; from _ ADP 7 case; Iraq _ PROPN 3 obl; . _ PUNCT 3 punct',
    expect: [{ dyad: 'GBR>IRQ', cameo: '1662', plover: 'THREATEN', modality: 'planned' }],
  },
  {
    name: 'what a speaker says someone must do is the speaker\'s demand to them: "Britain said Sudan must reach an agreement"',
    parse: 'Britain _ PROPN 2 nsubj; said say VERB 0 root; that _ SCONJ 6 mark; Sudan _ PROPN 6 nsubj; must _ AUX 6 aux; reach _ VERB 2 ccomp; an _ DET 8 det; agreement _ NOUN 6 obj; . _ PUNCT 2 punct',
    expect: [{ dyad: 'GBR>SDN', cameo: '100', plover: 'REQUEST', rule: /\+obligation/ }],
  },
];

function check(e: Event, x: Expect): string[] {
  const bad: string[] = [];
  const eq = (what: string, got: unknown, want: unknown): void => {
    if (want !== undefined && got !== want) bad.push(`${what}: got ${String(got)}, want ${String(want)}`);
  };
  eq('dyad', dyad(e), x.dyad);
  eq('cameo', e.cameo, x.cameo);
  eq('plover', e.plover.type, x.plover);
  eq('mode', e.plover.mode, x.mode);
  eq('modality', e.modality, x.modality);
  eq('date', e.date.value, x.date);
  eq('date basis', e.date.basis, x.dateBasis);
  eq('location', e.location?.country, x.location);
  eq('trigger', e.trigger.text, x.trigger);
  eq('speaker', e.attribution?.speaker?.country, x.speaker);
  if (x.rule && !x.rule.test(e.rule)) bad.push(`rule: ${e.rule} !~ ${x.rule}`);
  return bad;
}

for (const c of CASES) {
  test(c.name, () => {
    const doc = parsedDoc(c.parse);
    const extra = (c.coref ?? []).map((r) => ({ start: r.start, end: r.end, entry: PEOPLE[r.who] }));
    const { events } = codeEvents(doc, c.dateline, extra);
    const show = events.map((e) => `${e.cameo} ${dyad(e)} ${e.modality} ${e.trigger.text} ${e.rule}`).join('\n');
    if (c.only !== false) assert.equal(events.length, c.expect.length, `events:\n${show}`);
    for (const x of c.expect) {
      const fits = events.map((e) => check(e, x));
      if (!fits.some((f) => f.length === 0)) {
        assert.fail(`no event fits ${JSON.stringify(x)}:\n${fits.map((f) => f.join('; ')).join('\n')}\nevents:\n${show}`);
      }
    }
    for (const e of events) {
      assert.ok(e.confidence > 0 && e.confidence <= 1);
      assert.ok(e.evidence.start <= e.trigger.start && e.trigger.end <= e.evidence.end, 'trigger inside the evidence sentence');
      assert.equal(doc.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    }
  });
}

test('a bare past participle is passive: "Syrians arrested by Turkey" is Turkey arresting Syrians', () => {
  const doc = parsedDoc('Syrians Syrian PROPN 5 nsubj; arrested arrest VERB 1 acl; by _ ADP 4 case; Turkey _ PROPN 2 obl:agent; waited wait VERB 0 root; . _ PUNCT 5 punct');
  doc.xpos[1] = doc.strings.intern('VBN');
  const { events } = codeEvents(doc);
  assert.deepEqual(events.map((e) => [e.cameo, dyad(e)]), [['173', 'TUR>SYR']]);
  assert.match(events[0].rule, /passive/);
});

test('a wish aimed at nobody is no event ("Iran wanted more as Israel attacked Syria"); a pattern naming its object is', () => {
  const one = codeEvents(parsedDoc('Iran _ PROPN 2 nsubj; wanted want VERB 0 root; more _ ADJ 2 obj; as _ SCONJ 6 mark; Israel _ PROPN 6 nsubj; attacked attack VERB 2 advcl; Syria _ PROPN 6 obj; . _ PUNCT 2 punct')).events;
  assert.deepEqual(one.map((e) => `${e.cameo} ${dyad(e)}`), ['190 ISR>SYR']);
  const some = codeEvents(parsedDoc('Iran _ PROPN 2 nsubj; wants want VERB 0 root; peace _ NOUN 2 obj; . _ PUNCT 2 punct')).events;
  assert.deepEqual(some.map((e) => `${e.cameo} ${dyad(e)}`), ['027 IRN>']);
});

test('the surface fallback in a parsed sentence: one event, only on a word the tagger reads the same way', () => {
  // the parse leaves "accused" without a subject (an appositive), so the dependency coder gives nothing
  const parse = (upos: string): string => `Iran _ PROPN 0 root; , _ PUNCT 1 punct; accused accuse ${upos} 1 appos; Israel _ PROPN 3 obj; . _ PUNCT 1 punct`;
  const asVerb = codeEvents(parsedDoc(parse('VERB'))).events;
  assert.deepEqual(asVerb.map((e) => [e.cameo.slice(0, 2), dyad(e), e.rule.split(':')[0]]), [['11', 'IRN>ISR', 'surface']]);
  assert.deepEqual(codeEvents(parsedDoc(parse('NOUN'))).events, []);
});

test('events are numbered in order and keep sentence indices', () => {
  const doc = parsedDoc(
    'Israel _ PROPN 4 nsubj; did do AUX 4 aux; not _ PART 4 advmod; attack _ VERB 0 root; Iran _ PROPN 4 obj; . _ PUNCT 4 punct ||' +
      'Trump _ PROPN 3 nsubj; will _ AUX 3 aux; meet _ VERB 0 root; Putin _ PROPN 3 obj; . _ PUNCT 3 punct',
  );
  const { events } = codeEvents(doc);
  assert.deepEqual(events.map((e) => [e.id, e.sentence]), [['e1', 0], ['e2', 1]]);
});

test('a malformed parse (a head cycle, tokens without UPOS) codes without hanging', () => {
  const doc = parsedDoc('Israel _ PROPN 2 nsubj; attacked attack VERB 3 ccomp; Iran _ PROPN 2 obj; . _ PUNCT 2 punct');
  doc.upos[3] = 0;
  const { events } = codeEvents(doc);
  assert.ok(events.every((e) => e.confidence > 0));
});

// Word lists for reported speech: cue verbs, speaker-phrase vocabulary, anonymous-source heads, sectors and media.
// Lists hold inflected forms (lowercase, straight apostrophes) because the parser's lemmas may be absent.

/** Finite forms of speech verbs that introduce or close reported speech. */
export const SPEECH_CUES = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'wrote', 'writes', 'warned', 'warns',
  'urged', 'urges', 'accused', 'accuses', 'denied', 'denies', 'confirmed', 'confirms', 'stressed', 'stresses',
  'announced', 'announces', 'stated', 'declared', 'declares', 'insisted', 'insists', 'claimed', 'claims',
  'argued', 'argues', 'noted', 'explained', 'explains', 'reported', 'reports', 'tweeted', 'posted', 'asked',
  'asks', 'acknowledged', 'acknowledges', 'suggested', 'suggests', 'predicted', 'vowed', 'vows', 'promised',
  'pledged', 'alleged', 'alleges', 'maintained', 'emphasized', 'emphasised', 'emphasizes', 'reiterated',
  'responded', 'replied', 'complained', 'admitted', 'admits', 'conceded', 'cautioned', 'disclosed', 'revealed',
  'assured', 'reminded', 'informed', 'recalled', 'estimated', 'countered', 'charged', 'contended', 'observed',
  'remarked', 'agreed', 'threatened', 'demanded', 'demands', 'asserted', 'asserts', 'concluded', 'wondered',
  'joked', 'quipped', 'boasted', 'lamented', 'mused', 'continued', 'signaled', 'signalled', 'indicated',
  'hinted', 'predicts', 'posts', 'tweets', 'notes', 'recalls', 'replies', 'responds', 'cautions', 'concedes',
  'complains', 'explains', 'announces', 'confirms', 'answered', 'answers', 'pointed', 'points',
]);

/** Participles that continue the main clause's speaker: "..., saying that ...". */
export const PARTICIPLE_CUES = new Set([
  'saying', 'adding', 'telling', 'warning', 'noting', 'arguing', 'insisting', 'stressing', 'writing', 'declaring',
  'claiming', 'explaining', 'urging', 'accusing', 'asking', 'tweeting', 'posting', 'replying', 'responding',
  'announcing', 'promising', 'vowing', 'suggesting', 'predicting', 'acknowledging', 'recalling', 'asserting',
  'denying', 'confirming', 'emphasizing', 'reiterating', 'alleging', 'complaining', 'admitting', 'conceding',
]);

/** Cues whose first argument after the verb is the addressee, not the content ("told reporters that ..."). */
export const ADDRESSEE_CUES = new Set(['told', 'tells', 'tell', 'assured', 'reminded', 'informed', 'telling', 'warned', 'warns', 'warning']);

/** Cues whose object belongs to the reported content ("urged Iran to return", "accused Israel of ..."). */
export const OBJECT_CONTENT_CUES = new Set(['urged', 'urges', 'urging', 'accused', 'accuses', 'accusing', 'demanded', 'demands', 'asked', 'asks', 'calling']);

/** Words that belong to the cue, between the speaker and the verb: "has also said", "had previously told". */
export const CUE_MODIFIERS = new Set([
  'has', 'have', 'had', 'also', 'later', 'previously', 'earlier', 'again', 'then', 'further', 'repeatedly',
  'publicly', 'privately', 'once', 'separately', 'recently', 'reportedly', 'already', 'just', 'often', 'has',
  'subsequently', 'initially', 'first', 'last', 'did', 'does', 'do', 'would', 'will', 'could', 'not', "n't",
  'never', 'flatly', 'strongly', 'angrily', 'bluntly', 'openly', 'quickly', 'immediately', 'is', 'was',
]);

/** Lowercase words that end a speaker phrase when walking left from a cue. */
export const NP_STOP = new Set([
  'that', 'which', 'and', 'but', 'or', 'because', 'while', 'when', 'as', 'if', 'after', 'before', 'since', 'though',
  'although', 'so', 'where', 'whether', 'than', 'until', 'unless', 'is', 'was', 'are', 'were', 'be', 'been',
  'being', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'not', 'also', 'has', 'have', 'had',
  'did', 'does', 'do', 'said', 'says', 'to', 'who', 'whom', 'what', 'why', 'how', 'yet', 'nor', 'then', 'thus',
  'however', 'meanwhile', 'instead', 'still', 'even', 'just', 'now', 'today', 'yesterday', 'tonight',
]);

/** Words after which a speaker phrase's head is over ("sources familiar with ...", "a spokesman for ..."). */
export const NP_POSTMOD = new Set([
  'of', 'for', 'with', 'from', 'at', 'in', 'on', 'familiar', 'close', 'who', 'which', 'briefed', 'knowledgeable',
  'involved', 'speaking', 'granted', 'authorized', 'authorised', 'not', 'to', 'within', 'inside', 'by', 'representing',
]);

export const PRONOUNS: Record<string, 'he' | 'she' | 'they' | 'it' | 'we' | 'i'> = {
  he: 'he', she: 'she', they: 'they', it: 'it', we: 'we', i: 'i',
};

/** Heads of speaker phrases that hide the speaker's identity. */
export const ANON_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'aide', 'aides', 'person', 'people',
  'insider', 'insiders', 'officer', 'officers', 'adviser', 'advisers', 'advisor', 'advisors', 'lawmaker', 'lawmakers',
  'negotiator', 'negotiators', 'staffer', 'staffers', 'figure', 'figures', 'member', 'members',
  'individuals', 'individual', 'someone', 'employees', 'employee',
]);

/** Plural heads, for pronoun agreement ("they"). */
export const PLURAL_HEADS = /(?:s|people|police|media)$/;

/** Sector cues in a speaker phrase, most specific first. */
export const SECTOR_WORDS: [RegExp, string][] = [
  [/^(?:military|army|navy|defen[cs]e|command|troops|soldiers?|commanders?|generals?|gen\.?|armed|airforce|marines?|idf|pentagon|colonel|brigadier|admiral)$/, 'MIL'],
  [/^(?:intelligence|spy|spies|cia|mossad)$/, 'SPY'],
  [/^(?:police|policeman|policemen|officers?)$/, 'COP'],
  [/^(?:lawmakers?|senators?|congressm[ae]n|congresswom[ae]n|congressional|legislators?|parliament(?:ary|arians?)?|mps?|speaker|representatives?|sen\.?|rep\.?)$/, 'LEG'],
  [/^(?:judges?|court|prosecutors?|justices?|judicial)$/, 'JUD'],
  [/^(?:rebels?|militants?|insurgents?|fighters?|militia)$/, 'REB'],
  [/^(?:opposition|dissidents?)$/, 'OPP'],
  [/^(?:party|campaign)$/, 'PTY'],
  [/^(?:media|tv|television|broadcaster|newspaper|agency|outlet|radio)$/, 'MED'],
  [/^(?:officials?|ministers?|ministry|spokes(?:man|men|woman|women|person|people)|diplomats?|diplomatic|ambassadors?|envoys?|president|presidential|premier|government|administration|secretary|governor|mayor|negotiators?|aides?|advisers?|advisors?|cabinet|chancellor|king|prime|foreign|embassy|state|department|officers?)$/, 'GOV'],
];

/** Platforms named after "on" / "via": the canonical medium name by lowercase token sequence. */
export const PLATFORMS: [string[], string][] = [
  [['truth', 'social'], 'Truth Social'],
  [['x'], 'X'],
  [['twitter'], 'Twitter'],
  [['facebook'], 'Facebook'],
  [['instagram'], 'Instagram'],
  [['telegram'], 'Telegram'],
  [['tiktok'], 'TikTok'],
  [['youtube'], 'YouTube'],
  [['weibo'], 'Weibo'],
  [['wechat'], 'WeChat'],
  [['bluesky'], 'Bluesky'],
  [['threads'], 'Threads'],
  [['linkedin'], 'LinkedIn'],
  [['social', 'media'], 'social media'],
  [['state', 'media'], 'state media'],
  [['state', 'tv'], 'state TV'],
  [['state', 'television'], 'state television'],
  [['national', 'television'], 'national television'],
  [['television'], 'television'],
  [['radio'], 'radio'],
];

/** Nouns that name an occasion or document through which something was said ("in a statement"). */
export const MEDIUM_NOUNS = new Set([
  'statement', 'interview', 'conference', 'briefing', 'speech', 'letter', 'address', 'post', 'tweet', 'video',
  'rally', 'communique', 'memo', 'op-ed', 'email', 'message', 'readout', 'release', 'podcast', 'broadcast',
  'appearance', 'hearing', 'session', 'testimony', 'remarks', 'summit', 'meeting', 'call', 'report',
]);

/** News organisations recognised after "told" / "with" / as a reporting subject. */
export const OUTLETS = new Set([
  'axios', 'cnn', 'reuters', 'ap', 'afp', 'bbc', 'voa', 'nbc', 'cbs', 'abc', 'fox', 'msnbc', 'politico', 'npr',
  'bloomberg', 'tass', 'ria', 'irna', 'isna', 'xinhua', 'yonhap', 'kcna', 'wafa', 'anadolu', 'al', 'sky', 'cnbc',
  'semafor', 'newsmax', 'fars', 'tasnim', 'mehr', 'interfax', 'kyodo', 'nhk', 'itv', 'dpa', 'efe', 'ansa', 'pbs',
  'breitbart', 'punchbowl', 'the', 'time', 'newsweek', 'cbc', 'rt', 'sputnik', 'presstv', 'press', 'kan', 'channel',
]);
export const OUTLET_SUFFIX = /^(?:News|Times|Post|Journal|Radio|TV|Television|Network|Agency|Press|Magazine|Daily|Herald|Tribune|Guardian|Telegraph|Monitor|Channel|Jazeera|Arabiya|Street|Examiner|Insider|Beast|Hill|Atlantic|Economist|Gazette|Globe|Star|Mail|Express|Independent|Observer|Sun|Wire|Today|Report|Broadcasting|Corporation|Weekly)$/;

/** Tokens that may sit between a cue and its reported clause without being part of it ("said on Monday that"). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'last', 'this', 'next', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
  'weekend', 'day', 'recently', 'previously', 'again', 'also', 'repeatedly', 'late', 'early', 'separately',
]);

export const QUOTE_OPEN = new Set(['“', '"', '«', '„']);
export const QUOTE_CLOSE = new Set(['”', '"', '»', '‟']);

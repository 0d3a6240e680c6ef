// Word lists for reading what a figure counts (figure-meaning.ts): where a count comes from,
// which words turn a statement round, which verbs say a quantity moved, and which predicates
// are wider than others ("restrict" covers "ban"). Pure data.

/** Where a count comes from: a survey's answer is not a legal fact, an estimate not a tally. */
export type CountSource = 'survey' | 'statute' | 'report' | 'estimate' | 'study' | 'record';

export const COUNT_SOURCE_WORDS: ReadonlyArray<[RegExp, CountSource]> = [
  [/\b(?:survey(?:ed|s)?|poll(?:ed|s)?|respondents?|questionnaires?|self-reported|told\s+(?:a|the)\s+survey|say\s+they|said\s+they|report(?:ed)?\s+that\s+they)\b/i, 'survey'],
  [/\b(?:statutes?|laws?|legislation|legal(?:ly)?|criminal\s+codes?|penal\s+codes?|codes?\s+of|acts?\s+of\s+parliament|on\s+the\s+books|by\s+law)\b/i, 'statute'],
  [/\b(?:estimates?d?|projected|projections?|modell?ed|forecasts?|extrapolated)\b/i, 'estimate'],
  [/\b(?:study|studies|trial|trials|cohort|meta-analysis|researchers)\b/i, 'study'],
  [/\b(?:registered|recorded|records|registry|registries|official\s+figures|census|counted)\b/i, 'record'],
  [/\b(?:reports?|according\s+to)\b/i, 'report'],
];

/** Words that deny what the clause says of its figure. */
export const NEGATION = /(?:^|[^\p{L}])(?:not|no\s+longer|never|none\s+of|neither|nor|n['’]t)(?![\p{L}])/iu;

/**
 * Words of change, each way, in the forms news reports write them: "fell" is said by "decreased",
 * "dropped", "a reduction". One list for the figure reader's direction (UP_WORDS, DOWN_WORDS) and
 * for the claim profile's words said by one another (evidence/stance/claim-profile.ts).
 */
export const CHANGE_WORDS: Readonly<Record<'up' | 'down', readonly string[]>> = {
  up: ['rise', 'rises', 'risen', 'rising', 'rose', 'increase', 'increased', 'increases', 'increasing', 'grow', 'grows', 'grown', 'growing', 'grew', 'growth', 'climb', 'climbs', 'climbed', 'jump', 'jumps', 'jumped', 'gain', 'gained', 'surge', 'surged', 'soar', 'soared'],
  down: ['fall', 'falls', 'fallen', 'falling', 'fell', 'decrease', 'decreased', 'decreases', 'decreasing', 'decline', 'declined', 'declines', 'declining', 'drop', 'drops', 'dropped', 'reduce', 'reduced', 'reduction', 'reductions', 'lower', 'lowered', 'shrink', 'shrank', 'shrunk', 'cut', 'slump', 'slumped', 'plunge', 'plunged'],
};

/** Words that give a figure's direction without being words of change of their own ("up", "more", "added", "shed"). */
const UP_ONLY = ['widened', 'widens', 'widening', 'rebounded', 'add', 'adds', 'added', 'created', 'hired', 'up', 'higher', 'doubled', 'expanded'];
const DOWN_ONLY = ['narrowed', 'narrows', 'narrowing', 'slipped', 'slips', 'dipped', 'dips', 'sank', 'tumbled', 'eased', 'shed', 'axed', 'eliminated', 'down', 'lost', 'less', 'fewer', 'halved', 'slid'];

export const UP_WORDS = new RegExp(String.raw`\b(?:${[...CHANGE_WORDS.up, ...UP_ONLY].join('|')}|(?<!what['’]s\s)more)\b`, 'i');
export const DOWN_WORDS = new RegExp(String.raw`\b(?:${[...CHANGE_WORDS.down, ...DOWN_ONLY].join('|')})\b`, 'i');

/** Nouns that make a figure a rate ("per 100,000", "a year", "each day"). */
export const RATE_AFTER = /^\s*(?:per\s+(?!cent\b)(?:\d|capita|head|person|inhabitant|resident|people|adult|child|birth|patient|household)|for\s+every\s+\d|in\s+every\s+\d|\/\s*\d)/i;

/** Counted nouns that name the same kind of thing (compared by stem). */
export const NOUN_FAMILIES: ReadonlyArray<readonly string[]> = [
  ['country', 'nation', 'state', 'jurisdiction'],
  ['person', 'people', 'individu', 'resident', 'citizen', 'inhabit'],
  ['adult', 'grown-up'],
  ['child', 'kid', 'minor'],
  ['clinic', 'health centr', 'health cent'],
  ['doctor', 'physician'],
  ['death', 'fatality'],
  ['job', 'post', 'position'],
  ['firm', 'company', 'business', 'employ'],
  ['school', 'pupil'],
  ['patient', 'case'],
  ['district', 'municipal', 'council', 'borough'],
  ['car', 'vehicle'],
  ['home', 'house', 'household', 'dwelling'],
  ['vaccinat', 'inocul', 'jab', 'shot', 'immunis', 'immuniz'],
];

/**
 * Predicates from wider to narrower: a source that counts places which "restrict" something counts
 * more places than ones which "ban" it. Stems, compared after stemming.
 */
export const WIDER_THAN: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['restrict', 'regulat', 'regulate', 'limit', 'control', 'law', 'legislat', 'rule', 'address', 'polic', 'police'], ['ban', 'prohibit', 'outlaw', 'criminal', 'criminalis', 'criminaliz', 'forbid', 'forbidden']],
  [['offer', 'provid', 'stock', 'have', 'hold'], ['administ', 'administer', 'giv', 'give', 'inject', 'vaccinat']],
  [['infect', 'case', 'test', 'posit'], ['die', 'death', 'kill', 'hospitalis', 'hospitaliz']],
  [['arrest', 'charg', 'charge', 'prosecut'], ['convict', 'sentenc', 'sentence', 'jail', 'imprison']],
  [['nominat', 'run', 'stand'], ['elect', 'win', 'won']],
  [['qualif', 'enter', 'compet', 'take part', 'particip'], ['win', 'won', 'medal', 'podium']],
];

/** Qualifiers that narrow what is counted ("simple possession", "outright", "full-time"). */
export const NARROWING = new Set(['outright', 'only', 'simpl', 'simple', 'full-time', 'total', 'complet', 'complete', 'strict', 'fully', 'exclusiv', 'exclusive', 'sole', 'solely', 'first-time', 'confirm', 'confirmed', 'verifi', 'verified', 'serious', 'sever', 'severe', 'permanent']);

/** Words that say a figure is part of a set named before it ("Of those, 310 …", "Of the patients treated, 1,450 …"). */
export const SUBSET_BEFORE = /(?:^|[.;,]\s*|\b(?:that|and|but|yet|while|whereas|so|then|said|says|showed|shows|found|finds)\s+)of\s+(?:those|them|these|whom|which|the\s+[\p{L}\s'’-]+?)\s*,?\s*$/iu;

/** A set named with what it takes in ("junior ministers included", "including", "fuel and electricity together"). */
export const INCLUSIVE = /(?:,\s*(?:[\p{L}'’-]+\s+){1,3}included\b|\bincluding\b|\bas\s+well\s+as\b|\btogether\b|\bof\s+all\s+kinds\b|\bin\s+all\b)/iu;

/** Periods said in words: "this winter", "last season", "the latest school year", "the first quarter", "over the year as a whole". */
export const RELATIVE_PERIOD = /\b(?:(?:this|last|next|previous|the\s+past|the\s+last|the\s+previous|the\s+latest|the\s+most\s+recent|the\s+current)\s+(?:(?:two|three|four|five|ten|\d+)\s+)?(?:year|season|winter|summer|spring|autumn|quarter|month|week|decade|term|fiscal\s+year|school\s+year|academic\s+year|financial\s+year)s?|(?:the\s+)?(?:first|second|third|fourth|final)\s+(?:quarter|half|term|season)|(?:over|across)\s+the\s+(?:whole\s+)?(?:year|season|decade)(?:\s+as\s+a\s+whole)?|(?:the\s+)?(?:whole|entire)\s+(?:of\s+)?(?:last\s+|this\s+)?(?:year|season|winter|summer|decade)|this\s+century|last\s+century)\b/gi;

/** Currencies written as words after the number (the figure reader knows the common ones). */
export const MONEY_WORDS = new Set(['dollars', 'euros', 'pounds', 'yen', 'yuan', 'rupees', 'won', 'roubles', 'francs', 'pesos', 'marks', 'crowns', 'shillings', 'dinars', 'kronor', 'krona', 'rand', 'lira', 'lire', 'reais', 'zloty']);

/** Who said it, not what is said: ", the agency said", "according to …", "Officials said (that) …", "A poll found …". */
export const ATTRIBUTION_AFTER = /,?\s*(?:according\s+to\b.*|(?:the\s+|a\s+)?[\p{L}'’ -]{0,40}?\b(?:said|says|say|reported|reports|found|finds|show|shows|claimed|claims|estimates?|announced|confirmed)\s*[.!?"”]*\s*)$/iu;
/** Who said it, before the figure ("Officials said that …"); "cover estimated at 35.7 %" is no attribution. */
export const ATTRIBUTION_BEFORE = /^\s*(?:[\p{L}'’ -]{0,50}?\b(?:said|says|say|reported|reports|found|finds|show|shows|claimed|claims|estimated(?!\s+at\b)|estimates|announced|confirmed|declared|stated|noted|revealed)\s+(?:that\s+)?)(?=[^.]*\d)/iu;

/** A figure counted over a stretch of time: "a day", "per month", "each year"; "in a week" is a total. */
export const PER_PERIOD = /\b(?:a|an|per|each|every)\s+(day|week|month|year|decade|hour|season)\b/i;
export const OVER_PERIOD = /\b(?:in|over|across|during)\s+(?:a|one|the)\s+(day|week|month|year|decade|hour|season)\b/i;

/** Irregular past forms, read as their verb ("took" → "take"), which WordNet's index does not list. */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map([
  ['took', 'take'], ['won', 'win'], ['saw', 'see'], ['met', 'meet'], ['went', 'go'], ['paid', 'pay'], ['held', 'hold'], ['ran', 'run'], ['made', 'make'], ['gave', 'give'], ['given', 'give'], ['sold', 'sell'], ['bought', 'buy'], ['spent', 'spend'], ['left', 'leave'], ['lost', 'lose'], ['fell', 'fall'], ['fallen', 'fall'], ['rose', 'rise'], ['risen', 'rise'], ['grew', 'grow'], ['grown', 'grow'], ['began', 'begin'], ['brought', 'bring'], ['built', 'build'], ['kept', 'keep'], ['found', 'find'], ['told', 'tell'], ['stood', 'stand'], ['chose', 'choose'], ['drew', 'draw'], ['drove', 'drive'], ['flew', 'fly'], ['fought', 'fight'], ['sank', 'sink'], ['shot', 'shoot'], ['struck', 'strike'], ['taught', 'teach'], ['wrote', 'write'], ['broke', 'break'], ['caught', 'catch'], ['led', 'lead'], ['sent', 'send'], ['became', 'become'], ['came', 'come'], ['withdrew', 'withdraw'], ['overtook', 'overtake'], ['undertook', 'undertake'], ['shed', 'shed'], ['cut', 'cut'], ['set', 'set'], ['put', 'put'], ['hit', 'hit'], ['beat', 'beat'], ['sought', 'seek'], ['bore', 'bear'], ['borne', 'bear'], ['forgave', 'forgive'], ['froze', 'freeze'], ['hid', 'hide'], ['meant', 'mean'], ['slid', 'slide'], ['spread', 'spread'], ['swore', 'swear'], ['threw', 'throw'], ['understood', 'understand'], ['wore', 'wear'], ['heard', 'hear'], ['felt', 'feel'], ['known', 'know'], ['knew', 'know'], ['seen', 'see'], ['done', 'do'], ['gone', 'go'], ['spoke', 'speak'], ['spoken', 'speak'], ['taken', 'take'],
]);

/** Auxiliaries and light verbs skipped when looking for the verb that says what a figure does. */
export const AUXILIARIES = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'not', 'also', 'still', 'now', 'all', 'each', 'both', 'already', 'reportedly', 'currently', 'then']);

/** Words carrying no meaning of their own for the comparison. */
export const LIGHT_WORDS = new Set([
  'came', 'come', 'comes', 'stand', 'stands', 'stood', 'have', 'ha', 'had', 'get', 'got', 'make', 'made', 'do', 'does', 'did', 'there', 'were', 'was', 'are', 'is', 'be', 'been', 'total', 'some', 'about', 'around',
  'number', 'figure', 'count', 'amount', 'least', 'nearly', 'almost', 'roughly', 'approximately', 'estimat', 'than', 'out', 'every', 'now', 'currently', 'today',
  'year', 'month', 'week', 'day', 'according', 'accord', 'report', 'show', 'found', 'find', 'data', 'new', 'latest', 'just', 'over', 'under', 'more', 'fewer',
  'less', 'also', 'still', 'while', 'those', 'these', 'them', 'thi', 'that', 'whom', 'which', 'who', 'all', 'overall', 'altogeth', 'across', 'nationwid', 'nationwide',
]);

/** Amounts said without a figure ("hundreds of", "a couple of thousand", "dozens of"): left out of the figures, with a note. */
export const VAGUE_AMOUNT = /\b(?:(?:a\s+(?:couple|few)\s+(?:of\s+)?(?:hundred|thousand|million|billion|dozen))|(?:dozens|scores|hundreds|thousands|tens\s+of\s+thousands|millions|billions)\s+of)\b/gi;

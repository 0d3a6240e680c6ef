// Small closed-class word lists the stance features read: negators, hedges, refutation cues and
// directional opposites ("increase" / "decrease"). Stemmed with the shared stemmer so they match
// contentTerms(); WordNet antonyms (text/) complement the directional pairs.
import { stem } from '../../text/tokens.js';

/** Words that negate what they govern. Compared on lower-cased tokens (not stemmed). */
export const NEGATORS: ReadonlySet<string> = new Set(
  (
    "not no never none nothing neither nor without cannot can't don't doesn't didn't isn't aren't wasn't weren't " +
    "won't wouldn't shouldn't couldn't hasn't haven't hadn't nobody nowhere lack lacks lacking absence absent unable fail fails failed " +
    'dont doesnt didnt isnt arent wasnt werent wont cant'
  ).split(/\s+/),
);

/** Hedges: the passage does not commit to what it says. */
export const HEDGES: ReadonlySet<string> = new Set(
  (
    'may might could possibly possible suggest suggests suggested likely unlikely unclear uncertain uncertainty preliminary ' +
    'appear appears apparently potential potentially hypothesis hypothesize hypothesized speculate speculated perhaps ' +
    'believed thought estimated approximately predicted projected expected'
  ).split(/\s+/),
);

/** Words that typically accompany a refutation. Lower-cased tokens. */
export const REFUTATION_CUES: ReadonlySet<string> = new Set(
  (
    'false myth myths debunked debunk misleading incorrect wrong untrue misconception contrary contradicts contradict ' +
    'refuted refute disproved unfounded baseless fake hoax rejected denies denied however although despite whereas'
  ).split(/\s+/),
);

// Directional opposites; each line is a group of words on one side and the other side.
const OPPOSITE_GROUPS: Array<[string, string]> = [
  ['increase increased increases increasing rise rises rising rose risen grow grows growing grew growth gain gains up upward higher more greater larger expand expanding expansion accelerate accelerating surge surged', 'decrease decreased decreases decreasing fall falls falling fell decline declines declining declined shrink shrinking shrank reduce reduced reduces reduction loss losses down downward lower less fewer smaller contract contracting slow slowing slowed drop dropped drops'],
  ['warm warmer warming heat hotter hot', 'cool cooler cooling cold colder'],
  ['positive benefit beneficial improve improves improved improvement help helps helped', 'negative harm harmful worsen worsens worsened worse hurt hurts'],
  ['safe safer safety harmless', 'dangerous unsafe risky hazardous toxic'],
  ['effective efficacy efficient works protect protects protective', 'ineffective inefficient useless'],
  ['prevent prevents prevented preventing', 'cause causes caused causing'],
  ['strong stronger strengthen', 'weak weaker weaken weakened'],
  ['above over exceed exceeds exceeded', 'below under beneath'],
  ['high', 'low'],
  ['many most majority', 'few least minority'],
  ['maximum max', 'minimum min'],
  ['win wins won', 'lose loses lost'],
  ['accept accepted accepts', 'reject rejected rejects'],
  ['support supports supported', 'oppose opposes opposed'],
  ['allow allows allowed permit permitted legal legalize legalized', 'ban bans banned forbid forbidden prohibit prohibited illegal criminalize criminalized'],
  ['natural naturally', 'artificial synthetic manmade man-made engineered'],
  ['true', 'false'],
  ['present presence', 'absent absence'],
  ['include includes included', 'exclude excludes excluded'],
  ['first earliest', 'last latest'],
  ['early earlier', 'late later'],
  ['old older oldest', 'young younger youngest new newer'],
  ['thick thicker', 'thin thinner'],
  ['melt melting melted', 'freeze freezing froze frozen'],
  ['wet wetter', 'dry drier'],
  ['rich richer', 'poor poorer'],
  ['male men man', 'female women woman'],
  ['alive living', 'dead died death'],
  ['common', 'rare'],
  ['easy easier', 'difficult harder'],
  ['success successful succeed succeeded', 'failure unsuccessful'],
  ['significant significantly', 'insignificant'],
  ['before', 'after'],
  ['same similar', 'different'],
  ['all always every', 'none never'],
  ['only', 'also'],
];

const OPPOSITES = new Map<string, Set<string>>();
for (const [left, right] of OPPOSITE_GROUPS) {
  const a = left.split(/\s+/).map(stem);
  const b = right.split(/\s+/).map(stem);
  for (const x of a) for (const y of b) {
    if (x === y) continue;
    (OPPOSITES.get(x) ?? OPPOSITES.set(x, new Set()).get(x)!).add(y);
    (OPPOSITES.get(y) ?? OPPOSITES.set(y, new Set()).get(y)!).add(x);
  }
}

/** Stems that point the other way from `stemmed` (both arguments and results are stems). */
export function oppositesOf(stemmed: string): ReadonlySet<string> {
  return OPPOSITES.get(stemmed) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Is this lower-cased token a negator (including the n't suffix)? */
export function isNegator(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't") || lower.endsWith('n’t');
}

// Predicates said with a verb or with a noun phrase ("criminalise X" = "make X a crime / an
// offence"): a restatement may use either. Each line is one family; stems match each other.
const PARAPHRASE_GROUPS: string[] = [
  'criminalise criminalize criminalises criminalizes criminalised criminalized criminalising criminalizing crime crimes criminal offence offences offense offenses',
  'legalise legalize legalised legalized legal lawful',
  'require requires required requirement mandatory obligatory compulsory',
  'ratify ratifies ratified ratification',
];

const PARAPHRASES = new Map<string, Set<string>>();
for (const line of PARAPHRASE_GROUPS) {
  const stems = [...new Set(line.split(/\s+/).map(stem))];
  for (const a of stems) for (const b of stems) if (a !== b) (PARAPHRASES.get(a) ?? PARAPHRASES.set(a, new Set()).get(a)!).add(b);
}

/** Stems that say the same predicate another way ("criminalise" ↔ "crime", "offence"). */
export function paraphrasesOf(stemmed: string): ReadonlySet<string> {
  return PARAPHRASES.get(stemmed) ?? EMPTY;
}

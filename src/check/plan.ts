// Planning: a question becomes facets (sub-questions, each with a claim to retrieve and judge
// against); a claim becomes the whole claim plus its parts (clauses).
//
// "Which countries do A versus only B?" → who does A; who does B without A; how they compare
// (the counts over time, searched for with the bare act: "countries criminalize possession").
import { answerTypeOf, contentTerms, type AnswerType } from '../text/index.js';
import { isVerbWord } from './verb-words.js';
import { classifyInput, type InputKind } from './classify.js';

import type { FacetRole, PlannedFacet } from '../report/compose/compose-input.js';
export type { FacetRole };

/** One sub-question of the plan (the shape is shared with the composer's input). */
export type Facet = PlannedFacet;

export interface Plan {
  input: string;
  kind: InputKind;
  facets: Facet[];
  /** Words of the input that every facet is about (the topic), stemmed. */
  topicTerms: string[];
  /**
   * What names a "which/what <noun>" question asks for ("Which countries …?" → countries), or
   * null. The composer lists the places the sources name as doing what each facet asks.
   */
  answer: AnswerType | null;
}

const CONTRAST = /\s+(?:versus|vs\.?|as opposed to|rather than|compared with|compared to)\s+/i;
const WH = /^(?:which|what)\s+(\w+)\s+(.+)$/i;

function clean(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[?.!]+$/, '').trim();
}

/**
 * "criminalize mere possession of X" + "only its production or distribution" → the B statement.
 * An alternative that names its own act ("… versus only restrict parking there") is B as written,
 * and its negated A is the whole of A ("do not ban private cars from their centres").
 */
function expandAlternative(predA: string, altB: string): { b: string; negA: string; headA: string; altHead: string; ownAct: boolean } {
  const words = predA.split(' ');
  const verb = words[0] ?? '';
  const ofAt = predA.toLowerCase().lastIndexOf(' of ');
  const object = ofAt >= 0 ? predA.slice(ofAt + 4) : '';
  const headA = (ofAt >= 0 ? predA.slice(verb.length, ofAt) : predA.slice(verb.length)).trim();
  let alt = altB.replace(/^only\s+/i, '').replace(/^(?:to\s+)?/, '');
  const altVerb = alt.split(' ')[0] ?? '';
  if (altVerb.toLowerCase() !== verb.toLowerCase() && alt.split(' ').length >= 2 && isVerbWord(altVerb)) {
    return { b: alt, negA: `do not ${predA}`, headA, altHead: alt.split(' ').slice(1).join(' '), ownAct: true };
  }
  const mentionsOwnVerb = alt.split(' ')[0]?.toLowerCase() === verb.toLowerCase();
  alt = alt.replace(/\b(?:its|their|it|them)\b\s*/gi, '').trim();
  const bCore = mentionsOwnVerb ? alt : `${verb} ${alt}`;
  const b = object && !alt.toLowerCase().includes(object.toLowerCase()) ? `${bCore} of ${object}` : bCore;
  const headNoun = headA.split(' ').pop() ?? headA;
  const negA = `do not ${verb} ${headNoun}${object ? ` of ${object}` : ''}`;
  return { b, negA, headA, altHead: alt.replace(/\s+of\s+.*$/, ''), ownAct: false };
}

function verbOf(predicate: string): string {
  return predicate.split(' ')[0] ?? '';
}

/** Content words of a phrase, as written (for focus lists). */
function words(phrase: string): string[] {
  return phrase.split(/\s+/).filter((w) => contentTerms(w).length > 0);
}

function splitClauses(claim: string): string[] {
  return claim
    .split(/\s*;\s*|,?\s+(?:but|while|whereas|and)\s+(?=(?:\d|the|a|an|only|most|some|all|no|[A-Z]))/)
    .map(clean)
    .filter((c) => contentTerms(c).length >= 2);
}

export function planInput(input: string): Plan {
  const text = clean(input);
  const kind = classifyInput(input);
  const topicTerms = [...new Set(contentTerms(text))];
  const answer = kind === 'question' ? answerTypeOf(text) : null;
  const facets: Facet[] = [];
  const add = (role: FacetRole, label: string, claim: string, retrieve = true, focus: string[] = []): void => {
    facets.push({ id: `f${facets.length + 1}`, role, label, claim, retrieve, focus });
  };

  if (kind === 'claim') {
    add('claim', text, text);
    const parts = splitClauses(text);
    if (parts.length > 1) for (const p of parts) add('part', p, p);
    return { input, kind, facets, topicTerms, answer };
  }

  const wh = WH.exec(text);
  const [left, right] = text.split(CONTRAST);
  if (wh && right !== undefined && left !== undefined) {
    const subject = wh[1] ?? '';
    const predA = clean((WH.exec(left)?.[2] ?? left).replace(/^(?:do|does|did)\s+/i, ''));
    const { b, negA, headA, altHead, ownAct } = expandAlternative(predA, clean(right));
    const headNoun = headA.split(' ').pop() ?? headA;
    add('does-a', `Which ${subject} ${predA}`, `${subject} ${predA}`, true, words(headA));
    const bLabel = ownAct ? `Which ${subject} only ${b}, and do not ${predA}` : `Which ${subject} ${b.replace(/ of .*$/, '')} only, not ${headA}`;
    add('does-b-only', bLabel, `${subject} ${negA}, only ${b}`, true, [headNoun, ...words(altHead)]);
    // The counts over time: searched for with the bare subject, verb and act, so surveys that
    // name the object differently ("child pornography") are found too.
    add('compare', `How the two groups of ${subject} compare, with counts`, `${subject} ${verbOf(predA)} ${headNoun}`, true, [headNoun]);
    // The broad reading, without the object: brings in statutes and treaties that name it otherwise.
    const verb = predA.split(' ')[0] ?? '';
    add('topic', `What the texts say on ${headA} and on ${altHead}`, `${verb} ${headA} ${altHead}`, true, [...words(headA), ...words(altHead)]);
    return { input, kind, facets, topicTerms, answer };
  }

  // A yes/no question ("Does the Protocol require …?") is checked as the statement it asks
  // about; the statement gets a verdict, the question itself does not.
  const yesNo = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|should|would|will|must|may)\s+(.+)$/i.exec(text);
  if (yesNo?.[1]) {
    const asked = yesNo[1];
    add('claim', text, asked);
    const parts = splitClauses(asked);
    if (parts.length > 1) for (const p of parts) add('part', p, p);
    return { input, kind, facets, topicTerms, answer };
  }

  // Any other question: one facet for the question as a statement, plus its clauses.
  const statement = text.replace(/^(?:which|what|who|how many|how much|is|are|was|were|do|does|did|has|have|can|should|will)\s+/i, '');
  add('topic', text, statement);
  const parts = splitClauses(statement);
  if (parts.length > 1) for (const p of parts) add('part', p, p);
  return { input, kind, facets, topicTerms, answer };
}

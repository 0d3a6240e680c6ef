// What a claim is about, when the reader knows it: a sentence lifted from an article about a
// person, a band or a film often names its subject only by a pronoun ("He made his debut in
// 2018", "In 2016, she …"). `--about "Topic"` gives the subject:
//   - a claim whose subject is a bare pronoun (He, She, It, They, or His/Her/Its/Their + noun),
//     at its start or after an opening phrase ending in a comma ("In 2016, she …"), is read with
//     the topic in the pronoun's place ("Travis Barker made his debut …"; "Its debut" → "Travis
//     Barker's debut"): retrieval, coverage and the names a passage must hold see the subject,
//     as if the claim had named it;
//   - any other claim keeps its words: the topic joins retrieval (a query of the topic and the
//     claim's key words), so pages about the topic are found, and a page titled with it keeps its
//     passages whatever names the claim writes (same-names.ts); it is never a word the evidence
//     must state beyond the subject;
//   - a trailing parenthesis whose last word is lower case ("The Matrix (franchise)", "Boss
//     (Fifth Harmony song)") qualifies the topic: it joins retrieval, not the subject's name.
// An expletive "It" ("It is estimated that …", "It was reported that …") refers to nothing and is
// left alone. Without a topic, a claim opening with a bare pronoun is checked as written, and
// the report says its subject is unknown (subjectNote).
import { VerityError, quote } from '../errors.js';
import type { Judgement } from '../model.js';
import type { SourceCoverage } from './claim-coverage.js';
import { claimNames, namesAll } from './same-names.js';

/** The longest topic read (a name or a title, not a passage). */
export const MAX_ABOUT_CHARS = 200;

/** How a claim is read with (or without) its topic. */
export interface ClaimSubject {
  /** The claim as retrieved and judged: the pronoun subject replaced by the topic, else the claim as written. */
  text: string;
  /** The topic as given (trimmed), or null. */
  topic: string | null;
  /** The topic's name without a qualifying parenthesis ("The Matrix" for "The Matrix (franchise)"), or null. */
  name: string | null;
  /** The pronoun that stood for the subject ("He", "Its"), or null when the claim names its own subject. */
  pronoun: string | null;
  /** True when the pronoun was replaced by the topic's name. */
  resolved: boolean;
}

const SUBJECT_PRONOUN = /^(he|she|it|they|his|her|its|their)$/i;
const POSSESSIVE = /^(his|her|its|their)$/i;
/** An opening phrase before the subject: up to 8 words ending in a comma, with no clause of its own ("In 2016,", "Upon his return in January 2009,"). */
const OPENING = /^((?:[\p{L}\d'’.&-]+\s+){0,7}[\p{L}\d'’.&-]+,\s+)(\p{L}+)\b/u;
/** "It is estimated that …", "It was announced in 2019 that …": an "It" that stands for nothing. */
const EXPLETIVE_IT = /^it\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|remains|remained)\s+(?:\w+\s+){0,4}?(?:that|to|whether|if|as\s+though)\b/i;
/** "They say …": a general "they". */
const GENERAL_THEY = /^they\s+(?:say|said)\b/i;

/** The word standing where the claim's subject would be, and where it starts; null when the claim opens otherwise. */
function pronounSubject(claim: string): { word: string; at: number } | null {
  const first = /^(\p{L}+)\b/u.exec(claim);
  if (first && SUBJECT_PRONOUN.test(first[1]!)) return { word: first[1]!, at: 0 };
  const opened = OPENING.exec(claim);
  if (opened && SUBJECT_PRONOUN.test(opened[2]!)) return { word: opened[2]!, at: opened[1]!.length };
  return null;
}

/** The topic's name: the topic without a trailing parenthesis that only qualifies it. */
export function topicName(topic: string): string {
  const m = /^(.+?)\s*\(([^()]*)\)$/.exec(topic);
  if (!m) return topic;
  const last = m[2]!.trim().split(/\s+/).pop() ?? '';
  return /^\p{Ll}/u.test(last) ? m[1]!.trim() : topic;
}

/** The topic, checked: trimmed, not empty, one line, not over MAX_ABOUT_CHARS. Null when none is given. */
export function validateAbout(about: string | undefined): string | null {
  if (about === undefined) return null;
  const topic = about.replace(/\s+/g, ' ').trim();
  if (topic === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'check', problem: 'the topic given with --about is empty', fix: 'name what the claim is about, e.g. --about "Travis Barker", or leave --about out' });
  }
  if (topic.length > MAX_ABOUT_CHARS) {
    throw new VerityError({
      code: 'BAD_INPUT',
      component: 'check',
      problem: `the topic ${quote(topic, 40)} is ${topic.length} characters long (the limit is ${MAX_ABOUT_CHARS})`,
      fix: 'give the name or title the claim is about (a person, a band, a film, an event), not a passage',
    });
  }
  return topic;
}

/** The claim read with its topic: see the file's comment. `about` must have passed validateAbout. */
export function claimSubject(claim: string, about: string | null): ClaimSubject {
  const found = EXPLETIVE_IT.test(claim) || GENERAL_THEY.test(claim) ? null : pronounSubject(claim);
  const name = about === null ? null : topicName(about);
  if (found === null || name === null) return { text: claim, topic: about, name, pronoun: found?.word ?? null, resolved: false };
  const stands = POSSESSIVE.test(found.word) ? `${name}'s` : name;
  const text = `${claim.slice(0, found.at)}${stands}${claim.slice(found.at + found.word.length)}`;
  return { text, topic: about, name, pronoun: found.word, resolved: true };
}

/**
 * The report's note when a claim's subject is a bare pronoun and no topic was given: the
 * passages were sought by its other words, so a page about someone else may be quoted. Null
 * otherwise.
 */
export function subjectNote(subject: ClaimSubject): string | null {
  if (subject.pronoun === null || subject.topic !== null) return null;
  return `The claim's subject is unknown: it opens with “${subject.pronoun}”, which names no one, so the passages were sought by its other words; name the subject in the claim, or give what it is about (--about "…")`;
}

/** A source that never names the subject states at best this share of what it would (one unstated name, as statedNames smooths it). */
export const UNNAMED_SUBJECT = 0.5;

/**
 * Coverage of a claim whose pronoun was read as the topic: a source that never names the subject
 * — in its title, its text read whole (`wholeText`), or its retrieved passages — states the act
 * but not who did it, so its coverage is scaled by UNNAMED_SUBJECT, as a claim's unstated
 * multi-word name scales it. Unchanged when the subject was not resolved (the topic is then no
 * word the evidence must state).
 */
export function subjectCoverage(subject: ClaimSubject, coverage: SourceCoverage, judgements: readonly Judgement[], wholeText: (sourceId: string) => string | undefined): SourceCoverage {
  if (!subject.resolved || subject.name === null) return coverage;
  const names = claimNames(subject.name);
  if (names.length === 0) return coverage;
  const texts = new Map<string, string[]>();
  for (const j of judgements) texts.set(j.source.id, [...(texts.get(j.source.id) ?? [j.source.title]), j.passage.text]);
  const out = new Map<string, number>();
  for (const [id, c] of coverage) {
    const text = `${(texts.get(id) ?? []).join('\n')}\n${wholeText(id) ?? ''}`;
    out.set(id, namesAll(names, text) ? c : c * UNNAMED_SUBJECT);
  }
  return out;
}

// Attribution: the glue the composer puts before an extracted sentence, with the hedge the
// source kind calls for ("reports" for a survey, "provides" for a statute).
import type { Source, SourceKind } from '../../model.js';
import { STOPWORDS, commonWord, extractFigures, onlyCapitalised } from '../../text/index.js';

const VERB: Record<SourceKind, string> = {
  legislation: 'provides',
  government: 'reports',
  intergovernmental: 'states',
  ngo: 'reports',
  academic: 'writes',
  news: 'reports',
  'legal-commentary': 'writes',
  reference: 'states',
  dataset: 'reports',
  company: 'states',
  blog: 'writes',
  other: 'states',
  unknown: 'states',
};

const STARTERS = new Set(['however', 'although', 'since', 'during', 'under', 'when', 'while', 'because', 'after', 'before', 'until', 'unlike', 'like', 'today', 'now', 'yet', 'still', 'thus', 'therefore', 'moreover', 'further', 'furthermore', 'instead', 'overall', 'many', 'several', 'countries', 'states', 'possession', 'production', 'distribution', 'member', 'parties', 'anyone', 'whoever', 'everyone', 'nobody']);

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  return `${head.slice(0, Math.max(head.lastIndexOf(' '), 20))}…`;
}

/** Social networks whose first path segment names the publisher's own page ("facebook.com/theguardian"). */
const SOCIAL = /(?:^|\.)(?:facebook|twitter|x|instagram|youtube|linkedin|tiktok|pinterest|medium)\.com$/i;

/**
 * The name an address gives a publisher: the site's host without "www." ("nytimes.com"), or the
 * page name of a profile on a social network ("theguardian" from facebook.com/theguardian);
 * null for anything that is not a web address or names no page.
 */
export function siteName(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^www\./i, '');
  if (!SOCIAL.test(host)) return host || null;
  const page = url.pathname.split('/').filter((p) => p !== '' && !/^(?:pages|pg|people|company|user|channel|c)$/i.test(p))[0];
  // A numeric page id ("facebook.com/140961138903") names nobody.
  return page && !/^\d+$/.test(page) ? decodeURIComponent(page).replace(/^@/, '') : null;
}

/** What a source with no publisher, no site and no name is called. */
export const UNNAMED_SOURCE = 'one source';

/**
 * A short name for a source: for legislation the head of its title ("18 U.S.C. § 2251");
 * otherwise an acronym the publisher gives ("ICMEC"), a short name the title gives in
 * parentheses ("Lanzarote Convention"), the head of the publisher ("United Nations"; a publisher
 * given as an address names its site), the site of the source's web address, or "one source" —
 * never a fragment of a page title ("Home | …", "… – Site name"), which names a page, not who
 * speaks.
 */
export function shortName(source: Pick<Source, 'title' | 'publisher' | 'kind'> & { uri?: string }): string {
  const titleHead = (source.title.split(/\s+[—–]\s+|\s+-\s+|:\s/)[0] ?? source.title).trim();
  if (source.kind === 'legislation') return cut(titleHead.replace(/\s*\([^)]*\)\s*$/, ''), 60);
  // A publisher with no letter ("140961138903", a page's numeric id) names no one.
  const given = /\p{L}/u.test(source.publisher ?? '') ? (source.publisher ?? '').trim() : '';
  const publisher = /^https?:\/\//i.test(given) ? (siteName(given) ?? '') : given;
  const acronym = /\(([A-Z][A-Z&]{1,9})\)/.exec(publisher)?.[1];
  if (acronym) return acronym;
  const inTitle = /\(([^()]+)\)/.exec(source.title)?.[1]?.split(/[,;]/)[0]?.trim();
  if (inTitle && /^\p{Lu}/u.test(inTitle) && !/\d/.test(inTitle) && inTitle.length <= 32) return inTitle;
  const publisherHead = publisher.split(/\s*[(;,]/)[0]?.trim() ?? '';
  // A long publisher name is still the publisher's name: never cut into a fragment.
  if (publisherHead !== '') return publisherHead;
  return (source.uri ? siteName(source.uri) : null) ?? UNNAMED_SOURCE;
}

/** Last words of names that take "the": "the United Nations", "the Lanzarote Convention". */
const TAKES_ARTICLE = new Set([
  'nations', 'convention', 'protocol', 'treaty', 'charter', 'covenant', 'directive', 'service', 'department', 'office',
  'division', 'centre', 'center', 'institute', 'association', 'foundation', 'judiciary', 'commission', 'committee',
  'union', 'court', 'courts', 'project', 'organisation', 'organization', 'agency', 'ministry', 'parliament', 'assembly',
  'government', 'bureau', 'secretariat', 'council', 'library', 'network', 'coalition', 'alliance', 'tribunal',
  // A document named by its kind: "the DBpedia abstract", "the ICMEC summary".
  'abstract', 'summary', 'digest', 'factsheet',
]);
/** Words of a provision (what a text obliges, allows or defines), as against a statement about it. */
const PROVISION = /\b(?:shall|may|must|can|require[sd]?|oblige[sd]?|lets?|allows?|permits?|prohibits?|forbids?|entitles?|defines?|means|appl(?:y|ies)|covers?|undertakes?)\b/i;
/** Titles of legal instruments: their provisions "provide", like a statute's. */
const INSTRUMENT = /\b(?:Convention|Protocol|Treaty|Charter|Covenant|Directive|Regulation|Decision)\b/;

/**
 * The short name as it reads inside a sentence: with "the" when it names an institution or an
 * instrument by a common noun ("the United Nations", "the Lanzarote Convention"), bare for
 * acronyms, people, possessives and statutes ("ICMEC", "John Carr's blog", "18 U.S.C. § 2251").
 */
export function sourceName(source: Pick<Source, 'title' | 'publisher' | 'kind'> & { uri?: string }): string {
  const name = shortName(source);
  const words = name.split(/\s+/);
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (words.length < 2 || /^(?:the|a|an)$/i.test(words[0] ?? '') || /['’]s\b/.test(name) || /^[\d§]/.test(name)) return name;
  return TAKES_ARTICLE.has(last) ? `the ${name}` : name;
}

/**
 * The verb that hedges a source's sentence: a statute, or a treaty's provision, "provides"; a count from
 * anything else — one survey, a blog, a news item — is "reported"; otherwise the kind's verb.
 */
export function hedgeVerb(sentence: string, source: Pick<Source, 'title' | 'kind'>): string {
  if (source.kind === 'legislation') return 'provides';
  if (source.kind === 'intergovernmental' && INSTRUMENT.test(source.title) && PROVISION.test(sentence)) return 'provides';
  const counted = extractFigures(sentence).some((f) => f.unit !== null && f.predicate !== null);
  return counted ? 'reports' : VERB[source.kind];
}

/** A sentence that opens by naming its own document: "The report analyses …", "This survey finds …". */
const SELF_REFERENCE = /^(?:the|this)\s+(report|survey|study|review|post|release|article|summary|paper)\b(?=\s+\p{Ll})/iu;

function year(source: Pick<Source, 'publishedAt'>): string | null {
  return /^\d{4}/.exec(source.publishedAt ?? '')?.[0] ?? null;
}

/**
 * Lower-case the first word after "… reports that" unless it looks like a name: the pronoun
 * "I", all capitals, a word WordNet writes with a capital in every sense ("Europe"), written with a capital inside a sentence somewhere in the passage
 * ("Ruritania"), followed by another capitalised word ("Kate Winslet") or by a comma ("Marsh,
 * with George Brush, was …").
 */
export function lowerFirst(sentence: string, context: string): string {
  const first = /^[\p{L}]+/u.exec(sentence)?.[0] ?? '';
  if (first === '' || first === 'I' || first.slice(1) !== first.slice(1).toLowerCase() || first[0] === first[0]?.toLowerCase()) return sentence;
  const lower = first.toLowerCase();
  const common = STOPWORDS.has(lower) || STARTERS.has(lower);
  // "Article 20(3)", "Section 2", "Title 18": a capitalised word before a number is a reference.
  if (!common && /^\s+(?:\d|[IVXLC]+\b|\()/.test(sentence.slice(first.length))) return sentence;
  // A capitalised word after it marks a name ("Kate Winslet") unless it is a calendar word:
  // "Beginning January 2025, …" opens with a verb, not a name.
  const next = /^\s+(\p{Lu}\p{L}*)/u.exec(sentence.slice(first.length))?.[1];
  const nameAfter = next !== undefined && !CALENDAR_WORDS.has(next.toLowerCase());
  const nameInside = new RegExp(`[\\p{L},;][ \\t]+${first}\\b`, 'u').test(context) || nameAfter || /^,/.test(sentence.slice(first.length));
  // A word WordNet knows only as a name ("Europe", "Americans"), or not at all ("Netflix",
  // "Winslet"), keeps its capital.
  if (common || (!nameInside && !onlyCapitalised(first) && commonWord(first))) return lower + sentence.slice(first.length);
  return sentence;
}

/** A name for several sections or articles ("18 U.S.C. §§ 2252 and 2252A", "Penal Code, sections 5 and 6") or courts takes a plural verb. */
function pluralName(name: string): boolean {
  // "The New Jersey Courts report", but "The United Nations reports" (one organisation).
  return /§§|\b(?:sections|articles|sections?\s+\S+\s+(?:and|to))\b|\bcourts$/i.test(name);
}

/**
 * Does the sentence open by naming the source itself, so that a reader knows which text it is
 * without the attribution? Then "<source> provides that <source> …" would say it twice, and the
 * sentence stands with its citation alone. It does when it opens with the source's short name
 * ("18 U.S.C. § 2256 …", "The Budapest Convention …") or with a section the source's own name
 * numbers, qualified by what it is a section of ("Section 2256 of Title 18 supplies …" from
 * "18 U.S.C. § 2256"). A bare "Section 6 punishes …" or "The Protocol does not require …" does
 * not say which code or protocol, so it keeps its attribution.
 */
export function namesItself(sentence: string, source: Pick<Source, 'title' | 'publisher' | 'kind'>): boolean {
  const lower = sentence.toLowerCase();
  const short = shortName(source).toLowerCase();
  if (lower.startsWith(short) || lower.startsWith(`the ${short}`)) return true;
  if (source.kind !== 'legislation') return false;
  const titleHead = (source.title.split(/\s+[—–]\s+|\s+-\s+|:\s/)[0] ?? source.title).trim();
  const section = /^(?:sections?|§§?)\s*(\d+[A-Za-z]*)(?:\([^)]*\))*\s+of\s+(?:the\s+)?\p{Lu}/iu.exec(sentence)?.[1];
  return section !== undefined && new RegExp(`(?:^|[^\\dA-Za-z])${section}(?![\\dA-Za-z])`).test(titleHead);
}

/**
 * The name of the instrument a source is the text of, as its sentences would call it: a short
 * name the title gives that ends with the instrument's noun ("Budapest Convention"), else the
 * title's first words up to that noun when they are few ("Optional Protocol"); null otherwise.
 */
export function instrumentName(source: Pick<Source, 'title' | 'kind'>): { noun: string; name: string } | null {
  if (source.kind !== 'intergovernmental') return null;
  const titleHead = (source.title.split(/\s+[—–]\s+|\s+-\s+|:\s/)[0] ?? source.title).trim();
  const noun = INSTRUMENT.exec(titleHead)?.[0];
  if (!noun) return null;
  const given = /\(([^()]+)\)/.exec(titleHead)?.[1]?.split(/[,;]/)[0]?.trim();
  if (given && given.endsWith(noun) && given.split(/\s+/).length <= 4) return { noun, name: given };
  const lead = titleHead.slice(0, titleHead.indexOf(noun) + noun.length);
  return lead.split(/\s+/).length <= 3 ? { noun, name: lead } : null;
}

/**
 * "The Protocol does not require …" in the text of the Optional Protocol: the bare noun names
 * the source but not which instrument, so the source's name takes its place — "The Optional
 * Protocol (2000) does not require …" — instead of "The United Nations (2000) provides that the
 * Protocol …". Null when the sentence does not open with the instrument's bare noun.
 */
function namedInstrument(body: string, source: Pick<Source, 'title' | 'kind' | 'publishedAt'>): string | null {
  const inst = instrumentName(source);
  if (!inst) return null;
  // "The Convention shows …", not "The Convention on Cybercrime was …" (that names it in full).
  const m = new RegExp(`^(?:the|this)\\s+${inst.noun}(?=\\s+(?!on\\b|of\\b|to\\b|for\\b|in\\b|and\\b|or\\b)\\p{Ll})`, 'iu').exec(body);
  if (!m) return null;
  const y = year(source);
  return `The ${inst.name}${y ? ` (${y})` : ''}${body.slice(m[0].length)}`;
}

/**
 * A quote opening with a conjunction reads garbled after "states that" ("states that but the
 * passion …"). A leading "And" only links to the sentence before and is left out; a contrast
 * ("But", "However,", "Nevertheless,", "Nonetheless,", "Still,", "Yet,") moves into the
 * attribution — "X states, however, that the passion …" — so the source is still seen
 * qualifying something. "Still" and "Yet" count only before a comma or, for "Yet", a name ("Yet
 * another …" is the sentence's own; "Yet Winslet was praised …" is a contrast).
 */
export function openingConjunction(body: string): { text: string; contrast: string | null } {
  // "Meanwhile, the federal minimum wage …": a word that links to the sentence before adds nothing
  // once the sentence is quoted on its own, and "reports that Meanwhile, …" reads badly.
  const linked = LINKING_OPENER.exec(body);
  if (linked) return openingConjunction(body.slice(linked[0].length));
  const m = /^(?:([Aa]nd|[Bb]ut|[Yy]et(?=\s+\p{Lu}))|([Hh]owever|[Nn]evertheless|[Nn]onetheless|[Ss]till|[Yy]et)\s*,)\s+(?=[\p{L}"“'‘\d])/u.exec(body);
  if (!m) return { text: body, contrast: null };
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  const contrast = word === 'and' ? null : word === 'but' || word === 'yet' ? 'however' : word;
  return { text: body.slice(m[0].length), contrast };
}

/** Openers that only link a sentence to the one before it ("Meanwhile,", "In addition,", "Also,"). */
const LINKING_OPENER = /^(?:meanwhile|additionally|also|in addition|furthermore|moreover|separately|likewise|similarly|besides|as well)\s*,\s+(?=[\p{L}"“'‘\d$€£])/iu;

/** A sentence that opens by saying who holds it: "EPI estimates that …", "The ministry said that …". */
const REPORTED_SPEECH = /^(?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}(?:estimates|estimated|says|said|reports|reported|finds|found|states|stated|notes|noted|argues|argued|claims|claimed)\s+that\b/u;

/** Months and weekdays: capitalised in English, but not names of a source's subject. */
const CALENDAR_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A stray quotation mark at either end (its pair is in a sentence not quoted) is left out. */
export function balanceQuotes(body: string): string {
  let out = body;
  if ((out.match(/"/g) ?? []).length % 2 === 1) out = out.replace(/^"\s*|\s*"$/, '');
  const open = (out.match(/“/g) ?? []).length;
  const close = (out.match(/”/g) ?? []).length;
  if (open === close + 1) out = out.replace(/^“\s*|“([^”]*)$/, (m, tail: string | undefined) => tail ?? '');
  if (close === open + 1) out = out.replace(/\s*”$|^([^“]*)”/, (m, head: string | undefined) => head ?? '');
  return out;
}

export interface AttributeOptions {
  /**
   * The previous sentence of the same paragraph was attributed to the same source by name:
   * say "It also reports that …" ("They also provide that …") instead of repeating the name.
   */
  again?: boolean;
}

/** "ICMEC (2018) reports that …", "18 U.S.C. § 2252A provides that …"; sentences already attributed are kept. */
export function attribute(sentence: string, source: Pick<Source, 'title' | 'publisher' | 'kind' | 'publishedAt'> & { uri?: string }, context = '', options: AttributeOptions = {}): string {
  const name = sourceName(source);
  const body = sentence.replace(/[.;:]+$/, '').trim();
  if (/\baccording to\b/i.test(body.slice(0, 60)) || namesItself(body, source)) return body;
  const instrument = namedInstrument(body, source);
  if (instrument) return instrument;
  const y = year(source);
  const named = y && source.kind !== 'legislation' ? `${name} (${y})` : name;
  // "One source (2016) states that …": the unnamed source opens the sentence.
  const who = name === UNNAMED_SOURCE ? `O${named.slice(1)}` : named;
  // "ICMEC (2018) reports that the report analyses …": the source names itself, so its name
  // takes the place of the self-reference ("ICMEC's report (2018) analyses …").
  const self = SELF_REFERENCE.exec(body);
  if (self && source.kind !== 'legislation' && !/['’]s\b/.test(name)) {
    return `${name}'s ${(self[1] ?? '').toLowerCase()}${y ? ` (${y})` : ''}${body.slice(self[0].length)}`;
  }
  const { text: opened, contrast } = openingConjunction(balanceQuotes(body));
  const lowered = lowerFirst(opened, context);
  // "… states that that conference …" and "… reports that EPI estimates that …" read badly: a
  // sentence that already says who holds it is attributed with "According to" instead.
  if (/^that\b/.test(lowered) || REPORTED_SPEECH.test(opened)) return `According to ${named}, ${lowered}`;
  // "18 U.S.C. §§ 2252 and 2252A provide": a name for several sections takes a plural verb.
  const hedge = hedgeVerb(body, source);
  const plural = pluralName(name);
  const verb = plural && hedge.endsWith('s') ? hedge.slice(0, -1) : hedge;
  const how = contrast ? `, ${contrast},` : '';
  if (options.again) return `${plural ? 'They' : 'It'} also ${verb}${how} that ${lowered}`;
  return `${who} ${verb}${how} that ${lowered}`;
}

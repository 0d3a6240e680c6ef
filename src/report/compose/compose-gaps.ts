// "Where the evidence leaves gaps", computed from the draft, never boilerplate: findings that
// rest on one source, undated or old sources, survey counts against primary texts, figures
// that conflict, the same count worded differently, and facets no source addresses.
import type { Source } from '../../model.js';
import { UNNAMED_SOURCE, sourceName } from './attribution.js';
import { cite, type PendingSentence } from '../citations.js';
import type { ComposeInput } from './compose-input.js';
import type { PendingFinding } from './compose-parts.js';
import { findConflicts, type TableFigure } from '../figures-table.js';
import { STOPWORDS, contentTerms, stem, tokenize } from '../../text/index.js';
import { aboutLaw, joinWords } from './kind-words.js';
import type { Discrepancy } from '../discrepancies.js';
import { formatArithmetic } from '../arithmetic.js';

export interface GapsInput {
  input: ComposeInput;
  /** The figures that answer the question's facets (the counts a reader would compare). */
  answerFigures: readonly TableFigure[];
  findings: readonly PendingFinding[];
  figures: readonly TableFigure[];
  /** Every source the draft cites (duplicates allowed). */
  sources: readonly Source[];
  /** Figures that do not add up (see discrepancies.ts); shown first, with the arithmetic. */
  discrepancies?: readonly Discrepancy[];
  /** Which places the sources name against what they count (compose-named.ts): after the discrepancies. */
  names?: readonly PendingSentence[];
}

const OLD_AFTER_YEARS = 3;

function yearOf(s: Source): number | null {
  const y = /^\d{4}/.exec(s.publishedAt ?? '')?.[0];
  return y ? Number(y) : null;
}

function unique(sources: readonly Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/** "ICMEC [8][10][11] and NetFamilyNews [9]": sources listed by name, a name said once with all its citations. */
export function named(sources: readonly Source[]): string {
  const byName = new Map<string, Source[]>();
  for (const s of sources) byName.set(sourceName(s), [...(byName.get(sourceName(s)) ?? []), s]);
  // Sources with no publisher or site are not "one source [1][2]".
  const said = (name: string, n: number): string => (name !== UNNAMED_SOURCE ? name : n > 1 ? 'unnamed sources' : 'an unnamed source');
  return joinWords([...byName].map(([name, group]) => `${said(name, group.length)} ${group.map((s) => cite(s.id)).join('')}`));
}

export function composeGaps(g: GapsInput): PendingSentence[] {
  const out: PendingSentence[] = [];
  const sources = unique(g.sources);

  if (g.findings.length === 0) {
    out.push({ body: `No passage found in the corpus addresses this ${g.input.kind} closely enough to quote`, sourceIds: [], passageIds: [], basis: 'absence' });
  }

  // Parts of the question nothing addresses.
  for (const f of g.input.facets) {
    if (f.retrieve && f.judgements.length === 0) {
      out.push({ body: `No source read addresses this part of the question: ${f.label.replace(/[?.]+$/, '')}`, sourceIds: [], passageIds: [], basis: 'absence' });
    }
  }

  // Figures that do not add up, with both computations shown.
  for (const d of (g.discrepancies ?? []).slice(0, 1)) out.push(discrepancySentence(d));

  // A which-question answered with counts: which places the sources name, and that the rest are not.
  out.push(...(g.names ?? []));

  // Conflicting figures, then the same count worded differently.
  for (const c of findConflicts(g.figures).slice(0, 2)) {
    out.push({
      body: `The sources disagree for the same year: ${sourceName(c.a.candidate.source)} ${cite(c.a.candidate.source.id)} counts ${c.a.figure.text}; ${sourceName(c.b.candidate.source)} ${cite(c.b.candidate.source.id)} counts ${c.b.figure.text}`,
      sourceIds: [],
      passageIds: [c.a.candidate.passage.id, c.b.candidate.passage.id],
    });
  }
  // Counts of the same thing given out of different wholes.
  const byWhole = new Map<number, TableFigure>();
  for (const f of g.answerFigures) if (f.figure.whole !== null && !byWhole.has(f.figure.whole)) byWhole.set(f.figure.whole, f);
  if (byWhole.size >= 2) {
    const listed = [...byWhole.values()].slice(0, 4);
    out.push({
      body: `The counts are out of different wholes: ${joinWords(listed.map((f) => `${f.figure.text} ${cite(f.candidate.source.id)}`))}; so they are hard to compare directly`,
      sourceIds: [],
      passageIds: listed.map((f) => f.candidate.passage.id),
    });
  }
  const qualified = qualifiers(g.answerFigures, g.input.facets.flatMap((f) => f.focus), g.input.facets.map((f) => f.claim));
  if (qualified.length >= 2) {
    out.push({
      body: `The sources qualify what they count differently: ${joinWords(qualified.map((q) => `“${q.phrase}” ${cite(q.figure.candidate.source.id)}`))}, so they may not count the same thing`,
      sourceIds: [],
      passageIds: qualified.map((q) => q.figure.candidate.passage.id),
    });
  }

  // Survey counts against primary texts.
  const figureSources = unique(g.answerFigures.map((f) => f.candidate.source));
  const primary = sources.filter((s) => s.kind === 'legislation' || s.kind === 'intergovernmental');
  if (figureSources.length > 0 && figureSources.every((s) => s.kind !== 'legislation') && aboutLaw(g.input.input)) {
    const surveys = figureSources.slice(0, 4);
    const body =
      primary.length > 0
        ? `The counts come from secondary sources, ${named(surveys)}; the primary legal texts read, ${named(primary.slice(0, 4))}, each cover a single jurisdiction or treaty, so they cannot confirm the counts`
        : `The counts come from secondary sources, ${named(surveys)}; no primary legal text was read to check them`;
    out.push({ body, sourceIds: [], passageIds: [], basis: 'metadata' });
  }

  // Findings resting on a single source.
  for (const f of g.findings.filter((x) => x.answers)) {
    const cited = new Set(f.sentences.flatMap((s) => [...s.sourceIds, ...[...s.body.matchAll(/\{\{cite:([^}]+)\}\}/g)].map((m) => m[1] ?? '')]));
    const ids = unique(f.basis.map((c) => c.source).filter((s) => cited.has(s.id)));
    const only = cited.size === 1 ? ids[0] : undefined;
    if (ids.length === 1 && only) {
      out.push({ body: `The finding “${f.headline}” rests on a single source, ${named([only]).replace(/\s*\{\{cite:[^}]+\}\}$/, '')}`, sourceIds: [only.id], passageIds: [], basis: 'metadata' });
    }
  }

  // Undated and old sources.
  const undated = sources.filter((s) => yearOf(s) === null);
  if (undated.length > 0) {
    out.push({ body: `${undated.length === 1 ? 'One source is' : `${undated.length} sources are`} undated, ${named(undated)}`, sourceIds: [], passageIds: [], basis: 'metadata' });
  }
  const figureYears = figureSources.map((s) => ({ s, y: yearOf(s) })).filter((x): x is { s: Source; y: number } => x.y !== null);
  const newest = figureYears.sort((a, b) => b.y - a.y || a.s.id.localeCompare(b.s.id))[0];
  if (newest && g.input.now.getUTCFullYear() - newest.y >= OLD_AFTER_YEARS) {
    out.push({
      body: `The most recent count read dates from ${newest.y}, so it may not reflect later changes`,
      sourceIds: [newest.s.id],
      passageIds: [],
      basis: 'metadata',
    });
  }
  return out;
}

/**
 * "The figures disagree: 16 of the 196 countries still have no legislation … [3] and 38 of those
 * 62 countries do not criminalise … [3] make 16 + 38 = 54 countries, but 196 − 140 = 56 countries
 * are outside the 140 that criminalise simple possession of CSAM [1]."
 */
export function discrepancySentence(d: Discrepancy): PendingSentence {
  const p = d.positive;
  const unit = p.figure.unit ? ` ${p.figure.unit}` : '';
  const parts = joinWords(d.parts.map((x) => `${x.mention.figure.text} ${x.phrase} ${cite(x.mention.source.id)}`));
  const sum = `${d.parts.map((x) => x.mention.figure.value).join(' + ')} = ${d.sum}`;
  return {
    body:
      `The figures disagree: ${parts} together make ${sum}${unit}, ` +
      `but ${formatArithmetic(d.whole, '-', p.figure.value, d.complement)}${unit} are outside the ${p.figure.value} that ${d.positivePhrase} ${cite(p.source.id)}`,
    sourceIds: [],
    passageIds: [p.passage.id, ...d.parts.map((x) => x.mention.passage.id)],
  };
}

/** Endings of English adjectives that qualify an act: simple, knowing, mere, intentional, actual … */
const MODIFIER = /(?:ing|al|ive|ple|ous|ful|ic|ary|ent|ant|ere|ct)$/;

interface Qualified {
  phrase: string;
  figure: TableFigure;
}

/**
 * The word each count puts before the facet's focus noun ("simple possession", "knowing
 * possession", "intentional possession"): different qualifiers mean the counts may measure
 * different offences. Words of the claims themselves ("criminalise possession") are not qualifiers.
 */
function qualifiers(figures: readonly TableFigure[], focus: readonly string[], claims: readonly string[]): Qualified[] {
  const nouns = new Set(focus.map((w) => stem(w.toLowerCase())));
  const claimTerms = new Set(claims.flatMap((c) => contentTerms(c)));
  const seen = new Map<string, Qualified>();
  for (const f of figures) {
    const tokens = tokenize(f.candidate.text);
    for (let i = 1; i < tokens.length; i++) {
      const noun = tokens[i];
      const before = tokens[i - 1];
      if (!noun || !before || !nouns.has(stem(noun.lower))) continue;
      if (STOPWORDS.has(before.lower) || claimTerms.has(stem(before.lower)) || !/^\p{Ll}+$/u.test(before.text)) continue;
      if (!MODIFIER.test(before.lower)) continue;
      const phrase = `${before.text} ${noun.text}`;
      if (!seen.has(before.lower)) seen.set(before.lower, { phrase, figure: f });
    }
  }
  return [...seen.values()].slice(0, 4);
}

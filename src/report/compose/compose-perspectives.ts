// "Competing perspectives": which kinds of source were read, what each kind emphasises (its
// most distinctive words in the sentences the report uses), which kinds are missing, and
// which sources have a stake in the answer.
import type { Source, SourceKind } from '../../model.js';
import { SOURCE_KINDS } from '../../model.js';
import { STOPWORDS, stem, tokenize } from '../../text/index.js';
import { isNumberWord } from '../../text/figures/number-words.js';
import { sourceName } from './attribution.js';
import type { Candidate } from './candidates.js';
import { cite, type PendingSentence } from '../citations.js';
import type { ComposeInput } from './compose-input.js';
import { EXPECTED_KINDS, KIND_WORDS, aboutLaw, joinWords } from './kind-words.js';
import { PASSAGE_GLUE_STEMS } from './glue.js';

export interface PerspectivesInput {
  input: ComposeInput;
  chosen: readonly Candidate[];
  /** Every source retrieval brought in (read and judged), quoted or not. */
  found: readonly Source[];
}

const STAKE_KINDS: ReadonlySet<SourceKind> = new Set(['ngo', 'legal-commentary']);
const SINGULAR_KINDS: ReadonlySet<SourceKind> = new Set(['legislation', 'academic', 'legal-commentary']);
const DULL = new Set(['section', 'sections', 'article', 'articles', 'chapter', 'title', 'paragraph', 'party', 'parties', 'still', 'there', 'which', 'their', 'these', 'those', 'other', 'under', 'would', 'where', 'while', 'being', 'whether', 'within', 'without', 'including',
  // Connectives say how a sentence hangs on the one before, not what a source emphasises.
  'therefore', 'thus', 'hence', 'however', 'moreover', 'furthermore', 'consequently', 'accordingly', 'nevertheless', 'nonetheless', 'instead', 'addition', 'additionally']);
const KIND_ONE: Partial<Record<SourceKind, string>> = { ngo: 'an NGO', 'legal-commentary': 'legal commentary' };

function uniqueSources(cs: readonly Candidate[]): Source[] {
  const m = new Map<string, Source>();
  for (const c of cs) if (!m.has(c.source.id)) m.set(c.source.id, c.source);
  return [...m.values()];
}

/** The most distinctive words of one kind's sentences against the others'. */
function emphasis(kind: SourceKind, chosen: readonly Candidate[], topic: ReadonlySet<string>): string[] {
  const inKind = new Map<string, number>();
  const other = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  for (const c of chosen) {
    const target = c.source.kind === kind ? inKind : other;
    for (const t of tokenize(c.text)) {
      // Lower-case words only: names ("United States") are not what a kind of source emphasises.
      // A number word ("dozen", "thousand") is a figure's, not an emphasis: it says what no figure check can verify.
      if (t.text !== t.lower || STOPWORDS.has(t.lower) || DULL.has(t.lower) || t.lower.length < 5 || !/^\p{L}+$/u.test(t.lower) || isNumberWord(t.lower, { plurals: true })) continue;
      const s = stem(t.lower);
      if (topic.has(s) || PASSAGE_GLUE_STEMS.has(s)) continue;
      target.set(s, (target.get(s) ?? 0) + 1);
      if (c.source.kind === kind) {
        const forms = surface.get(s) ?? new Map<string, number>();
        forms.set(t.lower, (forms.get(t.lower) ?? 0) + 1);
        surface.set(s, forms);
      }
    }
  }
  return [...inKind.entries()]
    .filter(([, n]) => n >= 2)
    .map(([s, n]) => ({ s, score: n / (1 + (other.get(s) ?? 0)) }))
    .sort((a, b) => b.score - a.score || a.s.localeCompare(b.s))
    .slice(0, 3)
    .map(({ s }) => {
      const forms = [...(surface.get(s) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return forms[0]?.[0] ?? s;
    });
}

export function composePerspectives(p: PerspectivesInput): PendingSentence[] {
  const out: PendingSentence[] = [];
  const byKind = new Map<SourceKind, Candidate[]>();
  for (const c of p.chosen) byKind.set(c.source.kind, [...(byKind.get(c.source.kind) ?? []), c]);
  const foundKinds = new Map<SourceKind, Source[]>();
  for (const s of [...p.found].sort((a, b) => a.id.localeCompare(b.id))) foundKinds.set(s.kind, [...(foundKinds.get(s.kind) ?? []), s]);
  const kinds = SOURCE_KINDS.filter((k) => byKind.has(k));
  const kindsFound = SOURCE_KINDS.filter((k) => foundKinds.has(k));
  if (kindsFound.length === 0) return out;

  // Only sources quoted for content are cited: one that retrieval brought in but the report
  // does not quote would pad the source list with pages unrelated to the claim.
  const parts = kinds.map((k) => `${KIND_WORDS[k]} ${uniqueSources(byKind.get(k) ?? []).slice(0, 6).map((s) => cite(s.id)).join('')}`);
  if (parts.length > 0) out.push({ body: `The sources quoted are ${joinWords(parts)}`, sourceIds: [], passageIds: [], basis: 'metadata' });

  const topic = new Set(p.input.facets.flatMap((f) => tokenize(f.claim).map((t) => stem(t.lower))));
  if (kinds.length >= 2) {
    // Sources of no known kind share no standpoint: what "they" emphasise says nothing.
    for (const k of kinds.filter((x) => x !== 'unknown')) {
      const cs = byKind.get(k) ?? [];
      const words = emphasis(k, p.chosen, topic);
      if (words.length < 2) continue;
      const holding = cs.filter((c) => words.some((w) => c.text.toLowerCase().includes(w)));
      out.push({
        body: `${KIND_WORDS[k].charAt(0).toUpperCase()}${KIND_WORDS[k].slice(1)} ${SINGULAR_KINDS.has(k) ? 'emphasises' : 'emphasise'} ${joinWords(words.map((w) => `“${w}”`))}`,
        sourceIds: uniqueSources(holding).map((s) => s.id),
        passageIds: holding.map((c) => c.passage.id),
      });
    }
  }

  // The kinds a legal reading expects, said missing only when the question is about law.
  const missing = aboutLaw(p.input.input) ? EXPECTED_KINDS.filter((k) => !foundKinds.has(k)) : [];
  if (missing.length > 0) {
    out.push({ body: `No ${joinWords(missing.map((k) => KIND_WORDS[k]), 'or')} turned up among the sources found`, sourceIds: [], passageIds: [], basis: 'absence' });
  }

  const stake = uniqueSources(p.chosen.filter((c) => STAKE_KINDS.has(c.source.kind)));
  if (stake.length > 0) {
    // One entry per publisher: "ICMEC [1][6] (an NGO)".
    const byName = new Map<string, Source[]>();
    for (const s of stake) byName.set(sourceName(s), [...(byName.get(sourceName(s)) ?? []), s]);
    const entries = [...byName.entries()].map(([name, ss]) => `${name} ${ss.map((s) => cite(s.id)).join('')} (${KIND_ONE[ss[0]?.kind ?? 'other'] ?? ''})`);
    const plural = entries.length > 1;
    out.push({
      body: `${joinWords(entries)} ${plural ? 'have' : 'has'} a stake in the answer, so ${plural ? 'their' : 'its'} framing deserves a careful reading alongside the primary texts`,
      sourceIds: [],
      passageIds: [],
      basis: 'metadata',
    });
  }
  return out;
}

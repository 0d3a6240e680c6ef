// Core types every part of Verity shares. No logic and no imports: this is the vocabulary.

/** What kind of publisher a source is; drives "competing perspectives" and hedging. */
export const SOURCE_KINDS = [
  'legislation',
  'government',
  'intergovernmental',
  'ngo',
  'academic',
  'news',
  'legal-commentary',
  'reference',
  'dataset',
  /** A company's own page: press release, product page, investor news, "about us". */
  'company',
  /** A blog or a social-media post. */
  'blog',
  /** Known to be none of the kinds above. */
  'other',
  /** Nothing in the document, its address or its publisher tells (the default when none is given). */
  'unknown',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Metadata a loader reads from a document (front matter, meta tags, PDF info, sidecar). */
export interface SourceMeta {
  uri: string;
  title: string;
  publisher: string | null;
  author: string | null;
  /** ISO 8601 date (YYYY-MM-DD or a full timestamp), or null when undated. */
  publishedAt: string | null;
  kind: SourceKind;
  language: string | null;
  license: string | null;
  /**
   * Other addresses the same content was read from (the URL asked for before redirects, each
   * redirect hop, a canonical or known alternate address). Absent or empty when there are none;
   * never contains `uri` itself.
   */
  aliases?: string[];
}

/** A stored source. `id` is the content hash (sha256 hex of the text), so identical text is one source. */
export interface Source extends SourceMeta {
  id: string;
  /** When Verity read it (ISO timestamp). */
  retrievedAt: string;
  /** Length of the stored text in UTF-16 code units (what JS string offsets count). */
  textLength: number;
}

/** A chunk of a source: whole sentences. `text === sourceText.slice(start, end)` always holds. */
export interface Passage {
  id: string;
  sourceId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
}

/** One ranked search result. Higher score is better. */
export interface SearchHit {
  score: number;
  passage: Passage;
  source: Source;
}

// ---------------------------------------------------------------- language toolkit

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type Bound = '=' | '<' | '<=' | '>' | '>=';

/** A quantity read from text. Offsets are into the text that was analysed. */
export interface Figure extends Span {
  value: number;
  approximate: boolean;
  bound: Bound;
  /** Unit or counted noun: "countries", "percent", "dollars", "years"; null when none is stated. */
  unit: string | null;
  /** What the figure is out of ("140 of 196" → 196), or null. */
  whole: number | null;
  /** The words that say what is counted ("criminalize simple possession"), or null. */
  predicate: string | null;
  /** For ranges ("5 to 20 years"): the upper value; `value` holds the lower. */
  high?: number | null;
}

export interface DateMention extends Span {
  kind: 'date' | 'span';
  /** ISO date (or YYYY, YYYY-MM) for a date; the start of a span. */
  value: string | null;
  /** For spans: the end, or null when open ("since 2006"). */
  until?: string | null;
}

export interface Cue extends Span {
  kind: 'negation' | 'hedge' | 'contrast' | 'attribution';
  /** For negation: the words it governs; for attribution: who is credited. */
  scope?: string | null;
}

export interface SentenceAnalysis extends Span {
  checkworthiness: number;
  figures: Figure[];
  dates: DateMention[];
  cues: Cue[];
}

// ---------------------------------------------------------------- evidence and verdicts

export type Stance = 'supports' | 'refutes' | 'neutral';

export type ReasonKind =
  | 'figure-match'
  | 'figure-conflict'
  | 'negation-mismatch'
  | 'antonym'
  | 'entity-mismatch'
  | 'date-mismatch'
  | 'hedge'
  | 'lexical-entailment'
  | 'term-coverage'
  | 'low-overlap'
  | 'source-kind'
  | 'independence'
  | (string & {});

/** A reason as data, so tools (and the verifier) can read why a decision was taken. */
export interface Reason {
  kind: ReasonKind;
  detail: string;
  /** A restatement the passage reports someone else saying ("the agency said …"), not one it makes itself. */
  reported?: boolean;
}

/** The stance of one passage toward one claim. */
export interface Judgement {
  claim: string;
  passage: Passage;
  source: Source;
  stance: Stance;
  /** Strength of the stance in [0,1]. */
  strength: number;
  /** Retrieval/rerank score that brought this passage in. */
  relevance: number;
  reasons: Reason[];
}

export type VerdictLabel = 'supported' | 'refuted' | 'mixed' | 'unproven';

export interface Verdict {
  label: VerdictLabel;
  /** Calibrated confidence in [0,1]. */
  confidence: number;
  /** One sentence saying why. */
  reason: string;
  reasons: Reason[];
}

// ---------------------------------------------------------------- reports

/** A report sentence: its citations (1-based source numbers) and what the verifier said. */
export interface ReportSentence {
  text: string;
  citations: number[];
  verified: boolean;
  why: string;
  /** Passage ids the sentence rests on (the verifier checks against these). */
  passageIds?: string[];
  /**
   * What the sentence rests on: "passage" (text read in cited passages, the default),
   * "metadata" (facts about the cited sources: kind, date, publisher — gaps, perspectives),
   * "absence" (states that no source was found; nothing to cite).
   */
  basis?: 'passage' | 'metadata' | 'absence';
}

export interface ReportFinding {
  headline: string;
  sentences: ReportSentence[];
}

export interface ReportFigure {
  value: number;
  text: string;
  counts: string | null;
  whole: number | null;
  unit: string | null;
  source: number;
  passageId: string;
  agrees: boolean;
  note: string | null;
}

export interface ReportSource {
  n: number;
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  uri: string;
  kind: SourceKind;
}

export interface Provenance {
  engine: string;
  engineVersion: string;
  analyst: string;
  corpusSnapshot: string;
  createdAt: string;
  timingsMs: Record<string, number>;
  warnings: string[];
  /** What the web stage searched and stored before retrieval; absent when the check did not use the web. */
  web?: WebProvenance;
}

export interface Report {
  schemaVersion: number;
  input: string;
  kind: 'claim' | 'question';
  title: string;
  verdict: { label: VerdictLabel; confidence: number; reason: string } | null;
  summary: ReportSentence[];
  findings: ReportFinding[];
  gaps: ReportSentence[];
  perspectives: ReportSentence[];
  figures: ReportFigure[];
  sources: ReportSource[];
  provenance: Provenance;
  /** How the input was read: the facets (sub-questions or parts) checked, with their evidence. */
  facets?: ReportFacet[];
  /**
   * Set when the input is not a checkable claim (one word, only figures, another language,
   * several statements): why. The verdict is Unproven and no rating is published (ClaimReview refuses).
   */
  notCheckable?: string;
  /** The topic the claim was checked as being about (`check --about`), as given; absent when none was given. */
  about?: string;
}

/** One facet of a checked input: a sub-question of a question or a part of a claim. */
export interface ReportFacet {
  id: string;
  role: string;
  /** The sub-question in plain words. */
  label: string;
  /** The statement its evidence was retrieved for and judged against. */
  claim: string;
  /** Passages read for it. */
  passages: number;
  /** Its own verdict (claims and their parts); null for a question's facets. */
  verdict: { label: VerdictLabel; confidence: number; reason: string } | null;
}

/** Progress events a long stage emits; the CLI draws bars from them. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number | null;
  detail?: string;
}
export type ProgressListener = (event: ProgressEvent) => void;

/** The web stage of a check (`verity check --web`): what was searched, and what it added to the corpus. */
export interface WebProvenance {
  /** Engine name ("wikipedia", "searxng") and the endpoint it was asked at. */
  engine: string;
  endpoint: string;
  /** The searches made, in order: the input's words first, then each facet's. */
  queries: string[];
  /** Distinct results (by URL) over all searches. */
  results: number;
  /** Documents stored: new to the corpus, already there with the same text, or replacing an older text of the same URI. */
  added: number;
  unchanged: number;
  replaced: number;
  /** Results that could not be read or stored; each is also a warning of the report. */
  failed: number;
  /** URIs of the documents stored (whatever their status), in rank order. */
  uris: string[];
}

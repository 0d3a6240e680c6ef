// The vocabulary of an article audit: what was read from the article, what each claim is,
// and what the audit found. Plain data; JSON output is these types serialised.
import type { Figure, Span } from '../model.js';

export type ArticleFormat = 'md' | 'html' | 'txt';

/**
 * A block of article text: a heading, a paragraph, a list item, a quotation or a table cell; or, not article
 * prose, a byline/date line ("By …", "Checked on …") or site chrome (banners, navigation,
 * "Loading…"). Offsets into `Article.text`.
 */
export interface ArticleBlock extends Span {
  kind: 'heading' | 'paragraph' | 'list-item' | 'quote' | 'cell' | 'byline' | 'chrome';
}

/**
 * One entry of the article's own sources: a numbered reference ([1] … in a sources list) or
 * an inline link, numbered after the numbered references.
 */
export interface ArticleReference {
  /** The number citations use; inline links get numbers after the last numbered reference. */
  n: number;
  kind: 'numbered' | 'link';
  /** The entry as written (numbered) or the link's anchor text (link). */
  text: string;
  url: string | null;
  /** The title read from the entry, when one could be told apart; null otherwise. */
  title: string | null;
}

/** A citation as written in the article text: `[2]`, `[1, 3]`, `[2–4]`, `[^2]` or an inline link. Offsets into `Article.text`. */
export interface CitationMark extends Span {
  refs: number[];
}

/**
 * An article as read: the body text (references section removed, Markdown links collapsed to
 * their anchor text, HTML reduced to text) plus its structure. `origin` maps an offset of `text`
 * back to the input, so annotations can be written onto the original Markdown or text.
 */
export interface Article {
  format: ArticleFormat;
  /** The input as given. */
  source: string;
  text: string;
  blocks: ArticleBlock[];
  references: ArticleReference[];
  citations: CitationMark[];
  /** `origin[i]` is the offset in `source` of `text[i]`; length `text.length + 1`. Empty for HTML (annotations are re-rendered). */
  origin: number[];
  /** Title from a leading heading, front matter or <title>, or null. */
  title: string | null;
}

/** How a reference was tied to a corpus source. */
export interface ReferenceMatch {
  n: number;
  sourceId: string | null;
  by: 'url' | 'title' | null;
  /** The matched source's title and uri, for messages. */
  sourceTitle: string | null;
  sourceUri: string | null;
}

/**
 * What `--fetch` did for a reference (absent without it): the page it read and stored (`status`
 * as the store reports it: added, unchanged, replaced; `finalUrl` after redirects), or why not.
 */
export type ReferenceFetch = { status: 'added' | 'unchanged' | 'replaced'; finalUrl: string; sourceId: string } | { error: string; code: string };

export type ClaimStatus = 'supported' | 'contradicted' | 'unsupported' | 'unverifiable';

export const FLAG_KINDS = [
  'figure-source-mismatch',
  'figure-meaning-mismatch',
  'date-source-mismatch',
  'arithmetic',
  'internal-inconsistency',
  'citation-unsupported',
  'contradicted',
  'uncited',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A quote that backs a flag or a status: from a corpus passage or from the article itself. */
export interface EvidenceQuote {
  text: string;
  /** Where it comes from: a reference number of the article, a corpus source, or the article. */
  from: 'article' | 'source';
  sourceId?: string;
  sourceTitle?: string;
  passageId?: string;
  /** The article's reference number, when the source is one of its references. */
  ref?: number;
  stance?: 'supports' | 'refutes' | 'neutral';
}

/** How much a flag matters: error (the article is wrong as written; `verity audit` exits 1), warning (check it), note. */
export type Severity = 'error' | 'warning' | 'note';

export interface AuditFlag {
  kind: FlagKind;
  /** Plain words, with any arithmetic written out. */
  message: string;
  evidence: EvidenceQuote[];
  /** Set on every flag of an `AuditResult` (severity.ts); absent only while the audit builds it. */
  severity?: Severity;
  /** The internal-consistency check that raised it (a stable name, consistency/finding.ts), when one did. */
  check?: string;
  /** The computation, written out ("2012 − 1998 = 14"). */
  computation?: string;
  /** What the sentence could say instead. */
  suggestion?: string;
}

/** What one source (the cited one, or the corpus as a whole) says about a claim. */
export interface SourceCheck {
  /**
   * supports / refutes; not-found: the source hardly mentions what the claim says (the cited check
   * flags this as citation-unsupported); unclear: it talks about it but neither clearly says it nor
   * the opposite (no flag: lexical checks cannot tell a paraphrase from a misreading).
   */
  result: 'supports' | 'refutes' | 'not-found' | 'unclear';
  /** Reference numbers checked (cited check) — empty for the corpus-wide check. */
  refs: number[];
  evidence: EvidenceQuote[];
  /** One sentence saying why. */
  reason: string;
}

export interface AuditClaim extends Span {
  status: ClaimStatus;
  /** Reference numbers cited in the sentence. */
  citations: number[];
  /** What each cited reference resolved to in the corpus (sourceId null when it is not there). */
  references: ReferenceMatch[];
  figures: Figure[];
  flags: AuditFlag[];
  checkworthiness: number;
  /** Why it is unverifiable, when it is: "prediction" or "opinion". */
  kind: 'factual' | 'prediction' | 'opinion';
  /** "Does the cited source say this?" — null when nothing cited is in the corpus. */
  cited: SourceCheck | null;
  /** What the corpus as a whole says. */
  corpus: SourceCheck;
}

export interface AuditSummary {
  claims: number;
  supported: number;
  contradicted: number;
  unsupported: number;
  unverifiable: number;
  flags: number;
  byKind: Record<FlagKind, number>;
  /** Flags by severity; an "error" makes `verity audit` exit 1. */
  bySeverity: Record<Severity, number>;
}

export interface AuditResult {
  schemaVersion: 1;
  title: string | null;
  format: ArticleFormat;
  claims: AuditClaim[];
  /** Each reference with its corpus match; `fetched` only when the audit was asked to fetch (and tried this one). */
  references: (ArticleReference & { match: ReferenceMatch; fetched?: ReferenceFetch })[];
  summary: AuditSummary;
  /** Reference numbers the article cites but does not list (one warning names them); those claims were checked against the corpus. */
  missingReferences: number[];
  /** Degraded steps, as data (a reference that could not be matched is not one: see `references`). */
  warnings: string[];
  timingsMs: Record<string, number>;
}

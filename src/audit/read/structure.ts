// The structure of an article page as a reader sees it: the title, byline and date lines, site
// chrome (donation banners, "Loading…", navigation, cookie notices, share buttons), headings —
// numbered ones, and a heading run into the next sentence with no space ("Executive summaryThe …")
// — told apart from the prose. Claims come from prose only; this pass relabels the reader's
// blocks (and splits the ones that hold several lines of different kinds) without moving text.
import type { Article, ArticleBlock } from '../types.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})`;

/** A line that dates or signs the article: "Checked on 13 October 2025", "By Ana Ruiz", "Updated: …". */
const BYLINE = new RegExp(
  String.raw`^(?:(?:checked|published|updated|last\s+updated|posted|reviewed|fact[- ]checked|first\s+published)(?:\s+on)?:?\s+${DATE}.*|${DATE}(?:\s*(?:[,|·•–—-]|at)\s*[\w: ]{0,30})?|by\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von))*\s*(?:[,|·•–—-].{0,60})?|(?:\d{1,2}|one|two|three|four|five|ten)\s+min(?:ute)?s?\s+read)$`,
  'i',
);

/** Site chrome: text of the page, not of the article. Tested on a whole line. */
const CHROME = [
  /^loading(?:\.{3}|…)/i,
  /^(?:time\s+left|goal|raised|donors?)\s*:/i,
  /\b(?:donat(?:e|ion|ions|ing)|chip\s+in|become\s+a\s+(?:member|supporter|patron))\b.*\b(?:us|our|we)\b|\b(?:we|us|our)\b.*\b(?:donat(?:e|ion|ions|ing)|chip\s+in)\b/i,
  /\b(?:readers\s+like\s+you|your\s+support|support\s+(?:us|our\s+work)|reader[- ](?:funded|supported)|whether\s+you\s+agree\s+or\s+disagree)\b/i,
  /^(?:keep|support)\s+[\w.]+(?:\s+[\w.]+)?\s+(?:independent|free|going)\b|^support\s+(?:independent|our|us)\b/i,
  /\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|cookie\s+(?:policy|settings|preferences|notice)|accept\s+(?:all\s+)?cookies)\b/i,
  /^(?:share(?:\s+(?:this|on\s+\w+))?|tweet|email|print|copy\s+link|advertisement|sponsored|skip\s+to\s+(?:main\s+)?content|menu|home|search|sign\s+(?:in|up)|log\s*in|subscribe(?:\s+now)?|newsletter|read\s+more|related(?:\s+(?:articles|stories|posts))?|more\s+from\s+.{1,40}|back\s+to\s+top|was\s+this\s+(?:helpful|useful)\??|comments?|leave\s+a\s+comment|follow\s+us.*|toggle\s+navigation|close|open\s+menu)\s*[:.!]?$/i,
  /^(?:©|\(c\)|copyright\b).{0,120}$/i,
  /\ball\s+rights\s+reserved\b/i,
  /\b(?:sign\s+up\s+for|subscribe\s+to)\s+(?:our|the)\s+(?:newsletter|daily|weekly|briefing)/i,
];

/** A navigation bar: three or more short items separated by "|", "·", "•", "›" or "/". */
const NAV = /^\s*[^|·•›»]{1,25}(?:\s*[|·•›»]\s*[^|·•›»]{1,25}){2,}\s*$/;

/** Words that open a section: a heading run into its first sentence is split after them. */
const SECTION = /^(?:executive\s+summary|summary|key\s+(?:findings|points|takeaways)|bottom\s+line|in\s+short|the\s+claim|claim|verdict|our\s+ruling|ruling|what\s+we\s+found|background|context|analysis|conclusion|conclusions|methodology|the\s+facts|quick\s+answer)\b/i;

/** Function words a heading does not end on (a hard-wrapped prose line often does). */
const DANGLING = /\b(?:the|a|an|of|to|in|and|or|for|with|by|on|at|from|as|that|which|who|its|their|his|her|is|are|was|were|be|than|per)$/i;

/** A line without Markdown emphasis around it ("*By Ana Ruiz · 4 min read*"). */
function bare(line: string): string {
  return line.trim().replace(/^(?:\*\*?|__?)(.*?)(?:\*\*?|__?)$/, '$1').trim();
}

export function isChrome(line: string): boolean {
  const t = bare(line);
  if (t === '') return false;
  if (t.split(/\s+/).length <= 12 && NAV.test(t) && !/[.!?]$/.test(t) && !/\d[.,]\d/.test(t)) return true;
  return CHROME.some((re) => re.test(t));
}

export function isByline(line: string): boolean {
  const t = bare(line);
  return t.length <= 120 && BYLINE.test(t);
}

const ENDS_SENTENCE = /[.!?…:;,]["'”’)\]]*$|\[\^?\d[^\]]*\]\s*$/;

/** A line that reads as a heading: short, no closing punctuation, starts with a capital or a section number. */
export function isHeadingLine(line: string, wrapped = true): boolean {
  const t = line.trim();
  if (t === '' || ENDS_SENTENCE.test(t)) return /^(?:\d{1,2}[.)]\s+)?[A-Z](?:[^.!?]|[.?](?=\S)){2,150}\?$/.test(t) && t.split(/\s+/).length <= 20;
  const words = t.split(/\s+/).length;
  if (words > 22 || t.length > 160 || (wrapped && DANGLING.test(t))) return false;
  return /^(?:\d{1,2}[.)]\s+)?["'“‘]?[A-Z0-9]/.test(t);
}

/**
 * Where a heading runs into its first sentence with no space ("Executive summaryThe claim …",
 * "1. Why it matters?The …"), the offset of that sentence; -1 otherwise. The heading part must
 * end in a lower-case word (or "?", ":") and be a section word or short.
 */
export function gluedHeadingEnd(text: string): number {
  const m = /^((?:\d{1,2}[.)]\s+)?[A-Z][^\n.!]{1,150}?[a-z]{3}[?:]?|(?:\d{1,2}[.)]\s+)?[A-Z][a-z]{2,}[?:]?)(?=(?:[A-Z][a-z]*|A|I)\s+[a-z])/.exec(text);
  if (!m || !m[1]) return -1;
  const head = m[1];
  const words = head.split(/\s+/).length;
  if (!(SECTION.test(head) || /^\d{1,2}[.)]\s/.test(head) || /[?:]$/.test(head) || words <= 6) || words > 22) return -1;
  // Not a name written in camel case ("YouTube", "PowerPoint"): the glued word's lower-case run starts the word.
  const lastWord = /(\S+?)[?:]?$/.exec(head)?.[1] ?? '';
  if (!/^[a-z]{3,}$/.test(lastWord) && !(words === 1 && SECTION.test(head))) return -1;
  return head.length;
}

function line(kind: ArticleBlock['kind'], text: string, start: number, end: number): ArticleBlock | null {
  let a = start;
  let z = end;
  while (a < z && /\s/.test(text[a] ?? '')) a++;
  while (z > a && /\s/.test(text[z - 1] ?? '')) z--;
  return z > a ? { kind, start: a, end: z, text: text.slice(a, z) } : null;
}

/** "Executive Summary — The claim …": a section word followed by a dash starts a paragraph. */
const SECTION_DASH = /^((?:executive\s+summary|summary|bottom\s+line|in\s+short|verdict|quick\s+answer)(?:\s*[—–:-]\s*[A-Z][\w ]{0,40}?)?)\s*[—–:-]\s+(?=[A-Z])/i;

/** Relabel one block of several lines into chrome, byline, heading and prose pieces. */
function splitBlock(b: ArticleBlock, text: string): ArticleBlock[] {
  if (b.kind !== 'paragraph' && b.kind !== 'list-item') return [b];
  const out: ArticleBlock[] = [];
  const lines: Array<{ start: number; end: number; text: string }> = [];
  let at = b.start;
  for (const l of b.text.split('\n')) {
    lines.push({ start: at, end: at + l.length, text: l });
    at += l.length + 1;
  }
  let prose: { start: number; end: number } | null = null;
  const flush = (): void => {
    if (prose) {
      const p = line(b.kind === 'list-item' ? 'list-item' : 'paragraph', text, prose.start, prose.end);
      if (p) out.push(p);
    }
    prose = null;
  };
  lines.forEach((l, i) => {
    const t = l.text.trim();
    const next = lines[i + 1]?.text.trim() ?? '';
    const prev = lines[i - 1]?.text.trim() ?? '';
    let kind: ArticleBlock['kind'] | null = null;
    if (isChrome(t)) kind = 'chrome';
    else if (isByline(t)) kind = 'byline';
    else if (b.kind === 'paragraph' && isHeadingLine(t)) {
      // Alone in its block, or set off from prose: the line before ended a sentence (or there is
      // none) and the next starts one. A wrapped prose line rarely does both.
      const single = lines.length === 1;
      const setOff = (i === 0 || ENDS_SENTENCE.test(prev) || isChrome(prev) || isByline(prev)) && (next === '' || /^["'“‘]?[A-Z0-9]/.test(next));
      if ((single && b.kind === 'paragraph') || (!single && setOff && (t.length < 0.8 * Math.max(60, next.length) || /^\d{1,2}[.)]\s/.test(t) || SECTION.test(t) || /\?$/.test(t) || TITLE_LABEL.test(t)))) kind = 'heading';
    }
    if (kind === null) {
      const glued = gluedHeadingEnd(t) >= 0 ? gluedHeadingEnd(t) : (SECTION_DASH.exec(t)?.[0].length ?? -1);
      if (glued > 0 && (i === 0 || ENDS_SENTENCE.test(prev) || prose === null)) {
        flush();
        const lead = l.start + (l.text.length - l.text.trimStart().length);
        const h = line('heading', text, lead, lead + glued);
        if (h) out.push({ ...h, text: h.text.replace(/\s*[—–:-]\s*$/, '') });
        prose = { start: lead + glued, end: l.end };
        return;
      }
      if (prose) prose.end = l.end;
      else prose = { start: l.start, end: l.end };
      return;
    }
    flush();
    const piece = line(kind, text, l.start, l.end);
    if (piece) out.push(piece);
  });
  flush();
  return out;
}

/** "Fact check: What … ?" as the page title, without its label. */
const TITLE_LABEL = /^(?:fact[- ]?check|claim|title)\s*:\s*/i;

/**
 * Relabel an article's blocks: chrome and byline lines out of the prose, headings (numbered,
 * glued, set off by themselves) apart from it, and the title (the first heading-like line before
 * any prose) found when the reader had none.
 */
export function readStructure(article: Article): Article {
  const blocks = article.blocks.flatMap((b) => splitBlock(b, article.text));
  // A numbered item with no closing punctuation, alone between prose blocks, is a numbered
  // section heading (the last item of a real list follows another item, and stays one).
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const prev = blocks[i - 1];
    if (b.kind !== 'list-item' || !next || next.kind !== 'paragraph' || prev?.kind === 'list-item') return;
    if (!/\d{1,2}[.)]\s+$/.test(article.text.slice(Math.max(0, b.start - 5), b.start))) return;
    if (isHeadingLine(b.text, false) && !b.text.includes('\n')) blocks[i] = { ...b, kind: 'heading' };
  });
  let title = article.title;
  if (title === null) {
    for (const b of blocks) {
      if (b.kind === 'chrome' || b.kind === 'byline') continue;
      if (b.kind === 'heading') title = b.text.replace(TITLE_LABEL, '').trim() || null;
      break;
    }
  }
  return { ...article, blocks, title };
}

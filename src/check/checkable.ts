// Inputs that are not a checkable claim get a clear Unproven with the reason, never a verdict
// read off whatever passages share a word with them, and never a published rating:
//   - too few words: fewer than two content words ("law", "a b");
//   - only figures: no word at all ("1,200 3.5 %");
//   - another language: a non-Latin script with no Latin words, or more common function words of
//     German, French, Spanish, Italian, Portuguese or Dutch than of English (the corpus and the
//     stance rules read English);
//   - several statements: over 1,000 characters, or over 600 characters in three or more
//     sentences (one claim at a time; `verity audit` reads whole passages).
import { quote } from '../errors.js';
import { STOPWORDS, splitSentences, tokenize } from '../text/index.js';
import type { Provenance, Report } from '../model.js';
import { verifyReport } from '../report/verify.js';
import { REPORT_SCHEMA_VERSION } from '../report/schema-version.js';

const ENGLISH = new Set(['the', 'of', 'is', 'was', 'were', 'are', 'and', 'to', 'in', 'has', 'have', 'had', 'by', 'for', 'on', 'with', 'that', 'it', 'its', 'at', 'from', 'be', 'been', 'will', 'not', 'this', 'which', 'who', 'he', 'she', 'they', 'his', 'her', 'their', 'an', 'as', 'after', 'than']);
const OTHER = new Set(
  ('der die das und ist nicht ein eine einen mit von zu den dem des auf für wurde sich im ' +
    'le la les et est une des du au aux pas pour dans que qui sur sont été avec ' +
    'el los las y es un una por con para del que se fue su sus al ' +
    'il lo gli che di non per sono della nel ' +
    'os um uma do da não com foi ' +
    'het een van niet op met zijn werd')
    .split(' '),
);

/** Why `text` is not a checkable claim, or null when it can be checked. */
export function notCheckable(text: string): string | null {
  const tokens = tokenize(text);
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  if (words.length === 0) return 'it holds no words, only figures or symbols, so there is nothing a source could state or deny';
  const latin = words.filter((t) => /\p{Script=Latin}/u.test(t.text));
  if (latin.length === 0) return 'it is not written in English, and the stance rules read English only';
  const english = words.filter((t) => ENGLISH.has(t.lower)).length;
  const other = words.filter((t) => OTHER.has(t.lower)).length;
  if (words.length >= 4 && other >= 2 && other > english) return 'it reads as another language than English, and the stance rules read English only';
  const content = words.filter((t) => !STOPWORDS.has(t.lower) && t.text.replace(/[^\p{L}]/gu, '').length >= 2);
  if (content.length < 2) return `it has ${content.length === 0 ? 'no content word' : `one content word (${quote(content[0]!.text, 40)})`}, which states nothing a source could bear out or deny; write the claim as a sentence, e.g. "X did Y in Z"`;
  const sentences = splitSentences(text).length;
  if (text.length > 1000 || (text.length > 600 && sentences >= 3)) return `at ${text.length} characters in ${sentences} sentence(s) it holds several statements; check one claim at a time, or use "verity audit" for a passage`;
  return null;
}

/** The report for an input that is not a checkable claim: Unproven, the reason said in the summary, nothing cited. */
export function notCheckableReport(input: string, why: string, provenance: Provenance): Report {
  const reason = `Not a checkable claim: ${why}.`;
  const said = { text: reason, citations: [], passageIds: [], basis: 'absence' as const };
  const report = verifyReport(
    {
      schemaVersion: REPORT_SCHEMA_VERSION,
      input,
      kind: 'claim',
      title: `Fact check: ${input.trim()}`,
      verdict: { label: 'unproven', confidence: 1, reason },
      summary: [said],
      findings: [],
      gaps: [{ ...said, text: 'No source was searched: the input was not read as a claim.' }],
      perspectives: [],
      figures: [],
      sources: [],
      provenance,
      facets: [],
    },
    new Map(),
  );
  return { ...report, notCheckable: why };
}

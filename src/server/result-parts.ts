// A large audit result crosses from a job thread to the request thread as JSON text in parts,
// each parsed in its own turn of the request thread's event loop (the thread sends the next part
// only when the last one has been taken), instead of one structured clone: a 25,000-claim result
// took 1.4–1.6 s to deserialise in one go, with every request waiting behind it. The JSON text is
// kept with the result (jobs/result-json.ts), so the job journal writes it without serialising
// the result again and a report render sends the text, not the objects, to its thread.
import { randomUUID } from 'node:crypto';
import { knownJson, rememberJson } from '../jobs/index.js';
import type { AuditClaim, AuditResult } from '../audit/index.js';
import type { VerityJobResult } from './job-runner.js';

/** Claims per part: about 150–400 KB of JSON, a few milliseconds to parse. */
export const PART_CLAIMS = 200;

/** An audit result as its JSON text in parts: `head` is the audit with `mark` (a JSON string) where its claims go. */
export interface SplitAudit {
  head: string;
  mark: string;
  parts: string[];
}

/** Splits an audit result into parts of `partClaims` claims each (thread side). */
export function splitAudit(audit: AuditResult, partClaims = PART_CLAIMS): SplitAudit {
  const mark = `claims-${randomUUID()}`;
  const head = JSON.stringify({ ...audit, claims: mark });
  const parts: string[] = [];
  for (let i = 0; i < audit.claims.length; i += partClaims) parts.push(JSON.stringify(audit.claims.slice(i, i + partClaims)).slice(1, -1));
  return { head, mark, parts };
}

/** Collects the parts of an audit result as they arrive and puts the result together (request-thread side). */
export class AuditParts {
  private readonly claims: AuditClaim[] = [];
  private readonly texts: string[] = [];

  /** Takes one part: parsed now, in this turn of the event loop. */
  add(part: string): void {
    for (const c of JSON.parse(`[${part}]`) as AuditClaim[]) this.claims.push(c);
    this.texts.push(part);
  }

  /** The job's result, with its JSON text (and the audit's) remembered for the journal and for rendering. */
  finish(head: string, mark: string): VerityJobResult {
    const read = JSON.parse(head) as Omit<AuditResult, 'claims'> & { claims: unknown };
    if (read.claims !== mark) throw new Error('the audit result was not split as expected');
    const audit = read as AuditResult;
    audit.claims = this.claims;
    const at = head.indexOf(JSON.stringify(mark));
    const auditText = `${head.slice(0, at)}[${this.texts.join(',')}]${head.slice(at + JSON.stringify(mark).length)}`;
    const result: VerityJobResult = { kind: 'audit', audit };
    rememberJson(audit, auditText);
    rememberJson(result, `{"kind":"audit","audit":${auditText}}`);
    return result;
  }
}

/** What to send a render thread: the audit's JSON text when it is known (cheap to post), else the audit. */
export function auditForThread(audit: AuditResult): AuditResult | string {
  return knownJson(audit) ?? audit;
}

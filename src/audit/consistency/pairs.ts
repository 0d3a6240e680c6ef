// What the pairwise consistency checks (across.ts) share: an index of figures by stem, so a long
// article's figures are compared with the few that could match rather than with every other one,
// and the collector of findings, which keeps one finding per claim, value and opening words and
// builds a message only for a finding it keeps (a long article that repeats itself makes the same
// finding for many pairs).

/**
 * Figures of one group that share a stem, for the pairwise checks: each figure's `keys` are
 * indexed, and `candidates(i, stems)` lists, in article order, the figures holding any of `stems`.
 * A pair that shares no such stem cannot pass those checks, so a long article's figures are
 * compared with the few that could match, not with every other one (issue 16: the checks were
 * quadratic in the article, 57 s for 4,000 sentences).
 */
export class StemIndex {
  private readonly lists = new Map<string, number[]>();
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(keys: ReadonlyArray<readonly string[]>) {
    this.seen = new Int32Array(keys.length).fill(-1);
    keys.forEach((stems, i) => {
      for (const s of new Set(stems)) {
        const list = this.lists.get(s);
        if (list) list.push(i);
        else this.lists.set(s, [i]);
      }
    });
  }

  /** The indices after `from` (exclusive; -1 for all) holding any of `stems`, ascending. */
  candidates(stems: readonly string[], from = -1): number[] {
    const stamp = this.stamp++;
    const out: number[] = [];
    for (const s of stems) {
      for (const j of this.lists.get(s) ?? []) {
        if (j <= from || this.seen[j] === stamp) continue;
        this.seen[j] = stamp;
        out.push(j);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

export interface ConsistencyFinding {
  /** The claim the finding is attached to (the later of the two). */
  claim: number;
  /** The other claim involved, quoted as evidence. */
  other: number | null;
  message: string;
  /** The value of the figure the finding is about, so the audit can lift it if a source states it. */
  value: number;
  /** Arithmetic across two sentences ("140 of 196 … This is 81%") rather than an inconsistency. */
  arithmetic?: boolean;
}

/** How much pairwise work a checkConsistency call did. */
export interface ConsistencyWork {
  /** Pairwise checks worked out (a pair of figures whose statements were compared before is not counted). */
  checks: number;
}

/** The length of a message's opening that tells two findings of a claim and value apart. */
const KEY_CHARS = 40;

/** Findings in the order they are added, one per claim, value and message opening (the first kept). */
export class Findings {
  readonly list: ConsistencyFinding[] = [];
  private readonly seen = new Set<string>();

  /**
   * Adds the finding with the message `head + rest()`, unless one of the same claim and value
   * opening with the same words was added before; `rest` is called only when the message is needed.
   */
  add(finding: Omit<ConsistencyFinding, 'message'>, head: string, rest: () => string = () => ''): void {
    let message: string | null = null;
    if (head.length < KEY_CHARS) message = head + rest();
    const key = `${finding.claim}:${finding.value}:${(message ?? head).slice(0, KEY_CHARS)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ ...finding, message: message ?? head + rest() });
  }
}

/**
 * The figures of a group as statements: two figures read from the same sentence at the same place
 * are one statement (an article that repeats a sentence), and a pairwise check's answer depends
 * only on the two statements, so it is worked out once per pair of statements.
 */
export class Statements<T> {
  private readonly ids: number[];
  private readonly count: number;
  private readonly answers = new Map<number, T>();

  /** `work.checks` counts the checks worked out (for the tests that hold the work to the statements, not the pairs). */
  constructor(
    figs: ReadonlyArray<{ sentence: string; figure: { start: number } }>,
    private readonly work: ConsistencyWork,
  ) {
    const byKey = new Map<string, number>();
    this.ids = figs.map((f) => {
      const key = `${f.figure.start}\u0000${f.sentence}`;
      let id = byKey.get(key);
      if (id === undefined) {
        id = byKey.size;
        byKey.set(key, id);
      }
      return id;
    });
    this.count = Math.max(1, byKey.size);
  }

  /** The answer of `check` for figures i and j (in that order), worked out once per pair of statements. */
  pair(i: number, j: number, check: () => T): T {
    const key = this.ids[i]! * this.count + this.ids[j]!;
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const answer = check();
    this.work.checks++;
    this.answers.set(key, answer);
    return answer;
  }
}

// Readability with limits: it walks the page many times over (its cost grows with depth × size), so a
// page nested hundreds of levels deep could hold ingest for minutes. Before it runs, the page's depth
// and element count are measured (iteratively); past either cap it is not run. While it runs, a time
// budget is checked in the methods it calls per node; past it, it stops. Either way the caller keeps
// the plain text of the whole body and records why as a warning.
import { Readability } from '@mozilla/readability';

export interface ReadabilityLimits {
  /** Deepest element nesting Readability is run on (default 200; real pages rarely pass 60). */
  maxDepth?: number;
  /** Most elements Readability is run on (default 60,000). */
  maxElements?: number;
  /** Milliseconds Readability may take for one page (default 5,000). */
  timeBudgetMs?: number;
}

export const READABILITY_DEFAULTS: Required<ReadabilityLimits> = { maxDepth: 200, maxElements: 60_000, timeBudgetMs: 5_000 };

interface ShapeNode {
  nodeType: number;
  childNodes: ArrayLike<ShapeNode>;
}

/** The deepest element nesting under root and its element count, without recursion. */
export function pageShape(root: ShapeNode, stopAtElements = Infinity): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[ShapeNode, number]> = [[root, 0]];
  while (stack.length > 0 && elements <= stopAtElements) {
    const [node, d] = stack.pop() as [ShapeNode, number];
    if (node.nodeType !== 1) continue;
    elements++;
    if (d > depth) depth = d;
    const children = node.childNodes; // read once: it may be rebuilt on every read (see domToText)
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && child.nodeType === 1) stack.push([child, d + 1]);
    }
  }
  return { depth, elements };
}

class BudgetSpent extends Error {}

// Readability's per-node helpers: the time budget is checked each time one of them runs.
const CHECKED_METHODS = ['_getNextNode', '_getInnerText', '_getNodeAncestors', '_hasAncestorTag', '_cleanStyles', '_getClassWeight', '_getLinkDensity'];

export type ReadabilityArticle = NonNullable<ReturnType<Readability['parse']>>;

/** Readability's article, or null and the reason it was not used (a warning for the caller). */
export function guardedReadability(document: unknown, root: ShapeNode | null, limits: ReadabilityLimits = {}, clock: () => number = Date.now): { article: ReadabilityArticle | null; skipped: string | null } {
  const { maxDepth, maxElements, timeBudgetMs } = { ...READABILITY_DEFAULTS, ...limits };
  if (root) {
    const shape = pageShape(root, maxElements);
    if (shape.elements > maxElements) return { article: null, skipped: `the page has more than ${maxElements} elements, so the main-content extraction was skipped and the whole body text is used` };
    if (shape.depth > maxDepth) return { article: null, skipped: `the page nests elements ${shape.depth} levels deep (more than ${maxDepth}), so the main-content extraction was skipped and the whole body text is used` };
  }
  const reader = new Readability(document as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 });
  const deadline = clock() + timeBudgetMs;
  const hooks = reader as unknown as Record<string, unknown>;
  for (const name of CHECKED_METHODS) {
    const original = hooks[name];
    if (typeof original !== 'function') continue;
    hooks[name] = function (this: unknown, ...args: unknown[]): unknown {
      if (clock() > deadline) throw new BudgetSpent();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    return { article: reader.parse(), skipped: null };
  } catch (e) {
    if (e instanceof BudgetSpent) return { article: null, skipped: `the main-content extraction took more than ${timeBudgetMs} ms, so it was stopped and the whole body text is used` };
    if (e instanceof RangeError) return { article: null, skipped: 'the main-content extraction ran out of stack on this page, so the whole body text is used' };
    return { article: null, skipped: null }; // odd markup: the whole body text is used, as before
  }
}

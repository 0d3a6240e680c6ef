// A source's kind as the rendered source list shows it: the kind's own name, except where a
// reader needs words ("blog or social media"; "kind unknown" when nothing told the kind).
import type { SourceKind } from '../../model.js';

const LABELS: Partial<Record<SourceKind, string>> = { blog: 'blog or social media', unknown: 'kind unknown' };

export function kindLabel(kind: SourceKind): string {
  return LABELS[kind] ?? kind;
}

// What a citing sentence says about its own citations, read from the markers of the
// Citation-Integrity format ("[<|cit|>]", "[<|multi_cit|>]", "<|other_cit|>"). A sentence that
// cites several works at once asks less of each ("Several studies have shown …"), and one whose
// marker stands mid-sentence attributes only what precedes it; on the training split a
// multi-citation sentence is an inaccurate citation twice as often (40 % against 18 %).

/** Names of the features, in the order of `citingFeatures`. */
export const CITING_FEATURES = ['cites_several', 'cites_others', 'log_markers', 'marker_at'] as const;

const MARKER = /<\|([a-z_]+)\|>/gi;

/**
 * Features of a citing sentence as published (markers included), each in [0,1] except the
 * log count: whether it cites several works with one marker (multi_cit), whether it also cites
 * other works (other_cit), log(1 + number of markers), and where the first marker of the judged
 * citation (cit or multi_cit) stands as a share of the sentence's length (1 when there is none).
 */
export function citingFeatures(raw: string): number[] {
  const markers = [...raw.matchAll(MARKER)].map((m) => ({ name: m[1]!.toLowerCase(), at: m.index }));
  const own = markers.find((m) => m.name !== 'other_cit');
  return [
    markers.some((m) => m.name === 'multi_cit') ? 1 : 0,
    markers.some((m) => m.name === 'other_cit') ? 1 : 0,
    Math.log1p(markers.length),
    own ? own.at / Math.max(1, raw.length) : 1,
  ];
}

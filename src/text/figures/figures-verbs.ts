// Verbs in -s that read like plural nouns to a suffix test ("requires", "obliges").
//
// Contract: `isVerbS(word)` is true for a lower-case third-person verb form that is not also a
// common counted noun. Both readers use it: the date reader (a number before such a verb is not
// counted: "the Protocol of 2000 requires …" dates the Protocol) and the figure reader (the
// counted noun after a number is never found past such a verb: not "2000 requires States").
// Words that are as often nouns ("states", "reports", "cases", "laws") are deliberately absent.

const VERBS_S: ReadonlySet<string> = new Set([
  'was', 'has', 'does', 'is', 'says', 'shows', 'finds', 'remains', 'seems', 'means', 'makes', 'takes', 'gives', 'appears', 'includes', 'contains',
  'requires', 'represents', 'suggests', 'indicates', 'criminalizes', 'criminalises', 'allows', 'prohibits', 'goes', 'comes', 'becomes', 'holds', 'keeps',
  'gets', 'puts', 'pays', 'sees', 'lets', 'applies', 'occurs', 'exists',
  // Verbs of instruments and rules ("the Act of 1996 obliges …").
  'obliges', 'obligates', 'forbids', 'mandates', 'defines', 'establishes', 'provides', 'punishes', 'penalises', 'penalizes',
  'outlaws', 'protects', 'entitles', 'empowers', 'authorises', 'authorizes', 'creates', 'amends', 'repeals',
  'replaces', 'introduces', 'extends', 'restricts', 'prescribes', 'specifies', 'stipulates', 'declares', 'recognises', 'recognizes',
  'affirms', 'urges', 'encourages', 'asks',
]);

/** A lower-case third-person verb form ending in -s that is not a common counted noun. */
export function isVerbS(word: string): boolean {
  return VERBS_S.has(word);
}

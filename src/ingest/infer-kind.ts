// A source's kind when its document states none: read from its web address's host, its
// publisher, or its title's site name. Only telling signs count; anything else stays "other".
//   government         .gov, .gov.xx, .gob.xx, .gouv.fr, .govt.nz, .mil; "Ministry", "Department of"
//   intergovernmental  un.org and UN agencies, who.int and any .int, europa.eu, coe.int, oecd.org,
//                      worldbank.org, imf.org; "United Nations", "Council of Europe", "European Union"
//   academic           .edu, .ac.xx, .edu.xx; "University", "Journal of", arxiv, doi.org
//   reference          wikipedia.org, britannica.com, dbpedia; "Encyclopedia", "Wikipedia"
//   legislation        legislation.gov.uk, uscode.house.gov, eur-lex.europa.eu, law.cornell.edu
//   news               hosts and publishers naming news ("news", "times", "post", "herald", "tribune",
//                      "gazette", "journal", "daily", "chronicle", "reuters", "bbc", "cnn", "guardian",
//                      "telegraph", "press", "magazine", "variety", "billboard", "rolling stone")
import type { SourceKind } from '../model.js';

const HOST_RULES: Array<[RegExp, SourceKind]> = [
  [/(?:^|\.)(?:legislation\.gov\.uk|uscode\.house\.gov|eur-lex\.europa\.eu|law\.cornell\.edu)$/, 'legislation'],
  [/(?:^|\.)(?:un\.org|unicef\.org|unesco\.org|unhcr\.org|undp\.org|europa\.eu|coe\.int|oecd\.org|worldbank\.org|imf\.org)$|\.int$/, 'intergovernmental'],
  [/\.(?:gov|mil)$|(?:^|\.)gov\.[a-z]{2}$|(?:^|\.)gob\.[a-z]{2}$|\.gouv\.fr$|\.govt\.nz$|\.gc\.ca$/, 'government'],
  [/\.edu$|\.edu\.[a-z]{2}$|\.ac\.[a-z]{2}$|(?:^|\.)(?:arxiv\.org|doi\.org|ncbi\.nlm\.nih\.gov|jstor\.org|springer\.com|sciencedirect\.com)$/, 'academic'],
  [/(?:^|\.)(?:wikipedia\.org|britannica\.com|dbpedia\.org|wikidata\.org)$/, 'reference'],
];

const NAME_RULES: Array<[RegExp, SourceKind]> = [
  [/\b(?:United Nations|Council of Europe|European (?:Union|Commission)|World Health Organi[sz]ation|OECD|UNICEF|UNESCO)\b/i, 'intergovernmental'],
  [/\b(?:Ministry of|Department of|Government of|Office of the)\b/i, 'government'],
  [/\b(?:University|Journal of|Academy of|Institute of Technology)\b/i, 'academic'],
  [/\b(?:Wikipedia|Encyclop(?:a|ae|e)dia|Britannica)\b/i, 'reference'],
  [/\b(?:news|times|post|herald|tribune|gazette|journal|daily|chronicle|reuters|associated press|bbc|cnn|guardian|telegraph|press|magazine|variety|billboard|rolling stone|observer|independent|standard|examiner|reporter|courier|inquirer)\b/i, 'news'],
];

function hostOf(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The kind the address, publisher or title tells; null when none does. */
export function inferKind(meta: { uri?: string; publisher?: string | null; title?: string }): SourceKind | null {
  for (const host of [hostOf(meta.uri), hostOf(meta.publisher)]) {
    if (host === null) continue;
    for (const [re, kind] of HOST_RULES) if (re.test(host)) return kind;
  }
  // A publisher that is a web address is read by its host's words ("facebook.com/nytimes" → nytimes).
  const publisher = meta.publisher && hostOf(meta.publisher) === null ? meta.publisher : '';
  // The title's site name: the last part after "|", " – " or " - " ("… | The Nocturnal Times").
  const site = /\s(?:\||–|—|-)\s([^|–—]+)$/.exec(meta.title ?? '')?.[1] ?? '';
  for (const text of [publisher, site, hostOf(meta.uri)?.replace(/\.[a-z]+$/, '').replace(/[.-]/g, ' ') ?? '']) {
    if (text.trim() === '') continue;
    for (const [re, kind] of NAME_RULES) if (re.test(text)) return kind;
  }
  return null;
}

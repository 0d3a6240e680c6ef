// A source's kind when its document states none: read from its web address's host, its
// publisher, or its title's site name. Only telling signs count; with none the caller says
// "unknown" (loaders: completeMeta).
//   government         .gov, .gov.xx, .gob.xx, .gouv.fr, .govt.nz, .mil; "Ministry", "Department of"
//   intergovernmental  un.org and UN agencies, who.int and any .int, europa.eu, coe.int, oecd.org,
//                      worldbank.org, imf.org; "United Nations", "Council of Europe", "European Union"
//   academic           .edu, .ac.xx, .edu.xx; "University", "Journal of", arxiv, doi.org
//   reference          wikipedia.org, britannica.com, dbpedia; "Encyclopedia", "Wikipedia"
//   legislation        legislation.gov.uk, uscode.house.gov, eur-lex.europa.eu, law.cornell.edu
//   news               hosts and publishers naming news ("news", "times", "post", "herald", "tribune",
//                      "gazette", "journal", "daily", "chronicle", "reuters", "bbc", "cnn", "guardian",
//                      "telegraph", "press", "magazine", "variety", "billboard", "rolling stone"), and a
//                      one-word page name ending in one ("nytimes", "saltlaketribune")
//   ngo                hrw.org, amnesty.org, icrc.org, oxfam.org, msf.org, greenpeace.org; "Human
//                      Rights Watch", "Amnesty International", "Red Cross", "Charity" (not "Foundation":
//                      state bodies bear it too, "National Science Foundation")
//   company            press-release wires (prnewswire.com, businesswire.com, globenewswire.com);
//                      a site name "Press release(s)", "Investor relations", "Corporate newsroom";
//                      after the news words, a publisher with a company's legal form ("Inc.", "Ltd",
//                      "LLC", "PLC", "GmbH", "Corporation")
//   blog               blogging and social hosts (wordpress.com, blogspot.com, medium.com,
//                      substack.com, tumblr.com, facebook.com, twitter.com, x.com, instagram.com,
//                      reddit.com, youtube.com, tiktok.com, linkedin.com) as the page's own address;
//                      a publisher or site name that is a blog ("… Blog", WordPress.com)
// A publisher given as a social-network page ("facebook.com/theguardian") is the publisher's page,
// not the article: it is read by its page name ("theguardian" → news), never as "blog".
import type { SourceKind } from '../model.js';

const HOST_RULES: Array<[RegExp, SourceKind]> = [
  [/(?:^|\.)(?:legislation\.gov\.uk|uscode\.house\.gov|eur-lex\.europa\.eu|law\.cornell\.edu)$/, 'legislation'],
  [/(?:^|\.)(?:un\.org|unicef\.org|unesco\.org|unhcr\.org|undp\.org|europa\.eu|coe\.int|oecd\.org|worldbank\.org|imf\.org)$|\.int$/, 'intergovernmental'],
  [/\.(?:gov|mil)$|(?:^|\.)gov\.[a-z]{2}$|(?:^|\.)gob\.[a-z]{2}$|\.gouv\.fr$|\.govt\.nz$|\.gc\.ca$/, 'government'],
  [/\.edu$|\.edu\.[a-z]{2}$|\.ac\.[a-z]{2}$|(?:^|\.)(?:arxiv\.org|doi\.org|ncbi\.nlm\.nih\.gov|jstor\.org|springer\.com|sciencedirect\.com)$/, 'academic'],
  [/(?:^|\.)(?:wikipedia\.org|britannica\.com|dbpedia\.org|wikidata\.org)$/, 'reference'],
  [/(?:^|\.)(?:hrw\.org|amnesty\.org|icrc\.org|oxfam\.org|msf\.org|greenpeace\.org|savethechildren\.org)$/, 'ngo'],
  [/(?:^|\.)(?:prnewswire\.com|businesswire\.com|globenewswire\.com|accesswire\.com)$/, 'company'],
];

/** Hosts where anyone publishes: the page's own address there makes it a blog or social post. */
const BLOG_HOSTS = /(?:^|\.)(?:wordpress\.com|blogspot\.com|medium\.com|substack\.com|tumblr\.com|facebook\.com|twitter\.com|x\.com|instagram\.com|reddit\.com|youtube\.com|tiktok\.com|linkedin\.com)$/;
/** Social networks whose first path segment names a publisher's own page. */
const SOCIAL_HOSTS = /(?:^|\.)(?:facebook|twitter|x|instagram|youtube|linkedin|tiktok|pinterest|medium)\.com$/;

const NAME_RULES: Array<[RegExp, SourceKind]> = [
  [/\b(?:United Nations|Council of Europe|European (?:Union|Commission)|World Health Organi[sz]ation|OECD|UNICEF|UNESCO)\b/i, 'intergovernmental'],
  [/\b(?:Ministry of|Department of|Government of|Office of the)\b/i, 'government'],
  [/\b(?:University|Journal of|Academy of|Institute of Technology)\b/i, 'academic'],
  [/\b(?:Wikipedia|Encyclop(?:a|ae|e)dia|Britannica)\b/i, 'reference'],
  [/\b(?:Human ?Rights ?Watch|Amnesty ?International|Red Cross|Red Crescent|Oxfam|Greenpeace|M[ée]decins Sans Fronti[èe]res|Charity|Charitable Trust)\b/i, 'ngo'],
  [/\b(?:blog|blogs|blogger|blogspot|wordpress(?:com)?|tumblr|substack)\b/i, 'blog'],
  [/\b(?:Press Releases?|Investor Relations|Corporate Newsroom)$/i, 'company'],
  [/\b(?:news|times|post|herald|tribune|gazette|journal|daily|chronicle|reuters|associated press|bbc|cnn|guardian|telegraph|press|magazine|variety|billboard|rolling stone|observer|independent|standard|examiner|reporter|courier|inquirer)\b/i, 'news'],
  // A one-word page name ending in a news word: "nytimes", "saltlaketribune".
  [/^\p{L}+(?:news|times|post|herald|tribune|gazette|magazine|daily|guardian|telegraph|chronicle|journal|observer)$/iu, 'news'],
  [/\b(?:Inc|Ltd|LLC|PLC|GmbH|Corp)\.?$|\b(?:Corporation|Incorporated)$/i, 'company'],
];

function urlOf(address: string | null | undefined): URL | null {
  if (!address) return null;
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function hostOf(address: string | null | undefined): string | null {
  return urlOf(address)?.hostname.toLowerCase().replace(/^www\./, '') ?? null;
}

/** A publisher address read by its words: a social page by its page name ("facebook.com/theguardian" → "theguardian"), else its host. */
function publisherWords(address: string): string {
  const url = urlOf(address);
  if (url === null) return address;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const page = url.pathname.split('/').find((p) => p !== '') ?? '';
  return SOCIAL_HOSTS.test(host) ? page.replace(/[.-]/g, ' ') : host.replace(/\.[a-z]+$/, '').replace(/[.-]/g, ' ');
}

/** The kind the address, publisher or title tells; null when none does. */
export function inferKind(meta: { uri?: string; publisher?: string | null; title?: string }): SourceKind | null {
  const own = hostOf(meta.uri);
  for (const host of [own, SOCIAL_HOSTS.test(hostOf(meta.publisher) ?? '') ? null : hostOf(meta.publisher)]) {
    if (host === null) continue;
    for (const [re, kind] of HOST_RULES) if (re.test(host)) return kind;
  }
  if (own !== null && BLOG_HOSTS.test(own)) return 'blog';
  // The title's site name: the last part after "|", " – " or " - " ("… | The Nocturnal Times").
  const site = /\s(?:\||–|—|-)\s([^|–—]+)$/.exec(meta.title ?? '')?.[1] ?? '';
  for (const text of [meta.publisher ? publisherWords(meta.publisher) : '', site, own?.replace(/\.[a-z]+$/, '').replace(/[.-]/g, ' ') ?? '']) {
    if (text.trim() === '') continue;
    for (const [re, kind] of NAME_RULES) if (re.test(text.trim())) return kind;
  }
  return null;
}

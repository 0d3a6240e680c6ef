// The words and patterns the figure reader (figures.ts) reads around a number: scales, units,
// labels that make a number no quantity, citations, currencies, bounds and approximations, and the
// words that end or open what a figure says of itself.
import type { Bound } from '../../model.js';

export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['tn', 1e12], ['hundred', 100],
]);
export const GLUED_SCALES: ReadonlyMap<string, number> = new Map([['k', 1e3], ['m', 1e6], ['mn', 1e6], ['bn', 1e9], ['tn', 1e12], ['trn', 1e12]]);
export const MEASURES = new Set([
  'km', 'kg', 'mg', 'g', 'cm', 'mm', 'ml', 'l', 'lb', 'lbs', 'ft', 'mi', 'h', 'hr', 'hrs', 'min', 'mins', 'kwh', 'mwh', 'gwh', 'twh', 'kw', 'mw', 'gw',
  'gb', 'mb', 'tb', 'kb', 'x', 'mph', 'kph', 'kmh', 'sq', 'ha', 't', 'mt', 'gt', 'ppm', 'ppb', 'yrs', 'bps',
]);
export const SINGULAR_UNITS = new Set([
  'percent', 'km', 'kg', 'mg', 'cm', 'mm', 'ml', 'kilometre', 'kilometer', 'kilogram', 'metre', 'meter', 'mile', 'ton', 'tonne', 'hectare', 'acre',
  'degree', 'year', 'month', 'week', 'day', 'hour', 'minute', 'ppm', 'mph', 'kwh', 'gw', 'mw', 'twh', 'gb', 'tb',
  'm', 'ft', 'mi', 'g', 'lb', 'lbs', 'oz', 'ha', 'inhg', 'hpa', 'kph', 'gt', 'mt', 'ppb', 'km²', 'm²',
]);
export const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'criteria', 'data', 'police', 'cattle', 'staff', 'personnel', 'feet', 'teeth', 'mice', 'geese', 'phenomena', 'media', 'bacteria', 'youth', 'clergy', 'offspring', 'sheep', 'fish', 'deer', 'aircraft', 'livestock']);
export const NOT_NOUN_S = /(?:ss|us|is|ous)$/;

export const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Words before a number that make it a label, not a quantity ("Section 3", "No. 5"). */
export const LABELS = new Set([
  'section', 'sections', 'sec', 'secs', 'ss', 'art', 'arts', 'article', 'articles', 'paragraph', 'paragraphs', 'para', 'paras', 'par', 'subparagraph', 'subparagraphs',
  'annexes', 'schedules', 'appendices', 'volumes', 'figures', 'editions',
  'chapter', 'chapters', 'ch', 'chap', 'title', 'titles', 'rule', 'clause', 'clauses', 'subsection', 'subsections', 'part', 'parts', 'schedule',
  'annex', 'appendix', 'no', 'nos', 'number', 'item', 'page', 'pages', 'p', 'pp', 'figure', 'fig', 'figs', 'table', 'tables', 'footnote', 'footnotes',
  'note', 'volume', 'vol', 'vols', 'edition', 'version', 'v', 'ver', 'release', 'build', 'stat', 'u.s.c', 'usc', 'cfr', 'c.f.r', 'step', 'phase',
  'count', 'exhibit', 'line', 'docket', 'resolution', 'directive', 'regulation', 'protocol', 'convention', 'law', 'bill', 'h.r', 'act',
  'room', 'route', 'highway', 'interstate', 'flight', 'platform', 'gate', 'channel', 'model', 'n.j.s.a', 'r.s', 'tel', 'phone', 'fax', 'call', 'ext',
  'python', 'node', 'ios', 'android', 'windows', 'java', 'php', 'firefox', 'chrome', 'macos', 'ubuntu', 'debian', 'es', 'ecmascript', 'html', 'http',
  'question', 'questions', 'exercise', 'exercises', 'c', 'p.l', 'pl', 'ch', 'rn', 'manual', 'crm',
  'level', 'grade', 'class', 'category', 'tier', 'stage', 'type', 'box', 'unit', 'ward', 'district', 'precinct', 'lot', 'season', 'episode', 'verse', 'psalm',
]);
/** Numbers right before these are citations ("18 U.S.C.", "117 Stat. 650", "535 U.S. 234"). */
export const CODE_AFTER = /^\s*(?:U\.\s?S\.\s?C\b|U\.\s?S\.(?=\s*\d)|C\.\s?F\.\s?R\b|CFR\b|USC\b|Stat\.|F\.\s?(?:\d?d|Supp)\b|S\.\s?Ct\b|L\.\s?Ed\b|Fed\.\s?Reg\b|N\.J\.S\.A\b|I\.L\.M\b|U\.N\.T\.S\b|ILCS\b|O\.J\.)/;
/** A number after a reporter or code is a page or section ("535 U.S. 234", "117 Stat. 650"). */
export const CODE_BEFORE = /(?:\d\s+(?:U\.\s?S\.|F\.\s?\dd\.?|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|Stat\.|Fed\.\s?Reg\.)|§+|¶|#|U\.\s?S\.\s?C\.\s?A?\.?\s*§*|C\.\s?F\.\s?R\.\s*§*)\s*$/;
export const TIME_AFTER = /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock\b|GMT\b|UTC\b|[AP]M\b)/;
export const CURRENCY_BEFORE = /(US\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|₹|₩|₽|USD|EUR|GBP|JPY|INR|CHF|CAD|AUD|CNY|Rs\.?)\s?$/;
export const CURRENCY_UNITS: ReadonlyMap<string, string> = new Map([
  ['us$', 'dollars'], ['a$', 'dollars'], ['c$', 'dollars'], ['nz$', 'dollars'], ['hk$', 'dollars'], ['$', 'dollars'], ['usd', 'dollars'], ['aud', 'dollars'], ['cad', 'dollars'],
  ['€', 'euros'], ['eur', 'euros'], ['£', 'pounds'], ['gbp', 'pounds'], ['¥', 'yen'], ['jpy', 'yen'], ['cny', 'yuan'], ['₹', 'rupees'], ['inr', 'rupees'], ['rs', 'rupees'], ['rs.', 'rupees'],
  ['₩', 'won'], ['₽', 'roubles'], ['chf', 'francs'],
]);
export const CURRENCY_AFTER = /^\s+(dollars?|euros?|pounds(?:\s+sterling)?|pound\s+sterling|yen|yuan|renminbi|rupees?|francs?|pesos?|rubles?|roubles?|USD|EUR|GBP|JPY|CHF|AUD|CAD)(?![\p{L}\p{N}])/iu;
export const PERCENT_AFTER = /^(?:\s?%|\s+(?:per\s?cent|pct)(?![\p{L}])|\s+percentage\s+points?(?![\p{L}])|\s+points?(?![\p{L}])(?=\s+(?:higher|lower|more|less|above|below|increase|decrease|drop|rise)))/iu;

export const DEGREES_AFTER = /^\s?°\s?([CFK])?(?![\p{L}])/u;
/** A digit after a chemical symbol is part of a formula ("CO 2", "PM 2.5", "NO 2"). */
export const FORMULA_BEFORE = /(?:^|[^\p{L}])(?:CO|NO|SO|PM|CH|NH|N|O|H)\s$/u;
export const BOUND_PHRASES: ReadonlyArray<[RegExp, Bound, boolean]> = [
  [/(?:just|slightly)\s+(?:over|above|more\s+than)\s*$/i, '>', true],
  [/(?:just|slightly)\s+(?:under|below|less\s+than|fewer\s+than)\s*$/i, '<', true],
  [/(?:well|far|much)\s+(?:over|above|more\s+than)\s*$/i, '>', false],
  [/(?:well|far|much)\s+(?:under|below|less\s+than|fewer\s+than)\s*$/i, '<', false],
  [/(?:no|not)\s+(?:fewer|less)\s+than\s*$/i, '>=', false],
  [/(?:no|not)\s+more\s+than\s*$/i, '<=', false],
  [/(?:more|greater|higher)\s+than\s*$/i, '>', false],
  [/(?:fewer|less|lower)\s+than\s*$/i, '<', false],
  [/(?:in\s+excess\s+of|upwards\s+of|upward\s+of|exceeding|over|above|>)\s*$/i, '>', false],
  [/(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=)\s*$/i, '>=', false],
  [/(?:at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of|as\s+many\s+as|as\s+much\s+as|not\s+exceeding|≤|<=)\s*$/i, '<=', false],
  [/(?:under|below|<)\s*$/i, '<', false],
];
export const APPROX_BEFORE = /(?:about|approximately|approx\.?|roughly|nearly|almost|around|some|circa|ca\.|close\s+to|an\s+estimated|estimated|more\s+or\s+less|on\s+the\s+order\s+of|~|≈|±)\s*$/i;
export const EXACT_BEFORE = /(?:exactly|precisely|only|just)\s*$/i;
export const BOUND_AFTER: ReadonlyArray<[RegExp, Bound | null, boolean]> = [
  [/^\s*(?:or|and)\s+(?:more|over|above|higher|greater|up)(?![\p{L}])/iu, '>=', false],
  [/^\s*(?:or|and)\s+(?:less|fewer|under|below|lower)(?![\p{L}])/iu, '<=', false],
  [/^\+(?![\p{N}])/u, '>=', false],
  [/^\s*(?:or\s+so|odd)(?![\p{L}])/iu, null, true],
];
export const CHANGE_VERBS = /(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased?|increases|increasing|decreased?|decreases|decreasing|grew|grow|grows|grown|growing|dropped|drop|drops|declined?|declines|jumped|jump|climbed|climb|went|go|goes|gone|up|down|reduced?|raised?|cut|doubled|halved|soared|plunged|slid|changed?|moved?|shifted|expanded|shrank|shrunk)\s+(?:\S+\s+){0,3}from\s*$/i;
export const PREDICATE_STOP = new Set(['while', 'whereas', 'but', 'although', 'though', 'compared', 'versus', 'vs', 'however', 'than']);
export const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'these', 'those', 'our', 'his', 'her', 'a', 'an', 'this', 'that']);
export const LEADING_SKIP = new Set(['that', 'which', 'who', 'whom']);
export const NOT_PREDICATE_START = new Set([
  'of', 'in', 'for', 'per', 'on', 'at', 'by', 'from', 'since', 'to', 'among', 'across', 'with', 'between', 'during', 'over', 'under', 'than', 'and', 'or',
  'the', 'a', 'an', 'as', 'into', 'out', 'through', 'within', 'until', 'before', 'after', 'each', 'apiece', 'respectively', 'ago', 'old', 'earlier', 'later',
]);
export const TRAILING_DROP = new Set([
  'in', 'by', 'to', 'of', 'for', 'at', 'than', 'from', 'on', 'with', 'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under',
  'below', 'above', 'least', 'most', 'more', 'fewer', 'less', 'up', 'just', 'only', 'exactly', 'an', 'estimated', 'a', 'the', 'and', 'or', 'was', 'were', 'is',
  'are', 'be', 'been', 'of', 'between', 'among', 'as', 'many', 'much', 'maximum', 'minimum', 'excess', 'upwards', 'no', 'not', 'close', 'well', 'far', 'circa',
  'its', 'their', 'his', 'her', 'our', 'all', 'only', 'that', 'which', 'who',
]);
export const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)\d{3,4}[\s.-]\d{3,5}|\+\d{1,3}(?:[\s.-]\d{1,5}){2,5}|(?<![\d.,])\d{3}[-.]\d{3}[-.]\d{4}(?![\d])|(?<![\d.,-])\d{3}-\d{4}(?![\d-])|\d+(?:-\d+){2,}|(?<![\d.,])0\d{2,4}(?:[ -]\d{3,4}){1,3}(?!\d)/g;
export const URLISH = /(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:doi|DOI):\s?\S+|\b10\.\d{4,}\/\S+|\bISBN[\s:-]*[\dX-]{10,17}/g;

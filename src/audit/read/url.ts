// URL normalisation for matching an article's references to corpus sources: shared with the
// store's address lookup, so it lives in text/url-normalise.ts.
export { findUrl, normaliseUrl } from '../../text/url-normalise.js';

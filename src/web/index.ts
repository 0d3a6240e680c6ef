// Web sources: safe URL fetch, the WebSearch contract and its adapters (Wikipedia, SearXNG).
export { safeFetch, shownUrl, parseWebUrl, HttpStatusError, DEFAULT_WEB_MAX_BYTES, DEFAULT_WEB_TIMEOUT_MS, DEFAULT_MAX_REDIRECTS, DEFAULT_USER_AGENT, type SafeFetchOptions, type FetchedResource, type Resolver } from './safe-fetch.js';
export { addressRefusal, type AddressRefusal } from './address-policy.js';
export { MEDIA_KINDS, type MediaKind } from './media-types.js';
export type { WebSearch, WebResult, WebDocument, WebFailure, WebSearchOptions, WebReadOptions, WebEngineOptions, WebEngineSettings } from './web-search.js';
export { WikipediaSearch, DEFAULT_WIKIPEDIA_URL } from './wikipedia.js';
export { SearxngSearch, type SearxngOptions } from './searxng.js';
export { webDocuments, createWebSearch, WEB_ENGINES, type WebEngineName, type WebDocumentsOptions, type WebDocumentsResult } from './web-documents.js';
export { webOptionsFromEnv } from './env-options.js';
export { mapLimit, DEFAULT_WEB_CONCURRENCY } from './concurrency.js';

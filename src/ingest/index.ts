// Ingestion: loaders for .txt .md .html .pdf .jsonl and URLs, sentence-aware chunking, and the
// transactional, idempotent path from files to the store.
export { chunkPassages, DEFAULT_MAX_PASSAGE_CHARS, type ChunkOptions } from './chunk.js';
export { ingestText, ingestTexts, type TextDocument } from './ingest-text.js';
export { loadDocument, loadFile, LOADER_EXTENSIONS, type LoadOptions, type LoadedDocument, type LoadResult } from './load/load-document.js';
export { ingestPaths, type IngestOptions, type IngestSummary, type IngestedDocument, type IngestFailure } from './ingest-paths.js';
export { expandInputs } from './expand-inputs.js';
export { DEFAULT_MAX_BYTES } from './load/decode.js';
export { loadUrl, isUrlInput, documentsFromResource, type UrlLoadOptions } from './load/load-url.js';

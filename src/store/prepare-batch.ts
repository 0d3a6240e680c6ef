// The first step of every engine's upsertDocuments: check each document and hash its text
// before anything is written, so a refused document becomes an error in its slot.
import type { DocumentInput } from '../contracts.js';
import { VerityError } from '../errors.js';
import { contentHash } from './content-hash.js';

/** A document that passed its engine's checks, with its source id (the sha256 of its text). */
export interface PreparedDocument {
  doc: DocumentInput;
  id: string;
}

/**
 * Checks and hashes `docs` in order. `validate` is the engine's check: it throws a VerityError
 * to refuse a document (that error is returned in the document's slot); any other exception is
 * a bug and propagates. The result has one entry per document, in the same order.
 */
export function prepareBatch(docs: readonly DocumentInput[], validate: (doc: DocumentInput) => void): (PreparedDocument | VerityError)[] {
  return docs.map((doc) => {
    try {
      validate(doc);
    } catch (e) {
      if (e instanceof VerityError) return e;
      throw e;
    }
    return { doc, id: contentHash(doc.text) };
  });
}

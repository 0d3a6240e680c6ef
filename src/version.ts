// Engine name and version, stamped into every report's provenance.
// test/version.test.ts keeps this in step with package.json.
export const ENGINE = 'verity';
export const ENGINE_VERSION = '0.1.0';

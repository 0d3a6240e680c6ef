// The version of the report JSON format. Bump it when a field changes meaning or disappears.
export const REPORT_SCHEMA_VERSION = 1;

// Output formats as users write them, for every command that takes --format.
/** A format as users write it: "markdown" is md, "HTML" is html; other values are returned as given. */
export function formatName(value: string): string {
  const v = value.trim().toLowerCase();
  return v === 'markdown' ? 'md' : v === 'htm' ? 'html' : v;
}

// A small RFC 4180 reader: comma-separated fields, CRLF or LF line ends, fields in double quotes
// may hold commas, line breaks and doubled quotes (""). No CSV package is installed, and batch
// files need no more. A malformed record (a quote inside an unquoted field, text after a closing
// quote) is returned as an error for that record and reading goes on at the next line; a quoted
// field left open runs to the end of the input, as RFC 4180 reads it, and is one error.

export interface CsvRecord {
  /** 1-based line of the input where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvError {
  line: number;
  error: string;
}

/** Reads `text` into records (blank lines skipped), in order; a leading BOM is dropped. */
export function readCsv(text: string): (CsvRecord | CsvError)[] {
  const out: (CsvRecord | CsvError)[] = [];
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | null = null;
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    let afterQuote = false;
    let done = false;
    while (!done) {
      if (i >= s.length) {
        if (quoted) error = `a quoted field opened on line ${start} is never closed`;
        fields.push(field);
        break;
      }
      const c = s[i] as string;
      if (quoted) {
        if (c === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            afterQuote = true;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        afterQuote = false;
        i++;
      } else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
        fields.push(field);
        i += c === '\r' ? 2 : 1;
        line++;
        done = true;
      } else if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
      } else {
        if (afterQuote || c === '"') error ??= afterQuote ? `text after a closing quote on line ${line}` : `a quote inside an unquoted field on line ${line} (quote the whole field and double the quote: "a ""b"" c")`;
        field += c;
        atFieldStart = false;
        i++;
      }
    }
    if (error !== null) out.push({ line: start, error });
    else if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
  }
  return out;
}

/** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

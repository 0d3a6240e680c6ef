// The RFC 4180 reader used for batch files: quoting, line ends, and malformed records that are
// reported one by one without stopping the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, readCsv } from '../../src/batch/csv.js';

test('plain and quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF and LF', () => {
  const text = '\uFEFFid,claim\r\n1,"Rates fell, then rose"\r\n2,"She said ""no"" twice"\n3,"Two\nlines"\n\n4,plain text\n';
  assert.deepEqual(readCsv(text), [
    { line: 1, fields: ['id', 'claim'] },
    { line: 2, fields: ['1', 'Rates fell, then rose'] },
    { line: 3, fields: ['2', 'She said "no" twice'] },
    { line: 4, fields: ['3', 'Two\nlines'] },
    { line: 7, fields: ['4', 'plain text'] },
  ]);
});

test('a last record without a line end, empty fields and a trailing comma', () => {
  assert.deepEqual(readCsv('a,,b,\n"",x'), [
    { line: 1, fields: ['a', '', 'b', ''] },
    { line: 2, fields: ['', 'x'] },
  ]);
});

test('a stray quote or text after a closing quote is that record\'s error; the next record is read', () => {
  const rows = readCsv('id,claim\n1,He said "hi"\n2,"closed"extra\n3,fine\n');
  assert.deepEqual(rows[1], { line: 2, error: 'a quote inside an unquoted field on line 2 (quote the whole field and double the quote: "a ""b"" c")' });
  assert.deepEqual(rows[2], { line: 3, error: 'text after a closing quote on line 3' });
  assert.deepEqual(rows[3], { line: 4, fields: ['3', 'fine'] });
});

test('a quoted field never closed is one error at its start', () => {
  assert.deepEqual(readCsv('id,claim\n1,"open\n2,more\n'), [{ line: 1, fields: ['id', 'claim'] }, { line: 2, error: 'a quoted field opened on line 2 is never closed' }]);
});

test('csvField quotes only when needed and round-trips through readCsv', () => {
  const values = ['plain', 'a,b', 'say "x"', 'two\nlines', ''];
  assert.equal(csvField('plain'), 'plain');
  assert.deepEqual(readCsv(`${values.map(csvField).join(',')}\n`), [{ line: 1, fields: values }]);
});

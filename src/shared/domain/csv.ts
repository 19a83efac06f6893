/** RFC 4180 CSV: CRLF between records; fields with a comma, quote, CR or LF are quoted. */

const needsQuotes = /[",\r\n]/;

export function csvField(value: string): string {
  return needsQuotes.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** The byte-order mark Excel needs to read a CSV file as UTF-8 (else "María" turns to "MarÃ­a"). */
export const UTF8_BOM = '\uFEFF';

export function toCsv(
  rows: readonly (readonly string[])[],
  options: { bom?: boolean } = {},
): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return options.bom ? UTF8_BOM + body : body;
}

/**
 * Text a spreadsheet would run as a formula (starts with = + - @ or a tab/CR) gets a leading
 * apostrophe. Use for free text (comments, subjects), never for numbers.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Parses RFC 4180 text (CRLF or LF line ends); throws on a malformed quoted field. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`Malformed CSV: text after a closing quote at offset ${i}`);
        }
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('Malformed CSV: unterminated quoted field');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

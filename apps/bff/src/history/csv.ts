// CSV (RFC 4180) for the history and log exports. A cell a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`: the cloud's names and log lines are
// text from elsewhere.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV lines, each ending in CRLF (a file written a page at a time joins them). */
export function csvLines(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return csvLines([header, ...rows]);
}

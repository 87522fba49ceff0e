// A cell that starts with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (value: string) => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Rows as CSV for Excel and friends: UTF-8 with a BOM, CRLF lines, no cell a spreadsheet would run. */
export const csvDocument = (rows: Iterable<readonly string[]>) => {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

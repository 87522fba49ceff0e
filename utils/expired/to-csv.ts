import type { ExpiredUser } from '../protocol';

// A cell that starts with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (value: string) => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The expired list as CSV for Excel and friends: UTF-8 with a BOM, CRLF lines, tokens only when asked. */
export const toCsv = (users: Iterable<ExpiredUser>, { includeTokens }: { includeTokens: boolean }) => {
  const header = includeTokens ? ['phone', 'user_id', 'expired_time', 'token'] : ['phone', 'user_id', 'expired_time'];
  const lines = [header.join(',')];
  for (const user of users) {
    const cells = [user.phone, user.user_id, user.expired_time, ...(includeTokens ? [user.token] : [])];
    lines.push(cells.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

import { describe, expect, it } from 'vitest';
import { historyCsv, type JournalEntry, searchHistory } from '../../../utils/alerts';

const alert = (id: string, users: [string, string][], change: Partial<JournalEntry> = {}): JournalEntry => ({
  id,
  at: Date.UTC(2026, 10, 25, 1, 30),
  kind: 'new',
  count: users.length,
  notified: true,
  silent: false,
  speech: 'end',
  users: users.map(([user_id, phone]) => ({
    server: 'default',
    user_id,
    phone,
    expired_time: '2026-11-25T09:29:59.000000',
  })),
  spoken: users.length,
  ...change,
});

describe('the alert history as CSV', () => {
  it('has a line per user named, phones masked when asked, and one line for an alert naming nobody', () => {
    const csv = historyCsv(
      [
        alert('a', [
          ['1', '13800008000'],
          ['=cmd', '13900009000'],
        ]),
        alert('r', [], { kind: 'reminder', count: 5 }),
      ],
      { maskPhones: true },
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFtime,kind,count,shown,silent,speech,user_id,phone,expired_time',
      '2026-11-25T01:30:00.000Z,new,2,true,false,end,1,138****8000,2026-11-25T09:29:59.000000',
      "2026-11-25T01:30:00.000Z,new,2,true,false,end,'=cmd,139****9000,2026-11-25T09:29:59.000000",
      '2026-11-25T01:30:00.000Z,reminder,5,true,false,end,,,',
      '',
    ]);
  });
});

describe('searching the alert history', () => {
  const history = [alert('a', [['10001', '13800008000']]), alert('b', [['20002', '13900009000']])];

  it('finds the alerts that named a user by id or phone, and everything for an empty search', () => {
    expect(searchHistory(history, '2000').map((entry) => entry.id)).toEqual(['b']);
    expect(searchHistory(history, ' 8000 ').map((entry) => entry.id)).toEqual(['a']);
    expect(searchHistory(history, '')).toHaveLength(2);
  });
});

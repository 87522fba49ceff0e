import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpiredQuery, firstSorted, queryExpired, queryServers, sortExpired } from '../../../utils/expired';
import { fcParameters } from '../../fixtures/arbitraries';
import { user } from '../../fixtures/messages';

const users = [
  user(3, '2025-09-03T09:00:00.000000'),
  user(1, '2025-09-03T11:00:00.000000'),
  { ...user(22, '2025-09-03T10:00:00.000000'), phone: '13912345678' },
];

describe('querying the expired list', () => {
  it('sorts newest first by default and never returns tokens', () => {
    const page = queryExpired({ sorted: sortExpired(users, 'newest') }, {}, 7);
    expect(page.rows.map((row) => row.user_id)).toEqual(['1', '22', '3']);
    expect(page).toMatchObject({ version: 7, total: 3, matched: 3, offset: 0 });
    expect(page.rows.every((row) => !('token' in row))).toBe(true);
  });

  it('sorts by user id numerically', () => {
    expect(sortExpired(users, 'user').map((u) => u.user_id)).toEqual(['1', '3', '22']);
  });

  it('filters by any part of the phone or the user id', () => {
    const sorted = sortExpired(users, 'newest');
    expect(queryExpired({ sorted }, { search: '1234' }, 1).rows.map((row) => row.user_id)).toEqual(['22']);
    expect(queryExpired({ sorted }, { search: ' 22 ' }, 1).matched).toBe(1);
    expect(queryExpired({ sorted }, { search: 'nobody' }, 1)).toMatchObject({ matched: 0, total: 3, rows: [] });
  });

  it('pages through a long list', () => {
    const many = Array.from({ length: 100_000 }, (_, index) => user(index));
    const page = queryExpired({ sorted: sortExpired(many, 'user') }, { sort: 'user', offset: 50_000, limit: 30 }, 1);
    expect(page.rows).toHaveLength(30);
    expect(page.rows[0]?.user_id).toBe('50000');
  });

  it('marks ignored users and filters by them, keeping them in the list by default', () => {
    const ignored = new Set(['22']);
    const all = queryExpired({ sorted: sortExpired(users, 'newest') }, {}, 1, ignored);
    expect(all.rows.map((row) => [row.user_id, row.ignored])).toEqual([
      ['1', false],
      ['22', true],
      ['3', false],
    ]);
    expect(queryExpired({ sorted: users }, { show: 'ignored' }, 1, ignored).rows.map((row) => row.user_id)).toEqual([
      '22',
    ]);
    expect(queryExpired({ sorted: users }, { show: 'alerting' }, 1, ignored).matched).toBe(2);
  });

  it('shows exactly the users one alert named, and still searches among them', () => {
    const page = queryExpired({ sorted: sortExpired(users, 'newest') }, { userIds: ['3', '22', 'gone'] }, 1);
    expect(page.rows.map((row) => row.user_id)).toEqual(['22', '3']);
    expect(page).toMatchObject({ total: 3, matched: 2 });
    expect(
      queryExpired({ sorted: users }, { userIds: ['3', '22'], search: '139' }, 1).rows.map((row) => row.user_id),
    ).toEqual(['22']);
  });

  it('shows the same page whether it scans the unsorted list or reads a sorted copy, ties included', () => {
    // Few distinct times and phones, so ties are common and their order is put to the test.
    const someUser = fc
      .record({ id: fc.nat(40), hour: fc.nat(3), phone: fc.constantFrom('138', '139', '1381') })
      .map(({ id, hour, phone }) => ({ ...user(id, `2025-09-03T1${hour}:00:00.000000`), phone }));
    const query = fc.record({
      sort: fc.constantFrom('newest', 'oldest', 'phone', 'user'),
      search: fc.constantFrom('', '138', '2'),
      offset: fc.nat(12),
      limit: fc.nat(12),
    }) as fc.Arbitrary<ExpiredQuery>;
    fc.assert(
      fc.property(fc.array(someUser, { maxLength: 40 }), query, (list, asked) => {
        const sorted = sortExpired(list, asked.sort ?? 'newest');
        expect(queryExpired({ unsorted: list, size: list.length }, asked, 1)).toEqual(
          queryExpired({ sorted }, asked, 1),
        );
      }),
      fcParameters,
    );
  });

  it('picks the first rows of 100,000 users in one scan and counts the matches', () => {
    const many = Array.from({ length: 100_000 }, (_, index) =>
      user(index, `2025-09-03T10:00:${String(index % 60).padStart(2, '0')}.000000`),
    );
    const { first, matched } = firstSorted(many, 'newest', 3, (candidate) => candidate.user_id.endsWith('7'));
    expect(matched).toBe(10_000);
    expect(first.map((picked) => picked.expired_time)).toEqual(Array(3).fill('2025-09-03T10:00:57.000000'));
    expect(first.map((picked) => picked.user_id)).toEqual(['57', '117', '177']);
  });
});

describe('querying every server’s list together', () => {
  const prod = [user(1, '2025-09-03T11:00:00.000000'), user(2, '2025-09-03T08:00:00.000000')];
  const staging = [user(1, '2025-09-03T10:00:00.000000'), user(9, '2025-09-03T12:00:00.000000')];
  const servers = [
    { id: 'prod', source: { unsorted: prod, size: prod.length } },
    { id: 'staging', source: { sorted: sortExpired(staging, 'newest') } },
  ];

  it('pages through both lists in one order, each row naming its server', () => {
    const page = queryServers(servers, { limit: 3 }, 5);
    expect(page.rows.map((row) => `${row.server}/${row.user_id}`)).toEqual(['staging/9', 'prod/1', 'staging/1']);
    expect(page).toMatchObject({ total: 4, matched: 4, version: 5 });
    expect(queryServers(servers, { offset: 3, limit: 3 }, 5).rows.map((row) => row.user_id)).toEqual(['2']);
  });

  it('keeps the same user_id on two servers as two users, and filters across both', () => {
    const page = queryServers(servers, { search: '13800000001' }, 1);
    expect(page.rows.map((row) => row.server)).toEqual(['prod', 'staging']);
    expect(page.matched).toBe(2);
  });
});

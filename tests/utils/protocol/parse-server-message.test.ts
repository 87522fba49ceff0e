import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeParseFailure,
  MAX_FRAME_CHARS,
  type ParseResult,
  parseServerMessage,
  SERVER_MESSAGE_TYPES,
  type ServerMessage,
  serverMessageSchema,
} from '../../../utils/protocol';
import {
  expiredUser,
  fcParameters,
  hugeString,
  propertyTimeout,
  serverMessage,
  serverMessages,
} from '../../fixtures/arbitraries';
import { documentSamples } from '../../fixtures/document-samples';

const expectMessage = (result: ParseResult) => {
  if (!result.ok) throw new Error(`expected a message, got ${describeParseFailure(result)}`);
  return result;
};

describe('parseServerMessage reads the documented protocol', () => {
  it.each(Object.entries(documentSamples))('reads the document sample of %s verbatim', (type, raw) => {
    const { message, warnings } = expectMessage(parseServerMessage(raw));
    expect(message.type).toBe(type);
    expect(warnings).toEqual([]);
  });

  it('knows all seven server message types', () => {
    expect([...SERVER_MESSAGE_TYPES].sort()).toEqual(Object.keys(documentSamples).sort());
  });

  it('keeps the expired users of a token_expired message', () => {
    const { message } = expectMessage(parseServerMessage(documentSamples.token_expired));
    expect(message.type === 'token_expired' && message.expired_users.map((user) => user.phone)).toEqual([
      '13800138000',
      '13900139000',
    ]);
  });

  it('tolerates extra fields and missing optional ones', () => {
    const { message } = expectMessage(parseServerMessage('{"type":"pong","shard":7}'));
    expect(message).toEqual({ type: 'pong' });
    expect(expectMessage(parseServerMessage('{"type":"welcome"}')).message.type).toBe('welcome');
    expect(expectMessage(parseServerMessage('{"type":"check_started","check_round":1}')).message.type).toBe(
      'check_started',
    );
  });

  it('treats null as an absent optional value, as Python servers send it', () => {
    const raw = '{"type":"current_status","total_expired":0,"expired_users":[],"last_check":null,"total_users":null}';
    expect(expectMessage(parseServerMessage(raw)).message).toMatchObject({ type: 'current_status', total_expired: 0 });
  });

  it('reads numeric user ids and phones as strings', () => {
    const raw = '{"type":"token_expired","expired_users":[{"user_id":42,"phone":13800138000}]}';
    const { message } = expectMessage(parseServerMessage(raw));
    expect(message.type === 'token_expired' && message.expired_users[0]).toEqual({
      user_id: '42',
      phone: '13800138000',
      token: '',
      expired_time: '',
    });
  });
});

describe('parseServerMessage reads the legacy field new_expired_users', () => {
  const legacy = JSON.stringify({
    type: 'token_expired',
    count: 1,
    new_expired_users: [{ user_id: '7', phone: '13700137000', token: 'x', expired_time: '2025-09-03T09:27:57' }],
  });

  it('reads the users from the old name and says so', () => {
    const { message, warnings } = expectMessage(parseServerMessage(legacy));
    expect(message.type === 'token_expired' && message.expired_users.map((user) => user.user_id)).toEqual(['7']);
    expect(warnings).toEqual(['read the legacy field new_expired_users']);
  });

  it('prefers expired_users when both names are present', () => {
    const both = JSON.stringify({ ...JSON.parse(legacy), expired_users: [] });
    const { message, warnings } = expectMessage(parseServerMessage(both));
    expect(message.type === 'token_expired' && message.expired_users).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('parseServerMessage survives bad input with a reason', () => {
  it.each([
    ['not JSON', '{"type": "pong"', 'not-json'],
    ['an array', '[1,2]', 'not-object'],
    ['a string', '"pong"', 'not-object'],
    ['null', 'null', 'not-object'],
    ['an unknown type', '{"type":"reboot"}', 'unknown-type'],
    ['no type', '{"current":1}', 'unknown-type'],
    ['a wrong field type', '{"type":"check_progress","current":"12","total":410}', 'invalid'],
    ['a missing required field', '{"type":"current_status","total_expired":3}', 'invalid'],
    ['a negative count', '{"type":"check_progress","current":-1,"total":410}', 'invalid'],
  ])('refuses %s', (_, raw, reason) => {
    const result = parseServerMessage(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
    expect(!result.ok && describeParseFailure(result)).toMatch(/^ignored /);
  });

  it('names the path of an invalid field', () => {
    const result = parseServerMessage('{"type":"check_progress","current":"12","total":410}');
    expect(!result.ok && describeParseFailure(result)).toContain('current:');
  });

  it('refuses a frame beyond the size limit without parsing it', () => {
    const result = parseServerMessage(' '.repeat(MAX_FRAME_CHARS + 1));
    expect(!result.ok && result.reason).toBe('too-large');
  });

  it('drops one malformed user and keeps the other expiries of the message', () => {
    const raw = JSON.stringify({
      type: 'token_expired',
      expired_users: [{ user_id: '1', phone: '13800000001' }, { phone: 'no id' }, { user_id: '3' }],
    });
    const { message, warnings } = expectMessage(parseServerMessage(raw));
    expect(message.type === 'token_expired' && message.expired_users.map((user) => user.user_id)).toEqual(['1', '3']);
    expect(warnings[0]).toMatch(/dropped 1 malformed entry of expired_users: expired_users\.1\.user_id/);
  });

  it('cuts hostile huge strings to a bounded length', () => {
    const raw = JSON.stringify({
      type: 'token_expired',
      expired_users: [{ user_id: '1', phone: '<img src=x onerror=alert(1)>'.repeat(1000), token: 't'.repeat(10_000) }],
    });
    const { message } = expectMessage(parseServerMessage(raw));
    const user = message.type === 'token_expired' ? message.expired_users[0] : undefined;
    expect(user?.phone.length).toBeLessThanOrEqual(65);
    expect(user?.token.length).toBeLessThanOrEqual(513);
  });
});

const REASONS: readonly string[] = ['too-large', 'not-json', 'not-object', 'unknown-type', 'invalid'];

/** The longest text utils/protocol lets through: the 1,000 characters of `message`, then '…'. */
const LONGEST_TEXT = 1001;

/** Either a message that fits its own schema, or one of the documented reasons. */
const expectWellFormed = (result: ParseResult) => {
  if (result.ok) {
    expect(serverMessageSchema.safeParse(result.message).success).toBe(true);
    expect(result.warnings.every((warning) => typeof warning === 'string')).toBe(true);
  } else {
    expect(REASONS).toContain(result.reason);
  }
};

// The predicate's own result is dropped: only a failed expect fails a run.
const check = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => unknown) =>
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    fcParameters,
  );

const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
};

/** Names the parser looks at, and the ones that tempt prototype pollution. */
const fieldName = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'type',
    'expired_users',
    'new_expired_users',
    'user_id',
    'total_expired',
    'check_round',
    'current',
    'total',
    'percentage',
    'latency_ms',
  ),
);
const fieldValue = fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fieldName, fc.jsonValue()), { maxLength: 3 }));

describe('parseServerMessage never throws and always says what it read or why not', () => {
  it(
    'for any text, ASCII or full Unicode',
    () =>
      check(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 200 })),
        (raw) => expectWellFormed(parseServerMessage(raw)),
      ),
    propertyTimeout,
  );

  it(
    'for any JSON text',
    () =>
      check(fc.oneof(fc.json(), fc.json({ stringUnit: 'binary' })), (raw) => expectWellFormed(parseServerMessage(raw))),
    propertyTimeout,
  );

  it(
    'for an object of a real type with random fields, __proto__ and constructor among them, polluting nothing',
    () =>
      check(
        fc.record({ type: fc.constantFrom(...SERVER_MESSAGE_TYPES), fields: fc.dictionary(fieldName, fieldValue) }),
        ({ type, fields }) => {
          expectWellFormed(parseServerMessage(JSON.stringify({ ...fields, type })));
          expect(Object.keys(Object.prototype)).toEqual([]);
        },
      ),
    propertyTimeout,
  );

  it(
    'for text decoded from random bytes as UTF-8 or Latin-1',
    () =>
      check(fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('utf8', 'latin1')), ([bytes, encoding]) =>
        expectWellFormed(parseServerMessage(Buffer.from(bytes).toString(encoding))),
      ),
    propertyTimeout,
  );

  it(
    'for a valid frame with a few of its bytes corrupted',
    () =>
      check(
        fc.tuple(
          serverMessage,
          fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }),
          fc.constantFrom('utf8', 'latin1'),
        ),
        ([message, corruptions, encoding]) => {
          const bytes = Buffer.from(JSON.stringify(message), encoding);
          for (const [at, byte] of corruptions) bytes[at % bytes.length] = byte;
          expectWellFormed(parseServerMessage(bytes.toString(encoding)));
        },
      ),
    propertyTimeout,
  );

  it(
    'for huge string fields, each cut to a bounded length',
    () =>
      check(
        fc.tuple(
          serverMessage,
          fc.dictionary(
            fc.constantFrom('message', 'server_time', 'client_address', 'last_check', 'timestamp'),
            hugeString,
            {
              maxKeys: 2,
            },
          ),
          fc.array(fc.record({ user_id: hugeString, phone: hugeString, token: hugeString, expired_time: hugeString }), {
            maxLength: 1,
          }),
        ),
        ([message, strings, users]) => {
          const extraUsers = 'expired_users' in message ? { expired_users: [...message.expired_users, ...users] } : {};
          const result = parseServerMessage(JSON.stringify({ ...message, ...strings, ...extraUsers }));
          expect(result.ok).toBe(true);
          const tooLong = stringsIn(result).filter((text) => text.length > LONGEST_TEXT);
          expect(tooLong.map((text) => text.length)).toEqual([]);
        },
      ),
    propertyTimeout,
  );
});

describe('parseServerMessage reads back what a server sends', () => {
  it.each(SERVER_MESSAGE_TYPES)(
    'reads back any valid %s message unchanged',
    (type) => {
      const messages: fc.Arbitrary<ServerMessage> = serverMessages[type];
      check(messages, (message) =>
        expect(parseServerMessage(JSON.stringify(message))).toEqual({ ok: true, message, warnings: [] }),
      );
    },
    propertyTimeout,
  );

  it(
    'reads the users of a token_expired sent under the legacy name new_expired_users',
    () =>
      check(serverMessages.token_expired, ({ expired_users, ...rest }) => {
        const result = parseServerMessage(JSON.stringify({ ...rest, new_expired_users: expired_users }));
        expect(result).toEqual({
          ok: true,
          message: { ...rest, expired_users },
          warnings: ['read the legacy field new_expired_users'],
        });
      }),
    propertyTimeout,
  );

  const malformedUser = fc.oneof(
    fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 })),
    fc.record({ user_id: fc.oneof(fc.constant(null), fc.boolean(), fc.dictionary(fc.string(), fc.nat())) }),
    fc.record({ user_id: fc.string(), phone: fc.oneof(fc.boolean(), fc.array(fc.nat())) }),
    fc.record({ user_id: fc.string(), token: fc.nat(), expired_time: fc.boolean() }),
  );

  it(
    'keeps every valid user of a token_expired and drops only the malformed entries',
    () =>
      check(
        fc.array(
          fc.oneof(
            expiredUser.map((user) => ({ user })),
            malformedUser.map((junk) => ({ junk })),
          ),
          {
            maxLength: 8,
          },
        ),
        (entries) => {
          const raw = JSON.stringify({
            type: 'token_expired',
            expired_users: entries.map((entry) => ('user' in entry ? entry.user : entry.junk)),
          });
          const result = parseServerMessage(raw);
          expect(result.ok && result.message).toEqual({
            type: 'token_expired',
            expired_users: entries.flatMap((entry) => ('user' in entry ? [entry.user] : [])),
          });
        },
      ),
    propertyTimeout,
  );
});

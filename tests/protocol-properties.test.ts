import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ParseResult,
  parseServerMessage,
  SERVER_MESSAGE_TYPES,
  type ServerMessage,
  serverMessageSchema,
} from '../utils/protocol';
import {
  expiredUser,
  fcParameters,
  hugeString,
  propertyTimeout,
  serverMessage,
  serverMessages,
} from './fixtures/arbitraries';

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

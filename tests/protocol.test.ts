import { describe, expect, it } from 'vitest';
import {
  createPing,
  describeParseFailure,
  MAX_FRAME_CHARS,
  type ParseResult,
  parseServerMessage,
  pingSchema,
  SERVER_MESSAGE_TYPES,
} from '../utils/protocol';
import { documentSamples } from './fixtures/document-samples';

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

describe('createPing', () => {
  it('builds the ping the document shows, with an ISO timestamp', () => {
    const ping = createPing(Date.UTC(2025, 8, 3, 9, 27, 28, 657));
    expect(ping).toEqual({ type: 'ping', timestamp: '2025-09-03T09:27:28.657Z' });
    expect(pingSchema.safeParse(ping).success).toBe(true);
  });
});

import type { JunkVariant } from './chaos-plan.ts';
import type { FrameData } from './client-hub.ts';
import type { WireExpiredUser } from './messages.ts';
import type { Random } from './random.ts';

export interface JunkContext {
  /** Draws the variant's details (which text, which bytes). */
  random: Random;
  /** A timestamp in the document's format, for fields that carry one. */
  now: string;
  checkRound: number;
  /** Expires up to `count` valid users now and returns them (legacy-field announces real expiries). */
  expire(count: number): WireExpiredUser[];
  totalExpired(): number;
}

export interface Junk {
  data: FrameData;
  /** What the frame means for the truth log: set only when it really tells of expiries (legacy-field). */
  frame?: unknown;
  /** Which template, for the fault log. */
  template: number;
  /** Users whose expiry the frame announces (legacy-field only). */
  users?: string[];
}

// Every text below is built so that a correct client announces nothing from it: no entry anywhere has both an
// own string user_id and an own string expired_time, and no frame with a valid expired_users list reports a
// wrong total_expired. Only legacy-field carries real expiries, and the truth log records those.

const notJson = (now: string): string[] => [
  '{"type":"token_expired","count":1,"expired_users":[{"user_id":"',
  'token_expired',
  "{'type': 'token_expired', 'count': 0, 'expired_users': []}",
  '{"type":"current_status",}',
  '',
  `\u0000\u0001\u0002 ${now} <<<garbage>>>`,
  'NaN',
];

const notObject = [
  '[]',
  'null',
  '"token_expired"',
  '42',
  'true',
  '[{"type":"current_status","total_expired":0,"expired_users":[]}]',
];

const unknownType = (now: string): unknown[] => [
  { type: 'token_refreshed', user_id: '10001', timestamp: now },
  { type: 'TOKEN_EXPIRED', count: 0, expired_users: [], timestamp: now },
  { type: 'ping', timestamp: now },
  { type: 42, message: 'a number for a type' },
  { message: 'no type at all', timestamp: now },
  { type: '', timestamp: now },
  { type: 'server_shutdown', message: '服务器维护', timestamp: now },
];

const wrongTypes = (now: string, checkRound: number): unknown[] => [
  {
    type: 'token_expired',
    count: '3',
    total_expired: 'many',
    expired_users: '10001,10002,10003',
    timestamp: 12345,
    check_round: String(checkRound),
  },
  {
    type: 'token_expired',
    count: 1,
    expired_users: [{ user_id: null, phone: 13800138000, token: ['abc123...'], expired_time: 1725326877 }],
    timestamp: now,
    check_round: checkRound,
  },
  {
    type: 'token_expired',
    count: 2,
    expired_users: [
      { user_id: { id: '10001' }, expired_time: now },
      { user_id: ['10002'], expired_time: true },
    ],
    timestamp: now,
    check_round: checkRound,
  },
  {
    type: 'current_status',
    total_expired: '4',
    expired_users: { user_id: '10001', expired_time: now },
    last_check: 0,
    check_round: null,
    is_running: 'yes',
    total_users: -1,
  },
  {
    type: 'check_progress',
    current: '120',
    total: null,
    percentage: '29.3%',
    check_round: [],
    expired_found: {},
    timestamp: false,
  },
  { type: 'check_completed', check_round: -4, duration: 'fast', total_expired: 1.5, new_expired_this_round: '2' },
  { type: 'pong', latency_ms: -12.5, timestamp: {}, server_time: [] },
];

// JSON.parse turns "__proto__" into an own property; a client that copies such an object with Object.assign or
// a for-in merge would change its prototype instead. Written as text, since an object literal cannot hold them.
const protoKeys = (now: string): string[] => [
  `{"type":"token_expired","count":0,"expired_users":[{"__proto__":{"user_id":"polluted-entry","expired_time":"${now}"},` +
    `"constructor":{"prototype":{"user_id":"polluted-constructor"}}}],` +
    `"__proto__":{"polluted":true,"expired_users":[{"user_id":"polluted-root","expired_time":"${now}"}]},` +
    `"constructor":{"prototype":{"polluted":true}}}`,
  `{"__proto__":{"type":"current_status","total_expired":0,"expired_users":[],"check_round":0,"is_running":false,` +
    `"total_users":0,"last_check":null},"constructor":{"name":"Object","prototype":{"type":"current_status"}}}`,
  `{"type":"pong","timestamp":"${now}","server_time":"${now}","latency_ms":1,` +
    `"__proto__":{"toString":"not a function","hasOwnProperty":null},"constructor":{"prototype":{"isAdmin":true}}}`,
];

const pick = <T>(random: Random, items: readonly T[]): { item: T; template: number } => {
  const template = random.below(items.length);
  return { item: items[template] as T, template };
};

const text = (random: Random, items: readonly string[]): Junk => {
  const { item, template } = pick(random, items);
  return { data: item, template };
};

const json = (random: Random, items: readonly unknown[]): Junk => {
  const { item, template } = pick(random, items);
  return { data: JSON.stringify(item), template };
};

/** One bad frame of `variant`. `size` is the string length for huge-string, `users` the count for legacy-field. */
export const buildJunk = (
  variant: JunkVariant,
  size: { bytes?: number; users?: number },
  context: JunkContext,
): Junk => {
  const { random, now, checkRound } = context;
  switch (variant) {
    case 'not-json':
      return text(random, notJson(now));
    case 'not-object':
      return text(random, notObject);
    case 'binary': {
      const bytes = Buffer.alloc(1 + random.below(64));
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = random.below(256);
      return { data: bytes, template: 0 };
    }
    case 'unknown-type':
      return json(random, unknownType(now));
    case 'wrong-types':
      return json(random, wrongTypes(now, checkRound));
    case 'proto-keys':
      return text(random, protoKeys(now));
    case 'legacy-field': {
      // The document renamed new_expired_users to expired_users; an old server still sends the old name.
      const users = context.expire(size.users ?? 1);
      const frame = {
        type: 'token_expired',
        count: users.length,
        total_expired: context.totalExpired(),
        new_expired_users: users,
        timestamp: now,
        check_round: checkRound,
      };
      return { data: JSON.stringify(frame), frame, template: 0, users: users.map((user) => user.user_id) };
    }
    case 'huge-string': {
      // A token_expired with nothing in it but a multi-megabyte timestamp; a client must cut or ignore it.
      const filler = 'x'.repeat(size.bytes ?? 2 * 1024 * 1024);
      const frame = { type: 'token_expired', count: 0, expired_users: [], timestamp: filler, check_round: checkRound };
      return { data: JSON.stringify(frame), template: 0 };
    }
  }
};

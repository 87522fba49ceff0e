import type { z } from '../zod';
import { readCanonicalExpiredUsers } from './canonical-expired-users';
import {
  SERVER_MESSAGE_TYPES,
  type ServerMessage,
  type ServerMessageType,
  serverMessageSchema,
} from './server-messages';

// A current_status listing 100,000 users is about 12 MB; anything far beyond that is a broken server.
export const MAX_FRAME_CHARS = 64 * 1024 * 1024;

export type ParseFailure =
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'not-json'; detail: string }
  | { ok: false; reason: 'not-object' }
  | { ok: false; reason: 'unknown-type'; type: string }
  | { ok: false; reason: 'invalid'; type: ServerMessageType; issues: string[] };

/** `warnings` name what was read leniently: the legacy field, or single entries dropped from a list. */
export type ParseResult = { ok: true; message: ServerMessage; warnings: string[] } | ParseFailure;

const isServerMessageType = (type: unknown): type is ServerMessageType =>
  typeof type === 'string' && (SERVER_MESSAGE_TYPES as readonly string[]).includes(type);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// token-monitor-ws-api.md renamed `new_expired_users` to `expired_users`; older servers still send the old name.
const readLegacyField = (frame: Record<string, unknown>, warnings: string[]) => {
  if (frame.type !== 'token_expired' || frame.expired_users !== undefined || frame.new_expired_users === undefined) {
    return frame;
  }
  warnings.push('read the legacy field new_expired_users');
  return { ...frame, expired_users: frame.new_expired_users };
};

// One malformed user must not hide the other expiries in the same message: when every issue lies inside
// an `expired_users` entry, those entries are dropped and the rest is parsed again.
const badUserIndexes = (issues: z.core.$ZodIssue[]) => {
  const indexes = new Set<number>();
  for (const { path } of issues) {
    if (path[0] !== 'expired_users' || typeof path[1] !== 'number') return undefined;
    indexes.add(path[1]);
  }
  return indexes;
};

const withoutBadUsers = (frame: Record<string, unknown>, issues: z.core.$ZodIssue[], warnings: string[]) => {
  const indexes = badUserIndexes(issues);
  if (!indexes || !Array.isArray(frame.expired_users)) return undefined;
  warnings.push(
    `dropped ${indexes.size} malformed entr${indexes.size === 1 ? 'y' : 'ies'} of expired_users: ` +
      issues.slice(0, 3).map(formatIssue).join('; '),
  );
  return { ...frame, expired_users: frame.expired_users.filter((_, index) => !indexes.has(index)) };
};

const formatIssue = (issue: z.core.$ZodIssue) =>
  `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`;

const parseJson = (raw: string): { ok: true; value: unknown } | ParseFailure => {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * A frame whose user list is already canonical: the list is read in one plain pass and the schema checks the
 * rest of the frame alone, so a 100,000-user snapshot costs little more than its JSON.parse. Anything else
 * (or a frame the schema rejects) goes the whole way through the schema.
 */
const parseWithCanonicalUsers = (frame: Record<string, unknown>): ServerMessage | undefined => {
  if (!Array.isArray(frame.expired_users)) return undefined;
  const users = readCanonicalExpiredUsers(frame.expired_users);
  if (!users) return undefined;
  const rest = serverMessageSchema.safeParse({ ...frame, expired_users: [] });
  if (!rest.success) return undefined;
  const message = rest.data;
  return message.type === 'current_status' || message.type === 'token_expired'
    ? { ...message, expired_users: users }
    : undefined;
};

/** Turns one WebSocket text frame into a typed message, or says exactly why it cannot. Never throws. */
export const parseServerMessage = (raw: string): ParseResult => {
  if (raw.length > MAX_FRAME_CHARS) return { ok: false, reason: 'too-large', size: raw.length };
  const json = parseJson(raw);
  if (!json.ok) return json;
  if (!isPlainObject(json.value)) return { ok: false, reason: 'not-object' };
  const { type } = json.value;
  if (!isServerMessageType(type)) return { ok: false, reason: 'unknown-type', type: String(type).slice(0, 80) };

  const warnings: string[] = [];
  const frame = readLegacyField(json.value, warnings);
  const fast = parseWithCanonicalUsers(frame);
  if (fast) return { ok: true, message: fast, warnings };
  let parsed = serverMessageSchema.safeParse(frame);
  if (!parsed.success) {
    const salvaged = withoutBadUsers(frame, parsed.error.issues, warnings);
    if (salvaged) parsed = serverMessageSchema.safeParse(salvaged);
  }
  if (!parsed.success) return { ok: false, reason: 'invalid', type, issues: parsed.error.issues.map(formatIssue) };
  return { ok: true, message: parsed.data, warnings };
};

/** One log line a person can act on. */
export const describeParseFailure = (failure: ParseFailure): string => {
  switch (failure.reason) {
    case 'too-large':
      return `ignored a frame of ${failure.size} characters (limit ${MAX_FRAME_CHARS})`;
    case 'not-json':
      return `ignored a frame that is not JSON: ${failure.detail}`;
    case 'not-object':
      return 'ignored a frame that is not a JSON object';
    case 'unknown-type':
      return `ignored a message of unknown type "${failure.type}"`;
    case 'invalid':
      return `ignored a ${failure.type} message with invalid fields: ${failure.issues.slice(0, 5).join('; ')}`;
  }
};

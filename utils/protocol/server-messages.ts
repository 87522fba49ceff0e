import { checked, z } from '../zod';
import { expiredUserSchema } from './expired-user';
import { boundedText, count, optional, timestamp } from './fields';

// Schemas follow token-monitor-ws-api.md. Unknown extra fields are dropped, never rejected, so a newer
// server keeps working; fields the client cannot act without are required, the rest are optional.

const message = optional(boundedText(1000));
const expiredUsers = z.array(expiredUserSchema);

export const welcomeSchema = z.object({
  type: z.literal('welcome'),
  message,
  server_time: optional(timestamp),
  client_address: optional(boundedText(200)),
});

export const currentStatusSchema = z.object({
  type: z.literal('current_status'),
  total_expired: count,
  expired_users: expiredUsers,
  last_check: optional(timestamp),
  check_round: optional(count),
  is_running: optional(z.boolean()),
  total_users: optional(count),
});

export const checkStartedSchema = z.object({
  type: z.literal('check_started'),
  check_round: count,
  timestamp: optional(timestamp),
  message,
});

export const checkProgressSchema = z.object({
  type: z.literal('check_progress'),
  current: count,
  total: count,
  percentage: optional(checked(z.number(), z.minimum(0), z.maximum(100))),
  check_round: optional(count),
  expired_found: optional(count),
  timestamp: optional(timestamp),
});

export const tokenExpiredSchema = z.object({
  type: z.literal('token_expired'),
  expired_users: expiredUsers,
  count: optional(count),
  total_expired: optional(count),
  timestamp: optional(timestamp),
  check_round: optional(count),
});

export const checkCompletedSchema = z.object({
  type: z.literal('check_completed'),
  check_round: count,
  timestamp: optional(timestamp),
  duration: optional(checked(z.number(), z.nonnegative())),
  total_users: optional(count),
  total_expired: optional(count),
  new_expired_this_round: optional(count),
});

export const pongSchema = z.object({
  type: z.literal('pong'),
  timestamp: optional(timestamp),
  server_time: optional(timestamp),
  latency_ms: optional(checked(z.number(), z.nonnegative())),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  currentStatusSchema,
  checkStartedSchema,
  checkProgressSchema,
  tokenExpiredSchema,
  checkCompletedSchema,
  pongSchema,
]);

export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type ServerMessageType = ServerMessage['type'];
export type ServerMessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;

const typesOf = (schema: typeof serverMessageSchema): ServerMessageType[] =>
  schema.def.options.flatMap((option) => option.shape.type.def.values);

// Read from the schema, so the list cannot drift from it. A bundler must assume that reading a property
// has effects; the annotation tells it this read has none, so pages that parse no message leave it out.
export const SERVER_MESSAGE_TYPES: readonly ServerMessageType[] = /* @__PURE__ */ typesOf(serverMessageSchema);

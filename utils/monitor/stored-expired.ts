import { readCanonicalExpiredUsers } from '../protocol';
import { storedExpiredSchema } from './monitor-state';

/**
 * A stored expired list read back, as a schema result. The worker's own writes are canonical and are read in
 * one plain pass (a restarted worker is waiting on it); anything else, an older or damaged value, goes
 * through the schema, which repairs or rejects it and says why.
 */
export const readStoredExpired = (value: unknown): ReturnType<typeof storedExpiredSchema.safeParse> => {
  const users = Array.isArray(value) ? readCanonicalExpiredUsers(value) : undefined;
  return users ? { success: true, data: users } : storedExpiredSchema.safeParse(value);
};

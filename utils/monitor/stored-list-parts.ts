import { checked, z } from '../zod';

/**
 * Users per stored part of the expired list: about 1.4 MB of JSON, stringified and handed to storage in a
 * task short enough that a frame or an alert arriving meanwhile waits only for that one part.
 */
export const LIST_PART_USERS = 10_000;

/**
 * Where the committed expired list lives. The list is written to the slot not in use, part by part, and
 * only then committed by one small write of this manifest; a worker stopped halfway leaves the committed
 * list whole in the other slot.
 */
export const storedListManifestSchema = z.object({
  slot: z.enum(['a', 'b']),
  parts: checked(z.number(), z.int(), z.nonnegative()),
});

export type StoredListManifest = z.infer<typeof storedListManifestSchema>;
export type ListSlot = StoredListManifest['slot'];

/** The slot a new list is written to: never the committed one. */
export const spareSlot = (committed: StoredListManifest | null): ListSlot => (committed?.slot === 'a' ? 'b' : 'a');

/** The list cut into consecutive parts of at most `size` users. */
export const listParts = <T>(users: readonly T[], size = LIST_PART_USERS): T[][] => {
  const parts: T[][] = [];
  for (let start = 0; start < users.length; start += size) parts.push(users.slice(start, start + size));
  return parts;
};

import { checked, z } from '../zod';

// Strings from the server end up in notifications, speech, storage and the DOM. A hostile or buggy
// server could send megabytes in one field, so every text is cut to a length no real value reaches.
export const boundedText = (maxLength: number) =>
  z.pipe(
    z.string(),
    z.transform((text: string) => (text.length > maxLength ? `${text.slice(0, maxLength)}…` : text)),
  );

// The document shows ids and phones as strings; a server that serialises them as numbers means the same.
export const idLike = (maxLength: number) =>
  z.pipe(z.pipe(z.union([z.string(), z.number()]), z.coerce.string()), boundedText(maxLength));

// Python servers send `None` as `null`: an absent value, not a wrong one.
export const optional = <T extends z.core.SomeType>(schema: T) =>
  z.pipe(
    z.transform<unknown, unknown>((value) => (value === null ? undefined : value)),
    z.optional(schema),
  );

export const count = checked(z.number(), z.int(), z.nonnegative());
export const timestamp = boundedText(64);

import { z } from '../zod';

// Strings from the server end up in notifications, speech, storage and the DOM. A hostile or buggy
// server could send megabytes in one field, so every text is cut to a length no real value reaches.
export const boundedText = (maxLength: number) =>
  z.string().transform((text) => (text.length > maxLength ? `${text.slice(0, maxLength)}…` : text));

// The document shows ids and phones as strings; a server that serialises them as numbers means the same.
export const idLike = (maxLength: number) =>
  z.union([z.string(), z.number()]).pipe(z.coerce.string()).pipe(boundedText(maxLength));

// Python servers send `None` as `null`: an absent value, not a wrong one.
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

export const count = z.number().int().nonnegative();
export const timestamp = boundedText(64);

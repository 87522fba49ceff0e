import { parseServerMessage, type ServerMessage } from '../utils/protocol';

/** A frame the bench built itself must parse; one that does not is a broken bench, not a figure. */
export const parsedOrThrow = (raw: string): ServerMessage => {
  const result = parseServerMessage(raw);
  if (!result.ok) throw new Error(`benchmark frame did not parse: ${result.reason}`);
  return result.message;
};

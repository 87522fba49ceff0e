import type { RawData } from 'ws';

/** What a client frame asks for. The document defines one client message: `{ type: 'ping', timestamp }`. */
export type ClientRequest = { kind: 'ping'; timestamp: unknown } | { kind: 'ignored'; reason: string };

const MAX_REASON_CHARS = 80;

const preview = (text: string): string =>
  text.length > MAX_REASON_CHARS ? `${JSON.stringify(text.slice(0, MAX_REASON_CHARS))}…` : JSON.stringify(text);

const toText = (data: RawData): string => {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
};

// A client bug must never take the server down, so anything unexpected becomes a reason to log and move on.
export const readClientFrame = (data: RawData, isBinary: boolean): ClientRequest => {
  if (isBinary) return { kind: 'ignored', reason: 'a binary frame' };
  const text = toText(data);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'ignored', reason: `a frame that is not JSON: ${preview(text)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'ignored', reason: `a frame that is not a JSON object: ${preview(text)}` };
  }
  const { type, timestamp } = value as Record<string, unknown>;
  if (type !== 'ping') return { kind: 'ignored', reason: `a message of unknown type ${preview(String(type))}` };
  return { kind: 'ping', timestamp };
};

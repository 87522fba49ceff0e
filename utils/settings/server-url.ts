import { checked, z } from '../zod';

export const DEFAULT_SERVER_URL = 'ws://localhost:8765';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const parseUrl = (text: string) => {
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
};

export type ServerUrlProblem = 'not-a-url' | 'wrong-scheme' | 'no-host';

/** Why a text cannot be a Token Monitor address, or undefined when it can. */
export const serverUrlProblem = (text: string): ServerUrlProblem | undefined => {
  const url = parseUrl(text);
  if (!url) return 'not-a-url';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'wrong-scheme';
  if (!url.hostname) return 'no-host';
  return undefined;
};

export const serverUrlSchema = checked(
  z.string(),
  z.trim(),
  z.refine((text) => serverUrlProblem(text) === undefined, { message: 'expected a ws:// or wss:// URL with a host' }),
);

/** Phones and tokens would cross the network unencrypted: worth a warning, not a refusal. */
export const isUnencryptedRemote = (text: string) => {
  const url = parseUrl(text);
  return url?.protocol === 'ws:' && !LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.');
};

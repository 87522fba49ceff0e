import { checked, z } from '../zod';
import { DEFAULT_SERVER_URL, serverUrlSchema } from './server-url';

/** Enough for production, staging and a server per region or product line, and small for sync storage. */
export const MAX_SERVERS = 20;
export const SERVER_NAME_MAX = 40;

/**
 * The server an installation had before it could watch several: it keeps that server's stored data under
 * the keys it always used, so an update announces nothing again and loses no history.
 */
export const FIRST_SERVER_ID = 'default';

/** One watched server, with switches of its own beside the global ones. */
export const serverEntrySchema = z.object({
  /** Never shown and never changed: names the server's stored data and the alerts that named it. */
  id: checked(z.string(), z.minLength(1), z.maxLength(40)),
  /** What alerts and lists call the server (生产, 测试…); empty falls back to the address's host. */
  name: z.catch(checked(z.string(), z.trim(), z.maxLength(SERVER_NAME_MAX)), ''),
  url: z.catch(serverUrlSchema, DEFAULT_SERVER_URL),
  /** Off: no socket to this server, until turned back on. */
  enabled: z.catch(z.boolean(), true),
  notifications: z.catch(z.boolean(), true),
  speech: z.catch(z.boolean(), true),
  /** Epoch milliseconds; this server's alerts stay silent until then. */
  mutedUntil: z.catch(z.nullable(z.number()), null),
});

export type ServerEntry = z.infer<typeof serverEntrySchema>;

export const newServerEntry = (id: string, url = DEFAULT_SERVER_URL, name = ''): ServerEntry =>
  serverEntrySchema.parse({ id, url, name });

/** The list as stored: entries that cannot be read are dropped one by one, a repeated id keeps its first. */
export const readServerList = (stored: unknown): ServerEntry[] => {
  if (!Array.isArray(stored)) return [];
  const seen = new Set<string>();
  const servers: ServerEntry[] = [];
  for (const item of stored.slice(0, MAX_SERVERS)) {
    const parsed = serverEntrySchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    servers.push(parsed.data);
  }
  return servers;
};

/**
 * The list an older version's settings stand for: its one server URL (and whether monitoring was on) as
 * the first server, under FIRST_SERVER_ID.
 */
export const serversFromSingleUrl = (stored: Record<string, unknown>): ServerEntry[] => [
  serverEntrySchema.parse({ id: FIRST_SERVER_ID, url: stored.serverUrl }),
];

/** The name alerts and lists show: the one given, or the address's host and port. */
export const serverLabel = (server: Pick<ServerEntry, 'name' | 'url'>) => {
  if (server.name) return server.name;
  try {
    return new URL(server.url).host;
  } catch {
    return server.url;
  }
};

/** A fresh id, distinct from the ones in use. */
export const unusedServerId = (servers: readonly ServerEntry[], random: () => number) => {
  const taken = new Set(servers.map((server) => server.id));
  for (;;) {
    const id = `s${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!taken.has(id)) return id;
  }
};

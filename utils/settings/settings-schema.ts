import { checked, z } from '../zod';
import {
  FIRST_SERVER_ID,
  MAX_SERVERS,
  newServerEntry,
  readServerList,
  serverEntrySchema,
  serversFromSingleUrl,
} from './server-entry';

export const IGNORED_USERS_LIMIT = 200;

const clockTime = checked(z.string(), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'));

// Every field falls back on its own: one corrupt value resets that value, not the user's other choices.
export const settingsSchema = z.object({
  /** The servers watched, in the user's order (read through readSettings, which repairs them one by one). */
  servers: z.catch(checked(z.array(serverEntrySchema), z.maxLength(MAX_SERVERS)), () => [
    newServerEntry(FIRST_SERVER_ID),
  ]),
  /** Off means: no socket to any server, until the user turns it back on. */
  monitoring: z.catch(z.boolean(), true),
  notifications: z.catch(z.boolean(), true),
  speech: z.catch(
    z.object({
      enabled: z.catch(z.boolean(), true),
      /** A voice name from tts.getVoices(); null picks the best voice for the language. */
      voiceName: z.catch(z.nullable(z.string()), null),
      rate: z.catch(checked(z.number(), z.minimum(0.5), z.maximum(2)), 1),
      volume: z.catch(checked(z.number(), z.minimum(0), z.maximum(1)), 1),
    }),
    { enabled: true, voiceName: null, rate: 1, volume: 1 },
  ),
  maskPhones: z.catch(z.boolean(), true),
  /** Epoch milliseconds; alerts stay silent until then. */
  mutedUntil: z.catch(z.nullable(z.number()), null),
  quietHours: z.catch(
    z.object({
      enabled: z.catch(z.boolean(), false),
      start: z.catch(clockTime, '22:00'),
      end: z.catch(clockTime, '08:00'),
    }),
    { enabled: false, start: '22:00', end: '08:00' },
  ),
  /** The document's `alwaysNotify`: a summary reminder after every round while expired tokens remain. */
  remindEveryRound: z.catch(z.boolean(), false),
  language: z.catch(z.enum(['auto', 'zh_CN', 'en']), 'auto'),
  /**
   * user_ids that never alert (test accounts, say); they stay in the list, dimmed. Bounded so the settings
   * stay within sync storage's 8 KB per item.
   */
  ignoredUsers: z.catch(checked(z.array(checked(z.string(), z.maxLength(128))), z.maxLength(IGNORED_USERS_LIMIT)), []),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Language = Settings['language'];

export const defaultSettings: Settings = settingsSchema.parse({});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Chrome's sync storage hands objects back with their keys sorted: compare by content, not by order.
const sameValue = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return Object.is(a, b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
};

/**
 * Reads stored settings whatever they hold: values from an older version or a corrupt store become
 * defaults field by field, and the caller learns which fields were replaced so it can log them.
 */
export const readSettings = (stored: unknown): { settings: Settings; replaced: string[] } => {
  const input = isRecord(stored) ? stored : {};
  // An older version watched one server URL: it becomes the first (and only) server of the list.
  const servers = 'servers' in input ? readServerList(input.servers) : serversFromSingleUrl(input);
  const settings = settingsSchema.parse({ ...input, servers });
  const replaced = Object.keys(input).filter(
    (key) => key in settings && !sameValue(input[key], settings[key as keyof Settings]),
  );
  return { settings, replaced };
};

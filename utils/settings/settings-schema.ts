import { z } from '../zod';
import { DEFAULT_SERVER_URL, serverUrlSchema } from './server-url';

export const IGNORED_USERS_LIMIT = 200;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

// Every field falls back on its own: one corrupt value resets that value, not the user's other choices.
export const settingsSchema = z.object({
  serverUrl: serverUrlSchema.catch(DEFAULT_SERVER_URL),
  /** Off means: no socket at all, until the user turns it back on. */
  monitoring: z.boolean().catch(true),
  notifications: z.boolean().catch(true),
  speech: z
    .object({
      enabled: z.boolean().catch(true),
      /** A voice name from tts.getVoices(); null picks the best voice for the language. */
      voiceName: z.string().nullable().catch(null),
      rate: z.number().min(0.5).max(2).catch(1),
      volume: z.number().min(0).max(1).catch(1),
    })
    .catch({ enabled: true, voiceName: null, rate: 1, volume: 1 }),
  maskPhones: z.boolean().catch(true),
  /** Epoch milliseconds; alerts stay silent until then. */
  mutedUntil: z.number().nullable().catch(null),
  quietHours: z
    .object({ enabled: z.boolean().catch(false), start: clockTime.catch('22:00'), end: clockTime.catch('08:00') })
    .catch({ enabled: false, start: '22:00', end: '08:00' }),
  /** The document's `alwaysNotify`: a summary reminder after every round while expired tokens remain. */
  remindEveryRound: z.boolean().catch(false),
  language: z.enum(['auto', 'zh_CN', 'en']).catch('auto'),
  /**
   * user_ids that never alert (test accounts, say); they stay in the list, dimmed. Bounded so the settings
   * stay within sync storage's 8 KB per item.
   */
  ignoredUsers: z.array(z.string().max(128)).max(IGNORED_USERS_LIMIT).catch([]),
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
  const settings = settingsSchema.parse(input);
  const replaced = Object.keys(input).filter(
    (key) => key in settings && !sameValue(input[key], settings[key as keyof Settings]),
  );
  return { settings, replaced };
};

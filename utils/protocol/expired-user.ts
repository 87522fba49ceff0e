import { z } from '../zod';
import { boundedText, idLike, optional } from './fields';

/** An optional text that reads as empty when absent. */
const orEmpty = (schema: z.ZodMiniType<string>) =>
  z.pipe(
    optional(schema),
    z.transform((text: string | undefined) => text ?? ''),
  );

/** The longest value each field keeps: longer ones are cut. */
export const EXPIRED_USER_LIMITS = { user_id: 128, phone: 64, token: 512, expired_time: 64 } as const;

export const expiredUserSchema = z.object({
  user_id: idLike(EXPIRED_USER_LIMITS.user_id),
  phone: orEmpty(idLike(EXPIRED_USER_LIMITS.phone)),
  token: orEmpty(boundedText(EXPIRED_USER_LIMITS.token)),
  expired_time: orEmpty(boundedText(EXPIRED_USER_LIMITS.expired_time)),
});

export type ExpiredUser = z.infer<typeof expiredUserSchema>;

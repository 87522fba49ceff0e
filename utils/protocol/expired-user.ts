import { z } from '../zod';
import { boundedText, idLike, optional } from './fields';

export const expiredUserSchema = z.object({
  user_id: idLike(128),
  phone: optional(idLike(64)).transform((phone) => phone ?? ''),
  token: optional(boundedText(512)).transform((token) => token ?? ''),
  expired_time: optional(boundedText(64)).transform((time) => time ?? ''),
});

export type ExpiredUser = z.infer<typeof expiredUserSchema>;

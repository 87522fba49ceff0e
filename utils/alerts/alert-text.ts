import type { WorkerTranslate } from '../i18n';
import type { AlertBatch } from './alert-batch';
import { lastFourDigits, maskPhone } from './mask-phone';

const PHONES_IN_NOTIFICATION = 3;
const PHONES_IN_SPEECH = 3;

const titleKey = (batch: AlertBatch) => {
  if (batch.kind === 'summary') return 'alertSummaryTitle';
  if (batch.kind === 'reminder') return 'alertReminderTitle';
  return batch.count === 1 ? 'alertTitleOne' : 'alertTitle';
};

export interface NotificationText {
  title: string;
  message: string;
  /** One entry per named user, for Chrome's list notifications. */
  items: { title: string; message: string }[];
}

/** Notification text: a count and a few phones, never a token. */
export const notificationText = (batch: AlertBatch, t: WorkerTranslate, maskPhones: boolean): NotificationText => {
  const named = batch.sample.slice(0, PHONES_IN_NOTIFICATION);
  const phones = named.map((user) => (maskPhones ? maskPhone(user.phone) : user.phone) || user.user_id);
  const rest = batch.count - named.length;
  const more = rest > 0 && named.length > 0 ? ` ${t('alertMore', { count: rest })}` : '';
  return {
    title: t(titleKey(batch), { count: batch.count }),
    message: `${phones.join(t('listSeparator'))}${more}`,
    items: named.map((user, index) => ({ title: phones[index] ?? '', message: user.expired_time })),
  };
};

const foundText = (batch: AlertBatch, t: WorkerTranslate, followUp: boolean) => {
  if (followUp) return batch.count === 1 ? t('speechMoreOne') : t('speechMore', { count: batch.count });
  return batch.count === 1 ? t('speechFoundOne') : t('speechFound', { count: batch.count });
};

/**
 * One utterance per batch: the count and at most the last four digits of three phones. A follow-up tells
 * what joined an alert after its first utterance ("又有 2 个…").
 */
export const speechText = (batch: AlertBatch, t: WorkerTranslate, followUp = false): string => {
  if (batch.kind === 'reminder') return t('speechRemind', { count: batch.count });
  const found = foundText(batch, t, followUp);
  const digits = batch.sample
    .slice(0, PHONES_IN_SPEECH)
    .map((user) => lastFourDigits(user.phone))
    .filter((four) => four.length > 0);
  return digits.length > 0
    ? `${found}${t('clauseSeparator')}${t('speechPhones', { digits: digits.join(t('listSeparator')) })}`
    : found;
};

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

/** "生产 3 个，测试 1 个": each server the batch came from with its count; empty when servers go unnamed. */
const serverCounts = (batch: AlertBatch, t: WorkerTranslate, nameServers: boolean) =>
  nameServers
    ? batch.servers.map(({ label, count }) => t('serverCount', { server: label, count })).join(t('clauseSeparator'))
    : '';

/**
 * Notification text: a count and a few phones, never a token. With several servers watched (`nameServers`),
 * the first line says which servers the expiries came from, each with its count.
 */
export const notificationText = (
  batch: AlertBatch,
  t: WorkerTranslate,
  maskPhones: boolean,
  nameServers = false,
): NotificationText => {
  const named = batch.sample.slice(0, PHONES_IN_NOTIFICATION);
  const phones = named.map((user) => (maskPhones ? maskPhone(user.phone) : user.phone) || user.user_id);
  const rest = batch.count - named.length;
  const more = rest > 0 && named.length > 0 ? ` ${t('alertMore', { count: rest })}` : '';
  const servers = serverCounts(batch, t, nameServers);
  return {
    title: t(titleKey(batch), { count: batch.count }),
    message: [servers, `${phones.join(t('listSeparator'))}${more}`].filter(Boolean).join('\n'),
    items: named.map((user, index) => ({ title: phones[index] ?? '', message: user.expired_time })),
  };
};

const foundText = (batch: AlertBatch, t: WorkerTranslate, followUp: boolean, nameServers: boolean) => {
  if (followUp) return batch.count === 1 ? t('speechMoreOne') : t('speechMore', { count: batch.count });
  const servers = serverCounts(batch, t, nameServers);
  if (servers) return t('speechServers', { servers });
  return batch.count === 1 ? t('speechFoundOne') : t('speechFound', { count: batch.count });
};

/**
 * One utterance per batch: the count (with several servers watched, each server's) and at most the last four
 * digits of three phones. A follow-up tells what joined an alert after its first utterance ("又有 2 个…").
 */
export const speechText = (batch: AlertBatch, t: WorkerTranslate, followUp = false, nameServers = false): string => {
  if (batch.kind === 'reminder') return t('speechRemind', { count: batch.count });
  const found = foundText(batch, t, followUp, nameServers);
  const digits = batch.sample
    .slice(0, PHONES_IN_SPEECH)
    .map((user) => lastFourDigits(user.phone))
    .filter((four) => four.length > 0);
  return digits.length > 0
    ? `${found}${t('clauseSeparator')}${t('speechPhones', { digits: digits.join(t('listSeparator')) })}`
    : found;
};

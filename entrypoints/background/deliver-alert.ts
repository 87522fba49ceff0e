import type { AlertBatch } from '../../utils/alerts';
import { notificationText, planAlert, speechText } from '../../utils/alerts';
import { resolveLocale, translatorFor } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { showNotification } from './notifier';
import { speak } from './speaker';

/** Turns a batch into what the user sees and hears, as their settings allow. */
export const deliverAlert = async (batch: AlertBatch, settings: Settings, browserLanguage: string) => {
  const locale = resolveLocale(settings.language, browserLanguage);
  const t = translatorFor(locale);
  const plan = planAlert(batch, settings, Date.now());
  const work: Promise<unknown>[] = [];
  if (plan.notify) {
    const text = notificationText(batch, t, settings.maskPhones);
    work.push(showNotification(text, plan.silent, [t('alertButtonOpen'), t('alertButtonMute')]));
  }
  if (plan.speak) work.push(speak(speechText(batch, t), settings.speech, locale));
  await Promise.all(work);
};

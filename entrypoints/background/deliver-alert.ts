import type { AlertBatch } from '../../utils/alerts';
import { notificationText, planAlert, speechText } from '../../utils/alerts';
import { resolveLocale, translatorFor } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { journalAlert, journalSpeech } from './journal';
import { showNotification } from './notifier';
import { speak } from './speaker';

/** Turns a batch into what the user sees and hears, as their settings allow, and keeps a record of it. */
export const deliverAlert = async (batch: AlertBatch, settings: Settings, browserLanguage: string) => {
  const locale = resolveLocale(settings.language, browserLanguage);
  const t = translatorFor(locale);
  const now = Date.now();
  const plan = planAlert(batch, settings, now);
  if (!plan.notify && !plan.speak) return;
  const id = String(now);
  await journalAlert({
    id,
    at: now,
    kind: batch.kind,
    count: batch.count,
    notified: plan.notify,
    silent: plan.silent,
    speech: plan.speak ? 'requested' : 'off',
  });
  const work: Promise<unknown>[] = [];
  if (plan.notify) {
    const text = notificationText(batch, t, settings.maskPhones);
    work.push(showNotification(text, plan.silent, [t('alertButtonOpen'), t('alertButtonMute')]));
  }
  if (plan.speak) {
    work.push(
      speak(speechText(batch, t), settings.speech, locale, (outcome, voice, error) =>
        journalSpeech(id, outcome, voice, error),
      ),
    );
  }
  await Promise.all(work);
};

import type { JournalEntry } from '../utils/alerts/alert-journal';
import { maskPhone } from '../utils/alerts/mask-phone';
import { formatFullDateTime, formatNumber } from '../utils/format';
import type { MessageKey } from '../utils/i18n';
import { expiredRowKey } from '../utils/ui/expired-row-key';
import { Button } from './Button';
import { Input } from './Input';
import { useI18n } from './i18n-context';
import './AlertHistory.css';

/** A row names a few users; the rest are one click away (Show these users). */
const USERS_SHOWN = 6;

const SPEECH_WORDS: Record<JournalEntry['speech'], MessageKey> = {
  off: 'historySpeechOff',
  requested: 'historySpeechRequested',
  start: 'historySpeechStart',
  end: 'historySpeechEnd',
  interrupted: 'historySpeechInterrupted',
  error: 'historySpeechError',
};

const TITLE_WORDS: Record<JournalEntry['kind'], MessageKey> = {
  new: 'alertTitle',
  summary: 'alertSummaryTitle',
  reminder: 'alertReminderTitle',
};

export interface AlertHistoryProps {
  /** The alerts to list (already searched), newest first; null while the history loads. */
  alerts: readonly JournalEntry[] | null;
  /** How many alerts the history holds in all. */
  total: number;
  search: string;
  onSearchChange: (search: string) => void;
  masked: boolean;
  /** Narrows the expired list to the users one alert named. */
  onShowUsers: (alertId: string) => void;
  onExport: () => void;
}

const Delivery = ({ entry }: { entry: JournalEntry }) => {
  const { t } = useI18n();
  const shown = entry.notified ? (entry.silent ? 'historySilent' : 'historyShown') : 'historyNotShown';
  return (
    <span class="history__delivery">
      <span class={`history__chip history__chip--${entry.notified ? 'ok' : 'off'}`}>{t(shown)}</span>
      <span class={`history__chip history__chip--${entry.speech}`} title={entry.voice ?? entry.speechError}>
        {t(SPEECH_WORDS[entry.speech])}
      </span>
    </span>
  );
};

const AlertRow = ({
  entry,
  masked,
  onShowUsers,
}: {
  entry: JournalEntry;
  masked: boolean;
  onShowUsers: (id: string) => void;
}) => {
  const { locale, t } = useI18n();
  const named = entry.users.slice(0, USERS_SHOWN);
  const more = entry.count - named.length;
  return (
    <li class="history__row">
      <time class="history__time" dateTime={new Date(entry.at).toISOString()}>
        {formatFullDateTime(entry.at, locale)}
      </time>
      <span class="history__title">{t(TITLE_WORDS[entry.kind], { count: formatNumber(entry.count, locale) })}</span>
      <span class="history__users">
        {named.map((user) => (
          <span class="history__user" key={`${expiredRowKey(user)}@${user.expired_time}`} title={user.user_id}>
            {(masked ? maskPhone(user.phone) : user.phone) || user.user_id}
          </span>
        ))}
        {more > 0 && named.length > 0 && <span class="history__more">{t('historyMoreUsers', { count: more })}</span>}
      </span>
      <Delivery entry={entry} />
      <span class="history__action">
        {entry.users.length > 0 && (
          <Button variant="ghost" size="small" onClick={() => onShowUsers(entry.id)}>
            {t('historyShowUsers')}
          </Button>
        )}
      </span>
    </li>
  );
};

/** Every alert delivered, newest first: when, whom it named, whether it showed and how the speech went. */
export const AlertHistory = ({
  alerts,
  total,
  search,
  onSearchChange,
  masked,
  onShowUsers,
  onExport,
}: AlertHistoryProps) => {
  const { locale, t } = useI18n();
  return (
    <div class="history">
      <div class="history__toolbar">
        <div class="history__search">
          <Input
            type="search"
            value={search}
            maxLength={200}
            aria-label={t('historySearchLabel')}
            placeholder={t('historySearchPlaceholder')}
            onInput={(event) => onSearchChange(event.currentTarget.value)}
          />
        </div>
        <span class="history__count" aria-live="polite">
          {t('historyCount', { count: formatNumber(alerts?.length ?? 0, locale) })}
        </span>
        <Button icon="download" onClick={onExport} disabled={total === 0}>
          {t('historyExport')}
        </Button>
      </div>
      {alerts !== null && alerts.length === 0 ? (
        <p class="history__empty">
          {search.trim() ? t('historyNoMatch', { search: search.trim() }) : t('historyEmpty')}
        </p>
      ) : (
        <ol class="history__list" aria-label={t('historyLabel')}>
          {(alerts ?? []).map((entry) => (
            <AlertRow key={entry.id} entry={entry} masked={masked} onShowUsers={onShowUsers} />
          ))}
        </ol>
      )}
    </div>
  );
};

// biome-ignore-all lint/a11y/useSemanticElements: a windowed table positions each row on its own, which native table layout cannot do; ARIA table roles keep the semantics (WAI-ARIA APG, "Table" pattern, aria-rowcount/aria-rowindex for partially rendered rows).
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells belong to a static table, not a grid; the copy buttons inside them take focus.
import { maskPhone } from '../utils/alerts/mask-phone';
import type { ExpiredRow } from '../utils/expired/expired-query';
import { formatFullDateTime, formatShortDateTime, parseServerTime } from '../utils/format';
import { Button } from './Button';
import { useI18n } from './i18n-context';

export interface ExpiredListRowProps {
  /** undefined while the row's page is being fetched. */
  row: ExpiredRow | undefined;
  masked: boolean;
  rowIndex: number;
  style: { transform: string; height: string };
  onCopyPhone: (phone: string) => void;
  /** Ignores or un-ignores the row's user; without it the row offers no such action (the popup). */
  onToggleIgnore?: (userId: string) => void;
  /** Server id to name, when the list mixes several servers; without it the row has no server column. */
  serverLabels?: ReadonlyMap<string, string>;
}

/** One expired user. Every value is rendered as text: a server cannot inject markup through a phone. */
export const ExpiredListRow = ({
  row,
  masked,
  rowIndex,
  style,
  onCopyPhone,
  onToggleIgnore,
  serverLabels,
}: ExpiredListRowProps) => {
  const { locale, t } = useI18n();
  if (!row) {
    return (
      <div class="xrow xrow--loading" role="row" aria-rowindex={rowIndex} style={style}>
        <span class="xrow__cell" role="cell">
          <span class="xrow__skeleton" />
          <span class="visually-hidden">{t('rowLoading')}</span>
        </span>
        <span class="xrow__cell" role="cell">
          <span class="xrow__skeleton xrow__skeleton--short" />
        </span>
        {serverLabels && <span class="xrow__cell" role="cell" />}
        <span class="xrow__cell" role="cell" />
        <span class="xrow__cell" role="cell" />
      </div>
    );
  }
  const phone = row.phone === '' ? t('valueNone') : masked ? maskPhone(row.phone) : row.phone;
  const time = parseServerTime(row.expired_time);
  // A server removed from the options a moment ago has no name any more: its id still tells rows apart.
  const server = serverLabels && (serverLabels.get(row.server) ?? row.server);
  return (
    <div class={row.ignored ? 'xrow xrow--ignored' : 'xrow'} role="row" aria-rowindex={rowIndex} style={style}>
      {/* A masked number must not show in full on hover either. */}
      <span class="xrow__cell xrow__phone" role="cell" title={masked ? undefined : row.phone}>
        {phone}
      </span>
      <span class="xrow__cell xrow__user" role="cell" title={row.user_id}>
        {row.user_id}
        {/* Dimming alone would be colour alone: the word says it too. */}
        {row.ignored && <span class="xrow__tag">{t('ignoredTag')}</span>}
      </span>
      {server !== undefined && (
        <span class="xrow__cell xrow__server" role="cell" title={server}>
          {server}
        </span>
      )}
      <span
        class="xrow__cell xrow__time"
        role="cell"
        title={time === null ? row.expired_time : formatFullDateTime(time, locale)}
      >
        {time === null ? row.expired_time || t('valueNone') : formatShortDateTime(time, locale)}
      </span>
      <span class="xrow__cell xrow__actions" role="cell">
        {row.phone !== '' && (
          <Button
            variant="ghost"
            size="small"
            icon="copy"
            iconOnly
            label={t('copyPhone', { phone })}
            onClick={() => onCopyPhone(row.phone)}
          />
        )}
        {onToggleIgnore && (
          <Button
            variant="ghost"
            size="small"
            icon={row.ignored ? 'bell' : 'bell-off'}
            iconOnly
            label={t(row.ignored ? 'unignoreUser' : 'ignoreUser', { user: row.user_id })}
            aria-pressed={row.ignored}
            onClick={() => onToggleIgnore(row.user_id)}
          />
        )}
      </span>
    </div>
  );
};

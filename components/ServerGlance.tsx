import type { ServerView } from '../utils/monitor/monitor-view';
import { useI18n } from './i18n-context';
import { ServerRow } from './ServerRow';
import './ServerGlance.css';

export interface ServerGlanceProps {
  servers: readonly ServerView[];
  now: number;
  /**
   * Rows shown before the list scrolls (the popup, where the expired list needs the room); unset, every
   * server is shown.
   */
  visibleRows?: number;
}

/** Every watched server, one compact row each, in the order the options list them. */
export const ServerGlance = ({ servers, now, visibleRows }: ServerGlanceProps) => {
  const { t } = useI18n();
  const scrolls = visibleRows !== undefined && servers.length > visibleRows;
  return (
    <ul
      class={`servers${scrolls ? ' servers--scrolls' : ''}`}
      style={scrolls ? { '--servers-visible': String(visibleRows) } : undefined}
      // A list that scrolls holds nothing focusable: it takes focus itself, so the keyboard can scroll it.
      tabIndex={scrolls ? 0 : undefined}
      aria-label={t('serversTitle')}
    >
      {servers.map((server) => (
        <ServerRow key={server.id} server={server} now={now} />
      ))}
    </ul>
  );
};

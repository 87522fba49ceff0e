import type { MonitorView } from '../monitor/monitor-view';

/** The server address the list's notices name: the one in use, or the saved one while monitoring is off. */
export const noticeUrl = (view: MonitorView | null, savedUrl: string): string => {
  const connection = view?.connection;
  return connection && connection.phase !== 'off' ? connection.url : savedUrl;
};

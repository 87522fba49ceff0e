import type { MonitorView } from '../monitor/monitor-view';

export type ListNoticeKind = 'starting' | 'off' | 'unreachable' | 'connecting' | 'empty' | 'no-match' | 'error';

export interface ListNoticeInput {
  view: MonitorView | null;
  /** Users matching the search, null before the worker has answered. */
  matched: number | null;
  failed: boolean;
  search: string;
}

/** What stands in the list's place, if anything: the list itself is shown whenever it has rows to show. */
export const listNoticeKind = ({ view, matched, failed, search }: ListNoticeInput): ListNoticeKind | null => {
  if (!view) return 'starting';
  if (view.expiredCount === 0) {
    if (view.connection.phase === 'off') return 'off';
    if (view.hasSnapshot) return 'empty';
    const refused = view.connection.phase === 'waiting' && view.connection.problem.kind === 'refused';
    return refused ? 'unreachable' : 'connecting';
  }
  if (failed && matched === null) return 'error';
  if (matched === 0) return search ? 'no-match' : 'empty';
  return null;
};

import type { MonitorView, ServerView } from '../monitor/monitor-view';

const NONE: readonly ServerView[] = [];

/**
 * The servers a page shows one by one: every server when more than one is watched, none otherwise, so a
 * page watching one server looks exactly as it did before there could be several.
 */
export const severalServers = (view: MonitorView | null): readonly ServerView[] =>
  view && view.servers.length > 1 ? view.servers : NONE;

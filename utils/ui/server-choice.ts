/**
 * A server picked in a page's drop-down, if it is still watched: one removed in the options meanwhile no
 * longer narrows anything, and the page falls back to every server (or the first, for the chart).
 */
export const serverChoice = (servers: readonly { id: string }[], chosen: string | null | undefined): string | null =>
  chosen != null && servers.some((server) => server.id === chosen) ? chosen : null;

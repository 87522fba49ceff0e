import type { ConnectionStatus } from '../connection/connection-status';
import { connectionStatusSchema } from '../connection/connection-status';
import { checked, z } from '../zod';
import {
  initialMonitorState,
  latencySchema,
  type MonitorState,
  roundSchema,
  roundSummarySchema,
  totalsSchema,
} from './monitor-state';

/** One server at a glance, for the pages' compact rows. */
export const serverViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  connection: connectionStatusSchema,
  hasSnapshot: z.boolean(),
  round: z.nullable(roundSchema),
  totalExpired: checked(z.number(), z.int(), z.nonnegative()),
  history: z.array(roundSummarySchema),
});

/**
 * The small live summary the worker publishes for its pages (popup, dashboard, options): every server
 * together, and each one at a glance. The expired list itself is not in it: pages ask the worker for the
 * rows they show, so 100,000 users cost them nothing.
 */
export const monitorViewSchema = z.object({
  /** The least connected of the servers watched ('off' when none is). */
  connection: connectionStatusSchema,
  hasSnapshot: z.boolean(),
  round: z.nullable(roundSchema),
  /** Summed over the servers. */
  totals: totalsSchema,
  /** The one server's completed rounds; with several, each server's are in `servers` (not one series). */
  history: z.array(roundSummarySchema),
  latency: latencySchema,
  expiredCount: checked(z.number(), z.int(), z.nonnegative()),
  /** Changes whenever the expired list changes, so an open list knows to ask again. */
  expiredVersion: checked(z.number(), z.int(), z.nonnegative()),
  servers: z._default(z.array(serverViewSchema), []),
});

export type MonitorView = z.infer<typeof monitorViewSchema>;
export type ServerView = z.infer<typeof serverViewSchema>;

/** One server as the view takes it in. */
export interface ServerPart {
  id: string;
  label: string;
  state: MonitorState;
  connection: ConnectionStatus;
}

/** Worst first: the view's connection is the one that most needs the user's eye. */
const CONNECTION_RANK: Record<ConnectionStatus['phase'], number> = { waiting: 0, connecting: 1, open: 2, off: 3 };

const leastConnected = (parts: readonly ServerPart[]): ConnectionStatus =>
  parts
    .map((part) => part.connection)
    .reduce<ConnectionStatus>(
      (worst, next) => (CONNECTION_RANK[next.phase] < CONNECTION_RANK[worst.phase] ? next : worst),
      { phase: 'off' },
    );

/** The round to show for all servers: one under way, else the one that started last. */
const currentRound = (parts: readonly ServerPart[]) => {
  const rounds = parts.flatMap((part) => (part.state.round ? [part.state.round] : []));
  return rounds.find((round) => round.phase === 'running') ?? rounds.at(-1) ?? null;
};

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const latestText = (values: readonly (string | null)[]) =>
  values.reduce<string | null>(
    (latest, value) => (value !== null && (latest === null || value > latest) ? value : latest),
    null,
  );

export const toMonitorView = (parts: readonly ServerPart[], expiredVersion: number): MonitorView => {
  const states = parts.map((part) => part.state);
  const totalUsers = states.flatMap((state) => (state.totals.totalUsers === null ? [] : [state.totals.totalUsers]));
  const open = parts.find((part) => part.connection.phase === 'open');
  return {
    connection: leastConnected(parts),
    hasSnapshot: states.some((state) => state.hasSnapshot),
    round: currentRound(parts),
    totals: {
      totalUsers: totalUsers.length > 0 ? sum(totalUsers) : null,
      totalExpired: sum(states.map((state) => state.totals.totalExpired)),
      lastCheck: latestText(states.map((state) => state.totals.lastCheck)),
    },
    history: parts.length === 1 ? (states[0]?.history ?? []) : [],
    latency: (open ?? parts[0])?.state.latency ?? initialMonitorState.latency,
    expiredCount: sum(states.map((state) => state.expired.size)),
    expiredVersion,
    servers: parts.map(({ id, label, state, connection }) => ({
      id,
      label,
      connection,
      hasSnapshot: state.hasSnapshot,
      round: state.round,
      totalExpired: state.totals.totalExpired,
      history: state.history,
    })),
  };
};

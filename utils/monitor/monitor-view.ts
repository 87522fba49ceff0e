import type { ConnectionStatus } from '../connection/connection-status';
import { connectionStatusSchema } from '../connection/connection-status';
import { checked, z } from '../zod';
import { latencySchema, type MonitorState, roundSchema, roundSummarySchema, totalsSchema } from './monitor-state';

/**
 * The small live summary the worker publishes for its pages (popup, dashboard, options). The expired list
 * itself is not in it: pages ask the worker for the rows they show, so 100,000 users cost them nothing.
 */
export const monitorViewSchema = z.object({
  connection: connectionStatusSchema,
  hasSnapshot: z.boolean(),
  round: z.nullable(roundSchema),
  totals: totalsSchema,
  history: z.array(roundSummarySchema),
  latency: latencySchema,
  expiredCount: checked(z.number(), z.int(), z.nonnegative()),
  /** Changes whenever the expired list changes, so an open list knows to ask again. */
  expiredVersion: checked(z.number(), z.int(), z.nonnegative()),
});

export type MonitorView = z.infer<typeof monitorViewSchema>;

export const toMonitorView = (
  state: MonitorState,
  connection: ConnectionStatus,
  expiredVersion: number,
): MonitorView => ({
  connection,
  hasSnapshot: state.hasSnapshot,
  round: state.round,
  totals: state.totals,
  history: state.history,
  latency: state.latency,
  expiredCount: state.expired.size,
  expiredVersion,
});

/**
 * The ways out the connection line and the list's notices offer when alerts cannot arrive. One set, so a
 * page builds it once (useMonitorActions) and hands it to both.
 */
export interface MonitorActions {
  onReconnect: () => void;
  onTurnOn: () => void;
  onOpenSettings: () => void;
}

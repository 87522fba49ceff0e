export type TimerHandle = ReturnType<typeof setTimeout>;

/** Timer functions, injected so tests drive time (fake timers) and the code never reaches for globals. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

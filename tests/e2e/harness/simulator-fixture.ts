import { type Simulator, type SimulatorOptions, startSimulator } from '../../../simulator/server';

/**
 * A simulator made for tests: fast rounds, no random expiries (the test decides who expires), a fixed
 * seed, silent logs. The extension is pointed at its URL through its settings.
 */
export const startTestSimulator = (options: SimulatorOptions = {}): Promise<Simulator> =>
  startSimulator({
    port: 0,
    users: 410,
    initialExpired: 3,
    interval: 6,
    checkDuration: 3,
    progressInterval: 0.2,
    firstRoundDelay: 0.5,
    expireRate: 0,
    renewRate: 0,
    seed: 7,
    log: () => {},
    ...options,
  });

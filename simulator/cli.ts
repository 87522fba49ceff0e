import { parseArgs } from 'node:util';
import {
  CHAOS_DEFAULTS,
  type ChaosOptions,
  type ChaosSimulator,
  FAULT_KINDS,
  type FaultKind,
  formatFaultCounts,
  startChaosSimulator,
} from './chaos.ts';
import { DEFAULT_OPTIONS, type NumericOption, OptionError, type SimulatorOptions } from './options.ts';
import { type Simulator, startSimulator } from './server.ts';

const USAGE = `Usage: npm run simulator -- [options]

Serves the Token Monitor WebSocket protocol (token-monitor-ws-api.md) with a simulated population.

Options (times in seconds):
  --host <address>            interface to listen on (default ${DEFAULT_OPTIONS.host})
  --port <n>                  port, 0 for any free one (default ${DEFAULT_OPTIONS.port})
  --users <n>                 users monitored (default ${DEFAULT_OPTIONS.users})
  --interval <s>              time between round starts (default ${DEFAULT_OPTIONS.interval})
  --check-duration <s>        time one round takes (default ${DEFAULT_OPTIONS.checkDuration})
  --expire-rate <p>           chance a valid user expires when checked (default ${DEFAULT_OPTIONS.expireRate})
  --renew-rate <p>            chance an expired user renews each round (default ${DEFAULT_OPTIONS.renewRate})
  --seed <n>                  PRNG seed, 0 to 4294967295 (default: random, printed)
  --initial-expired <n>       users expired at start (default ${DEFAULT_OPTIONS.initialExpired})
  --status-interval <s>       time between current_status broadcasts (default ${DEFAULT_OPTIONS.statusInterval})
  --progress-interval <s>     time between check_progress messages (default ${DEFAULT_OPTIONS.progressInterval})
  --first-round-delay <s>     time from start to the first round (default ${DEFAULT_OPTIONS.firstRoundDelay})
  -h, --help                  show this help

Chaos mode (loopback only): faults drawn from the seed, and a ground-truth log of every expiry made known.
Its defaults differ: --interval ${CHAOS_DEFAULTS.interval}, --check-duration ${CHAOS_DEFAULTS.checkDuration}, \
--expire-rate ${CHAOS_DEFAULTS.expireRate}, --renew-rate ${CHAOS_DEFAULTS.renewRate}, --status-interval ${CHAOS_DEFAULTS.statusInterval}.
  --chaos                     turn chaos mode on
  --truth <file>              write the truth log to <file> as JSON lines
  --fault-interval <s>        mean time between faults, 0 for none (default ${CHAOS_DEFAULTS.faultInterval})
  --faults <kind,...>         kinds to draw from (default all: ${FAULT_KINDS.join(', ')})
  --fault-time-scale <x>      multiply fault durations (silences, downtimes) by x (default ${CHAOS_DEFAULTS.faultTimeScale})

Controls on the same port (e.g. curl -X POST http://127.0.0.1:8765/control/expire?count=3):
  POST /control/round, /control/expire?count=N, /control/renew[?user_ids=a,b], /control/drop,
  /control/silence?on=1|0, /control/raw (body sent verbatim); GET /control/state[?full=1],
  GET /control/truth (chaos mode)`;

const NUMERIC_FLAGS = {
  port: 'port',
  users: 'users',
  interval: 'interval',
  'check-duration': 'checkDuration',
  'expire-rate': 'expireRate',
  'renew-rate': 'renewRate',
  seed: 'seed',
  'initial-expired': 'initialExpired',
  'status-interval': 'statusInterval',
  'progress-interval': 'progressInterval',
  'first-round-delay': 'firstRoundDelay',
} as const satisfies Record<string, NumericOption>;

type NumericFlag = keyof typeof NUMERIC_FLAGS;

const NUMERIC_FLAG_NAMES = Object.keys(NUMERIC_FLAGS) as NumericFlag[];

const CHAOS_NUMERIC_FLAGS = {
  'fault-interval': 'faultInterval',
  'fault-time-scale': 'faultTimeScale',
} as const satisfies Record<string, keyof ChaosOptions>;

type ChaosNumericFlag = keyof typeof CHAOS_NUMERIC_FLAGS;

const CHAOS_NUMERIC_FLAG_NAMES = Object.keys(CHAOS_NUMERIC_FLAGS) as ChaosNumericFlag[];

// Numbers are read as strings so a bad value gets our message rather than a silent NaN.
const STRING_OPTION = { type: 'string' } as const;
const NUMERIC_ARG_OPTIONS = Object.fromEntries(
  [...NUMERIC_FLAG_NAMES, ...CHAOS_NUMERIC_FLAG_NAMES].map((flag) => [flag, STRING_OPTION]),
) as Record<NumericFlag | ChaosNumericFlag, typeof STRING_OPTION>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

// Plain decimal numbers only: Number() would also take '', '0x10' and ' 5 ', which are typos here.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const toNumber = (flag: string, text: string): number => {
  if (!DECIMAL.test(text)) throw new OptionError(`--${flag}`, `must be a number, got ${JSON.stringify(text)}`);
  return Number(text);
};

interface CommandLine {
  chaos: boolean;
  options: ChaosOptions;
}

const parseCommandLine = (args: string[]): CommandLine | 'help' => {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      chaos: { type: 'boolean' },
      truth: { type: 'string' },
      faults: { type: 'string' },
      ...NUMERIC_ARG_OPTIONS,
    },
  });
  if (values.help) return 'help';
  const options: ChaosOptions = {};
  if (typeof values.host === 'string') options.host = values.host;
  for (const flag of NUMERIC_FLAG_NAMES) {
    const text = values[flag];
    if (typeof text === 'string') options[NUMERIC_FLAGS[flag]] = toNumber(flag, text);
  }
  const chaos = values.chaos === true;
  for (const flag of CHAOS_NUMERIC_FLAG_NAMES) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    if (!chaos) throw new OptionError(`--${flag}`, 'needs --chaos');
    options[CHAOS_NUMERIC_FLAGS[flag]] = toNumber(flag, text);
  }
  if (typeof values.truth === 'string') {
    if (!chaos) throw new OptionError('--truth', 'needs --chaos');
    if (values.truth === '') throw new OptionError('--truth', 'must name a file');
    options.truthFile = values.truth;
  }
  if (typeof values.faults === 'string') {
    if (!chaos) throw new OptionError('--faults', 'needs --chaos');
    // Checked against the known kinds when the options are resolved.
    options.faultKinds = values.faults.split(',').filter((kind) => kind !== '') as FaultKind[];
  }
  return { chaos, options };
};

const fail = (message: string): never => {
  console.error(`simulator: ${message}\nRun with --help for usage.`);
  process.exit(2);
};

const main = async () => {
  let command: CommandLine | 'help';
  try {
    command = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    // parseArgs throws TypeErrors with a readable message for unknown flags and missing values.
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (command === 'help') {
    console.log(USAGE);
    return;
  }
  const parsed: ChaosOptions = command.options;
  const seed = parsed.seed ?? Math.floor(Math.random() * 0x100000000);
  let simulator: Simulator;
  let chaos: ChaosSimulator | undefined;
  try {
    if (command.chaos) {
      chaos = await startChaosSimulator({ ...parsed, seed });
      simulator = chaos;
    } else {
      simulator = await startSimulator({ ...(parsed as SimulatorOptions), seed });
    }
  } catch (error) {
    if (error instanceof OptionError) return fail(error.message);
    console.error(`simulator: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const stats = simulator.stats();
  console.log(`Token Monitor simulator listening on ${simulator.url}`);
  if (!LOOPBACK_HOSTS.has(parsed.host ?? DEFAULT_OPTIONS.host)) {
    console.log('warning: the /control endpoints have no authentication and are reachable from the network');
  }
  console.log(
    `${stats.totalUsers} users, ${stats.totalExpired} expired, seed ${seed}; ` +
      `control: http://${simulator.url.slice('ws://'.length)}/control/state`,
  );
  if (chaos) {
    const interval = parsed.faultInterval ?? CHAOS_DEFAULTS.faultInterval;
    console.log(
      `chaos mode: ${interval > 0 ? `a fault every ~${interval} s` : 'no scheduled faults'}; truth log: ` +
        `${parsed.truthFile ?? '(in memory only)'}, also at http://${simulator.url.slice('ws://'.length)}/control/truth`,
    );
  }

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": do not wait for slow clients to finish the close handshake.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: closing clients and stopping`);
    simulator.stop().then(
      () => {
        if (chaos) {
          const truth = chaos.truth();
          console.log(
            `chaos: faults ${formatFaultCounts(chaos.faults())}; ${truth.expiries.length} expiries made known; ` +
              `total_expired ${truth.totalExpired}`,
          );
        }
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`simulator: error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
};

await main();

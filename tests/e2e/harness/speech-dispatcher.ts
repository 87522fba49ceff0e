import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_CONFIG = '/etc/speech-dispatcher';
const ESPEAK_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng';
const INSTALL = 'apt-get install -y --no-install-recommends';

/** What is missing for real speech, named by package, before a daemon is started that could only fail. */
const missingPiece = () => {
  if (!existsSync(SYSTEM_CONFIG)) return `speech-dispatcher is not installed (${INSTALL} speech-dispatcher)`;
  if (!existsSync(ESPEAK_MODULE))
    return `speech-dispatcher's espeak-ng output module ${ESPEAK_MODULE} is missing: it is the package speech-dispatcher-espeak-ng, only a Recommends of speech-dispatcher (${INSTALL} speech-dispatcher-espeak-ng)`;
  return null;
};

/** The daemon's own words on why it stopped: the log lines that say what failed. */
const daemonComplaint = (logDir: string) => {
  const lines = readdirSync(logDir)
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => readFileSync(join(logDir, name), 'utf8').split('\n'));
  const telling = lines.filter((line) => /fail|error|no such|abort|cannot/i.test(line));
  return telling.slice(-3).join(' | ') || 'its log says nothing';
};

/**
 * A private speech-dispatcher with espeak-ng, so Chromium's tts really speaks in a headless run. The stock
 * configuration wants PulseAudio and hangs without it; this copy plays through libao's null driver, which
 * still runs the whole synthesis and reports the utterance's start and end.
 */
export const startSpeechDispatcher = async () => {
  const missing = missingPiece();
  if (missing) throw new Error(missing);
  const root = mkdtempSync(join(tmpdir(), 'tmn-speechd-'));
  const config = join(root, 'conf');
  cpSync(SYSTEM_CONFIG, config, { recursive: true, dereference: true });
  const conf = join(config, 'speechd.conf');
  writeFileSync(
    conf,
    `${readFileSync(conf, 'utf8')}\nAudioOutputMethod "libao"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n`,
  );
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.libao'), 'default_driver=null\n');
  const socket = join(root, 'speechd.sock');
  const daemon: ChildProcess = spawn(
    'speech-dispatcher',
    ['-s', '-t', '0', '-C', config, '-c', 'unix_socket', '-S', socket, '-L', root],
    { env: { ...process.env, HOME: home }, stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (Date.now() > deadline || daemon.exitCode !== null)
      throw new Error(`speech-dispatcher did not start: ${daemonComplaint(root)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    /** For the browser process: where its speech-dispatcher client connects. */
    env: { SPEECHD_ADDRESS: `unix_socket:${socket}` },
    args: ['--enable-speech-dispatcher'],
    async stop() {
      daemon.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      rmSync(root, { recursive: true, force: true });
    },
  };
};

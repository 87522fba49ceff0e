import type { TestResult } from '../../utils/connection/test-connection';
import type { MessageKey, Translate } from '../../utils/i18n';
import type { ConnectionTestState } from './connection-test-state';
import { SERVER_URL_PROBLEM_TEXT } from './server-url-problem-text';

export interface ConnectionTestResultProps {
  state: ConnectionTestState;
  /** The test's time limit, named in timeout messages. */
  timeoutMs: number;
  t: Translate;
}

type Failure = Extract<TestResult, { ok: false }>;

const TIMEOUT_TEXT: Record<Failure['stage'], MessageKey> = {
  connect: 'optTestTimeoutConnect',
  welcome: 'optTestTimeoutWelcome',
  pong: 'optTestTimeoutPong',
};

const failureText = (failure: Failure, timeoutMs: number, t: Translate): string => {
  switch (failure.problem) {
    case 'invalid-url':
      return t(SERVER_URL_PROBLEM_TEXT[failure.urlProblem ?? 'not-a-url']);
    case 'refused':
      return t('optTestRefused');
    case 'timeout':
      return t(TIMEOUT_TEXT[failure.stage], { seconds: Math.round(timeoutMs / 1000) });
    case 'closed':
      return t('optTestClosed', { code: failure.closeCode ?? '?' });
    case 'not-token-monitor':
      return t('optTestNotTokenMonitor');
  }
};

/** The outcome of "Test connection" in words; a live region, so it is read out when it arrives. */
export const ConnectionTestResult = ({ state, timeoutMs, t }: ConnectionTestResultProps) => {
  const { phase } = state;
  let body = null;
  if (phase === 'done' && state.result.ok) {
    // Only our own round trip: the pong's latency_ms compares two clocks, and a second, different number
    // beside it would only raise the question which one is right.
    body = <span class="opt-message__main">{t('optTestOk', { ms: Math.round(state.result.latencyMs) })}</span>;
  } else if (phase === 'done' && !state.result.ok) {
    const failure = state.result;
    body = (
      <>
        <span class="opt-message__main">{failureText(failure, timeoutMs, t)}</span>
        {failure.problem !== 'invalid-url' && (
          <span class="opt-message__detail">{t('optTestDetail', { detail: failure.detail })}</span>
        )}
      </>
    );
  }
  const tone = phase === 'done' ? (state.result.ok ? 'ok' : 'error') : 'neutral';
  return (
    // Always in the page, empty when idle: a live region that appears together with its text is often not read.
    <div class={`opt-test-result opt-test-result--${tone}`} role="status">
      {body}
    </div>
  );
};

import type { TestResult } from '../../utils/connection/test-connection';
import type { MessageKey, Translate } from '../../utils/i18n';
import { useI18n } from '../i18n-context';
import type { ConnectionTestState } from './connection-test-state';
import { InlineMessage } from './InlineMessage';
import { SERVER_URL_PROBLEM_TEXT } from './server-url-problem-text';

export interface ConnectionTestResultProps {
  state: ConnectionTestState;
  /** The test's time limit, named in timeout messages. */
  timeoutMs: number;
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
export const ConnectionTestResult = ({ state, timeoutMs }: ConnectionTestResultProps) => {
  const { t } = useI18n();
  // Always in the page, empty when idle: a live region that appears together with its text is often not read.
  if (state.phase !== 'done') return <InlineMessage tone="neutral" role="status" />;
  const { result } = state;
  // Only our own round trip: the pong's latency_ms compares two clocks, and a second, different number
  // beside it would only raise the question which one is right.
  if (result.ok) {
    return (
      <InlineMessage tone="ok" role="status">
        {t('optTestOk', { ms: Math.round(result.latencyMs) })}
      </InlineMessage>
    );
  }
  return (
    <InlineMessage
      tone="error"
      role="status"
      detail={result.problem === 'invalid-url' ? undefined : t('optTestDetail', { detail: result.detail })}
    >
      {failureText(result, timeoutMs, t)}
    </InlineMessage>
  );
};

import type { MessageKey } from '../../utils/i18n';
import type { ServerUrlProblem } from '../../utils/settings';

/** One sentence per reason an address is refused; shared by the address field and the connection test. */
export const SERVER_URL_PROBLEM_TEXT: Record<ServerUrlProblem, MessageKey> = {
  'not-a-url': 'optServerUrlNotAUrl',
  'wrong-scheme': 'optServerUrlWrongScheme',
  'no-host': 'optServerUrlNoHost',
};

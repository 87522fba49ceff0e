import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ExpiredPage, ExpiredQuery } from '../utils/expired';

/** Everything a page can ask the background worker, typed end to end. */
export interface ProtocolMap {
  /** One page of the expired list, sorted and filtered in the worker so pages stay light at any size. */
  queryExpired(query: ExpiredQuery): ExpiredPage;
  /** The whole expired list as CSV text. */
  exportCsv(options: { includeTokens: boolean }): string;
  /** Drop the current socket (if any) and connect now. */
  reconnectNow(): void;
  /** Speak a sample alert with the current speech settings. */
  speakTest(): void;
  /** Forget everything known about the server (expired list, history, announce memory); settings stay. */
  clearStoredData(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

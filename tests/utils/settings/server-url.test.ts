import { describe, expect, it } from 'vitest';
import { isUnencryptedRemote, serverUrlProblem } from '../../../utils/settings';

describe('server URL', () => {
  it.each([
    ['ws://localhost:8765', undefined],
    ['wss://monitor.example.com/ws', undefined],
    ['http://localhost:8765', 'wrong-scheme'],
    ['localhost:8765', 'wrong-scheme'],
    ['not a url', 'not-a-url'],
    ['ws://', 'not-a-url'],
  ])('%s → %s', (text, problem) => {
    expect(serverUrlProblem(text)).toBe(problem);
  });

  it('warns about plain ws:// to another machine only', () => {
    expect(isUnencryptedRemote('ws://10.0.0.5:8765')).toBe(true);
    expect(isUnencryptedRemote('ws://localhost:8765')).toBe(false);
    expect(isUnencryptedRemote('ws://127.0.0.1:8765')).toBe(false);
    expect(isUnencryptedRemote('ws://[::1]:8765')).toBe(false);
    expect(isUnencryptedRemote('wss://monitor.example.com')).toBe(false);
  });
});

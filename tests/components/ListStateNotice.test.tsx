import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListStateNotice } from '../../components/ListStateNotice';
import type { Locale } from '../../utils/i18n';
import { renderIn } from '../fixtures/render-in';

const URL = 'ws://localhost:8765';

afterEach(cleanup);

describe('list states', () => {
  const notice = (kindName: Parameters<typeof ListStateNotice>[0]['kind'], locale: Locale = 'en') => {
    const handlers = { onTurnOn: vi.fn(), onOpenSettings: vi.fn(), onReconnect: vi.fn(), onRetry: vi.fn() };
    renderIn(locale, <ListStateNotice kind={kindName} url={URL} search="<b>139</b>" {...handlers} />);
    return handlers;
  };

  it('offers to turn monitoring on', () => {
    const { onTurnOn } = notice('off');
    expect(screen.getByText('Monitoring is off')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on monitoring' }));
    expect(onTurnOn).toHaveBeenCalledOnce();
  });

  it('explains an unreachable server and leads to the settings or a new attempt', () => {
    const { onOpenSettings, onReconnect } = notice('unreachable', 'zh_CN');
    expect(screen.getByText(`无法连接 ${URL}`)).toBeTruthy();
    expect(screen.getByText('请确认 Token 监控服务已启动，并在设置中检查服务器地址。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '检查设置' }));
    fireEvent.click(screen.getByRole('button', { name: '立即重新连接' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('is friendly when nothing is expired', () => {
    notice('empty', 'zh_CN');
    expect(screen.getByRole('status').textContent).toContain('没有过期的 Token');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a retry when the worker did not answer', () => {
    const { onRetry } = notice('error');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('repeats the search as text, never as markup', () => {
    const { container } = renderIn(
      'en',
      <ListStateNotice
        kind="no-match"
        url={URL}
        search="<b>139</b>"
        onTurnOn={() => {}}
        onOpenSettings={() => {}}
        onReconnect={() => {}}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByText('No user matches “<b>139</b>”')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });
});

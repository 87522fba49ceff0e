import { act, render, screen } from '@testing-library/preact';
import { render as renderWithoutAct } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useStoredValue } from '../../hooks/use-stored-value';

const deferred = <T,>() => {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

describe('a stored value followed live', () => {
  it('keeps a change that arrives while the first read is still under way', async () => {
    const read = deferred<string>();
    let emit: (value: string) => void = () => {};
    const load = () => read.promise;
    const watch = (onChange: (value: string) => void) => {
      emit = onChange;
      return () => {};
    };
    const Probe = () => <p>{useStoredValue(load, watch) ?? 'nothing yet'}</p>;
    render(<Probe />);
    expect(screen.getByText('nothing yet')).toBeTruthy();
    act(() => emit('newer'));
    await act(async () => read.resolve('older'));
    expect(screen.getByText('newer')).toBeTruthy();
  });

  it('starts reading as the component mounts, without waiting for a frame to be painted', () => {
    const load = vi.fn(() => new Promise<string>(() => {}));
    const watch = () => () => {};
    const Probe = () => <p>{useStoredValue(load, watch) ?? 'nothing yet'}</p>;
    const root = document.createElement('div');
    renderWithoutAct(<Probe />, root);
    expect(load).toHaveBeenCalledOnce();
    renderWithoutAct(null, root);
  });
});

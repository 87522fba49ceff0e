import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchBox } from '../../components/SearchBox';
import { renderIn } from '../fixtures/render-in';

afterEach(cleanup);

/** A page with the search box as its one search, a checkbox and a field of its own. */
const Page = ({ initial = '', focusShortcut = true }: { initial?: string; focusShortcut?: boolean }) => {
  const [value, setValue] = useState(initial);
  return (
    <div>
      <button type="button">Elsewhere</button>
      <input type="checkbox" aria-label="Include tokens" />
      <input type="text" aria-label="Note" />
      <SearchBox value={value} onChange={setValue} focusShortcut={focusShortcut} />
    </div>
  );
};

const search = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search by phone or user ID' });

/** Presses a key where focus is, as the browser would deliver it; false when the page took it. */
const press = (key: string, target: Element = document.activeElement ?? document.body) =>
  fireEvent.keyDown(target, { key });

describe('SearchBox keyboard', () => {
  it('"/" focuses the search from anywhere outside a field, without typing the slash', () => {
    renderIn('en', <Page />);
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    expect(press('/')).toBe(false);
    expect(document.activeElement).toBe(search());
    expect(search().value).toBe('');
  });

  it('"/" on the page body works too, and on a checkbox', () => {
    renderIn('en', <Page />);
    expect(press('/', document.body)).toBe(false);
    expect(document.activeElement).toBe(search());
    screen.getByRole('checkbox').focus();
    press('/');
    expect(document.activeElement).toBe(search());
  });

  it('selects what is already searched, so typing replaces it', () => {
    renderIn('en', <Page initial="1380" />);
    press('/', document.body);
    expect(search().selectionStart).toBe(0);
    expect(search().selectionEnd).toBe(4);
  });

  it('leaves "/" alone in another field, in the search box itself and with a modifier', () => {
    renderIn('en', <Page />);
    const note = screen.getByRole('textbox', { name: 'Note' });
    note.focus();
    expect(press('/')).toBe(true);
    expect(document.activeElement).toBe(note);
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    expect(fireEvent.keyDown(document.activeElement ?? document.body, { key: '/', ctrlKey: true })).toBe(true);
    expect(document.activeElement).not.toBe(search());
    search().focus();
    expect(press('/')).toBe(true);
  });

  it('does nothing for "/" unless it is the page\'s search', () => {
    renderIn('en', <Page focusShortcut={false} />);
    expect(press('/', document.body)).toBe(true);
    expect(document.activeElement).not.toBe(search());
    expect(search().hasAttribute('aria-keyshortcuts')).toBe(false);
  });

  it('names its shortcut to assistive technology and in its tooltip', () => {
    renderIn('zh_CN', <Page />);
    const box = screen.getByRole('searchbox');
    expect(box.getAttribute('aria-keyshortcuts')).toBe('/');
    expect(box.getAttribute('title')).toBe('按 / 键搜索');
  });

  it('Escape empties the box first, then leaves it', () => {
    renderIn('en', <Page initial="1380" />);
    search().focus();
    expect(press('Escape')).toBe(false);
    expect(search().value).toBe('');
    expect(document.activeElement).toBe(search());
    press('Escape');
    expect(document.activeElement).not.toBe(search());
  });

  it('stops listening once gone', () => {
    const { unmount } = renderIn('en', <Page />);
    unmount();
    expect(press('/', document.body)).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { ShortLink, shortLinkText } from './ShortLink';
import { TableScroll } from './TableScroll';

/** A ResizeObserver that the test triggers by hand, and the box's widths it then reads. */
function fakeLayout(scrollWidth: number, clientWidth: number) {
  const callbacks: (() => void)[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        callbacks.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(() => scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => clientWidth);
  return () => act(() => callbacks.forEach((callback) => callback()));
}

const table = (
  <table>
    <caption id="people-caption">Mensen bij Zeist</caption>
    <tbody>
      <tr>
        <td>Jan</td>
      </tr>
    </tbody>
  </table>
);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('TableScroll', () => {
  it('is a plain box, not a Tab stop, while the table fits', () => {
    fakeLayout(300, 300);
    const { container } = render(<TableScroll label="Mensen bij Zeist">{table}</TableScroll>);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(container.firstElementChild).not.toHaveAttribute('tabindex');
  });

  it('is a named region in the Tab order while the table is wider than the box', () => {
    fakeLayout(900, 350);
    render(<TableScroll label="Mensen bij Zeist">{table}</TableScroll>);
    expect(screen.getByRole('region', { name: 'Mensen bij Zeist' })).toHaveAttribute('tabindex', '0');
  });

  it('can be named by the caption itself', () => {
    fakeLayout(900, 350);
    render(<TableScroll labelledBy="people-caption" className="extra">{table}</TableScroll>);
    const region = screen.getByRole('region', { name: 'Mensen bij Zeist' });
    expect(region).toHaveAttribute('aria-labelledby', 'people-caption');
    expect(region).not.toHaveAttribute('aria-label');
    expect(region).toHaveClass('aantafel-table-scroll', 'extra');
  });

  it('follows the width: a wider window makes it a plain box again', () => {
    const resize = fakeLayout(900, 350);
    render(<TableScroll label="Mensen bij Zeist">{table}</TableScroll>);
    expect(screen.getByRole('region')).toBeInTheDocument();
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => 900);
    resize();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});

describe('ShortLink', () => {
  it('shows the address, the kind of link and the end of its token', () => {
    expect(shortLinkText('https://aantafel.example.nl/s/q3RkX0aPz9fk2Xy9f')).toBe('aantafel.example.nl/s/…k2Xy9f');
    expect(shortLinkText('http://127.0.0.1:8080/f/pGwnrFhSoLpx0UjS')).toBe('127.0.0.1:8080/f/…px0UjS');
    expect(shortLinkText('http://localhost/c/abc123')).toBe('localhost/c/abc123');
    expect(shortLinkText('niet-een-adres')).toBe('niet-een-adres');
  });

  it('keeps the whole link for screen readers, the tooltip and the copy code; the short form is only seen', () => {
    const url = 'https://aantafel.example.nl/s/q3RkX0aPz9fk2Xy9f';
    render(<ShortLink url={url} className="aantafel-scan-link" testId="link" />);
    const whole = screen.getByTestId('link');
    expect(whole.tagName).toBe('CODE');
    expect(whole.textContent).toBe(url);
    expect(whole).toHaveClass('aantafel-visually-hidden', 'aantafel-scan-link');
    const short = screen.getByText('aantafel.example.nl/s/…k2Xy9f');
    expect(short).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByTitle(url)).toContainElement(whole);
  });
});

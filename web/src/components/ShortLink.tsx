import './shortLink.css';

/**
 * A long link in short: its address, its kind and the end of its token, e.g.
 * "aantafel.example.nl/s/…k2Xy9f" for https://aantafel.example.nl/s/q3RkX0aPz9fk2Xy9f. The end
 * tells two personal links apart. A link that is not a full address stays as it is.
 */
export function shortLinkText(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const parts = parsed.pathname.split('/').filter(Boolean);
  const last = parts.pop() ?? '';
  const kind = parts.length > 0 ? `/${parts.join('/')}` : '';
  const end = last.length > 8 ? `…${last.slice(-6)}` : last;
  return `${parsed.host}${kind}/${end}`;
}

/**
 * A long link (a personal scan or survey link, a shared page) shown short, so it never makes
 * the page wider than a phone: "aantafel.example.nl/s/…k2Xy9f". The whole link is in the page
 * for screen readers (read out instead of the short form), in the tooltip, and in the element
 * that gets `className` and `testId`. Give it a copy button next to it to copy the whole link.
 */
export function ShortLink({
  url,
  className,
  testId,
}: {
  url: string;
  /** Classes on the element that holds the whole link. */
  className?: string;
  testId?: string;
}) {
  return (
    <span className="aantafel-short-link" title={url}>
      <code className={className ? `aantafel-visually-hidden ${className}` : 'aantafel-visually-hidden'} data-testid={testId}>
        {url}
      </code>
      <code className="aantafel-short-link__text" aria-hidden="true">
        {shortLinkText(url)}
      </code>
    </span>
  );
}

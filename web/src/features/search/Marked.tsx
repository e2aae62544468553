import { Fragment } from 'react';
import { toSegments } from './search';

/**
 * A text with the search words in <mark>, built from the server's ranges (never as HTML). The
 * marks sit inside the text, so a screen reader reads it once, as one piece.
 */
export function Marked({ text, ranges }: { text: string; ranges: unknown }) {
  return (
    <>
      {toSegments(text, ranges).map((segment, i) =>
        segment.mark ? (
          <mark key={i} className="aantafel-search__mark">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

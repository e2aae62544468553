import { useEffect, useRef } from 'react';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { SsoProblem } from './errors';
import { useSsoText } from './texts';

/**
 * Why signing in with the provider did not work, and what to do now: an error summary (a region
 * named by its heading) that takes focus when the page opens, so a screen reader reads it first;
 * the alert inside it is announced as well.
 */
export function SsoProblemSummary({ problem, label }: { problem: SsoProblem; label: string }) {
  const sso = useSsoText();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [problem.group]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="sso-error-title"
      className="aantafel-error-summary"
    >
      <Alert type="error">
        <Heading2 id="sso-error-title" className="aantafel-error-summary__title">
          {sso('error.title', { label })}
        </Heading2>
        <Paragraph>{sso(problem.what, { label })}</Paragraph>
        <Paragraph>{sso(problem.todo, { label })}</Paragraph>
        {problem.code ? (
          <Paragraph>
            {sso('error.codeLabel')} <code className="aantafel-code">{problem.code}</code>
          </Paragraph>
        ) : null}
      </Alert>
    </section>
  );
}

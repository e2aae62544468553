import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';

/**
 * A link from an e-mail that does not work (expired, used, or cut off): what happened, in an
 * alert, and what to do next, with links. The heading is the page's h1.
 */
export function LinkProblem({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  /** What to do now: paragraphs and links. */
  children: ReactNode;
}) {
  return (
    <div className="aantafel-login">
      <PageHeading title={title} />
      <Alert type="warning">
        <Paragraph>{body}</Paragraph>
      </Alert>
      {children}
    </div>
  );
}

/** A link styled as the app's links (react-router, no reload). */
export function TextLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="utrecht-link utrecht-link--html-a">
      {children}
    </Link>
  );
}

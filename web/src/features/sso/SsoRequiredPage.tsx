import { Alert, Paragraph } from '@utrecht/component-library-react';
import { Link, useLocation } from 'react-router';
import type { Workspace } from '../../api/types';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SsoButton, ssoLabel } from './SsoButton';
import { useSsoText } from './texts';
import { useSsoOffer } from './useSsoOffer';

/**
 * Shown instead of a workspace that opens only after single sign-on ("Alleen inloggen met single
 * sign-on"), when the person is signed in with a password (403 `sso_required`). The button signs
 * in with the provider and comes back to the same page.
 */
export function SsoRequiredPage({
  workspace,
  others,
}: {
  /** The workspace as the session lists it (its name), if it does. */
  workspace: Workspace | undefined;
  /** The person's other workspaces, to go to instead. */
  others: readonly Workspace[];
}) {
  const sso = useSsoText();
  const location = useLocation();
  const offer = useSsoOffer();
  const label = ssoLabel(offer, sso);
  const title = workspace
    ? sso('required.title', { workspace: workspace.name, label })
    : sso('required.titleNoName', { label });

  return (
    <div className="aantafel-login aantafel-sso-required">
      <PageHeading title={title} />
      {offer === undefined ? (
        <Loading />
      ) : offer.enabled ? (
        <>
          <Paragraph>{sso('required.body')}</Paragraph>
          <Paragraph>{sso('required.after')}</Paragraph>
          <SsoButton label={label} returnTo={location.pathname + location.search}>
            {sso('button', { label })}
          </SsoButton>
        </>
      ) : (
        <Alert type="warning">
          <Paragraph>{sso('required.notConfigured')}</Paragraph>
        </Alert>
      )}
      {others.length > 0 ? (
        <nav aria-labelledby="sso-required-others" className="aantafel-after-form">
          <Paragraph id="sso-required-others">{sso('required.others')}</Paragraph>
          <ul className="aantafel-plain-list">
            {others.map((other) => (
              <li key={other.slug}>
                <Link to={`/w/${encodeURIComponent(other.slug)}/`} className="utrecht-link utrecht-link--html-a">
                  {other.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

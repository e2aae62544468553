import { Link } from 'react-router';
import type { Workspace } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { kindLabel } from '../settings/labels';
import { DisclosureButton } from './DisclosureButton';
import { useDisclosure } from './useDisclosure';

/** Shows the current workspace; with more than one, a list to switch to another. */
export function WorkspaceSwitcher({ current }: { current: Workspace }) {
  const { t } = useI18n();
  const session = useCurrentSession();
  const disclosure = useDisclosure();
  const { open, panelId, rootRef } = disclosure;
  const others = session.workspaces;

  if (others.length <= 1) {
    return (
      <p className="aantafel-workspace-name" title={current.name}>
        <span className="aantafel-visually-hidden">{t('workspace.current')}: </span>
        {current.name}
      </p>
    );
  }

  return (
    <div className="aantafel-menu aantafel-workspace-switcher" ref={rootRef}>
      <DisclosureButton disclosure={disclosure}>
        <span className="aantafel-visually-hidden">{t('workspace.current')}: </span>
        <span className="aantafel-workspace-switcher__name">{current.name}</span>
        <span className="aantafel-visually-hidden">, {t('workspace.switch')}</span>
        <span className="aantafel-menu__chevron" aria-hidden="true" />
      </DisclosureButton>
      <div id={panelId} className="aantafel-menu__panel" hidden={!open}>
        <p className="aantafel-menu__heading" id={`${panelId}-heading`}>
          {t('workspace.switchHeading')}
        </p>
        <ul className="aantafel-menu__list" aria-labelledby={`${panelId}-heading`}>
          {others.map((workspace) => (
            <li key={workspace.slug}>
              <Link
                to={`/w/${encodeURIComponent(workspace.slug)}/`}
                className="aantafel-menu__link"
                aria-current={workspace.slug === current.slug ? 'true' : undefined}
              >
                <span className="aantafel-menu__link-name">{workspace.name}</span>
                <span className="aantafel-menu__link-meta">{t(kindLabel(workspace.kind))}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

import { Link } from 'react-router';
import type { OverviewItem } from '../../api/types';
import { appLink } from './overview';

/**
 * The link of one "Nu doen" item to the page where it is handled. Shared by the home page's
 * list and the "Meldingen" list in the header, so both follow the same link rule.
 */
export function ActNowItemLink({
  slug,
  item,
  className = 'utrecht-link utrecht-link--html-a',
}: {
  slug: string;
  item: OverviewItem;
  className?: string;
}) {
  return (
    <Link to={appLink(slug, item.link)} data-item-link={item.key} className={className}>
      {item.title}
    </Link>
  );
}

/**
 * What the server made of one filed message (a MailFiling): a link to the contact, who was matched,
 * addresses nobody had yet (each with a link that adds the person to Wie is wie) and files that
 * were not kept, with why. Shown under an uploaded .eml's line (MailIntakePanel) and under a
 * message filed from the list of e-mail to check (MailReviewPanel).
 */
import { Link } from 'react-router';
import { useWorkspace } from '../shell/workspaceContext';
import { personNameFrom, unmatchedLabel, type MailFiling } from './mailIntake';
import type { MailIntakeText } from './texts';

export function FilingDetail({ filing, mt }: { filing: MailFiling; mt: MailIntakeText }) {
  const { workspace } = useWorkspace();
  const base = `/w/${encodeURIComponent(workspace.slug)}`;
  return (
    <>
      <Link to={`${base}/interactions/${filing.interaction_id}`} className="utrecht-link utrecht-link--html-a">
        {mt('result.open')}
      </Link>
      {filing.people.length > 0 ? (
        <div className="aantafel-mail-intake__fact">{mt('result.people', { names: filing.people.map((p) => p.name).join(', ') })}</div>
      ) : null}
      {filing.staff.length > 0 ? (
        <div className="aantafel-mail-intake__fact">{mt('result.staff', { count: filing.staff.length })}</div>
      ) : null}
      {filing.unmatched.length > 0 ? (
        <div className="aantafel-mail-intake__fact">
          {mt('result.unmatched')}
          <ul className="aantafel-mail-intake__unmatched">
            {filing.unmatched.map((u) => (
              <li key={u.address}>
                <AddPersonLink entry={u} mt={mt} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {filing.skipped_files.map((s) => (
        <div key={s.name} className="aantafel-mail-intake__fact aantafel-mail-intake__skipped">
          {mt('result.skipped', { name: s.name, reason: s.message })}
        </div>
      ))}
    </>
  );
}

/** "Voeg Kees Kader (kees@…) toe aan Wie is wie": the new-person page with the name and address filled in. */
export function AddPersonLink({ entry, mt }: { entry: { name: string; address: string }; mt: MailIntakeText }) {
  const { workspace } = useWorkspace();
  const query = new URLSearchParams({ name: personNameFrom(entry), email: entry.address });
  return (
    <Link
      to={`/w/${encodeURIComponent(workspace.slug)}/people/new?${query.toString()}`}
      className="utrecht-link utrecht-link--html-a"
    >
      {mt('result.addPerson', { who: unmatchedLabel(entry) })}
    </Link>
  );
}

import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  ButtonGroup,
  DataList,
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Consortium, ConsortiumOffer, SocialService } from '../../api/types';
import {
  deleteConsortium,
  getConsortium,
  getConsortiumOffer,
  shareConsortium,
  unshareConsortium,
} from '../../api/generated/social-map';
import { DataTable } from '../../components/DataTable';
import { Fact } from '../../components/Fact';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { ShortLink } from '../../components/ShortLink';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import {
  CoverageSummary,
  CoverageTable,
  MatrixLegend,
  SocialMapNav,
  idParam,
  useCanEdit,
  useHandedOverStatus,
  useSocialMapBase,
} from './common';
import { domainLabel, gapsByArea, lawLabel, nicheSentences, overlapSentences } from './socialmap';
import { useSocialMapText } from './texts';

/** A consortium: its joint offer (published services only), niches, overlaps, gaps and sharing. */
export function ConsortiumPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const id = idParam(useParams().consortiumId);
  const handedOver = useHandedOverStatus();
  const consortium = useApiData(`consortium:${workspace.slug}:${id}`, (signal) =>
    id ? getConsortium({ slug: workspace.slug, consortium_id: id }, { signal }) : Promise.resolve(null),
  );
  const offer = useApiData(`offer:${workspace.slug}:${id}`, (signal) =>
    id ? getConsortiumOffer({ slug: workspace.slug, consortium_id: id }, { signal }) : Promise.resolve(null),
  );
  if (id === null) return <NotFoundContent />;
  return (
    <>
      <PageHeading title={consortium.data?.name ?? offer.data?.name ?? mt('consortia.title')} />
      <SocialMapNav />
      <StatusMessage>{handedOver}</StatusMessage>
      {consortium.error ? <ErrorAlert error={consortium.error} /> : null}
      {!consortium.error && offer.error ? <ErrorAlert error={offer.error} /> : null}
      {(consortium.loading && !consortium.data) || (offer.loading && !offer.data) ? <Loading /> : null}
      {consortium.data && offer.data ? (
        <OfferView consortium={consortium.data} offer={offer.data} onShareChanged={consortium.reload} />
      ) : null}
    </>
  );
}

function OfferView({
  consortium,
  offer,
  onShareChanged,
}: {
  consortium: Consortium;
  offer: ConsortiumOffer;
  onShareChanged: () => Promise<void>;
}) {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const names = new Map(offer.members.map((m) => [m.id, m.name]));
  const contactName =
    offer.contact_organisation_id !== null ? (names.get(offer.contact_organisation_id) ?? '') : '';
  const niches = nicheSentences(offer, mt);
  const overlaps = overlapSentences(offer, mt);
  const gaps = gapsByArea(offer, mt);
  const services = offer.services as unknown as Partial<SocialService>[];

  return (
    <>
      <section aria-labelledby="offer-facts-heading">
        <Heading2 id="offer-facts-heading" className="aantafel-visually-hidden">
          {mt('offer.facts')}
        </Heading2>
        <DataList className="aantafel-facts">
          <Fact label={mt('offer.municipality')}>
            {offer.municipality_name} ({offer.municipality_code})
          </Fact>
          <Fact label={mt('offer.members')}>{offer.members.map((m) => m.name).join(', ') || mt('common.none')}</Fact>
          <Fact label={mt('offer.contact')}>
            {contactName && offer.contact
              ? mt('offer.contactValue', { organisation: contactName, contact: offer.contact })
              : contactName || offer.contact || mt('common.none')}
          </Fact>
        </DataList>
        {canEdit ? (
          <ButtonGroup>
            <Link
              to={`${base}/consortia/${consortium.id}/edit`}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            >
              {mt('common.edit')}
            </Link>
            <Button type="button" appearance="subtle-button" onClick={() => setDeleting(true)}>
              {mt('consortium.delete')}
            </Button>
          </ButtonGroup>
        ) : null}
      </section>

      <Paragraph className="aantafel-map-note">{mt('offer.publishedNote')}</Paragraph>

      <section className="aantafel-section" aria-labelledby="offer-matrix-heading">
        <Heading2 id="offer-matrix-heading">{mt('offer.matrixTitle')}</Heading2>
        <CoverageSummary coverage={offer.coverage} headingId="offer-summary-heading" />
        <MatrixLegend />
        <CoverageTable
          id="offer-matrix"
          coverage={offer.coverage}
          caption={mt('matrix.caption', { municipality: offer.municipality_name })}
          nameOf={(memberId) => names.get(memberId)}
        />
      </section>

      <section className="aantafel-section" aria-labelledby="offer-niche-heading">
        <Heading2 id="offer-niche-heading">{mt('offer.nicheTitle')}</Heading2>
        <Paragraph>{mt('offer.nicheIntro')}</Paragraph>
        {niches.map((member) => (
          <section key={member.id} aria-labelledby={`offer-niche-${member.id}`}>
            <Heading3 id={`offer-niche-${member.id}`}>{member.name}</Heading3>
            <SentenceList sentences={member.sentences} />
          </section>
        ))}
      </section>

      <SentenceSection
        id="offer-overlaps"
        title={mt('offer.overlapsTitle')}
        intro={mt('offer.overlapsIntro')}
        none={mt('offer.noOverlaps')}
        sentences={overlaps}
      />

      <SentenceSection
        id="offer-gaps"
        title={mt('offer.gapsTitle')}
        intro={mt('offer.gapsIntro')}
        none={mt('offer.noGaps')}
        sentences={gaps}
      />

      <section className="aantafel-section" aria-labelledby="offer-services-heading">
        <Heading2 id="offer-services-heading">{mt('offer.servicesTitle')}</Heading2>
        {services.length === 0 ? (
          <Paragraph>{mt('offer.noServices')}</Paragraph>
        ) : (
          <DataTable
            caption={mt('offer.servicesCaption', { count: services.length })}
            columns={[
              mt('services.name'),
              mt('services.organisation'),
              mt('services.domain'),
              mt('services.law'),
              mt('services.areas'),
            ]}
          >
            {services.map((s, index) => (
              <TableRow key={s.id ?? index}>
                <TableHeaderCell scope="row">{s.name}</TableHeaderCell>
                <TableCell>{s.organisation_name ?? (s.organisation_id ? names.get(s.organisation_id) : '') ?? ''}</TableCell>
                <TableCell>{s.domain ? domainLabel(mt, s.domain) : ''}</TableCell>
                <TableCell>{s.law ? lawLabel(mt, s.law) : ''}</TableCell>
                <TableCell>{(s.areas ?? []).join(', ')}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </section>

      <ShareSection consortium={consortium} canEdit={canEdit} onChanged={onShareChanged} />

      {deleting ? (
        <ConfirmDialog
          open
          title={mt('consortium.deleteTitle', { name: consortium.name })}
          confirmLabel={mt('common.delete')}
          busyLabel={mt('common.deleting')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteConsortium({ slug: workspace.slug, consortium_id: consortium.id });
            setDeleting(false);
            navigate(`${base}/consortia`, { state: { status: mt('consortium.deleted', { name: consortium.name }) } });
          }}
        >
          {mt('consortium.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** Sentences about the offer as a list. */
function SentenceList({ sentences }: { sentences: readonly string[] }) {
  return (
    <ul className="aantafel-map-list">
      {sentences.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

/** A section of sentences (overlaps, gaps): its intro and the list, or `none` when there are none. */
function SentenceSection({
  id,
  title,
  intro,
  none,
  sentences,
}: {
  id: string;
  title: string;
  intro: string;
  none: string;
  sentences: readonly string[];
}) {
  return (
    <section className="aantafel-section" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`}>{title}</Heading2>
      {sentences.length === 0 ? (
        <Paragraph>{none}</Paragraph>
      ) : (
        <>
          <Paragraph>{intro}</Paragraph>
          <SentenceList sentences={sentences} />
        </>
      )}
    </section>
  );
}

/** "Deel met de gemeente": a read-only link, shown once with a copy button; "Link intrekken". */
function ShareSection({
  consortium,
  canEdit,
  onChanged,
}: {
  consortium: Consortium;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const linkHeadingRef = useRef<HTMLHeadingElement>(null);

  async function share() {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const made = await shareConsortium({ slug: workspace.slug, consortium_id: consortium.id });
      setUrl(made.url);
      setStatus(mt('share.created'));
      await onChanged();
      setTimeout(() => linkHeadingRef.current?.focus(), 0);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(mt('share.copied'));
    } catch {
      setStatus(mt('share.copyFailed'));
    }
  }

  return (
    <section className="aantafel-section aantafel-card" aria-labelledby="share-heading">
      <Heading2 id="share-heading">{mt('share.title')}</Heading2>
      <Paragraph>{mt('share.intro')}</Paragraph>
      <Paragraph>
        <strong>{consortium.shared ? mt('share.isShared') : mt('share.notShared')}</strong>
      </Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {url ? (
        <div>
          <Heading3 id="share-link-heading" ref={linkHeadingRef} tabIndex={-1}>
            {mt('share.linkTitle')}
          </Heading3>
          <Paragraph className="aantafel-map-once">
            <strong>{mt('share.onlyNow')}</strong>
          </Paragraph>
          <LocalLinkWarning />
          <Paragraph>
            <span className="aantafel-visually-hidden">{mt('share.linkLabel')}: </span>
            <ShortLink url={url} className="aantafel-map-link" testId="share-url" />
          </Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={() => void copy(url)}>
              {mt('share.copy')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => setUrl(null)}>
              {mt('share.done')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <>
          {consortium.shared ? <Paragraph className="aantafel-meta">{mt('share.renewHint')}</Paragraph> : null}
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" busy={busy} onClick={() => void share()}>
              {busy ? mt('share.busy') : consortium.shared ? mt('share.renew') : mt('share.create')}
            </Button>
            {consortium.shared ? (
              <Button type="button" appearance="secondary-action-button" onClick={() => setWithdrawing(true)}>
                {mt('share.withdraw')}
              </Button>
            ) : null}
          </ButtonGroup>
        </>
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          open
          title={mt('share.withdrawTitle')}
          confirmLabel={mt('share.withdraw')}
          busyLabel={mt('share.busy')}
          onCancel={() => setWithdrawing(false)}
          onConfirm={async () => {
            await unshareConsortium({ slug: workspace.slug, consortium_id: consortium.id });
            setWithdrawing(false);
            setUrl(null);
            setStatus(mt('share.withdrawn'));
            await onChanged();
          }}
        >
          {mt('share.withdrawBody')}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

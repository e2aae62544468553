import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { CouncilTermList } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n/I18nProvider';

/** The current seat distribution and the recorded council terms of a municipality. */
export function SeatsSection({
  terms,
  error,
  loading,
}: {
  terms: CouncilTermList | undefined;
  error: unknown;
  loading: boolean;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const seats = [...(terms?.seats ?? [])].sort(
    (a, b) => b.seats - a.seats || a.party.localeCompare(b.party, 'nl'),
  );
  const total = seats.reduce((sum, s) => sum + s.seats, 0);
  const items = terms?.items ?? [];

  return (
    <section className="aantafel-section" aria-labelledby="seats-heading">
      <Heading2 id="seats-heading">{t('seats.title')}</Heading2>
      {error ? <ErrorAlert error={error} /> : null}
      {loading && !terms ? <Loading /> : null}
      {terms && seats.length === 0 ? <Paragraph>{t('seats.none')}</Paragraph> : null}
      {seats.length > 0 ? (
        <TableScroll label={t('seats.caption')}>
          <Table className="aantafel-table aantafel-table--narrow">
            <TableCaption>{t('seats.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('seats.party')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="aantafel-number">
                  {t('seats.seats')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {seats.map((s) => (
                <TableRow key={s.party}>
                  <TableHeaderCell scope="row">{s.party}</TableHeaderCell>
                  <TableCell className="aantafel-number">{formatNumber(s.seats)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row">{t('seats.total')}</TableHeaderCell>
                <TableCell className="aantafel-number">{formatNumber(total)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </TableScroll>
      ) : null}
      {items.length > 0 ? (
        <>
          <Heading3>{t('seats.termsTitle')}</Heading3>
          <ul className="aantafel-plain-list">
            {items.map((term) => (
              <li key={term.id}>
                {term.election_date
                  ? t('seats.termWithElection', {
                      installed: formatDate(term.installation_date),
                      elected: formatDate(term.election_date),
                    })
                  : t('seats.term', { installed: formatDate(term.installation_date) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

import { DataTable } from '../../components/DataTable';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ImportReport } from '../../api/types';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const COUNTS: readonly [keyof ImportReport, MessageKey][] = [
  ['rows', 'import.count.rows'],
  ['municipalities', 'import.count.municipalities'],
  ['organisations_added', 'import.count.organisationsAdded'],
  ['people_added', 'import.count.peopleAdded'],
  ['people_matched', 'import.count.peopleMatched'],
  ['positions_added', 'import.count.positionsAdded'],
  ['positions_updated', 'import.count.positionsUpdated'],
  ['positions_unchanged', 'import.count.positionsUnchanged'],
  ['positions_skipped', 'import.count.positionsSkipped'],
  ['seats_updated', 'import.count.seatsUpdated'],
];

/** What an import did (or, in a check, would do), and the rows it rejected. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, formatNumber } = useI18n();
  const rejected = [...report.rejected].sort((a, b) => a.line - b.line);
  return (
    <div className="aantafel-import-report">
      <DataList className="aantafel-facts">
        {COUNTS.map(([field, label]) => (
          <DataListItem key={field}>
            <DataListKey>{t(label)}</DataListKey>
            <DataListValue className="aantafel-number-value">
              {formatNumber(Number(report[field] ?? 0))}
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {rejected.length > 0 ? (
        <>
          <Heading3 id="import-rejected-heading">
            {t(rejected.length === 1 ? 'import.rejectedOne' : 'import.rejected', {
              count: rejected.length,
            })}
          </Heading3>
          <Paragraph>{t('import.rejectedIntro')}</Paragraph>
          <DataTable
            caption={t('import.rejectedCaption')}
            captionHidden
            columns={[t('import.line'), t('import.field'), t('import.reason')]}
          >
            {rejected.map((issue, index) => (
              <TableRow key={`${issue.line}-${issue.field}-${index}`}>
                <TableHeaderCell scope="row" className="aantafel-number">
                  {issue.line === 0 ? t('import.wholeFile') : formatNumber(issue.line)}
                </TableHeaderCell>
                <TableCell>{issue.field || '–'}</TableCell>
                <TableCell>{issue.message}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      ) : null}
    </div>
  );
}

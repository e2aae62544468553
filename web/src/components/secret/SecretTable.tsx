import type { ReactNode } from 'react';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmDialog } from '../ConfirmDialog';
import { DataTable, StackLabel } from '../DataTable';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { RowActionButton } from '../RowActionButton';
import type { ApiData } from '../useApiData';
import './secret.css';

/** A secret as the lists of them show it: its label and when it was made. */
interface Secret {
  id: number;
  label: string;
  created_at: string;
}

/** One more column of the table, between "made on" and the actions. */
export interface SecretColumn<Item> {
  label: string;
  cell: (item: Item) => ReactNode;
}

/**
 * The secrets of one kind (API tokens, calendar feeds) with `useSecretList`'s state: the list's
 * error, loading, "none yet", or a table with the label as the row's header, when it was made,
 * `more` columns, and (with `actions`) a revoke button that names the label for screen readers
 * where `canRevoke`, else `texts.noActions`. Revoking asks first. On a phone each row stacks
 * (DataTable's `stack`), so the revoke button is never scrolled out of sight.
 */
export function SecretTable<Item extends Secret>({
  secrets,
  list,
  caption,
  columns,
  more = [],
  actions,
  canRevoke,
  texts,
}: {
  secrets: ApiData<{ items: Item[] }>;
  list: {
    revoking: Item | null;
    setRevoking: (item: Item | null) => void;
    confirmRevoke: () => Promise<void>;
  };
  caption: string;
  columns: { label: string; createdAt: string };
  more?: readonly SecretColumn<Item>[];
  /** Whether there is an actions column (its header's text). */
  actions: string | false;
  canRevoke: (item: Item) => boolean;
  texts: {
    none: string;
    revoke: string;
    forLabel: (label: string) => string;
    noActions?: string;
    revokeTitle: (label: string) => string;
    revokeConfirm: string;
    revoking: string;
    revokeBody: string;
  };
}) {
  const { formatDateTime } = useI18n();
  const items = secrets.data?.items ?? [];
  return (
    <>
      {secrets.error ? <ErrorAlert error={secrets.error} /> : null}
      <div aria-busy={secrets.loading || undefined}>
        {secrets.loading && !secrets.data ? <Loading /> : null}
        {secrets.data && items.length === 0 ? <Paragraph>{texts.none}</Paragraph> : null}
        {items.length > 0 ? (
          <DataTable
            caption={caption}
            captionHidden
            stack
            columns={[columns.label, columns.createdAt, ...more.map((column) => column.label), actions]}
          >
            {items.map((item) => (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row">{item.label}</TableHeaderCell>
                <TableCell>
                  <StackLabel>{columns.createdAt}</StackLabel>
                  <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
                </TableCell>
                {more.map((column) => (
                  <TableCell key={column.label}>
                    <StackLabel>{column.label}</StackLabel>
                    {column.cell(item)}
                  </TableCell>
                ))}
                {actions ? (
                  <TableCell>
                    {canRevoke(item) ? (
                      <RowActionButton danger onClick={() => list.setRevoking(item)} target={texts.forLabel(item.label)}>
                        {texts.revoke}
                      </RowActionButton>
                    ) : (
                      <span className="aantafel-meta">{texts.noActions}</span>
                    )}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </div>
      <ConfirmDialog
        open={list.revoking !== null}
        title={texts.revokeTitle(list.revoking?.label ?? '')}
        confirmLabel={texts.revokeConfirm}
        busyLabel={texts.revoking}
        onCancel={() => list.setRevoking(null)}
        onConfirm={list.confirmRevoke}
      >
        {texts.revokeBody}
      </ConfirmDialog>
    </>
  );
}

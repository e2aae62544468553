import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

/** A column header: its text, and whether the column holds numbers (aligned right). */
export type Column = string | { label: string; numeric?: boolean };

/**
 * A data table in Utrecht's table markup: in a TableScroll (sideways on a narrow screen), with a
 * caption (`captionHidden`: for screen readers only, when a heading already says it), one header
 * row of `columns` (scope="col"; `false` leaves a column out, e.g. "actions" for a viewer) and
 * `children` as the body's rows.
 */
export function DataTable({
  caption,
  captionHidden = false,
  className,
  columns,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  /** More classes on the table. */
  className?: string;
  columns: readonly (Column | false)[];
  children: ReactNode;
}) {
  return (
    <TableScroll label={caption}>
      <table className={className ? `utrecht-table aantafel-table ${className}` : 'utrecht-table aantafel-table'}>
        <caption className={captionHidden ? 'utrecht-table__caption aantafel-visually-hidden' : 'utrecht-table__caption'}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => {
              if (column === false) return null;
              const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
              return (
                <th
                  key={label}
                  scope="col"
                  className={numeric ? 'utrecht-table__header-cell aantafel-number' : 'utrecht-table__header-cell'}
                >
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </TableScroll>
  );
}

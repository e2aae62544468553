import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';
import './dataTable.css';

/**
 * A column header: its text, whether the column holds numbers (aligned right), and whether the
 * text is for screen readers only (a column of buttons that say what they do).
 */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

/**
 * A data table in Utrecht's table markup: in a TableScroll (sideways on a narrow screen), with a
 * caption (`captionHidden`: for screen readers only, when a heading already says it), one header
 * row of `columns` (scope="col"; `false` leaves a column out, e.g. "actions" for a viewer) and
 * `children` as the body's rows. With `stack`, each row stacks on a phone (below 40rem): the row's
 * header first, then every cell under its column's name (a StackLabel at the start of the cell),
 * so a row's actions are never scrolled out of sight.
 */
export function DataTable({
  caption,
  captionHidden = false,
  className,
  columns,
  stack = false,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  /** More classes on the table. */
  className?: string;
  columns: readonly (Column | false)[];
  stack?: boolean;
  children: ReactNode;
}) {
  const classes = ['utrecht-table', 'aantafel-table', stack ? 'aantafel-table--stack' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <TableScroll label={caption}>
      <table className={classes}>
        <caption className={captionHidden ? 'utrecht-table__caption aantafel-visually-hidden' : 'utrecht-table__caption'}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => {
              if (column === false) return null;
              const { label, numeric, hidden } = typeof column === 'string' ? { label: column } : column;
              return (
                <th
                  key={label}
                  scope="col"
                  className={numeric ? 'utrecht-table__header-cell aantafel-number' : 'utrecht-table__header-cell'}
                >
                  {hidden ? <span className="aantafel-visually-hidden">{label}</span> : label}
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

/**
 * The column's name at the start of a cell of a DataTable with `stack`, shown only where the rows
 * stack. Hidden from screen readers: the table's header names the column for them.
 */
export function StackLabel({ children }: { children: string }) {
  return (
    <span className="aantafel-table__stack-label" aria-hidden="true">
      {children}
    </span>
  );
}

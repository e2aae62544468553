import type { ReactNode } from 'react';
import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';

/** One fact in a DataList: its name and its value (`valueClassName` on the value, e.g. pre-line). */
export function Fact({
  label,
  valueClassName,
  children,
}: {
  label: ReactNode;
  valueClassName?: string;
  children: ReactNode;
}) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue className={valueClassName}>{children}</DataListValue>
    </DataListItem>
  );
}

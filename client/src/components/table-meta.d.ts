import '@tanstack/react-table';
import type { TFunction } from 'i18next';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-align the column (numbers, amounts) so digits line up. */
    numeric?: boolean;
    /** The heading as text, for exports (headings are components that translate themselves). */
    exportHeader?: (t: TFunction) => string;
    /** The cell as a plain value for exports; defaults to the column's value. */
    exportValue?: (row: TData, t: TFunction) => string | number | null;
  }
}

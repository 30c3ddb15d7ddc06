import '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { Locale } from '../lib/locale';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-align the column (numbers, amounts) so digits line up. */
    numeric?: boolean;
    /** The heading as text, for exports (headings are components that translate themselves). */
    exportHeader?: (t: TFunction) => string;
    /**
     * The cell as a plain value for exports (a number stays a number; format only for the screen);
     * defaults to the column's value. A column without a value (buttons, checkboxes) is not exported.
     */
    exportValue?: (row: TData, t: TFunction, locale: Locale) => string | number | null;
    /**
     * Exported but not drawn: what the screen shows inside another cell and a spreadsheet needs as
     * its own column (a budget's currency, which the screen writes with the amount).
     */
    exportOnly?: boolean;
  }
}

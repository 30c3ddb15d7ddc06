import '@tanstack/react-table';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-align the column (numbers, amounts) so digits line up. */
    numeric?: boolean;
  }
}

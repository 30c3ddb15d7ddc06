// A disaggregated indicator as a plain table: inputs in the cells, totals computed as one types.
// Tab follows the table row by row; Enter goes down the column (Shift+Enter back up).
import { type KeyboardEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue } from '../../lib/format';
import { type GridLayout, gridTotals, nextCell } from './grid';

export interface GridCell {
  text: string;
  /** The parsed number, or null when empty or invalid. */
  value: number | null;
  invalid: boolean;
  previous: number | null;
}

export function DisaggregationGrid({
  layout,
  caption,
  cellOf,
  onChange,
  onBlur,
  describedBy,
  decimal,
}: {
  layout: GridLayout;
  caption: string;
  cellOf: (option: string) => GridCell;
  /** Absent: the grid is read-only. */
  onChange?: ((option: string, text: string) => void) | undefined;
  onBlur?: (() => void) | undefined;
  describedBy?: string | undefined;
  decimal: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  const totals = gridTotals(layout, (option) => cellOf(option).value);
  const format = (value: number) => formatIndicatorValue(value, locale);
  const size = { rows: layout.rows.length, columns: layout.columns.length };
  const downLabel = layout.down.join(' · ') || t('entry.grid.values');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = nextCell({ row, column }, size, event.shiftKey);
    if (next) table.current?.querySelector<HTMLInputElement>(`[data-cell="${next.row}-${next.column}"]`)?.focus();
  };

  return (
    <div className="grid-scroll">
      <table ref={table} className="entry-grid">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{downLabel}</th>
            {layout.columns.map((column, index) => (
              <th scope="col" key={column.code} id={`${id}-c${index}`}>
                {column.name}
              </th>
            ))}
            <th scope="col">{t('entry.grid.total')}</th>
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((row, rowIndex) => (
            <tr key={row.key}>
              <th scope="row" id={`${id}-r${rowIndex}`}>
                {row.labels.join(' · ') || t('entry.grid.values')}
              </th>
              {row.cells.map((option, columnIndex) => {
                const cell = cellOf(option);
                return (
                  <td key={option}>
                    {onChange ? (
                      <input
                        className="grid-input"
                        type="text"
                        inputMode={decimal ? 'decimal' : 'numeric'}
                        autoComplete="off"
                        data-cell={`${rowIndex}-${columnIndex}`}
                        aria-labelledby={`${id}-r${rowIndex} ${id}-c${columnIndex}`}
                        aria-describedby={describedBy}
                        aria-invalid={cell.invalid ? true : undefined}
                        value={cell.text}
                        onChange={(event) => onChange(option, event.target.value)}
                        onKeyDown={(event) => onKeyDown(event, rowIndex, columnIndex)}
                        onBlur={onBlur}
                      />
                    ) : (
                      <span className="grid-value">{cell.value === null ? '—' : format(cell.value)}</span>
                    )}
                    {cell.previous !== null && !onChange ? (
                      <span className="grid-previous">
                        {t('entry.grid.previous', { value: format(cell.previous) })}
                      </span>
                    ) : null}
                  </td>
                );
              })}
              <td className="grid-total">{format(totals.rows[rowIndex] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        {layout.rows.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">{t('entry.grid.total')}</th>
              {totals.columns.map((total, index) => (
                <td key={layout.columns[index]?.code ?? index} className="grid-total">
                  {format(total)}
                </td>
              ))}
              <td className="grid-total grid-grand-total">{format(totals.total)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

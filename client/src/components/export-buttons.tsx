// Export buttons for a table: CSV and XLSX. The table is read at click time, so the file holds
// exactly the rows and columns shown then (after filters, sorting and hidden columns). The XLSX
// file also says what the table is (its "About" sheet), in the texts of the `exports` part, which
// load with the export libraries on the first click, not with the page.
import { rootRouteId, useRouteContext } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import { downloadCsv, downloadXlsx, type ExportContext, type ExportTable, exportFileName } from '../lib/export';
import { describeExport } from './export-about';
import './table-tools.css';

export function ExportButtons({
  read,
  context,
  name,
  sheetName,
  bomChoice = false,
}: {
  /** The table as shown right now. */
  read: () => ExportTable;
  /** What the table is and which filters made it, for the XLSX file's "About" sheet. */
  context: ExportContext;
  /** Words for the file name: ["People served", "by country"]; the context's title when absent. */
  name?: string[];
  /** The table's sheet in the XLSX file; the context's title when absent. */
  sheetName?: string;
  /** Offer the UTF-8 byte-order mark as a choice (default on); otherwise always written. */
  bomChoice?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { texts } = useRouteContext({ from: rootRouteId });
  const bomId = useId();
  const [bom, setBom] = useState(true);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [failed, setFailed] = useState(false);
  const words = name ?? [context.title];

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailed(false);
    try {
      const table = read();
      const exportedAt = new Date();
      if (format === 'csv') {
        await downloadCsv(table, exportFileName(words, 'csv'), { bom });
      } else {
        await texts.load('exports');
        const about = describeExport(
          context,
          { exportedAt, locale, rowCount: table.rows.length, application: `m4d-monitor ${__APP_VERSION__}` },
          t,
        );
        await downloadXlsx(table, exportFileName(words, 'xlsx'), { sheetName: sheetName ?? context.title, about });
      }
    } catch (error) {
      console.error('export failed', error);
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons">
      <button type="button" className="button" onClick={() => void run('csv')} disabled={busy !== null}>
        {busy === 'csv' ? t('export.preparing') : t('export.csv')}
      </button>
      {bomChoice ? (
        <span className="checkbox">
          <input id={bomId} type="checkbox" checked={bom} onChange={(event) => setBom(event.target.checked)} />
          <label htmlFor={bomId}>{t('export.bom')}</label>
        </span>
      ) : null}
      <button type="button" className="button" onClick={() => void run('xlsx')} disabled={busy !== null}>
        {busy === 'xlsx' ? t('export.preparing') : t('export.xlsx')}
      </button>
      {failed ? (
        <p role="alert" className="export-error">
          {t('export.failed')}
        </p>
      ) : null}
    </div>
  );
}

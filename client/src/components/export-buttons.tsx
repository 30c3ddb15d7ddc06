// Export buttons for a table: CSV always, XLSX where asked. The table is read at click time, so the
// file holds exactly the rows and columns shown then (after filters, sorting and hidden columns).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadXlsx, type ExportTable, exportFileName } from '../lib/export';

export function ExportButtons({
  read,
  name,
  sheetName,
  xlsx = false,
  bomChoice = false,
}: {
  /** The table as shown right now. */
  read: () => ExportTable;
  /** Words for the file name: ["People served", "by country"]. */
  name: string[];
  sheetName?: string;
  xlsx?: boolean;
  /** Offer the UTF-8 byte-order mark as a choice (default on); otherwise always written. */
  bomChoice?: boolean;
}) {
  const { t } = useTranslation();
  const bomId = useId();
  const [bom, setBom] = useState(true);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [failed, setFailed] = useState(false);

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailed(false);
    try {
      const table = read();
      if (format === 'csv') await downloadCsv(table, exportFileName(name, 'csv'), { bom });
      else await downloadXlsx(table, exportFileName(name, 'xlsx'), { sheetName: sheetName ?? name.join(' ') });
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
      {xlsx ? (
        <button type="button" className="button" onClick={() => void run('xlsx')} disabled={busy !== null}>
          {busy === 'xlsx' ? t('export.preparing') : t('export.xlsx')}
        </button>
      ) : null}
      {failed ? (
        <p role="alert" className="export-error">
          {t('export.failed')}
        </p>
      ) : null}
    </div>
  );
}

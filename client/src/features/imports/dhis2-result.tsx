// DHIS2's import summary on the import page: the counts as DHIS2 gives them (imported, updated,
// deleted, ignored), each conflict with where it is in the file and what to do, and — after a check
// that would write something — the confirmation, sent with the same file and options.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import type { ExportContext } from '../../lib/export';
import type { Role } from '../auth/session';
import { dhis2ConflictColumns } from './columns';
import { CountTiles } from './count-tiles';
import { conflictRows, type Dhis2Format, readDhis2Summary } from './dhis2';
import type { Dhis2Summary } from './kinds';

const TITLES = {
  checked: 'imports.dryRunTitle',
  imported: 'imports.committedTitle',
  refused: 'imports.commitFailed',
} as const;

export function Dhis2Result({
  summary,
  format,
  role,
  fileName,
  onConfirm,
  onAnother,
}: {
  summary: Dhis2Summary;
  format: Dhis2Format;
  role: Role;
  fileName: string;
  onConfirm: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const outcome = readDhis2Summary(summary);
  const { importCount, importOptions } = summary.response;
  const tense = outcome.stage === 'imported' ? 'did' : 'would';
  const rows = conflictRows(summary, format, role);
  const exportContext: ExportContext = {
    title: t('imports.dhis2.conflictsTitle'),
    filters: [
      [t('imports.kind.legend'), t('imports.kind.dhis2')],
      [t('imports.fileName'), fileName],
      [t('imports.dhis2.strategy.label'), t(`imports.dhis2.strategy.${importOptions.importStrategy}`)],
      [t('imports.dhis2.atomicMode.label'), t(`imports.dhis2.atomicMode.${importOptions.atomicMode}`)],
    ],
  };
  // Under atomicMode=ALL a check with conflicts counts nothing as importable: say why, not just "0".
  const stopsAll = importOptions.atomicMode === 'ALL';

  return (
    <section className="import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={heading} tabIndex={-1}>
        {t(TITLES[outcome.stage])}
      </h2>
      <CountTiles
        items={[
          [t('imports.dhis2.counts.values'), outcome.values],
          [t(`imports.counts.${tense}.insert`), importCount.imported],
          [t(`imports.counts.${tense}.update`), importCount.updated],
          [t(`imports.dhis2.counts.${tense}.delete`), importCount.deleted],
          [t('imports.dhis2.counts.ignored'), importCount.ignored],
          [t('imports.dhis2.counts.conflicting'), outcome.conflicting],
        ]}
      />
      {rows.length > 0 ? (
        <>
          <h3>{t('imports.dhis2.conflictsTitle')}</h3>
          <div className="notice notice-warning">
            <p>
              {stopsAll
                ? t('imports.dhis2.stopsAll', { count: outcome.conflicting })
                : outcome.stage === 'imported'
                  ? t('imports.dhis2.skipped', { count: outcome.conflicting })
                  : t('imports.dhis2.willSkip', { count: outcome.conflicting })}
            </p>
          </div>
          <DataTable
            data={rows}
            columns={dhis2ConflictColumns}
            caption={t('imports.dhis2.conflictsTitle')}
            getRowId={(row) => row.id}
            exportContext={exportContext}
          />
        </>
      ) : null}
      {outcome.stage === 'imported' ? (
        <p>
          <button type="button" className="button" onClick={onAnother}>
            {t('imports.another')}
          </button>
        </p>
      ) : outcome.stage === 'checked' && (rows.length === 0 || !stopsAll) ? (
        <>
          <p>
            {outcome.changes > 0
              ? t('imports.dhis2.ready', { count: outcome.changes })
              : rows.length > 0
                ? t('imports.dhis2.nothingLeft')
                : t('imports.nothingToWrite')}
          </p>
          <p>
            <button type="button" className="button button-primary" onClick={onConfirm} disabled={!outcome.canConfirm}>
              {t('imports.confirm')}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}

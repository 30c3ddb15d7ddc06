// `/import`: staff bring values in from a spreadsheet or a DHIS2 export, admins also metadata. The file is checked
// first (a dry run that writes nothing), the report says what would change and which rows are
// refused and why, and only then may it be confirmed: the same file again, written all or nothing.
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../components/api-error';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../i18n/use-locale';
import type { ExportContext } from '../../lib/export';
import { formatNumber } from '../../lib/format';
import { RequireUser } from '../auth/require-user';
import type { Me } from '../auth/session';
import { metadataColumns, rejectedValueColumns, writtenValueColumns } from './columns';
import { CountTiles } from './count-tiles';
import { dhis2FormatOf } from './dhis2';
import { Dhis2Result } from './dhis2-result';
import {
  ACCEPT,
  type DataValueReport,
  DHIS2_ATOMIC_MODES,
  DHIS2_DEFAULTS,
  DHIS2_STRATEGIES,
  type Dhis2Options,
  type ImportKind,
  type ImportReport,
  importUrl,
  isImportReportFor,
  kindsFor,
  type MetadataReport,
  rejectedRows,
  reportStatusesFor,
  tagReport,
} from './kinds';
import { readUploadResponse, uploadFile } from './upload';
import './imports.css';

export function ImportPage() {
  return (
    <RequireUser>
      {(user) => (kindsFor(user.role).length > 0 ? <Importer me={user} /> : <NotAllowed me={user} />)}
    </RequireUser>
  );
}

function NotAllowed({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} />
      <div className="notice notice-info">
        <p>{t('imports.notAllowed', { role: t(`roles.${me.role}`) })}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </>
  );
}

/** The reports of the app's own spreadsheet and GeoJSON imports (DHIS2's summary has its own view). */
type SpreadsheetReport = Exclude<ImportReport, { shape: 'dhis2' }>;

type Phase =
  | { step: 'idle' }
  | { step: 'sending'; dryRun: boolean; sent: number | null }
  | { step: 'checking'; dryRun: boolean }
  | { step: 'done'; result: ImportReport }
  | { step: 'failed'; dryRun: boolean; failure: ApiError; result: ImportReport | null };

function Importer({ me }: { me: Me }) {
  const { t } = useTranslation();
  const kinds = kindsFor(me.role);
  const [kind, setKind] = useState<ImportKind>('dataValues');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [dhis2Options, setDhis2Options] = useState<Dhis2Options>(DHIS2_DEFAULTS);
  const [missingFile, setMissingFile] = useState(false);
  // Changing it gives a new, empty file input (a file input cannot be cleared from React).
  const [inputKey, setInputKey] = useState(0);
  const fileId = useId();
  const hintId = useId();
  const missingId = useId();
  const strategyId = useId();
  const atomicId = useId();
  const busy = phase.step === 'sending' || phase.step === 'checking';

  const send = async (dryRun: boolean) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setPhase({ step: 'sending', dryRun, sent: 0 });
    const response = await uploadFile({
      url: importUrl(kind, dryRun, dhis2Options),
      file,
      onProgress: (sent) => setPhase({ step: 'sending', dryRun, sent }),
      onSent: () => setPhase({ step: 'checking', dryRun }),
    });
    const outcome = readUploadResponse(response, isImportReportFor(kind), reportStatusesFor(kind));
    if (outcome.ok) {
      setPhase({ step: 'done', result: tagReport(outcome.body) });
    } else {
      // A refused commit (422) carries the full report: show its rejected rows as a check would.
      const details = outcome.failure.details;
      const report = isImportReportFor(kind)(details) ? tagReport(details) : null;
      setPhase({ step: 'failed', dryRun, failure: outcome.failure, result: report });
    }
  };

  const reset = () => setPhase({ step: 'idle' });
  // A check answers for its options: changing one asks for a new check before anything is confirmed.
  const changeDhis2Options = (change: Partial<Dhis2Options>) => {
    setDhis2Options((options) => ({ ...options, ...change }));
    reset();
  };
  const another = () => {
    setFile(null);
    setInputKey((key) => key + 1);
    reset();
  };
  const shown = phase.step === 'done' || phase.step === 'failed' ? phase.result : null;

  return (
    <>
      <PageHeader title={t('imports.title')}>
        <p className="lede">{t('imports.intro')}</p>
      </PageHeader>
      <form
        className="panel import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        {kinds.length > 1 ? (
          <fieldset className="import-kinds">
            <legend>{t('imports.kind.legend')}</legend>
            {kinds.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  checked={kind === option}
                  disabled={busy}
                  onChange={() => {
                    setKind(option);
                    setFile(null);
                    reset();
                  }}
                />{' '}
                {t(`imports.kind.${option}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={fileId}>{t('imports.file', { what: t(`imports.kind.${kind}`) })}</label>
          <p id={hintId} className="field-hint">
            {t(`imports.hint.${kind}`)}
          </p>
          <input
            key={`${kind}-${inputKey}`}
            id={fileId}
            type="file"
            accept={ACCEPT[kind]}
            aria-describedby={missingFile ? `${hintId} ${missingId}` : hintId}
            aria-invalid={missingFile || undefined}
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissingFile(false);
              reset();
            }}
          />
          {missingFile ? (
            <p id={missingId} className="field-error">
              {t('imports.noFile')}
            </p>
          ) : null}
        </div>
        {kind === 'dhis2' ? (
          <fieldset className="import-options">
            <legend>{t('imports.dhis2.options')}</legend>
            <div className="field">
              <label htmlFor={strategyId}>{t('imports.dhis2.strategy.label')}</label>
              <select
                id={strategyId}
                value={dhis2Options.importStrategy}
                disabled={busy}
                onChange={(event) => {
                  const importStrategy = DHIS2_STRATEGIES.find((option) => option === event.target.value);
                  if (importStrategy) changeDhis2Options({ importStrategy });
                }}
              >
                {DHIS2_STRATEGIES.map((option) => (
                  <option key={option} value={option}>
                    {t(`imports.dhis2.strategy.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={atomicId}>{t('imports.dhis2.atomicMode.label')}</label>
              <select
                id={atomicId}
                value={dhis2Options.atomicMode}
                disabled={busy}
                onChange={(event) => {
                  const atomicMode = DHIS2_ATOMIC_MODES.find((option) => option === event.target.value);
                  if (atomicMode) changeDhis2Options({ atomicMode });
                }}
              >
                {DHIS2_ATOMIC_MODES.map((option) => (
                  <option key={option} value={option}>
                    {t(`imports.dhis2.atomicMode.${option}`)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        ) : null}
        <p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('imports.check')}
          </button>
        </p>
      </form>
      <Progress phase={phase} />
      {phase.step === 'failed' ? <Failure failure={phase.failure} dryRun={phase.dryRun} /> : null}
      {shown?.shape === 'dhis2' ? (
        <Dhis2Result
          key={phase.step}
          summary={shown.report}
          format={dhis2FormatOf(file ?? { name: '', type: '' })}
          role={me.role}
          fileName={file?.name ?? ''}
          onConfirm={() => void send(false)}
          onAnother={another}
        />
      ) : shown ? (
        <Result
          // A new report is a new result: its heading takes the focus again.
          key={phase.step}
          result={shown}
          fileName={file?.name ?? ''}
          kind={kind}
          onConfirm={() => void send(false)}
          onAnother={another}
        />
      ) : null}
    </>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelId = useId();
  let text = '';
  let value: number | undefined;
  if (phase.step === 'sending') {
    value = phase.sent === null ? undefined : Math.round(phase.sent * 100);
    text =
      value === undefined
        ? t('imports.uploading')
        : t('imports.uploadingPercent', { percent: formatNumber(value / 100, locale, { style: 'percent' }) });
  } else if (phase.step === 'checking') {
    text = phase.dryRun ? t('imports.checking') : t('imports.writing');
  }
  return (
    <div className="import-progress">
      {/* Always in the page, so screen readers hear each change of its text. */}
      <p id={labelId} role="status">
        {text}
      </p>
      {text ? <progress aria-labelledby={labelId} max={100} value={value} /> : null}
    </div>
  );
}

function Failure({ failure, dryRun }: { failure: ApiError; dryRun: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{dryRun ? t('imports.checkFailed') : t('imports.commitFailed')}</p>
      <p>
        {failure.message ??
          (failure.status === null ? t('common.networkError') : t('common.serverError', { status: failure.status }))}
      </p>
    </div>
  );
}

function Result({
  result,
  fileName,
  kind,
  onConfirm,
  onAnother,
}: {
  result: SpreadsheetReport;
  fileName: string;
  kind: ImportKind;
  onConfirm: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { report } = result;
  const committed = report.committed;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const rejected = report.counts.rejected;
  const changes = report.counts.insert + report.counts.update;
  const exportContext: ExportContext = {
    title: t('imports.rejectedTitle'),
    filters: [
      [t('imports.kind.legend'), t(`imports.kind.${kind}`)],
      [t('imports.fileName'), fileName],
    ],
  };

  return (
    <section className="import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={heading} tabIndex={-1}>
        {committed ? t('imports.committedTitle') : t('imports.dryRunTitle')}
      </h2>
      <Counts result={result} />
      {result.shape === 'dataValues' ? <Columns report={result.report} /> : null}
      {rejected > 0 ? (
        <>
          <h3>{t('imports.rejectedTitle')}</h3>
          <div className="notice notice-warning">
            <p>{t('imports.allOrNothing', { count: rejected })}</p>
          </div>
          {result.shape === 'dataValues' ? (
            <RejectedValues report={result.report} exportContext={exportContext} />
          ) : (
            <RejectedMetadata report={result.report} exportContext={exportContext} />
          )}
        </>
      ) : null}
      {committed ? (
        <>
          {result.shape === 'dataValues' && changes > 0 ? (
            <>
              <h3>{t('imports.writtenTitle')}</h3>
              <DataTable
                data={result.report.rows.filter((row) => row.action === 'insert' || row.action === 'update')}
                columns={writtenValueColumns}
                caption={t('imports.writtenTitle')}
                exportContext={{ ...exportContext, title: t('imports.writtenTitle') }}
              />
            </>
          ) : null}
          <p>
            <button type="button" className="button" onClick={onAnother}>
              {t('imports.another')}
            </button>
          </p>
        </>
      ) : rejected === 0 ? (
        <>
          <p>{changes > 0 ? t('imports.ready', { count: changes }) : t('imports.nothingToWrite')}</p>
          <p>
            <button type="button" className="button button-primary" onClick={onConfirm} disabled={changes === 0}>
              {t('imports.confirm')}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}

function Counts({ result }: { result: SpreadsheetReport }) {
  const { t } = useTranslation();
  const { counts, committed } = result.report;
  const tense = committed ? 'did' : 'would';
  const items: [string, number][] = [
    [t('imports.counts.rows'), counts.rows],
    [t(`imports.counts.${tense}.insert`), counts.insert],
    [t(`imports.counts.${tense}.update`), counts.update],
    [t('imports.counts.unchanged'), counts.unchanged],
    [t('imports.counts.rejected'), counts.rejected],
  ];
  if (result.shape === 'dataValues')
    items.push([t(`imports.counts.${tense}.draftReports`), result.report.draftReports]);
  return <CountTiles items={items} />;
}

function Columns({ report }: { report: DataValueReport }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <dl className="facts">
      <div>
        <dt>{t('imports.columnsUsed')}</dt>
        <dd>{report.columns.used.join(', ') || none}</dd>
      </div>
      <div>
        <dt>{t('imports.columnsIgnored')}</dt>
        <dd>{report.columns.ignored.join(', ') || none}</dd>
      </div>
    </dl>
  );
}

function RejectedValues({ report, exportContext }: { report: DataValueReport; exportContext: ExportContext }) {
  const { t } = useTranslation();
  return (
    <>
      <DataTable
        data={rejectedRows(report.rows)}
        columns={rejectedValueColumns}
        caption={t('imports.rejectedTitle')}
        getRowId={(row) => String(row.row)}
        exportContext={exportContext}
      />
      {report.rowsOmitted > 0 ? (
        <p className="muted">{t('imports.rowsOmitted', { count: report.rowsOmitted })}</p>
      ) : null}
    </>
  );
}

function RejectedMetadata({ report, exportContext }: { report: MetadataReport; exportContext: ExportContext }) {
  const { t } = useTranslation();
  return (
    <DataTable
      data={rejectedRows(report.rows)}
      columns={metadataColumns}
      caption={t('imports.rejectedTitle')}
      getRowId={(row) => String(row.row)}
      exportContext={exportContext}
    />
  );
}

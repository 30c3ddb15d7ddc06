// One unit's quarterly report: the entry form while its staff may edit it, a read-only report
// otherwise (and always for reviewers), with the workflow buttons the server allows.
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../components/api-error';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonLines } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import type { Me } from '../auth/session';
import { formatDateTime, formatTime, useQuarterLabel } from './format';
import { type EditApi, fieldAnchor, IndicatorField, type NoteDraft } from './indicator-field';
import { localToday, openQuarters, timeliness } from './params';
import {
  type FieldNote,
  type Indicator,
  type ReportDetail,
  usePeriods,
  useReport,
  type WorkflowAction,
} from './queries';
import { type SaveStatus, useDraft } from './use-draft';
import { WorkflowActions } from './workflow';

export type ReportMode = 'entry' | 'review';

export function ReportScreen({
  orgUnit,
  period,
  user,
  mode,
}: {
  orgUnit: string;
  period: string;
  user: Me;
  mode: ReportMode;
}) {
  const { t } = useTranslation();
  const report = useReport(orgUnit, period);
  if (report.isError) {
    const { status } = readApiError(report.error);
    if (status === 403 || status === 404 || status === 400) {
      return (
        <>
          <PageHeader title={t('entry.unavailableTitle')} />
          <EmptyState>
            {status === 403 ? t('entry.outOfScope', { unit: orgUnit }) : t('entry.notFound', { unit: orgUnit, period })}
          </EmptyState>
        </>
      );
    }
  }
  return (
    <QueryState
      query={report}
      what={t('entry.what')}
      skeleton={
        <>
          <span className="skeleton skeleton-title" />
          <SkeletonLines lines={8} />
        </>
      }
    >
      {(data) => <ReportView key={`${data.unit.code}/${data.period.id}`} report={data} user={user} mode={mode} />}
    </QueryState>
  );
}

/** Sections by project, then by theme; an indicator two projects ask for appears once, in the first. */
function groupIndicators(report: ReportDetail) {
  const byCode = new Map(report.indicators.map((indicator) => [indicator.code, indicator]));
  const seen = new Set<string>();
  return report.sections.map((section) => {
    const themes: { code: string; name: string | null; indicators: Indicator[] }[] = [];
    for (const code of section.indicators) {
      const indicator = byCode.get(code);
      if (!indicator || seen.has(code)) continue;
      seen.add(code);
      const themeCode = indicator.theme?.code ?? '';
      let theme = themes.find((candidate) => candidate.code === themeCode);
      if (!theme) {
        theme = { code: themeCode, name: indicator.theme?.name ?? null, indicators: [] };
        themes.push(theme);
      }
      theme.indicators.push(indicator);
    }
    return { project: section.project, themes };
  });
}

function ReportView({ report, user, mode }: { report: ReportDetail; user: Me; mode: ReportMode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const periodLabel = useQuarterLabel();
  const editable = mode === 'entry' && report.allowedActions.includes('save');
  const draft = useDraft(report, user.id, editable);
  const [announcement, setAnnouncement] = useState('');
  const status = report.report.status;
  const today = localToday();
  const timing = timeliness(report.period.deadline, report.report.submittedAt, today);
  const lastReturn = [...report.events]
    .reverse()
    .find((event) => event.action === 'return' || event.action === 'reopen');
  const outliers = new Map(report.outliers.map((outlier) => [outlier.indicator, outlier]));
  const returnNotes = new Map(report.returnNotes.map((note) => [note.indicator, note]));
  // A reviewer who may return the report can write a note on any field; they go with the return.
  const [noteTexts, setNoteTexts] = useState<Record<string, string>>({});
  const mayReturn = mode === 'review' && report.allowedActions.includes('return');
  const fieldNotes: FieldNote[] = Object.entries(noteTexts).flatMap(([indicator, comment]) =>
    comment.trim() ? [{ indicator, comment: comment.trim() }] : [],
  );
  const noteDraft = (indicator: string): NoteDraft | null =>
    mayReturn
      ? {
          unit: report.unit.name,
          text: noteTexts[indicator] ?? '',
          onChange: (text) => setNoteTexts((notes) => ({ ...notes, [indicator]: text })),
        }
      : null;
  const conflictCount = Object.keys(draft.state.conflicts).length;
  const groups = groupIndicators(report);
  const title = t('entry.title', { unit: report.unit.name, quarter: periodLabel(report.period.id) });

  const edit: EditApi | null = editable
    ? {
        state: draft.state,
        dispatch: draft.dispatch,
        context: draft.context,
        commentsWithoutValue: draft.changes.commentsWithoutValue,
        onBlur: () => void draft.save(),
      }
    : null;

  const beforeSubmit = async (): Promise<string | null> => {
    if (draft.changes.invalid.length > 0) return t('workflow.fixFirst', { count: draft.changes.invalid.length });
    if (conflictCount > 0) return t('workflow.conflictsFirst', { count: conflictCount });
    if (Object.keys(draft.state.rejected).length > 0)
      return t('workflow.fixFirst', { count: Object.keys(draft.state.rejected).length });
    return (await draft.flush()) ? null : t('workflow.notSaved');
  };

  const onDone = (action: WorkflowAction) => {
    if (action === 'return') setNoteTexts({});
    setAnnouncement(t(`workflow.done.${action}`, { unit: report.unit.name }));
  };

  return (
    <div className={`report report-${mode}`}>
      {mode === 'review' ? (
        <p className="back-link">
          <Link to="/review">{t('review.backToQueue')}</Link>
        </p>
      ) : null}
      <PageHeader title={title}>
        <div className="report-facts">
          <StatusBadge status={status} />
          {report.period.deadline ? (
            <span>
              {t('entry.deadline', { date: formatDate(report.period.deadline, locale) })}
              {timing === 'overdue' || timing === 'late' ? (
                <span className="badge badge-late">{t(`timeliness.${timing}`)}</span>
              ) : null}
            </span>
          ) : null}
          {report.report.submittedAt ? (
            <span>{t('entry.submittedAt', { date: formatDateTime(report.report.submittedAt, locale) })}</span>
          ) : null}
        </div>
        {mode === 'entry' ? <QuarterPicker orgUnit={report.unit.code} current={report.period.id} /> : null}
      </PageHeader>

      <p role="status" className={announcement ? 'notice notice-success' : 'visually-hidden'}>
        {announcement}
      </p>

      {status === 'returned' && report.report.lastComment ? (
        <section className="notice notice-returned" aria-labelledby="returned-heading">
          <h2 id="returned-heading" className="notice-title">
            {t('entry.returnedTitle')}
          </h2>
          <blockquote className="return-comment">{report.report.lastComment}</blockquote>
          {report.returnNotes.length > 0 ? (
            <>
              <p>{t('entry.fieldNotes', { count: report.returnNotes.length })}</p>
              <ul className="outlier-links">
                {report.returnNotes.map((note) => (
                  <li key={note.indicator}>
                    <a href={`#${fieldAnchor(note.indicator)}`}>
                      {report.indicators.find((indicator) => indicator.code === note.indicator)?.name ?? note.indicator}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {lastReturn ? (
            <p className="notice-detail">
              {t('entry.returnedBy', {
                who: lastReturn.actor ?? t('entry.someone'),
                when: formatDateTime(lastReturn.at, locale),
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      {mode === 'entry' && !editable ? <LockedNote report={report} /> : null}

      {editable && draft.restored > 0 ? (
        <p className="notice notice-info">{t('entry.restored', { count: draft.restored })}</p>
      ) : null}

      {conflictCount > 0 ? (
        <p className="notice notice-error" role="alert">
          {t('entry.conflict.summary', { count: conflictCount })}
        </p>
      ) : null}

      {report.outliers.length > 0 && editable ? (
        <div className="notice notice-warning">
          <p className="notice-title">{t('entry.outliersTitle', { count: report.outliers.length })}</p>
          <ul className="outlier-links">
            {report.outliers.map((outlier) => (
              <li key={outlier.indicator}>
                <a href={`#${fieldAnchor(outlier.indicator)}`}>
                  {report.indicators.find((indicator) => indicator.code === outlier.indicator)?.name ??
                    outlier.indicator}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {groups.length === 0 ? <EmptyState>{t('entry.noIndicators')}</EmptyState> : null}
      {groups.map((group) => (
        <section key={group.project.code} className="report-section" aria-labelledby={`project-${group.project.code}`}>
          <h2 id={`project-${group.project.code}`}>{group.project.name}</h2>
          {group.themes.map((theme) => (
            <section key={theme.code} className="report-theme" aria-label={theme.name ?? t('entry.otherTheme')}>
              <h3>{theme.name ?? t('entry.otherTheme')}</h3>
              {theme.indicators.map((indicator) => (
                <IndicatorField
                  key={indicator.code}
                  indicator={indicator}
                  report={report}
                  edit={edit}
                  outlier={outliers.get(indicator.code)}
                  note={returnNotes.get(indicator.code)}
                  noteDraft={noteDraft(indicator.code)}
                />
              ))}
            </section>
          ))}
        </section>
      ))}

      <ReportEvents report={report} />

      <div className="report-bar">
        {editable ? (
          <SaveStatusLine
            status={draft.status}
            pending={draft.changes.writes.length}
            invalid={draft.changes.invalid.length}
            onRetry={() => void draft.save()}
            loginHref={`/entry/${report.unit.code}/${report.period.id}`}
          />
        ) : null}
        <WorkflowActions report={report} notes={fieldNotes} beforeSubmit={beforeSubmit} onDone={onDone} />
      </div>
    </div>
  );
}

function QuarterPicker({ orgUnit, current }: { orgUnit: string; current: string }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const periodLabel = useQuarterLabel();
  const periods = usePeriods();
  const quarters = periods.data ? openQuarters(periods.data.items, periods.data.today) : [];
  if (quarters.length === 0) return null;
  const options = quarters.some((quarter) => quarter.id === current) ? quarters : [{ id: current }, ...quarters];
  return (
    <div className="field quarter-picker">
      <label htmlFor={id}>{t('entry.quarter')}</label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          void navigate({ to: '/entry/$orgUnit/$period', params: { orgUnit, period: event.target.value } })
        }
      >
        {options.map((quarter) => (
          <option key={quarter.id} value={quarter.id}>
            {periodLabel(quarter.id)}
          </option>
        ))}
      </select>
    </div>
  );
}

const REVIEWER_BY_TIER: Record<string, 'regional' | 'national' | 'admin'> = {
  local: 'regional',
  regional: 'national',
  national: 'admin',
};

function LockedNote({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const status = report.report.status;
  if (status !== 'submitted' && status !== 'approved' && status !== 'accepted') {
    return <p className="notice notice-info">{t('entry.readOnly')}</p>;
  }
  const reviewer = t(`entry.reviewer.${REVIEWER_BY_TIER[report.unit.tier] ?? 'admin'}`);
  return (
    <div className="notice notice-info">
      <p className="notice-title">{t(`entry.locked.${status}.title`)}</p>
      <p>{t(`entry.locked.${status}.body`, { reviewer })}</p>
    </div>
  );
}

const EVENT_ACTIONS = ['create', 'submit', 'approve', 'return', 'accept', 'reopen'] as const;

function isEventAction(action: string): action is (typeof EVENT_ACTIONS)[number] {
  return (EVENT_ACTIONS as readonly string[]).includes(action);
}

function ReportEvents({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (report.events.length === 0) return null;
  return (
    <details className="report-events">
      <summary>{t('entry.events.title', { count: report.events.length })}</summary>
      <ol className="history-list">
        {[...report.events].reverse().map((event) => (
          <li key={`${event.at}-${event.action}`}>
            <span className="history-when">{formatDateTime(event.at, locale)}</span>{' '}
            <span className="history-who">{event.actor ?? t('entry.someone')}</span>{' '}
            <span className="history-what">
              {isEventAction(event.action)
                ? t(`entry.events.actions.${event.action}`, { to: t(`reportStatus.${event.to}`) })
                : event.action}
              {event.comment ? ` — “${event.comment}”` : null}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function SaveStatusLine({
  status,
  pending,
  invalid,
  onRetry,
  loginHref,
}: {
  status: SaveStatus;
  pending: number;
  invalid: number;
  onRetry: () => void;
  loginHref: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  let text: string;
  let tone = 'ok';
  let action: React.ReactNode = null;
  switch (status.kind) {
    case 'saving':
      text = t('save.saving');
      break;
    case 'retrying':
      text = t('save.retrying');
      tone = 'error';
      action = (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('save.retryNow')}
        </button>
      );
      break;
    case 'stopped':
      text = t(`save.stopped.${status.reason}`);
      tone = 'error';
      if (status.reason === 'signedOut') {
        action = (
          <Link to="/login" search={{ redirect: loginHref }}>
            {t('save.signIn')}
          </Link>
        );
      }
      break;
    default:
      text =
        pending > 0
          ? t('save.pending')
          : status.kind === 'saved'
            ? t('save.saved', { time: formatTime(status.at, locale) })
            : t('save.idle');
  }
  return (
    <div className={`save-status save-status-${tone}`}>
      <p role="status">
        {text}
        {invalid > 0 ? ` ${t('save.invalid', { count: invalid })}` : null}
      </p>
      {action}
    </div>
  );
}

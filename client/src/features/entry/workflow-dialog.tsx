// The dialog of one workflow step, loaded when a step button is first pressed: most visits to a
// report only read or type, so this stays out of the entry route's first download.
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/action-dialog';
import { isRecord, readApiError } from '../../components/api-error';
import { useLocale } from '../../i18n/use-locale';
import { type FieldNote, type ReportDetail, runAction, storeReport, type WorkflowAction } from './queries';

const ACTIONS: readonly string[] = ['submit', 'approve', 'accept', 'return', 'reopen'];
const COMMENT_REQUIRED: ReadonlySet<WorkflowAction> = new Set(['return', 'reopen']);

function isAction(value: string): value is WorkflowAction {
  return ACTIONS.includes(value);
}

type T = TFunction;

/** The server's refusal in the reader's language, keeping its own words as detail. */
export function describeStepFailure(t: T, error: unknown, names: (code: string) => string): ReactNode {
  const failure = readApiError(error);
  if (failure.status === null) return <p>{t('common.networkError')}</p>;
  const details = isRecord(failure.details) ? failure.details : {};
  let lead: string;
  switch (failure.code) {
    case 'comments_required': {
      const outliers = Array.isArray(details.outliers) ? details.outliers : [];
      const codes = outliers.flatMap((item) =>
        isRecord(item) && typeof item.indicator === 'string' ? [item.indicator] : [],
      );
      lead = t('workflow.errors.commentsRequired', { fields: codes.map(names).join(', ') });
      break;
    }
    case 'invalid_transition': {
      const allowed = Array.isArray(details.allowed) ? details.allowed.filter((item) => typeof item === 'string') : [];
      lead = allowed.length
        ? t('workflow.errors.invalidTransitionAllowed', {
            actions: allowed.map((action) => (isAction(action) ? t(`workflow.actions.${action}`) : action)).join(', '),
          })
        : t('workflow.errors.invalidTransition');
      break;
    }
    case 'empty_report':
      lead = t('workflow.errors.emptyReport');
      break;
    case 'comment_required':
      lead = t('dialog.commentRequired');
      break;
    case 'not_allowed':
    case 'out_of_scope':
      lead = t('workflow.errors.notAllowed');
      break;
    default:
      lead = t('workflow.errors.failed');
  }
  return (
    <>
      <p>{lead}</p>
      {failure.message ? (
        <p className="notice-detail">{t('common.serverMessage', { message: failure.message })}</p>
      ) : null}
    </>
  );
}

export function StepDialog({
  action,
  report,
  notes,
  beforeSubmit,
  onDone,
  onClose,
}: {
  action: WorkflowAction;
  report: ReportDetail;
  /** The reviewer's field notes; they go with a return only. */
  notes: readonly FieldNote[];
  beforeSubmit: () => Promise<string | null>;
  onDone: (action: WorkflowAction) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const names = (code: string) => report.indicators.find((indicator) => indicator.code === code)?.name ?? code;
  const sentNotes = action === 'return' ? notes : [];

  const confirm = async (comment: string) => {
    setPending(true);
    setError(null);
    try {
      if (action === 'submit') {
        const blocked = await beforeSubmit();
        if (blocked) {
          setError(<p>{blocked}</p>);
          return;
        }
      }
      const fresh = await runAction(report.unit.code, report.period.id, action, comment || null, sentNotes);
      storeReport(queryClient, locale, fresh);
      onDone(action);
    } catch (failure) {
      setError(describeStepFailure(t, failure, names));
      // The report may have moved on (someone else acted): show its current state behind the dialog.
      void queryClient.invalidateQueries({ queryKey: ['reports', 'detail', report.unit.code, report.period.id] });
    } finally {
      setPending(false);
    }
  };

  return (
    <ActionDialog
      open
      title={t(`workflow.dialog.${action}.title`, { unit: report.unit.name })}
      description={
        <>
          <p>{t(`workflow.dialog.${action}.description`)}</p>
          {sentNotes.length > 0 ? (
            <p>
              {t('workflow.dialog.return.notes', {
                count: sentNotes.length,
                fields: sentNotes.map((note) => names(note.indicator)).join(', '),
              })}
            </p>
          ) : null}
        </>
      }
      commentLabel={t(`workflow.dialog.${action}.comment`)}
      commentRequired={COMMENT_REQUIRED.has(action)}
      confirmLabel={t(`workflow.actions.${action}`)}
      pending={pending}
      error={error}
      onConfirm={(comment) => void confirm(comment)}
      onCancel={onClose}
    />
  );
}

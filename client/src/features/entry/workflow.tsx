// The report's workflow buttons: whatever `allowedActions` offers this person now. Each opens the
// step's dialog (loaded on first use); submitting first saves whatever is still pending.
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNote, ReportDetail, WorkflowAction } from './queries';

const StepDialog = lazy(() => import('./workflow-dialog').then((module) => ({ default: module.StepDialog })));

const ORDER: WorkflowAction[] = ['submit', 'approve', 'accept', 'return', 'reopen'];

export function workflowActions(report: Pick<ReportDetail, 'allowedActions'>): WorkflowAction[] {
  return ORDER.filter((action) => report.allowedActions.includes(action));
}

export function WorkflowActions({
  report,
  notes,
  beforeSubmit,
  onDone,
}: {
  report: ReportDetail;
  /** The reviewer's field notes, sent with a return. */
  notes: readonly FieldNote[];
  /** Saves pending changes; returns a reason not to submit yet, or null. */
  beforeSubmit: () => Promise<string | null>;
  onDone: (action: WorkflowAction) => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const actions = workflowActions(report);

  // The dialog unmounts rather than closing, so focus goes back by hand: to the button that opened
  // it, or, when the step made that button go away, to the page's main region.
  const close = () => {
    setAction(null);
    requestAnimationFrame(() => {
      const target = opener.current?.isConnected ? opener.current : document.getElementById('main');
      target?.focus();
    });
  };

  if (actions.length === 0 && action === null) return null;
  return (
    <>
      <div className="workflow-buttons">
        {actions.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className={`button${candidate === 'return' || candidate === 'reopen' ? '' : ' button-primary'}`}
            onClick={(event) => {
              opener.current = event.currentTarget;
              setAction(candidate);
            }}
          >
            {t(`workflow.actions.${candidate}`)}
          </button>
        ))}
      </div>
      {action ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <StepDialog
            action={action}
            report={report}
            notes={notes}
            beforeSubmit={beforeSubmit}
            onDone={(done) => {
              close();
              onDone(done);
            }}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}

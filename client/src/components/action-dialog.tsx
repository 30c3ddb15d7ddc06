// A modal step with an optional or required comment, on the native <dialog>: the browser traps
// focus, closes on Escape and restores focus to the button that opened it.
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  commentLabel: string;
  commentRequired: boolean;
  confirmLabel: string;
  pending: boolean;
  /** The server's answer when the step failed, shown inside the dialog. */
  error: ReactNode;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

export function ActionDialog({
  open,
  title,
  description,
  commentLabel,
  commentRequired,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: ActionDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const commentId = useId();
  const hintId = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setComment('');
      setMissing(false);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (commentRequired && !comment.trim()) {
      setMissing(true);
      document.getElementById(commentId)?.focus();
      return;
    }
    onConfirm(comment.trim());
  };

  return (
    <dialog
      ref={ref}
      className="action-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {description ? <div className="action-dialog-description">{description}</div> : null}
        <div className="field">
          <label htmlFor={commentId}>
            {commentLabel}
            {commentRequired ? null : <span className="muted"> {t('dialog.optional')}</span>}
          </label>
          <textarea
            id={commentId}
            rows={4}
            value={comment}
            required={commentRequired}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? hintId : undefined}
            onChange={(event) => {
              setComment(event.target.value);
              if (event.target.value.trim()) setMissing(false);
            }}
          />
          {missing ? (
            <p id={hintId} className="field-error">
              {t('dialog.commentRequired')}
            </p>
          ) : null}
        </div>
        {error ? (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="action-dialog-buttons">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t('dialog.working') : confirmLabel}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

// The parts of a field few people need on a given day, loaded when they are: the choice after a
// version conflict, the field's history, and the reviewer's note. They stay out of the entry
// route's first download.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import type { ServerRow } from './draft';
import { formatDateTime, useValueText } from './format';
import type { NoteDraft } from './indicator-field';
import { type AuditEntry, type Indicator, type ReportDetail, useFieldHistory } from './queries';

export function ConflictChoice({
  indicator,
  label,
  yours,
  theirs,
  onChoose,
}: {
  indicator: Indicator;
  label: string | null;
  yours: { value: number | null; numerator: number | null; denominator: number | null; comment: string | null };
  theirs: ServerRow | null;
  onChoose: (keep: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const withComment = (text: string, comment: string | null) => (comment ? `${text} — “${comment}”` : text);
  return (
    <fieldset className="conflict">
      <legend className="conflict-title">
        {label ? t('entry.conflict.titleOption', { option: label }) : t('entry.conflict.title')}
      </legend>
      <dl className="conflict-values">
        <div>
          <dt>{t('entry.conflict.yours')}</dt>
          <dd>{withComment(valueText(indicator, yours), yours.comment)}</dd>
        </div>
        <div>
          <dt>{t('entry.conflict.theirs')}</dt>
          <dd>
            {theirs ? withComment(valueText(indicator, theirs), theirs.comment) : t('entry.conflict.cleared')}
            {theirs ? (
              <span className="conflict-who">
                {t('entry.conflict.by', {
                  who: theirs.updatedBy ?? t('entry.someone'),
                  when: formatDateTime(theirs.updatedAt, locale),
                })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <div className="conflict-buttons">
        <button type="button" className="button" onClick={() => onChoose('mine')}>
          {t('entry.conflict.keepMine')}
        </button>
        <button type="button" className="button" onClick={() => onChoose('theirs')}>
          {t('entry.conflict.useTheirs')}
        </button>
      </div>
    </fieldset>
  );
}

export function FieldHistory({
  report,
  indicator,
  optionName,
}: {
  report: ReportDetail;
  indicator: Indicator;
  optionName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const history = useFieldHistory(report.unit.code, report.period.id, indicator.code, true);
  if (history.isPending) return <p role="status">{t('common.loading')}</p>;
  if (history.isError) {
    return (
      <p className="field-error" role="alert">
        {t('entry.history.error')}{' '}
        <button type="button" className="link-button" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  }
  if (history.data.items.length === 0) return <p className="muted">{t('entry.history.empty')}</p>;
  return (
    <ol className="history-list">
      {history.data.items.map((entry) => (
        <HistoryEntry key={entry.id} entry={entry} indicator={indicator} optionName={optionName} />
      ))}
    </ol>
  );
}

function snapshotOf(
  value: unknown,
): { value: number | null; numerator: number | null; denominator: number | null; comment: string | null } | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const number = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : null);
  return {
    value: number('value'),
    numerator: number('numerator'),
    denominator: number('denominator'),
    comment: typeof record.comment === 'string' ? record.comment : null,
  };
}

function HistoryEntry({
  entry,
  indicator,
  optionName,
}: {
  entry: AuditEntry;
  indicator: Indicator;
  optionName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const option = entry.entityKey.split('/').at(-1) ?? '';
  const before = snapshotOf(entry.oldValue);
  const after = snapshotOf(entry.newValue);
  const commentChanged = (before?.comment ?? null) !== (after?.comment ?? null);
  return (
    <li>
      <span className="history-when">{formatDateTime(entry.at, locale)}</span>{' '}
      <span className="history-who">{entry.actor ?? t('entry.someone')}</span>
      <span className="history-what">
        {indicator.disaggregation.options.length > 1 ? `${optionName(option)}: ` : null}
        {t('entry.history.change', { from: valueText(indicator, before), to: valueText(indicator, after) })}
        {commentChanged && after?.comment ? ` · ${t('entry.history.comment', { comment: after.comment })}` : null}
      </span>
    </li>
  );
}

/** A reviewer's note on one field, written while reviewing and sent with a return. */
export function NoteEditor({ draft }: { draft: NoteDraft }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(draft.text !== '');
  if (!open) {
    return (
      <button type="button" className="button field-note-add" onClick={() => setOpen(true)}>
        {t('review.note.add')}
      </button>
    );
  }
  return (
    <div className="field field-note-editor">
      <label htmlFor={id}>{t('review.note.label', { unit: draft.unit })}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={2000}
        value={draft.text}
        aria-describedby={`${id}-hint`}
        // Opened by a click on "Add a note": the person wants to type now.
        // biome-ignore lint/a11y/noAutofocus: focus follows the person's own action
        autoFocus={draft.text === ''}
        onChange={(event) => draft.onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('review.note.hint')}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          draft.onChange('');
          setOpen(false);
        }}
      >
        {t('review.note.remove')}
      </button>
    </div>
  );
}

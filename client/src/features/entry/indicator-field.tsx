// One indicator of the report: its input (or value, when read-only) beside last quarter and this
// year's target, the comment, what needs the person's attention, and its history.

import type { TFunction } from 'i18next';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue } from '../../lib/format';
import { DisaggregationGrid, type GridCell } from './disaggregation-grid';
import {
  type Context,
  commentOf,
  type DraftAction,
  type DraftState,
  desiredRows,
  type FieldSpec,
  inputOf,
  rowKey,
} from './draft';
import { useValueText } from './format';
import { buildGrid } from './grid';
import type { Indicator, Outlier, ReportDetail, ReturnNote } from './queries';
import { type CellInput, indicatorTotal, type Parsed } from './values';

const ConflictChoice = lazy(() => import('./field-extras').then((module) => ({ default: module.ConflictChoice })));
const FieldHistory = lazy(() => import('./field-extras').then((module) => ({ default: module.FieldHistory })));
const NoteEditor = lazy(() => import('./field-extras').then((module) => ({ default: module.NoteEditor })));

export interface EditApi {
  state: DraftState;
  dispatch: (action: DraftAction) => void;
  context: Context;
  commentsWithoutValue: readonly string[];
  onBlur: () => void;
}

/** A reviewer's note on this field being written, to go with a return. */
export interface NoteDraft {
  unit: string;
  text: string;
  onChange: (text: string) => void;
}

interface FieldProps {
  indicator: Indicator;
  report: ReportDetail;
  edit: EditApi | null;
  outlier: Outlier | undefined;
  /** The note the reviewer left on this field with the latest return. */
  note: ReturnNote | undefined;
  noteDraft: NoteDraft | null;
}

function specOf(indicator: Indicator): FieldSpec {
  return {
    code: indicator.code,
    valueType: indicator.valueType,
    stageMax: indicator.stageMax,
    options: indicator.disaggregation.options.map((option) => option.code),
  };
}

export function fieldAnchor(indicator: string): string {
  return `field-${indicator}`;
}

export function IndicatorField({ indicator, report, edit, outlier, note, noteDraft }: FieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const id = useId();
  const spec = specOf(indicator);
  const year = report.period.id.slice(0, 4);
  const target = report.targets.find(
    (candidate) => candidate.indicator === indicator.code && candidate.type === 'target' && candidate.year === year,
  );
  const previousRows = report.previousValues.filter((row) => row.indicator === indicator.code);
  const previous = indicatorTotal(indicator.valueType, previousRows);
  const stored = report.values.filter((row) => row.indicator === indicator.code);
  const desired = edit ? desiredRows(edit.state, spec, edit.context.decimalMark) : null;
  const current = desired
    ? indicatorTotal(
        indicator.valueType,
        desired.map((row) => (row.parsed.ok ? row.parsed : { value: null })),
      )
    : indicatorTotal(indicator.valueType, stored);
  const multiple = spec.options.length > 1;
  const headingId = `${id}-name`;
  const metaId = `${id}-meta`;
  const errorsId = `${id}-errors`;
  const outlierId = `${id}-outlier`;
  const noteId = `${id}-note`;
  const commentId = `${id}-comment`;

  const errors = desired
    ? desired.flatMap((row) => {
        const message = !row.parsed.ok
          ? errorText(t, row.parsed, indicator.stageMax)
          : edit?.state.rejected[row.key] !== undefined
            ? t('entry.rejected', { message: edit.state.rejected[row.key] })
            : null;
        return message ? [{ key: row.key, option: row.option, message }] : [];
      })
    : [];
  const conflicts = edit
    ? Object.entries(edit.state.conflicts).filter(([, conflict]) => conflict.indicator === indicator.code)
    : [];
  const optionName = (code: string) =>
    indicator.disaggregation.options.find((option) => option.code === code)?.name ?? code;
  const attention = [note ? noteId : null, errors.length ? errorsId : null, outlier ? outlierId : null]
    .filter(Boolean)
    .join(' ');
  const describedBy = [metaId, attention].filter(Boolean).join(' ');
  const comment = edit ? commentOf(edit.state, spec) : (stored.find((row) => row.comment?.trim())?.comment ?? '');

  return (
    <article
      className={`field-card${outlier || note ? ' field-card-attention' : ''}${conflicts.length ? ' field-card-conflict' : ''}`}
      id={fieldAnchor(indicator.code)}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} className="field-name">
        {indicator.name}
      </h4>
      <div id={metaId} className="field-meta">
        <p className="field-unit">{indicator.unit}</p>
        <dl className="field-context">
          <div>
            <dt>{t('entry.lastQuarter')}</dt>
            <dd>{valueText(indicator, previousRows.length ? previous : null)}</dd>
          </div>
          <div>
            <dt>{t('entry.target', { year })}</dt>
            <dd>{target ? valueText(indicator, { value: target.value }) : t('entry.noTarget')}</dd>
          </div>
          {multiple || !edit ? (
            <div>
              <dt>{edit ? t('entry.thisQuarterTotal') : t('entry.thisQuarter')}</dt>
              <dd className="field-current">{valueText(indicator, current.value === null ? null : current)}</dd>
            </div>
          ) : null}
        </dl>
      </div>

      {note ? (
        <p id={noteId} className="field-note">
          <strong>{t('entry.reviewerNote', { who: note.actor ?? t('entry.someone') })}</strong> {note.comment}
        </p>
      ) : null}

      {outlier ? (
        <p id={outlierId} className="field-warning">
          {t(`entry.outlier.${outlier.reason}`, {
            value: formatIndicatorValue(outlier.value, locale),
            previous: outlier.previous === null ? '—' : formatIndicatorValue(outlier.previous, locale),
            limit: formatIndicatorValue(
              (outlier.reason === 'below_limit' ? indicator.minValue : indicator.maxValue) ?? 0,
              locale,
            ),
          })}
        </p>
      ) : null}

      {edit ? (
        <FieldInput
          indicator={indicator}
          spec={spec}
          edit={edit}
          labelledBy={headingId}
          describedBy={describedBy}
          attention={attention}
          previousRows={previousRows}
        />
      ) : multiple ? (
        <ReadOnlyBreakdown indicator={indicator} stored={stored} previousRows={previousRows} />
      ) : null}

      {errors.length ? (
        <ul id={errorsId} className="field-errors">
          {errors.map((error) => (
            <li key={error.key} className="field-error">
              {multiple ? `${optionName(error.option)}: ` : null}
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}

      {conflicts.length ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {conflicts.map(([key, conflict]) => (
            <ConflictChoice
              key={key}
              indicator={indicator}
              label={multiple ? optionName(conflict.option) : null}
              yours={conflict.yours}
              theirs={conflict.theirs}
              onChoose={(keep) => edit?.dispatch({ type: 'resolve', key, keep })}
            />
          ))}
        </Suspense>
      ) : null}

      {edit ? (
        <div className="field field-comment">
          <label htmlFor={commentId}>{t('entry.comment')}</label>
          <textarea
            id={commentId}
            rows={2}
            value={comment}
            aria-describedby={outlier ? outlierId : undefined}
            onChange={(event) =>
              edit.dispatch({ type: 'comment', indicator: indicator.code, text: event.target.value })
            }
            onBlur={edit.onBlur}
          />
          {edit.commentsWithoutValue.includes(indicator.code) ? (
            <p className="field-hint">{t('entry.commentNeedsValue')}</p>
          ) : null}
        </div>
      ) : comment ? (
        <p className="field-comment-text">
          <span className="muted">{t('entry.comment')}: </span>
          {comment}
        </p>
      ) : null}

      {noteDraft ? (
        <Suspense fallback={null}>
          <NoteEditor draft={noteDraft} />
        </Suspense>
      ) : null}

      <HistoryDisclosure report={report} indicator={indicator} optionName={optionName} />
    </article>
  );
}

type T = TFunction;

function errorText(t: T, parsed: Parsed, stageMax: number | null): string | null {
  if (parsed.ok) return null;
  const part = parsed.part === 'value' ? '' : `${t(`entry.${parsed.part}`)}: `;
  return part + t(`entry.errors.${parsed.error}`, { max: stageMax ?? 4 });
}

function FieldInput({
  indicator,
  spec,
  edit,
  labelledBy,
  describedBy,
  attention,
  previousRows,
}: {
  indicator: Indicator;
  spec: FieldSpec;
  edit: EditApi;
  labelledBy: string;
  describedBy: string;
  /** Only the errors and warnings, for the grid's cells. */
  attention: string;
  previousRows: ReportDetail['previousValues'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const mark = edit.context.decimalMark;
  const inputFor = (option: string) => inputOf(edit.state, spec, option, mark);
  const change = (option: string, input: CellInput) =>
    edit.dispatch({ type: 'input', key: rowKey(indicator.code, option), input });
  const invalid = (option: string) => {
    const row = desiredRows(edit.state, spec, mark).find((candidate) => candidate.option === option);
    return row ? !row.parsed.ok || edit.state.rejected[row.key] !== undefined : false;
  };
  const decimal = indicator.valueType === 'number';

  if (spec.options.length > 1 && (indicator.valueType === 'integer' || indicator.valueType === 'number')) {
    const layout = buildGrid(indicator.disaggregation);
    const rows = desiredRows(edit.state, spec, mark);
    const cellOf = (option: string): GridCell => {
      const row = rows.find((candidate) => candidate.option === option);
      return {
        text: inputFor(option).value,
        value: row?.parsed.ok ? row.parsed.value : null,
        invalid: invalid(option),
        previous: previousRows.find((previous) => previous.option === option)?.value ?? null,
      };
    };
    if (layout) {
      return (
        <DisaggregationGrid
          layout={layout}
          caption={indicator.name}
          cellOf={cellOf}
          onChange={(option, text) => change(option, { ...inputFor(option), value: text })}
          onBlur={edit.onBlur}
          // Each of up to 30 cells would otherwise repeat the unit, last quarter and target.
          describedBy={attention || undefined}
          decimal={decimal}
        />
      );
    }
    // Options that are not a full grid: one labelled field each.
    return (
      <div className="field-options">
        {indicator.disaggregation.options.map((option) => (
          <div className="field" key={option.code}>
            <label htmlFor={`${id}-${option.code}`}>{option.name}</label>
            <input
              id={`${id}-${option.code}`}
              className="value-input"
              inputMode={decimal ? 'decimal' : 'numeric'}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid(option.code) ? true : undefined}
              value={inputFor(option.code).value}
              onChange={(event) => change(option.code, { ...inputFor(option.code), value: event.target.value })}
              onBlur={edit.onBlur}
            />
          </div>
        ))}
      </div>
    );
  }

  const option = spec.options[0] ?? 'TOTAL';
  const input = inputFor(option);
  const common = {
    'aria-describedby': describedBy,
    'aria-invalid': invalid(option) ? true : undefined,
    onBlur: edit.onBlur,
  } as const;

  switch (indicator.valueType) {
    case 'percentage': {
      const row = desiredRows(edit.state, spec, mark).find((candidate) => candidate.option === option);
      const percent = row?.parsed.ok && row.parsed.value !== null ? row.parsed.value : null;
      return (
        <fieldset className="percentage-input" aria-labelledby={labelledBy}>
          <div className="field">
            <label htmlFor={`${id}-num`}>{t('entry.numerator')}</label>
            <input
              id={`${id}-num`}
              className="value-input"
              inputMode="decimal"
              autoComplete="off"
              value={input.numerator}
              onChange={(event) => change(option, { ...input, numerator: event.target.value })}
              {...common}
            />
          </div>
          <span aria-hidden="true" className="percentage-over">
            ÷
          </span>
          <div className="field">
            <label htmlFor={`${id}-den`}>{t('entry.denominator')}</label>
            <input
              id={`${id}-den`}
              className="value-input"
              inputMode="decimal"
              autoComplete="off"
              value={input.denominator}
              onChange={(event) => change(option, { ...input, denominator: event.target.value })}
              {...common}
            />
          </div>
          <output className="percentage-result" htmlFor={`${id}-num ${id}-den`}>
            {percent === null ? '= — %' : `= ${formatIndicatorValue(percent, locale)} %`}
          </output>
        </fieldset>
      );
    }
    case 'yes_no':
    case 'stage': {
      const choices =
        indicator.valueType === 'yes_no'
          ? [
              { value: '1', label: t('entry.yes') },
              { value: '0', label: t('entry.no') },
            ]
          : indicator.stages.map((stage) => ({
              value: String(stage.stage),
              label: t('entry.stageValue', { stage: stage.stage, label: stage.label }),
            }));
      return (
        <select
          className="value-select"
          aria-labelledby={labelledBy}
          value={input.value}
          onChange={(event) => {
            change(option, { ...input, value: event.target.value });
          }}
          {...common}
        >
          <option value="">{t('entry.notAnswered')}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      );
    }
    default:
      return (
        <input
          className="value-input"
          inputMode={decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          aria-labelledby={labelledBy}
          value={input.value}
          onChange={(event) => change(option, { ...input, value: event.target.value })}
          {...common}
        />
      );
  }
}

function ReadOnlyBreakdown({
  indicator,
  stored,
  previousRows,
}: {
  indicator: Indicator;
  stored: ReportDetail['values'];
  previousRows: ReportDetail['previousValues'];
}) {
  const layout = buildGrid(indicator.disaggregation);
  const valueText = useValueText();
  const cellOf = (option: string): GridCell => ({
    text: '',
    value: stored.find((row) => row.option === option)?.value ?? null,
    invalid: false,
    previous: previousRows.find((row) => row.option === option)?.value ?? null,
  });
  if (layout) {
    return (
      <DisaggregationGrid
        layout={layout}
        caption={indicator.name}
        cellOf={cellOf}
        decimal={indicator.valueType === 'number'}
      />
    );
  }
  return (
    <dl className="field-breakdown">
      {indicator.disaggregation.options.map((option) => (
        <div key={option.code}>
          <dt>{option.name}</dt>
          <dd>{valueText(indicator, stored.find((row) => row.option === option.code) ?? null)}</dd>
        </div>
      ))}
    </dl>
  );
}

function HistoryDisclosure({
  report,
  indicator,
  optionName,
}: {
  report: ReportDetail;
  indicator: Indicator;
  optionName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="field-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('entry.history.title')}</summary>
      {open ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <FieldHistory report={report} indicator={indicator} optionName={optionName} />
        </Suspense>
      ) : null}
    </details>
  );
}

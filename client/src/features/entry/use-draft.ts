// Autosave for the entry form: the rules live in draft.ts; this hook adds time (debounce, retries),
// the network and the device's storage.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { isRecord, readApiError } from '../../components/api-error';
import { useLocale } from '../../i18n/use-locale';
import { authKeys } from '../auth/session';
import {
  type ConflictReport,
  type Context,
  classifySaveFailure,
  collectChanges,
  type DraftAction,
  type DraftState,
  draftReducer,
  draftStorageKey,
  initialDraft,
  parseSavedDraft,
  retryDelay,
  toSavedDraft,
} from './draft';
import { type ReportDetail, saveValues, storeReport } from './queries';
import { decimalMarkOf } from './values';

/** How long after the last keystroke a draft is saved. */
export const SAVE_DELAY_MS = 1_500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; attempt: number }
  | { kind: 'stopped'; reason: 'locked' | 'signedOut' | 'refused'; message: string | null };

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the draft still lives in memory and on the server once saved.
  }
}

function isConflictReport(value: unknown): value is ConflictReport {
  return (
    isRecord(value) && typeof value.indicator === 'string' && typeof value.option === 'string' && isRecord(value.yours)
  );
}

function conflictsOf(details: unknown): ConflictReport[] {
  const list = isRecord(details) ? details.conflicts : null;
  return Array.isArray(list) ? list.filter(isConflictReport) : [];
}

function problemsOf(details: unknown): { row: number; message: string }[] {
  const list = isRecord(details) ? details.problems : null;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) =>
    isRecord(item) && typeof item.row === 'number' && typeof item.message === 'string'
      ? [{ row: item.row, message: item.message }]
      : [],
  );
}

export function specsOf(report: ReportDetail): Context['specs'] {
  return report.indicators.map((indicator) => ({
    code: indicator.code,
    valueType: indicator.valueType,
    stageMax: indicator.stageMax,
    options: indicator.disaggregation.options.map((option) => option.code),
  }));
}

export function useDraft(report: ReportDetail, userId: number, editable: boolean) {
  const queryClient = useQueryClient();
  const locale = useLocale();
  const orgUnit = report.unit.code;
  const period = report.period.id;
  const storageKey = draftStorageKey(userId, orgUnit, period);
  const context = useMemo<Context>(
    () => ({ specs: specsOf(report), decimalMark: decimalMarkOf(locale) }),
    [report, locale],
  );
  const contextRef = useRef(context);
  contextRef.current = context;

  // What the device still had that the server did not, counted once when the form opens.
  const [initial] = useState(() => {
    const fresh = initialDraft(report.values);
    const saved = editable ? parseSavedDraft(readStorage(storageKey)) : null;
    const state = saved ? draftReducer(context)(fresh, { type: 'restore', saved }) : fresh;
    return { state, restored: Object.keys(state.inputs).length + Object.keys(state.comments).length };
  });
  const [state, dispatch] = useReducer(
    (current: DraftState, action: DraftAction) => draftReducer(contextRef.current)(current, action),
    initial.state,
  );
  const restored = initial.restored;

  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempt = useRef(0);
  const stopped = status.kind === 'stopped';

  // The server's copy changed (a step, a refetch): the person's changes stay on top of it.
  useEffect(() => {
    dispatch({ type: 'refresh', values: report.values });
  }, [report.values]);

  // Every change is on the device at once, so a reload or a dead battery loses nothing.
  useEffect(() => {
    if (!editable) return;
    const saved = toSavedDraft(state);
    writeStorage(storageKey, saved ? JSON.stringify(saved) : null);
  }, [editable, state, storageKey]);

  const changes = useMemo(() => collectChanges(state, context), [state, context]);

  // Applied to the ref at once too, so `flush` sees the result without waiting for a render.
  const apply = useCallback((action: DraftAction) => {
    stateRef.current = draftReducer(contextRef.current)(stateRef.current, action);
    dispatch(action);
  }, []);

  const save = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    clearTimeout(retryTimer.current);
    if (inFlight.current) return inFlight.current;
    const writes = collectChanges(stateRef.current, contextRef.current).writes;
    if (writes.length === 0) return Promise.resolve(true);
    setStatus({ kind: 'saving' });
    const sent = writes.map((write) => `${write.indicator}/${write.option}`);
    const request = saveValues(orgUnit, period, writes).then(
      (result) => {
        attempt.current = 0;
        apply({ type: 'saved', values: result.report.values, sent });
        storeReport(queryClient, locale, result.report);
        setStatus({ kind: 'saved', at: new Date() });
        return true;
      },
      (error: unknown) => {
        const failure = readApiError(error);
        switch (classifySaveFailure(failure.status, failure.code)) {
          case 'retry': {
            setStatus({ kind: 'retrying', attempt: attempt.current });
            retryTimer.current = setTimeout(() => void save(), retryDelay(attempt.current));
            attempt.current += 1;
            break;
          }
          case 'conflict':
            apply({ type: 'conflicts', conflicts: conflictsOf(failure.details) });
            setStatus({ kind: 'idle' });
            break;
          case 'invalid': {
            const rows = problemsOf(failure.details).flatMap(({ row, message }) => {
              const key = sent[row];
              return key ? [{ key, message }] : [];
            });
            apply({ type: 'rejected', rows });
            setStatus({ kind: 'idle' });
            break;
          }
          case 'locked':
            setStatus({ kind: 'stopped', reason: 'locked', message: failure.message });
            void queryClient.invalidateQueries({ queryKey: ['reports', 'detail', orgUnit, period] });
            break;
          case 'signedOut':
            setStatus({ kind: 'stopped', reason: 'signedOut', message: failure.message });
            void queryClient.invalidateQueries({ queryKey: authKeys.me });
            break;
          case 'refused':
            setStatus({ kind: 'stopped', reason: 'refused', message: failure.message });
            break;
        }
        return false;
      },
    );
    inFlight.current = request.finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, [orgUnit, period, queryClient, locale, apply]);

  // Debounce: save once typing pauses. A retry already scheduled keeps its own timer.
  const pendingWrites = changes.writes.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change restarts the wait (a debounce).
  useEffect(() => {
    if (!editable || stopped || pendingWrites === 0 || status.kind === 'retrying') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [editable, stopped, pendingWrites, status.kind, save, state]);

  // Back online, or the phone is about to put the page away: save now rather than later.
  useEffect(() => {
    if (!editable) return;
    const now = () => {
      if (!stopped) void save();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [editable, save, stopped]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      clearTimeout(retryTimer.current);
    },
    [],
  );

  /** Saves everything pending, waiting for a save already on its way; true when nothing is left. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let round = 0; round < 3; round++) {
      if (inFlight.current && !(await inFlight.current)) return false;
      const pending = collectChanges(stateRef.current, contextRef.current);
      if (pending.writes.length === 0) return true;
      if (!(await save())) return false;
    }
    return collectChanges(stateRef.current, contextRef.current).writes.length === 0;
  }, [save]);

  return { state, dispatch, changes, status, save, flush, restored, context };
}

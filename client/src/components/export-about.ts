// The "About this export" sheet of an XLSX file: which table, the filters that made it, whether its
// figures are approved data only, when it was exported, how many rows, which application. Its texts
// are the `exports` part, loaded when someone exports (ExportButtons), never with a page.
import type { TFunction } from 'i18next';
import { type AboutSheet, type Cell, type ExportContext, isoDateTime } from '../lib/export';

export interface ExportFacts {
  exportedAt: Date;
  /** The interface language, for the time in words. */
  locale: string;
  /** Rows of the table sheet (group rows included where the table shows them). */
  rowCount: number;
  /** Name and version: "m4d-monitor 0.1.0". */
  application: string;
}

export function describeExport(context: ExportContext, facts: ExportFacts, t: TFunction): AboutSheet {
  const filters: [string, Cell][] = [...context.filters];
  if (context.search) filters.push([t('exportAbout.search'), context.search]);
  const data: [string, Cell][] =
    context.approvedOnly === undefined
      ? []
      : [
          [
            t('exportAbout.data'),
            context.approvedOnly ? t('exportAbout.approvedOnly') : t('exportAbout.withUnapproved'),
          ],
        ];
  return {
    name: t('exportAbout.sheet'),
    rows: [
      [t('exportAbout.table'), context.title],
      ...(filters.length > 0 ? filters : [[t('exportAbout.filters'), t('exportAbout.noFilters')] as [string, Cell]]),
      ...data,
      [t('exportAbout.exportedAt'), isoDateTime(facts.exportedAt)],
      [
        t('exportAbout.exportedAtLocal'),
        new Intl.DateTimeFormat(facts.locale, { dateStyle: 'full', timeStyle: 'long' }).format(facts.exportedAt),
      ],
      [t('exportAbout.rows'), facts.rowCount],
      [t('exportAbout.application'), facts.application],
    ],
  };
}

// What an export's "About" sheet says of a table of analytics figures, read from the API's answer
// rather than from the controls: the indicator(s), the area, the quarters, the project or breakdown,
// and whether this reader's figures are approved data only — the server decides that by role, and
// the answer says which it applied (`visibility`).
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import type { ExportContext } from '../../lib/export';
import { usePeriodRangeLabel } from './controls';
import { useUnitLabel } from './figures';
import type { Analytics } from './queries';

type Filter = ExportContext['filters'][number];

export function useAnalyticsExportContext() {
  const { t } = useTranslation();
  const labels = useLabels();
  const rangeLabel = usePeriodRangeLabel();
  const unitLabel = useUnitLabel();
  /** The answer's context, with the page's own filters (map classes, …) after it. */
  return (data: Analytics, title: string, extra: Filter[] = []): ExportContext => {
    const indicators = data.indicators.map((figures) => figures.indicator);
    const first = data.periods[0];
    const last = data.periods.at(-1);
    const filters: Filter[] = [
      indicators.length > 1
        ? [t('dash.indicators'), indicators.map((indicator) => indicator.name).join('; ')]
        : [t('dash.indicator'), `${data.indicator.name} (${unitLabel(data.indicator)})`],
      [
        t('dash.area'),
        data.project
          ? `${data.orgUnit?.name ?? t('explorer.wholeProgramme')}: ${t('projects.breakdownPlace')}`
          : (data.orgUnit?.name ?? t('explorer.wholeProgramme')),
      ],
    ];
    if (data.level) filters.push([t('columns.level'), labels.unitKindPlural(data.level)]);
    if (data.project) filters.push([t('columns.project'), data.project.name]);
    if (data.category) filters.push([t('projects.breakdownBy'), data.category.name]);
    if (first && last) filters.push([t('dash.periods'), rangeLabel({ from: first, to: last })]);
    return { title, filters: [...filters, ...extra], approvedOnly: data.visibility === 'approved' };
  };
}

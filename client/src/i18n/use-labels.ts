// Translated labels for the API's enumerations. A value this version does not know yet is shown
// as the raw code rather than hidden.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const UNIT_KINDS = ['country', 'region', 'province', 'municipality'] as const;
const TIERS = ['national', 'regional', 'local'] as const;
const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;
const VALUE_TYPES = ['integer', 'number', 'percentage', 'yes_no', 'stage'] as const;
const AGGREGATION_TYPES = ['sum', 'average', 'last', 'max', 'count', 'ratio'] as const;
// IATI ActivityStatus codelist.
const PROJECT_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A unit kind in words ("Municipality"), for exports, which have no hooks. */
export function unitKindLabel(kind: string, t: TFunction): string {
  return isOneOf(UNIT_KINDS, kind) ? t(`unitKind.${kind}`) : kind;
}

export function useLabels() {
  const { t } = useTranslation();
  return {
    unitKind: (kind: string) => unitKindLabel(kind, t),
    unitKindPlural: (kind: string) => (isOneOf(UNIT_KINDS, kind) ? t(`unitKindPlural.${kind}`) : kind),
    tier: (tier: string) => (isOneOf(TIERS, tier) ? t(`tier.${tier}`) : tier),
    resultType: (type: string) => (isOneOf(RESULT_TYPES, type) ? t(`resultType.${type}`) : type),
    valueType: (type: string) => (isOneOf(VALUE_TYPES, type) ? t(`valueType.${type}`) : type),
    aggregationType: (type: string) => (isOneOf(AGGREGATION_TYPES, type) ? t(`aggregationType.${type}`) : type),
    projectStatus: (status: number) => {
      const code = String(status);
      return isOneOf(PROJECT_STATUSES, code) ? t(`projectStatus.${code}`) : t('projectStatus.unknown', { code });
    },
  };
}

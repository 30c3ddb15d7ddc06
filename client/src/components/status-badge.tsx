import { useTranslation } from 'react-i18next';

const STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
type Status = (typeof STATUSES)[number];

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** A report's workflow state, in words and colour (the words carry the meaning; colour only helps). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status badge-status-${status}`}>
      {isStatus(status) ? t(`reportStatus.${status}`) : status}
    </span>
  );
}

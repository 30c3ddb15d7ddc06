// The "My region" item of the main navigation: a regional council's way to its scorecard. Small on
// purpose: the layout (entry chunk) imports it.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../auth/session';

export function RegionNavItem({ user }: { user: Me | null | undefined }) {
  const { t } = useTranslation();
  if (user?.role !== 'regional' || !user.orgUnit) return null;
  return (
    <li>
      <Link to="/regions/$code" params={{ code: user.orgUnit.code }} className="nav-link">
        {t('nav.region')}
      </Link>
    </li>
  );
}

import { PlannedSection } from '../../components/planned-section';

export function AdminPage() {
  return <PlannedSection section="admin" />;
}

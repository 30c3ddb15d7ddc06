import { PlannedSection } from '../../components/planned-section';

export function EntryPage() {
  return <PlannedSection section="entry" />;
}

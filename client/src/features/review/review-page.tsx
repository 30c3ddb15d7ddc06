import { PlannedSection } from '../../components/planned-section';

export function ReviewPage() {
  return <PlannedSection section="review" />;
}

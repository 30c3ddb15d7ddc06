import { getRouteApi } from '@tanstack/react-router';
import { ReportPage } from '../entry/report-page';

const route = getRouteApi('/review/$orgUnit/$period');

/** `/review/$orgUnit/$period`: the report read-only, with the reviewer's steps. */
export function ReviewReportPage() {
  return <ReportPage mode="review" params={route.useParams()} />;
}

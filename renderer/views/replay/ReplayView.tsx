// The Replay screen: handler report, bulk replay and HAR import/export. Single replays live in
// the capture detail (ReplayPanel). Register in views/index.ts as
// { id: 'replay', label: 'Replay', component: ReplayView }.
import { BulkSection } from './BulkSection';
import { HandlerReportSection } from './HandlerReportSection';
import { HarSection } from './HarSection';

export function ReplayView() {
  return (
    <div className="replay-page" data-testid="replay-view">
      <HandlerReportSection />
      <BulkSection />
      <HarSection />
    </div>
  );
}

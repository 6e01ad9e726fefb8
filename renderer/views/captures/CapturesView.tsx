// The captures screen: filter bar + live list on the left, the opened capture on the right, or
// the getting-started card while the store is empty.
import { isFiltering } from '../../state/captures-window';
import { useApp } from '../../state/store';
import { CaptureDetailPane } from './detail/CaptureDetailPane';
import { CaptureFilters } from './CaptureFilters';
import { CaptureList } from './CaptureList';
import { EmptyState } from './EmptyState';
import { ListNotices } from './ListNotices';
import { SelectionBar } from './SelectionBar';
import { useListKeys } from './use-list-keys';

export function CapturesView() {
  useListKeys();
  const loaded = useApp((s) => s.loaded);
  // A boolean, not the count: the view re-renders when the store empties, not per live batch.
  const storeEmpty = useApp((s) => s.total === 0);
  const empty = useApp((s) => s.items.length === 0);
  const filtering = useApp((s) => isFiltering(s.filters));
  const selectedId = useApp((s) => s.selectedId);

  if (loaded && storeEmpty && empty && !filtering) return <EmptyState />;
  return (
    <div className={selectedId !== null ? 'captures split' : 'captures'}>
      <section className="list-pane" aria-label="Captures">
        <CaptureFilters />
        <SelectionBar />
        {/* Visual column header; each row's accessible name already says what its cells are. */}
        <div className="list-header" aria-hidden="true">
          <span className="cell cell-time">Time</span>
          <span className="cell cell-method">Method</span>
          <span className="cell cell-path">Path</span>
          <span className="cell cell-task">Task</span>
          <span className="cell cell-verdict">Verdict</span>
          <span className="cell cell-size">Size</span>
        </div>
        <ListNotices />
        <CaptureList />
      </section>
      {selectedId !== null && <CaptureDetailPane />}
    </div>
  );
}
